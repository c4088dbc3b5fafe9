// Bundles src/ into dist/ with esbuild: the commands people wait for as CommonJS files of their
// own, the others as ES modules sharing chunks (see below), so that `--version`, `validate` and
// `report` load only what they run, and never the prompts (see stack-notes.md).
import { build, transformSync } from 'esbuild';
import Handlebars from 'handlebars';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    const { helpers, bare } = helperUse(Handlebars.parse(source));
    // Compiled as the renderers compile at run time (knownHelpersOnly: a helper call goes straight
    // to its function, a `{{field}}` straight to the data, with no "helper or field?" test at each
    // read, a fifth of a workshop's rendering). The build knows the helpers the template calls,
    // not those of its renderer: src/render/templating.ts uses this form only when the renderer
    // registers all of `helpers` and none of `bare`.
    const knownHelpers = Object.fromEntries(helpers.map((h) => [h, true]));
    const compiled = Handlebars.precompile(source, { noEscape, strict: false, preventIndent: true, knownHelpers, knownHelpersOnly: true });
    // Each helper call hands its helper the template position of the call (`loc`: three objects
    // made at every call, 2,300 rows of a workshop times each `{{#if}}` of a row). The runtime reads
    // it only in strict mode, which these templates are not compiled in, and no helper of cap-ptce
    // reads it: dropped. (The output is checked against run-time compilation, which keeps it.)
    const spec = compiled.replace(/,"loc":\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g, '');
    if (/"loc":\{"start"/.test(spec)) throw new Error(`${name} : une position de modèle (loc) n'a pas la forme attendue ; voir scripts/build.mjs`);
    const sourceCode = source === raw ? 'module.exports.raw' : JSON.stringify(source);
    const code = `module.exports = { raw: ${JSON.stringify(raw)}, noEscape: ${noEscape}, helpers: ${JSON.stringify(helpers)}, bare: ${JSON.stringify(bare)}, spec: ${spec} };\nmodule.exports.source = ${sourceCode};\n`;
    // Minified like the bundle: a report parses its template's code on every run.
    writeFileSync(new URL(`${name}.cjs`, out), transformSync(code, { minify: MINIFY, format: 'cjs', target: 'node20' }).code);
  }
}

/**
 * The names a template calls as helpers (`{{#if x}}`, `{{join a ", "}}`, `(eq a b)`) and the plain
 * names it reads without arguments (`{{label}}`, `{{#answers}}`): the first must be the
 * renderer's helpers, the second must not be (a helper by that name would be called, not read).
 */
function helperUse(ast) {
  const helpers = new Set();
  const bare = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const { type } = node;
    if (type === 'MustacheStatement' || type === 'BlockStatement' || type === 'SubExpression') {
      const path = node.path;
      const simple = path?.type === 'PathExpression' && path.parts.length === 1 && !path.data && !path.depth && !/^(?:\.|this\b)/.test(path.original);
      if (Handlebars.AST.helpers.helperExpression(node)) {
        if (path?.type === 'PathExpression') helpers.add(path.parts[0]);
      } else if (simple) bare.add(path.parts[0]);
    }
    for (const key of ['body', 'params', 'program', 'inverse', 'path', 'hash', 'pairs', 'value']) visit(node[key]);
  };
  visit(ast);
  return { helpers: [...helpers].sort(), bare: [...bare].sort() };
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

