// Bundles src/ into dist/ with esbuild: one entry, lazy chunks (code splitting) so that
// `--version` and `validate` never load prompts or marked-terminal (see stack-notes.md).
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * src/render/precompiled.ts as shipped: every templates/*.hbs (and the stylesheet partial)
 * precompiled, so that a report runs with the Handlebars runtime only (compiling at run time cost
 * 70–85 ms per report). Generic: a template added or changed by anyone is picked up. The options
 * must stay those of precompileOptions() in src/render/templating.ts.
 */
function precompiledModule() {
  const dir = new URL('../templates/', import.meta.url);
  const entries = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs') && name !== 'style.css') continue;
    const raw = readFileSync(new URL(name, dir), 'utf8');
    // The stylesheet is compiled as text, `{{` escaped, as renderPage does.
    const source = name.endsWith('.css') ? raw.replace(/\{\{/g, '\\{{') : raw;
    const noEscape = name.endsWith('.md.hbs');
    const spec = Handlebars.precompile(source, { noEscape, strict: false, preventIndent: true, knownHelpers: {} });
    entries.push(`  [${JSON.stringify(source)}, { noEscape: ${noEscape}, spec: ${spec} }]`);
  }
  return `export const PRECOMPILED = new Map([\n${entries.join(',\n')}\n]);\n`;
}

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled\.ts$/ }, () => ({ contents: precompiledModule(), loader: 'js' }));
  },
};

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
  plugins: [precompiledTemplates],
});

// dist/grid-snapshot.json: the built-in grid validated now, so that the default path of every
// command parses no YAML (src/validation/grid-snapshot.ts says when it applies). Validated by the
// project's own code, bundled for the occasion; no snapshot when the grid has errors.
{
  const tmp = new URL('../dist/.snapshot-build.mjs', import.meta.url);
  await build({
    stdin: {
      contents: "export { validateGridText } from './src/validation/validate.ts'; export { makeSnapshot } from './src/validation/grid-snapshot.ts';",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    outfile: fileURLToPath(tmp),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __capCreateRequire } from 'node:module'; const require = __capCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  try {
    const { validateGridText, makeSnapshot } = await import(tmp.href);
    const text = readFileSync(new URL('../questions/cap-ptce.yaml', import.meta.url), 'utf8');
    const { grid } = validateGridText(text, 'questions/cap-ptce.yaml', new Date().toISOString().slice(0, 10));
    if (grid) writeFileSync(new URL('../dist/grid-snapshot.json', import.meta.url), JSON.stringify(makeSnapshot(text, grid)));
    else console.warn('questions/cap-ptce.yaml a des erreurs : pas d’instantané de la grille (cap-ptce validate pour le détail).');
  } finally {
    rmSync(tmp, { force: true });
  }
}
