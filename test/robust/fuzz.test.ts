// Fuzzing the commands a person runs on files they did not write: answers files (values, notes,
// keys, broken YAML), grids, and the files' own names, through the whole CLI (in-process, real
// core, real files). Properties, for every input:
// - never a crash: exit 0, 1 or 2, never « Erreur inattendue », never a stack trace;
// - nothing live reaches an output: no raw control character (ESC, C1, NUL…) in what is printed or
//   written, no injected HTML tag or javascript: link, no Markdown heading or line forged by a note;
// - answers outside the grid and odd keys (__proto__) are reported, never dropped silently.
// Fixed seed, a few dozen runs in CI (a few seconds); FUZZ_RUNS=2000 npx vitest run test/robust/fuzz.test.ts
// for more locally (a failure prints its seed and path: replay it with fc.assert's `seed`/`path`).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, type CliResult } from '../helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const TIMEOUT = 120_000 + RUNS * 2_000;

const exampleText = readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), 'utf8');
const example = parse(exampleText) as { answers: Record<string, Record<string, unknown>> } & Record<string, unknown>;
const gridText = readFileSync(join(repoRoot, 'test', 'fixtures', 'validate', 'valid-grid.yaml'), 'utf8');

// What a hostile note, value or key may hold. Each marker is unique, so that finding it raw in an
// output means the input went through unescaped.
const INJECTIONS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">clic</a>',
  '[clic](javascript:alert(1))',
  '![x](http://exemple.invalid/pixel.png)',
  '\n# Titre forgé\n',
  '\n::error file=forge.yaml::faux\n',
  '\n| a | b |\n|---|---|\n',
  '<!-- commentaire -->',
  '{{piege}}',
  '\u001b[2J\u001b]8;;http://x\u0007lien\u001b]8;;\u0007',
  '\u009b31mrouge',
  '\u0000\u0008\u007f',
  '\r\n',
  '\u2028\u2029',
  '\u202e',
  '  *gras*  _souligné_ `code` ~~barré~~ \\',
  `http://${'a'.repeat(3000)}`,
  ` ${' '.repeat(2000)}x`,
  '&amp; &lt;b&gt; &#60;',
];
// The same, live: an unescaped tag, comment, image or javascript: link. Escaped forms (&lt;script&gt;,
// \[clic\](javascript:…) are text.
// HTML is live in both formats (Markdown passes it through); Markdown links and images only in Markdown.
const LIVE_HTML = [/<script/i, /<img\b/i, /<a\s+href="javascript/i, /<!-- commentaire/];
const LIVE = { html: LIVE_HTML, md: [...LIVE_HTML, /(?<!\\)\]\(javascript:/, /!\[x\]\(/] };

const text = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom(...INJECTIONS, 'texte ', 'é', ' '), { maxLength: 5 }).map((parts) => parts.join('')),
);
const key = fc.oneof(
  fc.constantFrom('objectifs.constats', 'objectifs.axes', '__proto__', 'constructor', 'toString', 'inconnue.q1', '', ' ', '1', 'null'),
  text,
);
const value = fc.oneof(
  fc.constantFrom('engage', 'acquis', 'pas-aborde', 'nsp', 'na', 'inconnue'),
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 2 }),
);
const answer = fc.record({ value, note: fc.option(text), examples: fc.option(fc.array(text, { maxLength: 3 })) }, { requiredKeys: [] });

/** An answers file: the example with fuzzed answers, notes, project and respondent; sometimes its text corrupted. */
const answersFile = fc
  .record({
    answers: fc.dictionary(key, answer, { maxKeys: 6 }),
    keepExample: fc.boolean(),
    project: fc.record({ name: text, territory: fc.option(text) }, { requiredKeys: [] }),
    respondent: fc.option(text),
    corrupt: fc.option(fc.record({ at: fc.nat(), insert: fc.constantFrom(...INJECTIONS, ':', '- ', '&a ', '*a', '!!js/function x', '"', '\t', '{', '[[[[') })),
  })
  .map(({ answers, keepExample, project, respondent, corrupt }) => {
    const doc = structuredClone(example);
    // Object.defineProperty: a plain assignment of __proto__ would not make a key.
    const merged: Record<string, unknown> = keepExample ? { ...doc.answers } : {};
    for (const [k, v] of Object.entries(answers)) Object.defineProperty(merged, k, { value: v, enumerable: true, writable: true, configurable: true });
    doc.answers = merged as typeof doc.answers;
    doc.project = project;
    if (respondent !== null) doc.respondent = respondent;
    let yaml = stringify(doc, { lineWidth: 0 });
    if (corrupt) {
      const at = corrupt.at % (yaml.length + 1);
      yaml = yaml.slice(0, at) + corrupt.insert + yaml.slice(at);
    }
    return yaml;
  });

/** A file name a person could be given: anything but `/` and NUL, at most 120 characters. */
const fileName = fc
  .oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), fc.constantFrom(...INJECTIONS.filter((s) => s.length < 100)), fc.constantFrom('rapport', '-', '--out', '.', '..', ' ', 'é'))
  .map((name) => name.replace(/[/\u0000]/g, '_').replace(/[\ud800-\udfff]/g, '_').slice(0, 120))
  .filter((name) => name !== '.' && name !== '..' && name.length > 0);

/**
 * Fails when an output shows a crash, a raw control character, a forged line, or (`markup`: a
 * Markdown or HTML document, stdout and `outputs`) live injected markup. Text and JSON may show
 * « <script> » as the characters it is: nothing renders them.
 */