// Two kinds of output. The commands people wait for start from CommonJS files, one per command,
// whole: `node -e 0` costs 1.00, an empty ES module 1.07, and each ES module imported costs a
// resolution, a package.json lookup and a link more (a report split into 30 chunks made 96
// imports). The interactive commands and the rarer ones (diagnose, the round table, grid, schema,
// compare) are ES modules sharing chunks: smaller to ship, and their start-up is not waited for.
// A dynamic import of a module that has a file of its own (below) loads that file; any other is
// bundled where it is imported (evaluated on first use only).
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
/** dist/<name>.cjs, from src/<path>. */
const CJS = {
  cli: 'cli.ts',
  report: 'commands/report.ts',
  validate: 'commands/validate.ts',
  'project-settings': 'commands/project-settings.ts',
  // A project config file found (io/config.ts): its checker, on demand.
  'config-check': 'validation/config.ts',
  diagnostics: 'render/diagnostics.ts',
  // cli.ts's « write error » messages; a report's terminal rendering.
  files: 'io/files.ts',
  'terminal-markdown': 'render/terminal-markdown.ts',
};
/** dist/esm/<name>.js (and dist/esm/chunks/), from src/<path>. */
const ESM = {
  diagnose: 'commands/diagnose.ts',
  'round-table': 'commands/round-table.ts',
  grid: 'commands/grid.ts',
  schema: 'commands/schema.ts',
  compare: 'commands/compare.ts',
};
const bySource = new Map([...Object.entries(CJS).map(([name, path]) => [SRC + path, { name, cjs: true }]), ...Object.entries(ESM).map(([name, path]) => [SRC + path, { name, cjs: false }])]);

/** In a CommonJS build: `import()` of another output's source loads that output. */
function linkOutputs(self) {
  return {
    name: 'link-outputs',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const target = bySource.get(join(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
        if (!target || target.name === self) return undefined;
        // A CommonJS output: required (Node's ESM loader stays asleep). An ES module: imported.
        if (target.cjs) return { path: target.name, namespace: 'cjs-output' };
        return { path: `./esm/${target.name}.js`, external: true };
      });
      b.onLoad({ filter: /.*/, namespace: 'cjs-output' }, (args) => ({ contents: `module.exports = require('./${args.path}.cjs');`, loader: 'js' }));
      b.onResolve({ filter: /\.cjs$/, namespace: 'cjs-output' }, (args) => ({ path: args.path, external: true }));
    },
  };
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const shared = {
  // CAP_PTCE_META=1 npm run build: dist/meta.json says what went into which file
  // (scripts/what-loads.mjs reads it: what each command loads at start-up).
  metafile: Boolean(process.env.CAP_PTCE_META),
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Every dependency is bundled: the published package has no runtime dependency (they are all
  // devDependencies), and resolving zod's and yaml's many files costs more start-up time than
  // their code (bench/run.mjs measures start-up).
  alias: ALIASES,
  sourcemap: false,
  minify: MINIFY,
  logLevel: 'warning',
};
const metafiles = [];
for (const [name, path] of Object.entries(CJS)) {
  const r = await build({
    ...shared,
    entryPoints: { [name]: SRC + path },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // The source is ES modules: import.meta.url, as CommonJS knows it.
    banner: { js: "const __capImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { __VERSION__: JSON.stringify(version), __CAP_PTCE_DIST__: 'true', 'import.meta.url': '__capImportMetaUrl' },
    plugins: [lazyExports, linkOutputs(name)],
  });
  metafiles.push(r.metafile);
}
metafiles.push(
  (
    await build({
      ...shared,
      entryPoints: Object.fromEntries(Object.entries(ESM).map(([name, path]) => [name, SRC + path])),
      outdir: 'dist/esm',
      splitting: true,
      format: 'esm',
      // Bundled CommonJS packages require Node's built-in modules: an ES module needs `require` for them.
      banner: { js: "import { createRequire as __capCreateRequire } from 'node:module'; const require = __capCreateRequire(import.meta.url);" },
      chunkNames: 'chunks/[name]-[hash]',
      define: { __VERSION__: JSON.stringify(version), __CAP_PTCE_DIST__: 'true' },
      plugins: [lazyExports],
    })
  ).metafile,
);
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
if (metafiles[0]) {
  const outputs = Object.assign({}, ...metafiles.map((m) => m.outputs));
  writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify({ outputs }));
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
