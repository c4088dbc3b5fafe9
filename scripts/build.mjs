// Bundles src/ into dist/ with esbuild: one entry, lazy chunks (code splitting) so that
// `--version` and `validate` never load prompts (see stack-notes.md).
import { build, transformSync } from 'esbuild';
import Handlebars from 'handlebars';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Minified: half the bytes for V8 to parse at each start. CAP_PTCE_NO_MINIFY=1 for readable profiles.
const MINIFY = !process.env.CAP_PTCE_NO_MINIFY;

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * dist/lib/templates/<name>.cjs: every templates/*.hbs (and the stylesheet partial) precompiled,
 * one file each, so that a report runs with the Handlebars runtime only (compiling at run time cost
 * 70–85 ms per report) and loads its own template only. Generic: a template added or changed by
 * anyone is picked up. The options are the renderers' (noEscape for Markdown; the equivalence is
 * tested by test/robust/precompiled.test.ts against run-time compilation). Each file keeps the text it was made from (`raw`): src/io/templates.ts
 * uses it only for that exact text, so a template edited after the build is compiled on use.
 */
function writePrecompiledTemplates() {
  const dir = new URL('../templates/', import.meta.url);
  const out = new URL('../dist/lib/templates/', import.meta.url);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs') && name !== 'style.css') continue;
    const raw = readFileSync(new URL(name, dir), 'utf8');
    // The stylesheet is compiled as text, `{{` escaped, as renderPage does.
    const source = name.endsWith('.css') ? raw.replace(/\{\{/g, '\\{{') : raw;
    const noEscape = name.endsWith('.md.hbs');
    const spec = Handlebars.precompile(source, { noEscape, strict: false, preventIndent: true, knownHelpers: {} });
    const sourceCode = source === raw ? 'module.exports.raw' : JSON.stringify(source);
    const code = `module.exports = { raw: ${JSON.stringify(raw)}, noEscape: ${noEscape}, spec: ${spec} };\nmodule.exports.source = ${sourceCode};\n`;
    // Minified like the bundle: a report parses its template's code on every run.
    writeFileSync(new URL(`${name}.cjs`, out), transformSync(code, { minify: MINIFY, format: 'cjs', target: 'node20' }).code);
  }
}

// Libraries kept out of the start-up chunks (src/lazy-lib.ts), each a dist/lib/<name>.cjs loaded on
// first use. `yaml` and `handlebars` are asked for through lazyLib() in the source. The others are
// imported by src/ as usual, and the build puts in their place functions that load the library on
// their first call: wrap-ansi only for a terminal; globs and CSV are rare.
// string-width (for wrap-ansi and src/) is src/text/string-width.ts: the same widths without
// loading ICU's data (≈ 40 ms) nor segmenting each text (≈ 0.1 ms a call).
const ALIASES = {
  'string-width': './scripts/stubs/string-width.cjs',
};
const LAZY_IN_SOURCE = ['yaml', 'js-yaml', 'handlebars'];
const LAZY_EXPORTS = {
  'wrap-ansi': ['default'],
  tinyglobby: ['globSync', 'isDynamicPattern'],
  'csv-stringify/sync': ['stringify'],
};
const libFile = (name) => name.replace(/\//g, '-');
const lazyExports = {
  name: 'lazy-exports',
  setup(b) {
    // commander requires node:child_process (for executable subcommands, which cap-ptce has none
    // of) when it loads: net, dgram and child_process at every start. Loaded on first use instead.
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const filter = new RegExp(`^(${Object.keys(LAZY_EXPORTS).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.importer.startsWith(src) ? { path: args.path, namespace: 'lazy-lib' } : undefined));
    // The zod schemas (src/model/schema-loader.ts): dist/lib/model-schema.cjs, on first call.
    b.onLoad({ filter: /[\\/]src[\\/]model[\\/]schema-loader\.ts$/ }, () => ({
      contents: `import { lazyLib } from ${JSON.stringify(fileURLToPath(new URL('../src/lazy-lib.ts', import.meta.url)))};\nlet m;\nexport function zodSchemas() { return (m ??= lazyLib('model-schema')); }\n`,
      loader: 'js',
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-lib' }, (args) => ({
      contents: [
        `import { lazyLib } from ${JSON.stringify(fileURLToPath(new URL('../src/lazy-lib.ts', import.meta.url)))};`,
        'let lib;',
        `const load = () => (lib ??= lazyLib(${JSON.stringify(libFile(args.path))}));`,
        ...LAZY_EXPORTS[args.path].map((e) => (e === 'default' ? 'export default function (...a) { const m = load(); return (typeof m === "function" ? m : m.default)(...a); }' : `export function ${e}(...a) { return load().${e}(...a); }`)),
      ].join('\n'),
      loader: 'js',
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    }));
  },
};

/** cli.ts's `import('./commands/report.js')` points at the bundle of its own, dist/report/index.js. */
const reportApart = {
  name: 'report-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/report\.js$/ }, (args) => (args.kind === 'dynamic-import' && /[\\/]src[\\/]cli\.ts$/.test(args.importer) ? { path: './report/index.js', external: true } : undefined));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const mainOptions = {
  entryPoints: { cli: 'src/cli.ts' },
  // CAP_PTCE_META=1 npm run build: dist/meta.json says which module went into which chunk
  // (scripts/what-loads.mjs reads it: what each command loads at start-up).
  metafile: Boolean(process.env.CAP_PTCE_META),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Every dependency is bundled: the published package has no runtime dependency (they are all
  // devDependencies), and resolving zod's and yaml's many files costs more start-up time than
  // their code (see bench/startup.mjs). CommonJS dependencies (commander) need `require`.
  alias: ALIASES,
  banner: { js: "import { createRequire as __capCreateRequire } from 'node:module'; const require = __capCreateRequire(import.meta.url);" },
  sourcemap: false,
  minify: MINIFY,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(version), __CAP_PTCE_DIST__: 'true' },
};
const main = await build({ ...mainOptions, plugins: [lazyExports, reportApart] });
// dist/report/index.js: the `report` command, the one people run most and wait for, bundled
// apart: its whole static graph in one file. In the shared chunks above, its 30 files cost 96
// imports that Node's ESM loader resolves one by one (≈ 15 ms a run). The other commands share
// chunks (less to ship); `report` also stays in them for the round table and diagnose.
// Errors thrown from this bundle are its own copies of src/errors.ts's classes: errors.ts
// recognises them by a registered symbol. Dynamic imports (the terminal renderer) stay chunks.
const reportBuild = await build({
  ...mainOptions,
  entryPoints: { index: 'src/commands/report.ts' },
  outdir: 'dist/report',
  chunkNames: '[name]-[hash]',
  plugins: [lazyExports],
});
// dist/lib/<name>.cjs: the libraries src/lazy-lib.ts loads on first use only.
for (const name of [...LAZY_IN_SOURCE, ...Object.keys(LAZY_EXPORTS)]) {
  await build({
    stdin: { contents: `module.exports = require('${name}');`, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
    outfile: fileURLToPath(new URL(`../dist/lib/${libFile(name)}.cjs`, import.meta.url)),
    bundle: true,
    alias: ALIASES,
    // wrap-ansi cuts between graphemes: found without ICU (src/text/string-width.ts).
    define: { 'Intl.Segmenter': '__capSegmenter' },
    inject: ['./scripts/stubs/segmenter.mjs'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: MINIFY,
    logLevel: 'warning',
  });
}
await build({
  entryPoints: [fileURLToPath(new URL('../src/model/schema.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/lib/model-schema.cjs', import.meta.url)),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: MINIFY,
  logLevel: 'warning',
});
writePrecompiledTemplates();
if (main.metafile) {
  const outputs = { ...main.metafile.outputs, ...reportBuild.metafile.outputs };
  writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify({ ...main.metafile, outputs }));
}

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