function expectSafe(r: CliResult, what: string, options: { markup?: 'md' | 'html'; outputs?: Record<string, string> } = {}): void {
  expect([0, 1, 2], `${what} : code ${r.code}\n${r.stderr.slice(0, 500)}`).toContain(r.code);
  expect(r.stderr, what).not.toContain('Erreur inattendue');
  expect(r.stderr + r.stdout, what).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  for (const [name, raw] of Object.entries({ stdout: r.stdout, stderr: r.stderr, ...options.outputs })) {
    const out = raw.replace(/\r\n/g, '\n');
    // eslint-disable-next-line no-control-regex
    const control = out.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(control?.[0], `${what} (${name}) : caractère de contrôle brut U+${control?.[0]?.charCodeAt(0).toString(16)}`).toBeUndefined();
    if (options.markup && name !== 'stderr') {
      for (const marker of LIVE[options.markup]) expect(out.match(marker)?.[0], `${what} (${name}) : ${String(marker)} passé tel quel`).toBeUndefined();
    }
    for (const line of out.split('\n')) {
      expect(line.startsWith('# Titre forgé'), `${what} (${name}) : titre forgé`).toBe(false);
      expect(line.startsWith('::error file=forge'), `${what} (${name}) : ligne forgée`).toBe(false);
    }
  }
}

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder holding `content` under `name`. */
function place(name: string, content: string): { folder: string; path: string } {
  const folder = join(dir, String(n++));
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return { folder, path };
}

describe('fuzz (fast-check, fixed seed)', () => {
  it('answers files and their names: validate, report in every format, a workshop, compare', async () => {
    await fc.assert(
      fc.asyncProperty(answersFile, fileName, fc.constantFrom('md', 'html', 'json', 'csv'), async (content, name, format) => {
        const { folder, path } = place(`${name}.yaml`, content);
        expectSafe(await runInProcess(['validate', path, '--format', 'github'], {}, { raw: true }), 'validate');
        expectSafe(await runInProcess(['validate', path, '--format', 'json'], {}, { raw: true }), 'validate json');
        const out = join(folder, `sortie.${format}`);
        const report = await runInProcess(['report', path, '--full', '--format', format, '--out', out], {}, { raw: true });
        const written = readdirSync(folder).includes(`sortie.${format}`) ? readFileSync(out, 'utf8') : '';
        const markup = format === 'md' || format === 'html' ? format : undefined;
        expectSafe(report, `report ${format}`, { markup, outputs: { [`sortie.${format}`]: written } });
        if (report.code === 0) expect(written.length, `report ${format} : fichier écrit`).toBeGreaterThan(0);
        // A workshop: this file beside a real one, each name escaped in the synthesis.
        writeFileSync(join(folder, 'claire.yaml'), exampleText);
        expectSafe(await runInProcess(['report', folder, '--full', '--format', format, '--out', '-'], {}, { raw: true }), `atelier ${format}`, { markup });
        const compareFormat = format === 'csv' ? 'md' : format;
        expectSafe(await runInProcess(['compare', join(folder, 'claire.yaml'), path, '--format', compareFormat, '--out', '-'], {}, { raw: true }), 'compare', { markup: compareFormat === 'json' ? undefined : compareFormat });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);

  it('answers with __proto__ or keys outside the grid: reported with their line, never dropped silently', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('__proto__', 'inconnue.q1', 'objectifs.inconnue', `x${INJECTIONS[0]}`), text, async (k, note) => {
        const doc = structuredClone(example);
        Object.defineProperty(doc.answers, k, { value: { value: 'engage', note }, enumerable: true });
        const { path } = place('r.yaml', stringify(doc, { lineWidth: 0 }));
        const r = await runInProcess(['validate', path, '--format', 'json'], {}, { raw: true });
        expectSafe(r, 'validate');
        const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; line: number; path: string }[] }[] };
        const found = json.files[0]!.diagnostics.filter((d) => d.code === 'UNKNOWN_ANSWER' || d.code === 'SCHEMA_UNKNOWN_KEY');
        expect(found.length, `${k} signalée`).toBeGreaterThan(0);
        expect(found[0]!.line).toBeGreaterThan(14);
      }),
      { seed: SEED, numRuns: Math.max(10, Math.round(RUNS / 2)) },
    );
  }, TIMEOUT);

  it('grids: random edits of a valid grid, through validate and report --grid', async () => {
    const grid = parse(gridText) as Record<string, unknown>;
    const edit = fc.record({ path: fc.array(fc.oneof(fc.nat({ max: 6 }), fc.constantFrom('entries', 'questions', 'answerSets', 'title', 'hint', 'text', 'choices', '__proto__')), { maxLength: 4 }), value: fc.oneof(value, text) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 3 }), fileName, async (edits, name) => {
        const doc = structuredClone(grid) as Record<string | number, unknown>;
        for (const e of edits) {
          let node: unknown = doc;
          for (const seg of e.path.slice(0, -1)) {
            const next = (node as Record<string | number, unknown>)?.[seg];
            if (next === null || typeof next !== 'object') break;
            node = next;
          }
          const last = e.path.at(-1);
          if (last !== undefined && node !== null && typeof node === 'object') Object.defineProperty(node, last, { value: e.value, enumerable: true, writable: true, configurable: true });
        }
        const { path } = place(`${name}.yaml`, stringify(doc, { lineWidth: 0 }));
        expectSafe(await runInProcess(['validate', path], {}, { raw: true }), 'validate grille');
        const answers = place('r.yaml', exampleText.replace(/grid: \{[^}]*\}/, `grid: { id: ${String(grid.id)}, version: ${String(grid.version)} }`)).path;
        expectSafe(await runInProcess(['report', answers, '--grid', path, '--format', 'html', '--out', '-'], {}, { raw: true }), 'report --grid', { markup: 'html' });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});
