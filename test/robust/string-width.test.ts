// The terminal's width measure without ICU (src/text/string-width.ts) gives string-width's result
// on every line cap-ptce prints and on generated texts mixing what people type: French accents and
// punctuation, no-break spaces, East Asian scripts, combining marks, emoji (with skin tones,
// VS16, ZWJ sequences, flags, keycaps), control characters and ANSI colour codes.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidthReference from 'string-width';
import wrapAnsiReference from 'wrap-ansi';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import stringWidth, { graphemes } from '../../src/text/string-width.js';
import { repoRoot, runInProcess } from '../helpers.js';

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

function expectSame(text: string): void {
  expect(stringWidth(text), JSON.stringify(text)).toBe(stringWidthReference(text));
  expect(stringWidth(text, { ambiguousIsNarrow: false }), JSON.stringify(text)).toBe(stringWidthReference(text, { ambiguousIsNarrow: false }));
  expect(stringWidth(text, { countAnsiEscapeCodes: true }), JSON.stringify(text)).toBe(stringWidthReference(text, { countAnsiEscapeCodes: true }));
}

const PIECES = [
  'a', 'Z', ' ', '1', '#', '*', 'é', 'É', 'ç', 'œ', 'Œ', 'à', '’', '«', '»', '\u00a0', '\u202f', '–', '—', '…', '€', '°', '·', '✔', '✘', '⚠', '→', '★',
  '中', '文', '한', '글', 'カ', 'ｶ', 'Ａ', '\u0301', '\u0308', '\u20dd', '\u200b', '\u200d', '\ufe0f', '\ufe0e', '\u00ad', '\t', '\n', '\u0007', '\u009b',
  '─', '│', '█', '░', '‼', '\u2049', '😀', '👍', '🏽', '👨', '👩', '👧', '❤', '🇫', '🇷', '1\ufe0f\u20e3', '#\u20e3', '🏳', '⚧', '\u001b[31m', '\u001b[0m', '\u001b]8;;https://a.fr\u0007', 'ᄀ', 'ᅡ', 'ᆨ',
];

describe('string width without ICU', () => {
  it('every line of the reports, worksheet and grid texts', async () => {
    const texts: string[] = [];
    for (const args of [
      ['report', join(repoRoot, 'examples', 'projet-emergent.yaml'), '--full'],
      ['report', join(repoRoot, 'examples', 'atelier'), '--full'],
      ['grid'],
    ]) {
      const r = await runInProcess(args);
      texts.push(...r.stdout.split('\n'));
    }
    texts.push(...readFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), 'utf8').split('\n'));
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) expectSame(text);
  });

  it('generated texts: accents, scripts, marks, emoji sequences, controls, colours', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => expectSame(pieces.join(''))),
      { seed: 20261127, numRuns: RUNS },
    );
  });

  it('graphemes as Intl.Segmenter finds them (what wrap-ansi cuts between)', () => {
    const segmenter = new Intl.Segmenter();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(graphemes(text), JSON.stringify(text)).toEqual([...segmenter.segment(text)].map((s) => s.segment));
      }),
      { seed: 20261127, numRuns: RUNS },
    );
  });

  it('well-known emoji sequences', () => {
    for (const text of ['👨‍👩‍👧', '👍🏽', '🇫🇷', '❤️', '✔️', '1️⃣', '🏳️‍⚧️', 'a👨‍👩‍👧b', 'é🇫🇷é']) expectSame(text);
  });
});

describe('wrap-ansi as built (graphemes and widths without ICU)', () => {
  // dist/lib/wrap-ansi.cjs: wrap-ansi with src/text/string-width.ts in place of string-width and
  // Intl.Segmenter (scripts/build.mjs). `npm test` builds first.
  const wrapBuilt = (require(join(repoRoot, 'dist', 'lib', 'wrap-ansi.cjs')) as { default: typeof wrapAnsiReference }).default;
  const options = { hard: true, trim: true, wordWrap: true };

  it('wraps every line of a report as wrap-ansi does, at 20, 60 and 80 columns', async () => {
    const r = await runInProcess(['report', join(repoRoot, 'examples', 'atelier'), '--full']);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(100);
    for (const columns of [20, 60, 80]) for (const line of lines) expect(wrapBuilt(line, columns, options)).toBe(wrapAnsiReference(line, columns, options));
  });

  it('wraps generated texts as wrap-ansi does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, ' ', ' ', 'mot', 'coopération'), { maxLength: 16 }), fc.integer({ min: 1, max: 12 }), (pieces, columns) => {
        const text = pieces.join('');
        expect(wrapBuilt(text, columns, options), JSON.stringify(text)).toBe(wrapAnsiReference(text, columns, options));
      }),
      { seed: 20261127, numRuns: RUNS },
    );
  });
});
