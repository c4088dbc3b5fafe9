// French typography, checked on what people read: the Markdown report, the HTML page's text, the
// terminal rendering, the worksheet; and left out of data: JSON values, URLs, the CSV's machine
// columns, the report's marker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../src/render/terminal.js';
import { frenchHtml, frenchMarkdown, frenchProse } from '../../src/text/typography.js';
import { repoRoot, runInProcess } from '../helpers.js';
import { markdownlint, tempDir } from './helpers.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

async function raw(args: string[]): Promise<string> {
  const r = await runInProcess(args, {}, { raw: true });
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Typographic faults in prose: a plain space before « : ; ! ? », inside « », before « % »; a curly apostrophe. */
function faults(prose: string): string[] {
  const found: string[] = [];
  for (const [name, re] of [
    ['espace simple avant : ; ! ?', / [:;!?](?=\s|$|\*)/gm],
    ['pas d’espace insécable après «', /«(?!\u00A0)/g],
    ['pas d’espace insécable avant »', /(?<!\u00A0)»/g],
    ['espace simple entre un nombre et %', /\d %/g],
    ['espace fine attendue avant ; ! ?', /(?<!«)\u00A0[;!?]/g],
    ['apostrophe courbe', /’/g],
  ] as const) {
    for (const m of prose.matchAll(re)) found.push(`${name} : « ${prose.slice(Math.max(0, m.index - 20), m.index + 10)} »`);
  }
  return found;
}

/** The prose of a Markdown document: without code, autolinks, link destinations and comments. */
function markdownProse(md: string): string {
  return md.replace(/<!--[\s\S]*?-->|<[^>\s]+>|\]\([^)]*\)|`[^`]*`/g, ' ');
}

/** The text nodes of an HTML page (outside <style>, tags and attributes). */
function htmlText(html: string): string {
  return html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*>/g, '');
}

describe('one typographic pass for every output', () => {
  it('the Markdown report: no-break spaces where French puts them, nothing else touched', async () => {
    for (const args of [['examples/projet-emergent.yaml'], ['examples/projet-emergent.yaml', '--full'], ['examples/atelier', '--full']]) {
      const md = await raw(['report', ...args]);
      expect(faults(markdownProse(md)), args.join(' ')).toEqual([]);
      expect(await markdownlint({ 'rapport.md': md })).toEqual([]);
    }
    const md = await raw(['report', 'examples/projet-emergent.yaml', '--full']);
    expect(md).toContain(`- **Territoire${NBSP}:** Pays du Ternois (62)`);
    expect(md).toContain(`(87${NBSP}%), 2 «${NBSP}Je ne sais pas${NBSP}»`);
    expect(md).toContain(`- **Pourquoi${NNBSP}?** `);
    expect(md).toContain(`Décret n°${NBSP}2015-431`);
    // links keep their address as written
    expect(md).toContain('](https://www.economie.gouv.fr/ptce-saison-3-relance)');
    // no capital after a colon inside a sentence
    expect(md).toContain(`de l'État${NBSP}: une entreprise hors ESS`);
    expect(md).toContain(`Piste${NBSP}: posez la question en réunion`);
    expect(md).not.toMatch(/\(\d sur \d\)\u00A0: \p{Lu}\p{Ll}/u);
  });

  it('a written report keeps its marker line as cap-ptce reads it back', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = join(dir, 'rapport.md');
      expect((await runInProcess(['report', 'examples/projet-emergent.yaml', '--out', out])).code).toBe(0);
      expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^<!-- cap-ptce:report answers=\S+projet-emergent\.yaml -->$/);
      // and a re-run may replace it (the marker still matches)
      expect((await runInProcess(['report', 'examples/projet-emergent.yaml', '--out', out])).code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('the HTML page: its text, not its tags, attributes or style sheet', async () => {
    const html = await raw(['report', 'examples/projet-emergent.yaml', '--format', 'html', '--full']);
    expect(faults(htmlText(html))).toEqual([]);
    expect(html).toContain(`Niveau de préparation${NBSP}: À amorcer`);
    const css = readFileSync(join(repoRoot, 'templates/style.css'), 'utf8');
    expect(html).toContain(css.trim().split('\n').slice(0, 20).join('\n'));
    expect(html).toContain('href="https://www.economie.gouv.fr/ptce-saison-3-relance"');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
  });

  it('the terminal: the rendered report, wrapped, never starts a line with « : » or « » »', async () => {
    const md = await raw(['report', 'examples/projet-emergent.yaml']);
    for (const columns of [60, 80, 120]) {
      const shown = await renderForTerminal(md, columns, false);
      expect(shown).toContain(`Pourquoi${NNBSP}?`);
      expect(faults(shown.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' '))).toEqual([]);
      expect(shown.split('\n').filter((l) => /^\s*[:;!?»]/.test(l))).toEqual([]);
    }
  });

  it('the worksheet and the comparison, too', async () => {
    expect(faults(markdownProse(await raw(['grid'])))).toEqual([]);
    expect(faults(markdownProse(await raw(['compare', 'examples/suivi/2025.yaml', 'examples/suivi/2026.yaml'])))).toEqual([]);
  });

  it('leaves data alone: JSON values and the CSV action plan’s machine columns', async () => {
    const json = JSON.parse(await raw(['report', 'examples/projet-emergent.yaml', '--format', 'json']));
    expect(json.overall.level.description).not.toMatch(/[\u00A0\u202F]/);
    expect(json.gaps[0].question === null || !/[\u00A0\u202F]/.test(json.gaps[0].question)).toBe(true);
    const csv = await raw(['report', 'examples/projet-emergent.yaml', '--format', 'csv']);
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).not.toMatch(/[\u00A0\u202F]/);
  });

  it('keeps code, URLs, times and YAML keys as they are', () => {
    expect(frenchMarkdown('Voir `format: cap-ptce/answers@1` ; <https://ex.org/a?b=1> et [x](https://ex.org/?q) à 10:30 !')).toBe(
      `Voir \`format: cap-ptce/answers@1\`${NNBSP}; <https://ex.org/a?b=1> et [x](https://ex.org/?q) à 10:30${NNBSP}!`,
    );
    expect(frenchProse('&lt;b&gt; R&amp;D')).toBe('&lt;b&gt; R&amp;D');
    expect(frenchProse('« oui »')).toBe(`«${NBSP}oui${NBSP}»`);
    expect(frenchProse('35 000 habitants, 3 ans, 50 %')).toBe(`35${NNBSP}000 habitants, 3${NBSP}ans, 50${NBSP}%`);
    expect(frenchProse(frenchProse('Pourquoi ? « Je ne sais pas » : 89 %'))).toBe(frenchProse('Pourquoi ? « Je ne sais pas » : 89 %'));
  });
});

