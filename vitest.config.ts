import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: spawned CLIs and pseudo-terminals compete with workers.
    maxWorkers: 2,
    // A test that asserts nothing cannot fail: make it fail instead.
    expect: { requireAssertions: true },
  },
});
