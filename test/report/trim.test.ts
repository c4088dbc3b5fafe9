// The trims every rendered page goes through: the same text as the expressions they replace
// (which were quadratic on long runs of spaces, or tried at every character of a long page).
// Lines end with \n only: CR is made LF before (tidyMarkdown, renderPage).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneFinalNewline, trimLineEnds } from '../../src/text/trim.js';

const text = fc.array(fc.constantFrom('a', ' ', '\t', '\n', 'é', 'x y'), { maxLength: 30 }).map((parts) => parts.join(''));

describe('line trims', () => {
  it('trimLineEnds removes the spaces and tabs that end each line, as /[ \\t]+$/gm', () => {
    fc.assert(fc.property(text, (t) => {
      expect(trimLineEnds(t)).toBe(t.replace(/[ \t]+$/gm, ''));
    }), { seed: 5, numRuns: 5000 });
    const page = 'titre  \n\ncorps\t\nfin';
    expect(trimLineEnds(page)).toBe('titre\n\ncorps\nfin');
    expect(trimLineEnds('rien à couper\n')).toBe('rien à couper\n');
  });

  it('oneFinalNewline ends the text with exactly one line break, as /\\n*$/ → "\\n"', () => {
    fc.assert(fc.property(text, (t) => {
      expect(oneFinalNewline(t)).toBe(t.replace(/\n*$/, '\n'));
    }), { seed: 5, numRuns: 5000 });
    expect(oneFinalNewline('# Rapport\n\n\n')).toBe('# Rapport\n');
    expect(oneFinalNewline('')).toBe('\n');
  });
});