describe('typography of a page, found without the page-wide expressions', () => {
  // What frenchHtml protected and how the « ? ! » rule read, as expressions: the reference the
  // faster code (indexOf over the tags, marks sought first) must give byte for byte.
  const HTML_PROTECTED = /<!--[\s\S]*?-->|<(style|script|pre|code|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
  function referenceHtml(html: string): string {
    let out = '';
    let last = 0;
    for (const m of html.matchAll(HTML_PROTECTED)) {
      out += frenchProse(html.slice(last, m.index)) + m[0];
      last = m.index + m[0].length;
    }
    return out + frenchProse(html.slice(last));
  }
  const pieces = ['<', '>', '</', '<!--', '-->', 'style', 'STYLE', 'code', 'codex', 'codeé', 'code1', 'pre', 'textarea', '</code >', '</Style>', '?', '!', ':', ';', '«', '»', ')', '*', '_', ' ', '\n', NBSP, NNBSP, 'a', 'é', '😀', '1', '3 ans', '12 000', '%', 'ª', '×', 'Ω', 'ÿ', 'Ž', '¿', '0', 'n°', '°', ' 12', '17', '50/100'];

  // The prose rules as they were written before « ? ! » was sought mark first.
  const UNITS = '%|‰|€|k€|M€|ans?|mois|jours?|semaines?|heures?|h|min|km|km²|m²|ha|Mo|Ko|Go|ETP';
  const referenceProse = (text: string): string =>
    !/[\u2019;!?:«»\d]/.test(text)
      ? text
      : text
          .replace(/\u2019/g, "'")
          .replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
          .replace(/([\p{L}\d»)])([!?]+)(?=[\s)»*_]|$)/gu, `$1${NNBSP}$2`)
          .replace(/[ \u202F]+:/g, `${NBSP}:`)
          .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
          .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
          .replace(new RegExp(`(\\d)[ \\u00A0\\u202F]+(${UNITS})(?![\\p{L}\\d])`, 'gu'), `$1${NBSP}$2`)
          .replace(/\b([nN]°)[ \u202F]+(?=\d)/g, `$1${NBSP}`)
          .replace(/(?<![\d.,])(\d{1,3})[ \u00A0](?=\d{3}(?![\d.,]\d))/g, `$1${NNBSP}`);

  it('frenchProse gives what the expressions gave, « ? ! » after any kind of character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(frenchProse(text)).toBe(referenceProse(text));
      }),
      { seed: 7, numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('?', '!', '?!'), (word, mark) => {
        const text = `${word}${mark} `;
        expect(frenchProse(text)).toBe(referenceProse(text));
      }),
      { seed: 8, numRuns: 20_000 },
    );
  });

  it('frenchHtml protects the same parts as the expression (tags, comments, style, script, pre, code, textarea)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const html = parts.join('');
        expect(frenchHtml(html)).toBe(referenceHtml(html));
      }),
      { seed: 14, numRuns: 20_000 },
    );
    // A page like a workshop's: thousands of plain tags with marks in their attributes (skipped
    // together), prose with marks between them, and the parts that are never prose.
    const chip = (i: number): string => `<span class="chip" style="--c: #${i}" title="Personne ${i} : Engagé !">${i}</span>`;
    const rows = Array.from({ length: 300 }, (_, i) => `<li>${chip(i)} <b>Nom ${i}</b> Précisions : « oui » ${i} 000 ans ?<br>${i % 7 === 0 ? '<!-- a ! --><code>x ?</code>' : ''}${i % 11 === 0 ? '<style>p::after { content: "a !" }</style>' : ''}</li>`);
    const long = `<!doctype html><ul>\n${rows.join('\n')}</ul><p>Fin ; <i>ok</i> ! a < b ? c</p>`;
    expect(frenchHtml(long)).toBe(referenceHtml(long));
    const page = `<style>p::after { content: "a !" }</style><p>Prêt ? <code>x ?</code> « oui » <!-- a ! --></p><pre>b ?</pre>`;
    expect(frenchHtml(page)).toBe(`<style>p::after { content: "a !" }</style><p>Prêt${NNBSP}? <code>x ?</code> «${NBSP}oui${NBSP}» <!-- a ! --></p><pre>b ?</pre>`);
  });

  it('« ? ! » after a word, a digit, « » » or « ) » get a narrow no-break space, elsewhere nothing changes', () => {
    expect(frenchProse('Prêt? Oui! (voir 2)? « non »! 😀? -? a?b a?!')).toBe(`Prêt${NNBSP}? Oui${NNBSP}! (voir 2)${NNBSP}? «${NBSP}non${NBSP}»${NNBSP}! 😀? -? a?b a${NNBSP}?!`);
    expect(frenchProse('Été?')).toBe(`Été${NNBSP}?`);
    expect(frenchProse('𝐀?')).toBe(`𝐀${NNBSP}?`); // a letter outside the BMP, two UTF-16 units
  });
});
