// A grid written to break things (ANSI escapes, HTML, table pipes, « # » and « 1. » at the start of
// texts, Handlebars code in an example) gives a worksheet that shows the text and nothing else.
import { join } from 'node:path';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { describeCondition } from '../../src/analysis/worksheet.js';
import { loadGrid } from '../../src/io/load.js';
import { repoRoot, runInProcess } from '../helpers.js';
import { boxes, markdownlint, questionSections } from './helpers.js';

const fixture = join(repoRoot, 'test/grid/fixtures/hostile.yaml');
const r = await runInProcess(['grid', '--grid', fixture]);
const md = r.stdout;
// An independent CommonMark reader (GFM tables), raw HTML let through as a browser would see it.
const html = markdownIt({ html: true }).render(md);

describe('cap-ptce grid on a hostile grid', () => {
  it('renders, and does not say it used the default grid', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('grille intégrée');
  });

  it('lets no escape sequence through to the terminal', () => {
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(md).not.toContain('[31m');
    expect(md).toContain('rouge');
    expect(md).toContain('Source : lien source');
  });

  it('shows HTML as text: no script, image or formatting tag once rendered', () => {
    expect(md).not.toMatch(/<(script|img|b|i|u)\b/i);
    expect(html).not.toMatch(/<(script|img|b|i|u)\b/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href=');
  });

  it('keeps the worksheet structure: only its own headings, lists and no table', () => {
    const headings = md.match(/^#+ .*$/gm)!;
    expect(headings.map((h) => h.replace(/^(#+ (\d+\.\d*|[A-Z][a-z]+)).*$/, '$1'))).toEqual([
      '# Fiche',
      '## Comment',
      '## 1.',
      '### 1.1',
      '### 1.2',
      '### 1.3',
      '### 1.4',
      '### 1.5',
      '## Pour',
    ]);
    expect(headings).toContain('### 1.1 \\# Question qui veut devenir un titre &lt;script&gt;alert(\'q\')&lt;/script&gt;');
    expect(html).not.toContain('<table');
    expect(html.match(/<h[1-6]/g)).toHaveLength(9);
    expect(md).not.toMatch(/^\|/m);
    expect(md).toContain('### 1.2 \\| Combien \\| de membres \\| ?');
  });

  it('shows every box unticked, even a label that pretends to be ticked', () => {
    expect(html).not.toContain('checked');
    expect(boxes(md)).toContain('\\- \\[x\\] Oui déjà coché');
    expect(boxes(md)).toContain('\\# dièse en tête');
  });

  it('prints Handlebars code from the grid as text, without running it', () => {
    expect(boxes(md)).toContain('{{#each entries}}{{title}}{{/each}} modèle');
  });

  it('gives boolean questions Oui / Non boxes and text questions lines to write on', () => {
    const [, , detail, ok] = questionSections(md);
    expect(boxes(ok!.body).filter((b) => !b.startsWith('Autre'))).toEqual(['Oui', 'Non']);
    expect(detail!.body).toMatch(/\*\*Réponse\*\* :\n\n> …{20,}\n>\n> …{20,}\n/);
  });

  it('still passes markdownlint', () => {
    expect(markdownlint(md)).toEqual([]);
  });
});

describe('conditions in plain French', () => {
  const { index } = loadGrid(fixture, '2026-11-26');
  const when = (id: string) => index.byId.get(id)!.question.when!;

  it('names questions by number and answers by label, negations included', () => {
    expect(describeCondition(when('piege.detail'), index)).toBe(
      "à la question 1.1 (# Question qui veut devenir un titre <script>alert('q')</script>), la réponse n'est pas « Pas encore » " +
        "et (à la question 1.2 (| Combien | de membres | ?), la réponse est d'au moins 3 membres <i>actifs</i> " +
        "ou à la question 1.1 (# Question qui veut devenir un titre <script>alert('q')</script>), aucune réponse n'est donnée)",
    );
  });

  it('turns « not any » into « neither … and … » rather than « it is false that »', () => {
    expect(describeCondition(when('piege.echelle'), index)).toBe(
      "à la question 1.1 (# Question qui veut devenir un titre <script>alert('q')</script>), la réponse n'est ni « **gras** et [lien](javascript:alert(1)) » ni « Pas encore » " +
        "et à la question 1.2 (| Combien | de membres | ?), la réponse est d'au moins 2 membres <i>actifs</i>",
    );
  });

  it('covers every kind of condition with a readable sentence', () => {
    const { index: def } = loadGrid(undefined, '2026-11-26');
    const say = (c: Parameters<typeof describeCondition>[0]) => describeCondition(c, def);
    expect(say({ q: 'acteurs.composition', includes: 'ess' })).toBe(
      "à la question 2.2 (Quels types d'acteurs sont engagés dans la dynamique ?), « Entreprises et structures de l'ESS (associations, coopératives, SIAE…) » est coché",
    );
    expect(say({ not: { q: 'acteurs.composition', countAtLeast: 3 } })).toMatch(/, moins de 3 réponses sont cochées$/);
    expect(say({ q: 'objectifs.constats', atLeast: 'engage' })).toMatch(/^à la question 1\.1 \(Quels sont les constats de départ \?\), la réponse est « Engagé, en cours » ou plus avancée$/);
    expect(say({ not: { q: 'objectifs.constats', atLeast: 'engage' } })).toMatch(/la réponse est en deçà de « Engagé, en cours »$/);
    expect(say({ q: 'acteurs.personnes-morales', lt: 3 })).toMatch(/la réponse est inférieure à 3 personnes morales$/);
    expect(say({ q: 'structure-porteuse.forme', in: ['association', 'cooperative'] })).toMatch(/la réponse est « Association » ou « Coopérative \(SCOP, SCIC…\) »$/);
    expect(say({ q: 'objectifs.axes', answered: true })).toMatch(/, une réponse est donnée$/);
  });
});
