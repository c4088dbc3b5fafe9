// Markdown as `report` shows it on a terminal (src/render/terminal-markdown.ts): every construct a
// template may hold, at 40 to 120 columns, read as a person reads the screen: every word there,
// whole and in order; no line wider than the terminal; tables boxed; code as written; colours only
// when asked; nothing from the text that could drive the terminal. Then the real documents
// (report, workshop, comparison, worksheet) at 60 to 120 columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdownForTerminal } from '../../src/render/terminal-markdown.js';
import { renderForTerminal } from '../../src/render/terminal.js';
import stringWidth from '../../src/text/string-width.js';
import { runInProcess } from '../helpers.js';
import { markdownWords, screenWords, words } from './screen-words.js';

const WIDTHS = [40, 60, 80, 100, 120];
const SGR = /\u001b\[[0-9;]*m/g;
// Any control character but the line feed, once our own colours are taken out.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const render = (md: string, width: number, color = false): string => renderMarkdownForTerminal(md, { width, color });
const rows = (out: string): string[] => out.replace(SGR, '').split('\n');
/** The text on one line, whatever the wrapping (table borders and quote bars as spaces). */
const flat = (out: string): string => out.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').replace(/\s+/g, ' ');

interface Case {
  name: string;
  markdown: string;
  /** What a person reads, as plain text (its words, in order; a box table column by column). */
  shows: string;
  /** More to check on the plain output at every width. */
  check?: (plainOut: string, width: number) => void;
}

const LONG = 'Les partenaires du territoire se réunissent chaque trimestre pour faire le point sur la coopération économique';

const cases: Case[] = [
  { name: 'ATX headings', markdown: `# Titre principal\n\n## Sous-titre ##\n\n###### Niveau six\n\n#sans espace`, shows: 'Titre principal Sous-titre Niveau six #sans espace' },
  { name: 'setext headings', markdown: 'Grand titre\n===========\n\nPetit titre\n---', shows: 'Grand titre Petit titre' },
  { name: 'a long paragraph with soft line breaks', markdown: `${LONG}\net ${LONG}\n${LONG}.`, shows: `${LONG} et ${LONG} ${LONG}` },
  { name: 'hard line breaks', markdown: 'première ligne  \ndeuxième ligne\\\ntroisième', shows: 'première ligne deuxième ligne troisième', check: (out) => expect(out.trimEnd().split('\n')).toEqual(['première ligne', 'deuxième ligne', 'troisième']) },
  {
    name: 'strong, emphasis, code, struck through',
    markdown: 'Du **gras**, de l’*italique*, de l’_italique_, du ***les deux***, `du code`, ~~barré~~, un **gras avec *italique* dedans**.',
    shows: 'Du gras de l italique de l italique du les deux du code barré un gras avec italique dedans',
    check: (out) => expect(out).not.toMatch(/\*|_it|`|~/),
  },
  { name: 'unmatched delimiters stay as text', markdown: 'Un * seul, deux ** et un _ puis *ouvert sans fin et `code sans fin', shows: 'Un seul deux et un puis ouvert sans fin et code sans fin', check: (out) => expect(flat(out)).toContain('*ouvert sans fin et `code sans fin') },
  { name: 'intraword underscores', markdown: 'snake_case_name et 2 * 3 = 6', shows: 'snake case name et 2 3 6', check: (out) => expect(flat(out)).toContain('snake_case_name et 2 * 3 = 6') },
  {
    name: 'links and autolinks',
    markdown: 'Voir [le site du ministère](https://www.economie.gouv.fr/ptce "titre"), <https://example.org/a?b=1> et <ess@hautsdefrance.fr>, ou [même](https://x.org).',
    shows: 'Voir le site du ministère https www economie gouv fr ptce https example org a b 1 et ess hautsdefrance fr ou même https x org',
    check: (out) => {
      expect(out.replace(/\s+/g, ' ')).toContain('le site du ministère (https://www.economie.gouv.fr/ptce)');
      expect(out).not.toContain('titre');
    },
  },
  { name: 'not links', markdown: '[crochets seuls] et [texte](lien incomplet et ![image](img.png)', shows: 'crochets seuls et texte lien incomplet et image img png' },
  { name: 'backslash escapes', markdown: '\\*pas en italique\\*, \\# pas un titre, 1\\. pas une liste, \\[pas un lien\\](x), \\\\ barre', shows: 'pas en italique pas un titre 1 pas une liste pas un lien x barre', check: (out) => expect(flat(out)).toContain('*pas en italique*, # pas un titre, 1. pas une liste, [pas un lien](x), \\ barre') },
  {
    name: 'HTML entities',
    markdown: 'R&amp;D, &lt;b&gt;, l&#39;ESS, 50&nbsp;%, &laquo;&#xA0;oui&#xA0;&raquo;, &inconnu; et &#27;[31m',
    shows: 'R D b l ESS 50 oui inconnu et 31m',
    check: (out) => {
      expect(out).toContain("R&D, <b>, l'ESS, 50\u00a0%, «\u00a0oui\u00a0»");
      expect(out).toContain('&inconnu;');
    },
  },
  {
    name: 'lists: bullets, numbers, nested, tight',
    markdown: '- un\n- deux\n  - deux a\n  - deux b\n    1. profond\n- trois\n\n3. troisième\n4. quatrième\n\n* étoile\n+ plus',
    shows: 'un deux deux a deux b 1 profond trois 3 troisième 4 quatrième étoile plus',
    check: (out) => {
      expect(out).toMatch(/^ {2}• un$/m);
      expect(out).toMatch(/^ {6}• deux a$/m);
      expect(out).toMatch(/^ {2}3\. troisième$/m);
    },
  },
  {
    name: 'a loose list with paragraphs and a long item that hangs under its text',
    markdown: `- premier paragraphe\n\n  second paragraphe du même point\n\n- ${LONG} ${LONG}`,
    shows: `premier paragraphe second paragraphe du même point ${LONG} ${LONG}`,
    check: (out) => {
      const lines = out.split('\n');
      const start = lines.findIndex((l) => l.includes('• Les partenaires'));
      expect(start).toBeGreaterThan(0);
      for (const l of lines.slice(start + 1).filter(Boolean)) expect(l.startsWith('    ')).toBe(true);
    },
  },
  { name: 'task lists', markdown: '- [ ] à faire\n- [x] fait', shows: 'à faire x fait' },
  {
    name: 'block quotes, nested, with a lazy line',
    markdown: `> ${LONG}\nligne paresseuse\n>\n> > citation dans la citation\n> - un point`,
    shows: `${LONG} ligne paresseuse citation dans la citation un point`,
    check: (out) => {
      for (const l of out.split('\n').filter(Boolean)) expect(l.startsWith('│')).toBe(true);
    },
  },
  {
    name: 'fenced and indented code, kept as written',
    markdown: '```yaml\nformat: cap-ptce/answers@1\n  indenté:   3 espaces\n\n# pas un titre\n```\n\n~~~\n**pas gras**\n~~~\n\n    code indenté *tel quel*\n    deuxième ligne',
    shows: 'format cap ptce answers 1 indenté 3 espaces pas un titre pas gras code indenté tel quel deuxième ligne',
    check: (out) => {
      expect(out).toContain('    format: cap-ptce/answers@1\n      indenté:   3 espaces\n\n    # pas un titre');
      expect(out).toContain('**pas gras**');
      expect(out).toContain('code indenté *tel quel*');
      expect(out).not.toContain('yaml');
    },
  },
  { name: 'an unclosed fence runs to the end', markdown: '```\ncode sans fin\n\nencore', shows: 'code sans fin encore' },
  {
    name: 'a table: alignment, escaped pipes, inline formatting in cells',
    markdown: '| Entrée | Score | Note |\n| :--- | ---: | :---: |\n| **Vision** | 12 | a \\| b |\n| `code` | 7 | [lien](https://x.org) |\n| court |',
    shows: 'Entrée Vision code court Score 12 7 Note a b lien https x org',
    check: (out) => {
      const lines = out.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^┌─+┬─+┬─+┐$/);
      expect(lines.filter((l) => /^├/.test(l))).toHaveLength(1);
      expect(lines[lines.length - 1]).toMatch(/^└─+┴─+┴─+┘$/);
      expect(flat(out)).toContain('a | b');
      expect(out).not.toContain('**');
      expect(out).toMatch(/│ +12 │/);
    },
  },
  {
    name: 'a table wider than the terminal: cells wrap on word boundaries',
    markdown: `| Question | Réponse |\n| --- | --- |\n| ${LONG} | ${LONG} ${LONG} |`,
    shows: `Question ${LONG} Réponse ${LONG} ${LONG}`,
  },
  { name: 'a table with more cells in a row than in its header keeps them', markdown: '| a | b |\n| --- | --- |\n| un | deux | trois |', shows: 'a un b deux trois' },
  { name: 'thematic breaks', markdown: 'avant\n\n***\n\n- - -\n\naprès', shows: 'avant après', check: (out) => expect(out.split('\n').filter((l) => /^─+$/.test(l))).toHaveLength(2) },
  {
    name: 'raw HTML shown as text, comments hidden',
    markdown: '<div class="x">\n<b>gras ?</b>\n</div>\n\nDu <span>texte</span> et <!-- caché --> la suite.\n\n<!-- cap-ptce:report answers=x -->',
    shows: 'div class x b gras b div Du span texte span et la suite',
    check: (out) => {
      expect(out).toContain('<b>gras ?</b>');
      expect(out).not.toContain('cap-ptce:report');
    },
  },
  {
    name: 'French no-break spaces never break, even at the edge',
    markdown: `${'mot '.repeat(7)}Pourquoi\u202f? «\u00a0Je ne sais pas\u00a0» : 89\u00a0%`,
    shows: `${'mot '.repeat(7)}Pourquoi Je ne sais pas 89`,
    check: (out) => {
      for (const l of out.split('\n')) expect(l).not.toMatch(/^[?:»%]/);
      expect(out).toContain('Pourquoi\u202f?');
      expect(out).toContain('«\u00a0Je');
    },
  },
  {
    name: 'wide characters, emoji, combining marks',
    markdown: `日本語の文章と絵文字 👩‍👩‍👧 ✅ et e\u0301té ${'漢字 '.repeat(30)}`,
    shows: `日本語の文章と絵文字 et e\u0301té ${'漢字 '.repeat(30)}`,
  },
  { name: 'a word wider than the terminal is the only thing cut', markdown: `avant ${'x'.repeat(130)} après`, shows: 'avant après' },
];

describe('terminal Markdown: every construct at 40 to 120 columns', () => {
  for (const c of cases) {
    it(c.name, () => {
      for (const width of WIDTHS) {
        const out = render(c.markdown, width);
        expect(out, `no escape sequence without colour (${width})`).not.toContain('\u001b');
        const lines = out.replace(/\n$/, '').split('\n');
        expect(lines.filter((l) => stringWidth(l) > width), `lines wider than ${width}`).toEqual([]);
        if (!c.name.startsWith('a word wider')) expect(screenWords(lines), `words at ${width} columns`).toEqual(words(c.shows));
        else expect(words(out).filter((w) => !/^x+$/.test(w))).toEqual(['avant', 'après']);
        c.check?.(out, width);
        // Colours change nothing but colours.
        const colored = render(c.markdown, width, true);
        expect(colored.replace(SGR, '')).toBe(out);
        expect(colored.replace(SGR, '')).not.toMatch(CONTROL);
      }
    });
  }

  it('colours: headings, strong, emphasis, code and links styled; none without colour', () => {
    const md = '# Titre\n\n## Section\n\nDu **gras**, de l’*italique*, `du code` et [un lien](https://x.org).\n\n| a | b |\n| --- | --- |\n| 1 | 2 |';
    const out = render(md, 80, true);
    expect(out).toContain('\u001b[35;1;4mTitre\u001b[0m');
    expect(out).toContain('\u001b[32;1mSection\u001b[0m');
    expect(out).toContain('\u001b[1mgras\u001b[0m');
    expect(out).toContain('\u001b[3mitalique\u001b[0m');
    expect(out).toContain('\u001b[33mdu code\u001b[0m');
    expect(out).toContain('\u001b[34mun lien\u001b[0m');
    expect(out).toContain('\u001b[34;4mhttps://x.org\u001b[0m');
    expect(render(md, 80, false)).not.toContain('\u001b');
  });

  it('a ragged long text wraps as tightly as it can: no line could have taken the next word', () => {
    const md = Array.from({ length: 60 }, (_, k) => 'mot'.repeat(1 + (k % 5))).join(' ');
    for (const width of WIDTHS) {
      const lines = render(md, width).trimEnd().split('\n');
      for (let k = 0; k + 1 < lines.length; k++) expect(stringWidth(lines[k]!) + 1 + stringWidth(lines[k + 1]!.split(' ')[0]!)).toBeGreaterThan(width);
    }
  });
});

describe('terminal Markdown: text from users cannot drive the terminal', () => {
  const ESC = '\u001b';
  const hostile = [
    `Titre ${ESC}[2J${ESC}]0;pris${ESC}\\ ${ESC}[31mrouge`,
    `- point ${ESC}[1A${ESC}[2K effacé\n\n\`\`\`\ncode ${ESC}[31m rouge\u0007\n\`\`\``,
    `| a${ESC}[5m | b |\n| --- | --- |\n| \u009b31m | \u202eà l'envers |`,
    'entités &#27;[31m &#x1b; &#155; &#x9b; &#0; &#8238;',
    `> citation\u0000nulle\r\nretour\rchariot\u0008arrière`,
    `[lien ${ESC}[31m](https://x.org/${ESC}[31m) <https://x.org/\u0007>`,
  ];
  it.each(hostile)('%j', (md) => {
    for (const width of [40, 100]) {
      for (const color of [false, true]) {
        const out = render(md, width, color).replace(SGR, '');
        expect(out).not.toMatch(CONTROL);
        expect(out).not.toContain(ESC);
      }
    }
    expect(render(md, 100)).toMatch(/rouge|effacé|envers|entités|citation|lien/);
  });
});

describe('terminal Markdown: never throws, never loses a letter (generated texts)', () => {
  // Pieces of Markdown, without what is invisible by design (entities, comments, fence info
  // strings, list numbers renumbered): the letters shown are the letters written, in order.
  const piece = fc.constantFrom('mot', 'Élan', 'deux mots', ' ', '  ', '\n', '\n\n', '*', '**', '_', '`', '[', ']', '(', ')', '# ', '> ', '- ', '    ', '\\', '<', '>', '|', '---', '~~', 'https://x.org', '\u00a0', '日本');
  const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
  it('letters in order, lines within the width, no escape', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...WIDTHS), (md, width) => {
        fc.pre(!/^ {0,3}(`{3,}|~{3,})[^\n]*\p{L}/mu.test(md) && !/\|/.test(md));
        const out = render(md, width);
        const letters = (s: string): string => words(s).join('');
        expect(letters(out)).toBe(letters(md));
        for (const l of out.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(width);
        expect(out).not.toMatch(CONTROL);
      }),
      { seed: 20261127, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('hostile sizes stay fast: a 100 KB word, 20,000 nested brackets, delimiters and backtick runs', () => {
    const inputs = ['a'.repeat(100_000), '['.repeat(20_000) + ']('.repeat(20_000), '*a '.repeat(20_000) + 'a* '.repeat(20_000), '`'.repeat(50_000), '` ``'.repeat(30_000), `| ${'a | '.repeat(2000)}\n| ${'--- | '.repeat(2000)}\n| x |`];
    for (const md of inputs) {
      const out = render(md, 80);
      for (const l of out.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    }
  });
});

describe('the real documents on a terminal: no cut word at 60 to 120 columns', () => {
  const documents: [string, string[]][] = [
    ['report (short)', ['report', 'examples/projet-emergent.yaml']],
    ['report --full', ['report', 'examples/projet-structure.yaml', '--full']],
    ['workshop --full', ['report', 'examples/atelier', '--full']],
    ['compare', ['compare', 'examples/suivi/2025.yaml', 'examples/suivi/2026.yaml']],
    ['worksheet', ['grid']],
  ];
  it.each(documents)('%s', async (_, args) => {
    const now = (): Date => new Date('2026-11-27T12:00:00Z');
    const r = await runInProcess([...args, '--out', '-'], { now });
    expect(r.code).toBe(0);
    // A web address wider than the terminal is the one word that must be cut (tested above): here
    // the long ones are shortened, so that every other word is checked whole.
    const md = r.stdout.replace(/https?:\/\/[^\s)>]{30,}/g, 'https://exemple.org/page');
    for (const columns of [60, 80, 100, 120]) {
      const out = await renderForTerminal(md, columns, false);
      const lines = out.replace(/\n$/, '').split('\n');
      expect(lines.filter((l) => stringWidth(l) > columns), `lines wider than ${columns}`).toEqual([]);
      expect(screenWords(lines), `words at ${columns} columns`).toEqual(markdownWords(md, columns >= 80 ? 'columns' : 'rows'));
      if (columns >= 80 && md.includes('\n| --- |')) expect(lines.some((l) => l.startsWith('┌'))).toBe(true);
      expect(rows(await renderForTerminal(md, columns, true))).toEqual(lines.concat(out.endsWith('\n') ? [''] : []));
    }
  });
});
