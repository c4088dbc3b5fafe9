// A workshop of 100 or 1000 participants is fast because work is done once: each answers file is
// read and parsed once (checked against its schema first, then against the grid), each distinct
// text goes through the typography once, each respondent's style is computed directly. Each
// shortcut is checked here against the longer way it replaces, so that the reports stay the same
// to the byte (bench/run.mjs measures the time; no duration is asserted here).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { answersAgainstGrid, parseAnswersFile } from '../../src/io/load-answers.js';
import { loadGrid } from '../../src/io/load.js';
import { renderDiagnosticText } from '../../src/render/diagnostics.js';
import { respondentStyle, seriesStyles } from '../../src/render/radar.js';
import { frenchHtml, frenchMarkdown, frenchProse, proseRules } from '../../src/text/typography.js';
import { hasErrors, validateText } from '../../src/validation/validate.js';
import { repoRoot } from '../helpers.js';
import { yamlFiles } from '../robust/yaml-files.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const grid = loadGrid(join(repoRoot, 'questions', 'cap-ptce.yaml'), '2026-11-27');

/** What reading a file against the grid gave before: one validateText with the grid, then the same rule for what is fatal. */
function oneStep(text: string, path: string): { diagnostics: string[] } | { refused: string[] } {
  const result = validateText(text, path, { today: '2026-11-27', expect: 'answers', grid: grid.index });
  const fatal = !result.answers || result.diagnostics.some((d) => d.severity === 'error' && (d.code === 'GRID_MISMATCH' || d.code === 'GRID_VERSION'));
  if (fatal || hasErrors(result.diagnostics)) return { refused: result.diagnostics.filter((d) => d.severity === 'error').map(renderDiagnosticText) };
  return { diagnostics: result.diagnostics.map(renderDiagnosticText) };
}

function twoSteps(path: string): { diagnostics: string[] } | { refused: string[] } {
  try {
    return { diagnostics: answersAgainstGrid(parseAnswersFile(path), grid.index).diagnostics.map(renderDiagnosticText) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { refused: error.details };
  }
}

describe('each answers file read and parsed once', () => {
  const example = readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), 'utf8');
  // What a workshop folder may hold besides clean files: each problem the grid check finds, and the ones before it.
  const variants: Record<string, string> = {
    clean: example,
    'unknown-question': `${example}  inconnue.q1:\n    value: engage\n  objectifs.constatz:\n    value: acquis\n`,
    'older-minor-version': example.replace('grid: { id: cap-ptce, version: 1.1.0 }', 'grid: { id: cap-ptce, version: 1.0.0 }'),
    'other-major-version': example.replace('grid: { id: cap-ptce, version: 1.1.0 }', 'grid: { id: cap-ptce, version: 2.0.0 }'),
    'other-grid': example.replace('grid: { id: cap-ptce, version: 1.1.0 }', 'grid: { id: autre-grille, version: 1.1.0 }'),
    'value-not-offered': example.replace('value: en-reflexion', 'value: en-réflexion'),
    'broken-yaml': `${example}answers: [\n`,
    'schema-error': example.replace(/^respondent: .*$/m, 'respondent: [1, 2]'),
    'not-answers': 'format: cap-ptce/grid@1\nid: x\n',
  };
  const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-read-once-'));
  const files = Object.entries(variants).map(([name, text]) => {
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, text);
    return path;
  });
  // Every answers file of the repository too (examples, fixtures), whatever their grid.
  const corpus = yamlFiles(repoRoot).filter((p) => readFileSync(p, 'utf8').includes('cap-ptce/answers@'));

  it('each variant gives the problem it is made for (so that the comparison below compares something)', () => {
    const expected: Record<string, [kind: 'diagnostics' | 'refused', code: string | null]> = {
      clean: ['diagnostics', null],
      'unknown-question': ['diagnostics', 'UNKNOWN_ANSWER'],
      'older-minor-version': ['diagnostics', 'GRID_VERSION'],
      'other-major-version': ['refused', 'GRID_VERSION'],
      'other-grid': ['refused', 'GRID_MISMATCH'],
      'value-not-offered': ['refused', 'INVALID_ANSWER'],
      'broken-yaml': ['refused', 'YAML_'],
      'schema-error': ['refused', 'SCHEMA_'],
      'not-answers': ['refused', 'UNKNOWN_FORMAT'],
    };
    Object.keys(variants).forEach((name, i) => {
      const outcome = twoSteps(files[i]!);
      const [kind, code] = expected[name]!;
      expect(Object.keys(outcome), name).toEqual([kind]);
      const lines = 'refused' in outcome ? outcome.refused : outcome.diagnostics;
      if (code === null) expect(lines, name).toEqual([]);
      else expect(lines.some((l) => l.includes(code)), `${name}: ${lines.join(' | ')}`).toBe(true);
    });
    expect(corpus.length).toBeGreaterThan(5);
  });

  it.each([...files, ...corpus].map((p) => [p.startsWith(dir) ? `(variante) ${basename(p)}` : relative(repoRoot, p), p]))('%s: the same diagnostics, or the same refusal, as one check with the grid', (_name, path) => {
    expect(twoSteps(path)).toEqual(oneStep(readFileSync(path, 'utf8'), path));
  });
});

describe('typography: one pass per distinct text', () => {
  // Characters that make the rules act, and others around them.
  const prose = fc.string({ unit: fc.constantFrom('a', 'É', ' ', '\u00A0', '\u202F', ';', ':', '!', '?', '«', '»', '\u2019', '1', '2', '0', '%', 'n', '°', 'k', '€', ',', '.', ')', '\n', 'ans', 'h', 'x'), maxLength: 40 });

  it('a text without punctuation or digit is left as is: the rules would not change it', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(frenchProse(text)).toBe(proseRules(text));
      }),
      { numRuns: RUNS * 10, seed: 14 },
    );
  });

  it('a page with the same texts many times reads as if each was worked on in turn', () => {
    const piece = fc.tuple(prose, fc.constantFrom('<p>', '</p>', '<td class="a:b">', '<style>a:b;</style>', '<!-- x ; y -->', '\n  '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(29), { maxLength: 30 }), (pieces, repeats) => {
        const all = [...pieces, ...repeats.filter((i) => i < pieces.length).map((i) => pieces[i]!)];
        const html = all.map(([text, tag]) => `${text}${tag}`).join('');
        // The reference: each text between tags through the rules, without memory or shortcut.
        const expected = html.replace(/<!--[\s\S]*?-->|<(style|script|pre|code|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>|[^<]+/gi, (part) => (part.startsWith('<') ? part : proseRules(part)));
        expect(frenchHtml(html)).toBe(expected);
        // Markdown: code spans are left alone, the prose between them follows the rules.
        const markdown = all.map(([text]) => text.replace(/`/g, '')).join('`a ; b`');
        expect(frenchMarkdown(markdown)).toBe(markdown.split('`a ; b`').map(proseRules).join('`a ; b`'));
      }),
      { numRuns: RUNS, seed: 14 },
    );
  });
});

describe('respondent styles', () => {
  it('the i-th respondent has the style seriesStyles gives the i-th respondent series, for 1 to 40 respondents', () => {
    for (let n = 1; n <= 40; n++) {
      const styles = seriesStyles([{ kind: 'collective' }, ...Array.from({ length: n }, () => ({ kind: 'respondent' as const })), { kind: 'before' }]);
      for (let i = 0; i < n; i++) expect(respondentStyle(i)).toEqual(styles[i + 1]);
    }
  });
});
