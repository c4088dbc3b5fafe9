// A page is tidied in an order that copies it less (render/html.ts, tidyHtml): the text must be the
// one the former order gave, whatever the page holds (CR, white at line ends, blank lines, marks
// next to tags, white at either end).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyHtml } from '../../src/render/html.js';
import { frenchHtml } from '../../src/text/typography.js';
import { trimLineEnds, withFinalNewline } from '../../src/text/trim.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const former = (html: string): string => `${trimLineEnds(frenchHtml(html).replace(/\r\n?/g, '\n')).replace(/\n{3,}/g, '\n\n').trim()}\n`;
const pieces = ['\r', '\n', '\r\n', ' ', '  ', '\t', NBSP, NNBSP, '\u2028', '«', '»', '!', '?', ':', ';', '%', '°', 'n°', '’', '<p>', '</p>', '<b>', '<style>', '</style>', '<pre>', '</pre>', '<!--', '-->', '<', '>', 'a', 'Oui', 'é', '1', '12', '000', '3 ans', ')', '*'];

describe('tidying a page', () => {
  it('gives the text the former order gave (clean-ups after the typography)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        expect(tidyHtml(html)).toBe(former(html));
      }),
      { seed: 28, numRuns: 20_000 },
    );
  });

  it('a page that already ends as it must is returned as it is', () => {
    const page = '<!doctype html>\n<p>Prêt ?</p>\n';
    expect(tidyHtml(page)).toBe(`<!doctype html>\n<p>Prêt${NNBSP}?</p>\n`);
    const done = 'texte\n';
    expect(withFinalNewline(done)).toBe(done);
    for (const t of ['', '\n', ' \n', 'a', 'a\n\n', ' a\n', `a${NBSP}\n`, '\na\n', 'a \n', '\u2028a\n']) expect(withFinalNewline(t), JSON.stringify(t)).toBe(`${t.trim()}\n`);
  });
});
