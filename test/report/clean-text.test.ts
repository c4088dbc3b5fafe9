// Cleaning and escaping skip the texts they would not change (a workshop cleans thousands of
// notes, names and labels): what they return must be exactly what the full replacements give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripControl, stripControlKeepLines } from '../../src/text/escape.js';
import { escapeText, escapeTextFully } from '../../src/render/markdown.js';

const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const fullStrip = (t: string): string => t.replace(ANSI, '').replace(/\r\n|\r|\n|\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const fullStripKeepLines = (t: string): string =>
  t.replace(ANSI, '').replace(/\r\n|\r/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');

// Every character the rules name, at the edges of their ranges, and the ones around them.
const specials = ['\u0000', '\u0009', '\n', '\u000b', '\r', '\u001b', '\u001f', ' ', '\u007e', '\u007f', '\u009b', '\u009f', '\u00a0', '\u200a', '\u200b', '\u200f', '\u2010', '\u202a', '\u202e', '\u202f', '\u2066', '\u2069', '\u206a', '\\', '`', '*', '_', '[', ']', '|', '~', '&', '<', '>', '#', '-', '1.', 'é', '«', 'https://x.fr', 'a@b.fr', '\u001b[31m', '\u001b]8;;http://x\u0007', '&amp;'];
const text = fc.array(fc.oneof(fc.constantFrom(...specials), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));

describe('cleaning a text that needs none returns it as it is, and any other as the full rules make it', () => {
  it('plain texts come back unchanged', () => {
    for (const t of ['Engagé, en cours', 'Note du participant 12 sur ce point (3).', "Plusieurs lignes\nde précisions", '']) {
      expect(stripControlKeepLines(t)).toBe(t);
      if (!t.includes('\n')) expect(stripControl(t)).toBe(t);
    }
    expect(escapeText('Claire Dufour, Ressourcerie')).toBe('Claire Dufour, Ressourcerie');
  });

  it('stripControl and stripControlKeepLines give what the full replacements give', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(stripControl(t)).toBe(fullStrip(t));
        expect(stripControlKeepLines(t)).toBe(fullStripKeepLines(t));
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it('escapeText gives what its full path gives, on texts made mostly of what passes unchanged', () => {
    // Words, single spaces, French punctuation, digits: the shortcut's case; the specials above
    // mixed in, so that every reason to take the full path is met next to plain text.
    const plainish = fc
      .array(fc.oneof(fc.constantFrom('Engagé', 'note', ' ', ' ', ', ', '.', ':', '/', '(3)', '12', '1.', '1)', 'é', '«', '»', '’', "'", '!', '?', ';', '%', '+', '='), fc.constantFrom(...specials)), { maxLength: 16 })
      .map((parts) => parts.join(''));
    let unchanged = 0;
    fc.assert(
      fc.property(fc.oneof(plainish, text), (t) => {
        const full = escapeTextFully(t);
        expect(escapeText(t)).toBe(full);
        if (full === t) unchanged++;
      }),
      { seed: 14, numRuns: 4000 },
    );
    expect(unchanged).toBeGreaterThan(400); // the shortcut was taken often, not only the full path
  });

  it('escapeText still escapes every Markdown character, whatever surrounds it', () => {
    expect(escapeText('a*b_c`d|e~f[g]h\\i')).toBe('a\\*b\\_c\\`d\\|e\\~f\\[g\\]h\\\\i');
    expect(escapeText('<b>&#x27;</b>')).toBe('&lt;b&gt;&amp;#x27;&lt;/b&gt;');
    expect(escapeText('R&D')).toBe('R&D');
  });
});
