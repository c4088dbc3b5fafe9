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
  // Every dependency is bundled: the published package has no runtime dependency (they are all
  // devDependencies), and resolving zod's and yaml's many files costs more start-up time than
  // their code (see bench/startup.mjs). CommonJS dependencies (commander) need `require`.
  // marked-terminal imports a syntax highlighter and an emoji table that reports never use:
  // stand-ins keep 2 MB out of the package and 300 ms out of `report` on a terminal.
  alias: {
    'cli-highlight': './scripts/stubs/cli-highlight.mjs',
    'node-emoji': './scripts/stubs/node-emoji.mjs',
  },
  banner: { js: "import { createRequire as __capCreateRequire } from 'node:module'; const require = __capCreateRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(version) },
});
