import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../helpers.js';

// `--version`, `validate` and `report` must start fast: each loads its own CommonJS file and no
// more (scripts/build.mjs), never the prompts, nor the terminal renderer unless a terminal shows
// the report, nor Node's ES module loader. Checked on the built files, run as users run them: a
// preloaded tracer lists every file of dist/ that Node reads as a module, and whether the ES
// module loader was started.
const dist = join(repoRoot, 'dist');
const work = mkdtempSync(join(tmpdir(), 'cap-ptce-loads-'));
const tracer = join(work, 'tracer.cjs');
writeFileSync(
  tracer,
  `const Module = require('node:module');
const loaded = [];
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const file = Module._resolveFilename(request, parent, isMain);
  if (file.startsWith(${JSON.stringify(dist)})) loaded.push(file);
  return load.apply(this, arguments);
};
process.on('exit', () => {
  // The ES module loader's internals are loaded when it starts, and only then.
  const esm = process.moduleLoadList.some((m) => m === 'NativeModule internal/modules/esm/translators');
  require('node:fs').writeFileSync(process.env.TRACE_OUT, JSON.stringify({ loaded, esm }));
});
`,
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function loads(args: string[]): { files: string[]; esm: boolean } {
  const out = join(work, 'trace.json');
  const r = spawnSync(process.execPath, ['-r', tracer, binPath, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, TRACE_OUT: out, NO_COLOR: '1' } });
  expect(r.status, r.stderr).toBe(0);
  const { loaded, esm } = JSON.parse(readFileSync(out, 'utf8')) as { loaded: string[]; esm: boolean };
  return { files: [...new Set(loaded.map((f) => relative(dist, f)))].sort(), esm };
}

// Prompts are for diagnose only. The terminal renderer (src/render/terminal-markdown.ts, found in
// the bundle by its entity table's « frac34 ») is for a report shown on a terminal only: a report to
// a pipe or a file never parses it.
const prompts = /node_modules\/@inquirer\/|@inquirer/;
const terminalRenderer = /frac34/;
const example = join(repoRoot, 'examples', 'projet-emergent.yaml');

describe('start-up stays light', () => {
  it.each([
    ['--version', ['--version'], ['cli.cjs']],
    ['validate', ['validate'], ['cli.cjs', 'project-settings.cjs', 'validate.cjs']],
    ['report', ['report', example], ['cli.cjs', 'project-settings.cjs', 'report.cjs']],
  ])('%s loads its own file only, neither the prompts nor the terminal renderer, nor the ES module loader', (_, args, own) => {
    const { files, esm } = loads(args);
    // Besides the command's files: libraries and templates of dist/lib/, loaded on first use.
    expect(files.filter((f) => !f.startsWith('lib')), files.join(' ')).toEqual(own);
    expect(esm).toBe(false);
    for (const file of files) {
      const code = readFileSync(join(dist, file), 'utf8');
      for (const pattern of [prompts, terminalRenderer]) expect(code, `${file} bundles ${pattern}`).not.toMatch(pattern);
    }
  });

  it.each([
    ['report', ['report', example]],
    ['report --format html', ['report', example, '--format', 'html']],
    ['a workshop synthesis', ['report', join(repoRoot, 'examples', 'atelier')]],
    ['a workshop synthesis in HTML', ['report', join(repoRoot, 'examples', 'atelier'), '--format', 'html']],
    ['the worksheet in HTML', ['grid', '--format', 'html']],
    ['compare', ['compare', join(repoRoot, 'examples', 'suivi', '2025.yaml'), join(repoRoot, 'examples', 'suivi', '2026.yaml')]],
  ])('%s runs its packaged template as the build precompiled it, without the Handlebars compiler', (_, args) => {
    const { files } = loads(args);
    expect(files.some((f) => f.startsWith('lib/templates/')), files.join(' ')).toBe(true);
    expect(files, files.join(' ')).not.toContain('lib/handlebars.cjs');
  });

  it('the terminal renderer is in the build, in a file of its own that report requires when it is needed', () => {
    const files = readdirSync(dist).filter((f) => f.endsWith('.cjs') && terminalRenderer.test(readFileSync(join(dist, f), 'utf8')));
    expect(files).toEqual(['terminal-markdown.cjs']);
    expect(readFileSync(join(dist, 'report.cjs'), 'utf8')).toContain('require("./terminal-markdown.cjs")');
  });
});
