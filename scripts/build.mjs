// Bundles src/ into dist/ with esbuild: one entry, lazy chunks (code splitting) so that
// `--version` and `validate` never load prompts or marked-terminal (see stack-notes.md).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving zod's and yaml's many files costs more start-up time
  // than their code (see bench/startup.mjs). CommonJS dependencies (commander) need `require`.
  // `yaml` stays a runtime dependency, required lazily (src/validation/yaml-source.ts).
  external: ['yaml'],
  banner: { js: "import { createRequire as __capCreateRequire } from 'node:module'; const require = __capCreateRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(version) },
});
