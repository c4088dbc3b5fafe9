// What the user reads: the Markdown report (snapshots, markdownlint, tone), the JSON report
// field by field, escaping of hostile user text, user templates, the terminal rendering.
import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../src/render/terminal.js';
import { buildReport } from '../../src/analysis/report.js';
import { escapeText, renderReportMarkdown } from '../../src/render/markdown.js';
import { renderReportJson } from '../../src/render/json.js';
import { validateGridText } from '../../src/validation/validate.js';
import { DomainError } from '../../src/errors.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { DEFAULT_TEMPLATE } from '../../src/render/markdown.js';
import { plain } from '../helpers.js';
import { answersFile, fixtureReport, markdownlint, miniGrid, NOW } from './helpers.js';

const TEMPLATE = packagedTemplate(DEFAULT_TEMPLATE);

/** The complete report (--full), typography undone (test/report/typography.test.ts checks it). */
function fullMarkdown(data: Parameters<typeof renderReportMarkdown>[0], source = TEMPLATE): string {
  return plain(renderReportMarkdown(data, source, undefined, { full: true }));
}

const debut = fullMarkdown(fixtureReport('debut'));
const mature = fullMarkdown(fixtureReport('mature'));

/** Lines of the synthesis table (header, delimiter, one per entrée). */
function tableLines(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('|'));
}
/** Pipes that separate cells (an escaped `\|` is text). */
function cellSeparators(line: string): number {
  return line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
}

describe('Markdown report', () => {
  it('matches the reviewed snapshots (an early project, a mature one)', async () => {
    await expect(debut).toMatchFileSnapshot('./__snapshots__/debut.md');
    await expect(mature).toMatchFileSnapshot('./__snapshots__/mature.md');
    // the short report, as `report` prints it by default
    await expect(plain(renderReportMarkdown(fixtureReport('debut'), TEMPLATE))).toMatchFileSnapshot('./__snapshots__/debut-court.md');
    await expect(plain(renderReportMarkdown(fixtureReport('mature'), TEMPLATE))).toMatchFileSnapshot('./__snapshots__/mature-court.md');
  });

  it('has the eight parts, and the programmes, in order', () => {
    const headings = debut.split('\n').filter((l) => /^##? /.test(l));
    expect(headings).toEqual([
      '# Rapport de préparation PTCE : Les Communs du Val',
      '## Synthèse',
      "## Points d'appui",
      '## Écarts à combler',
      '## Appels et dispositifs',
      '## Points de vigilance',
      '## Détail par entrée',
      '## Vers le dossier de candidature',
      '## Méthode et sources',
    ]);
  });

  it('passes markdownlint with the committed configuration', async () => {
    expect(await markdownlint({ 'debut.md': debut, 'mature.md': mature })).toEqual([]);
  });

  it('shows a text bar and the score per entrée, and « — » for an entrée without score', () => {
    expect(mature).toContain('| 1. Vision | ████████░░ 83/100 | Solide | 100 % | 0 |');
    expect(debut).toContain('| 4. Financement | ░░░░░░░░░░ — | — | 0 % | 1 |');
    expect(debut).toContain('**Niveau de préparation : À amorcer**, repère global 22/100.');
  });

  it('numbers the annex on from 7', () => {
    const index = miniGrid().index;
    const all = Object.fromEntries(index.questions.filter((q) => q.question.type === 'scale').map((q) => [q.fullId, { value: 'pas-aborde' }]));
    const md = fullMarkdown(buildReport(index, [answersFile({ ...all, 'acteurs.nombre': { value: 1 }, 'portage.forme': { value: 'association' } })], { now: NOW }));
    expect(md).toContain('### Annexe : autres actions');
    expect(md).toMatch(/### 6\. .*\n[\s\S]*### Annexe : autres actions\n\n#### 7\. /);
  });

  it('speaks of readiness and sources, not grades or verdicts', () => {
    for (const md of [debut, mature]) {
      expect(md).not.toMatch(/(?<!\p{L})(réussie?s?|échouée?s?|insuffisante?s?|notes?|notée?s?)(?!\p{L})/iu);
      expect(md).toContain("aide à l'autodiagnostic, pas une évaluation officielle");
      expect(md).toContain('**Avant de partager ce rapport.** Il contient le nom du projet, le nom des personnes qui ont répondu');
      expect(md).toContain('Décret n° 2015-431, article 3');
    }
    // a closed call is said to be closed, with the advice to check the current one
    expect(debut).toContain("- **État :** Clos (dépôt jusqu'au 23 juin 2021)");
    expect(debut).toContain("cet appel est clos : le dépôt était possible jusqu'au 23 juin 2021. Il n'est plus le cadre d'une candidature");
    // « je ne sais pas » are questions to clarify
    expect(debut).toContain('### Questions à éclaircir');
    expect(debut).toContain('- **1.2 Des axes sont-ils identifiés ?** (Vision) Piste : regardez ce que les partenaires font déjà ensemble.');
  });
});

describe('a bare grid (no stages, rules nor programmes) and empty answers', () => {
  it('still gives a readable, lint-clean report that says there is nothing yet', async () => {
    const { index } = validateGridText(
      [
        'format: cap-ptce/grid@1',
        'id: nue',
        'version: 0.1.0',
        'title: "Grille nue"',
        'source: "Essai"',
        'language: fr',
        'levels: [{ id: debut, min: 0, label: "Début" }]',
        'entries:',
        '  - id: seule',
        '    title: "Seule entrée"',
        '    source: "Essai"',
        '    questions:',
        '      - { id: q, text: "Une question ?", type: scale, answers: [{ id: non, label: "Non", score: 0 }, { id: oui, label: "Oui", score: 1 }] }',
      ].join('\n'),
      'nue.yaml',
      '2026-11-26',
    );
    const data = buildReport(index!, [{ format: 'cap-ptce/answers@1', grid: { id: 'nue', version: '0.1.0' }, project: {}, answers: {} }], { now: NOW });
    const md = fullMarkdown(data);
    expect(data.stage).toBeNull();
    expect(md).toContain("Pas encore de repère global : aucune question de l'échelle n'a reçu de réponse.");
    expect(md).toContain("Aucun constat particulier d'après vos réponses.");
    expect(md).toContain('- 1.1 Une question ? (Seule entrée)');
    expect(md).not.toContain('Stade de maturité');
    expect(await markdownlint({ 'nue.md': md })).toEqual([]);
  });
});

describe('JSON report', () => {
  const json = JSON.parse(renderReportJson(fixtureReport('debut')));

  it('starts with the fixed fields of the design note', () => {
    expect(Object.keys(json).slice(0, 6)).toEqual(['format', 'overall', 'entries', 'gaps', 'findings', 'stage']);
    expect(json.format).toBe('cap-ptce/report@1');
  });

  it('overall and entries', () => {
    expect(json.overall).toMatchObject({ score: 22, level: { id: 'a-amorcer', label: 'À amorcer' } });
    expect(json.entries.map((e: { id: string; title: string; score: number | null; level: { id: string } | null; coverage: number | null }) => [e.id, e.title, e.score, e.level?.id ?? null, e.coverage])).toEqual([
      ['vision', 'Vision', 33, 'a-amorcer', 0.5],
      ['acteurs', 'Acteurs', 0, 'a-amorcer', 1],
      ['portage', 'Portage', null, null, 1],
      ['financement', 'Financement', null, null, 0],
    ]);
  });

  it('gaps, findings, stage', () => {
    expect(json.gaps[0]).toMatchObject({ rule: 'moins-de-trois', question: null, priority: 1, advice: { title: "À réunir avant une demande de soutien de l'État : moins de trois personnes morales" } });
    expect(json.gaps[3]).toMatchObject({ question: 'vision.constats', priority: 4, urgency: 0.67, advice: { title: 'Étayer les constats', why: 'Pour convaincre.', how: 'Citez vos sources.' } });
    expect(json.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
      ['moins-de-trois', 'blocking'],
      ['sans-hors-ess', 'blocking'],
      ['porteuse-a-identifier', 'warning'],
    ]);
    expect(json.findings[0]).toMatchObject({ message: 'Un PTCE réunit au moins trois personnes morales.', source: { label: 'Décret n° 2015-431, article 3', year: 2015 } });
    expect(json.stage).toMatchObject({ id: 'emergence', label: 'Émergence' });
  });

  it('holds what the Markdown shows besides', () => {
    expect(json.clarify.map((c: { question: string }) => c.question)).toEqual(['vision.axes', 'financement.budget']);
    expect(json.programmes.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      ['regional', 'ongoing'],
      ['appel-2021', 'closed'],
    ]);
    expect(json.dossier.map((d: { section: string }) => d.section)).toEqual(['Objectifs', 'Acteurs', 'Structure porteuse', 'Financement']);
    expect(json.entries[0].questions[0]).toMatchObject({ id: 'vision.constats', answer: { label: 'En réflexion' }, note: "Des constats partagés à l'oral, rien d'écrit." });
    expect(json.method.levels).toEqual([
      { label: 'À amorcer', min: 0, max: 33 },
      { label: 'En construction', min: 34, max: 66 },
      { label: 'Solide', min: 67, max: 100 },
    ]);
  });
});

describe('hostile user text renders harmlessly', () => {
  const ESC = '\u001b';
  const nasty = answersFile(
    {
      'vision.constats': {
        value: 'acquis',
        examples: ['`code` | colonne', '<img src=x onerror=alert(1)>'],
        note: `Ligne 1 | cellule\n# Titre injecté\n- puce injectée\n\`\`\`\n<script>alert("x")</script>\n${ESC}[31mrouge${ESC}[0m ${ESC}]0;titre${ESC}\\ fin\r\n1. liste`,
      },
      'acteurs.nombre': { value: 4 },
    },
    { project: { name: '# Projet | <script>alert(1)</script>', territory: `Val${ESC}[2J | *gras*` }, respondent: '[clic](javascript:alert(1))' },
  );
  const data = buildReport(miniGrid().index, [nasty], { now: NOW, sourceLabel: 'x.yaml' });
  const md = fullMarkdown(data);

  it('keeps the table structure and headings intact', () => {
    for (const line of tableLines(md)) expect(cellSeparators(line)).toBe(6);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings[0]).toBe('# Rapport de préparation PTCE : \\# Projet \\| &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(headings.some((h) => h.includes('Titre injecté'))).toBe(false);
    expect(md.split('\n').some((l) => /^\s*(- puce injectée|1\. liste|```)/.test(l))).toBe(false);
  });

  it('lets no HTML, link or terminal escape through', () => {
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).not.toContain(ESC);
    expect(md).not.toContain('\r');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[clic\\](javascript:alert(1))');
    expect(md).toContain('Vos précisions : Ligne 1 \\| cellule # Titre injecté - puce injectée \\`\\`\\` &lt;script&gt;alert("x")&lt;/script&gt; rouge fin 1. liste');
    expect(md).toContain('Vos exemples : \\`code\\` \\| colonne ; &lt;img src=x onerror=alert(1)&gt;');
  });

  it('still passes markdownlint', async () => {
    expect(await markdownlint({ 'hostile.md': md })).toEqual([]);
  });

  it('has no control character in the JSON either', () => {
    const json = renderReportJson(data);
    expect(json).not.toContain(ESC);
    const parsed = JSON.parse(json);
    expect(parsed.project.territory).toBe('Val | *gras*');
    expect(parsed.entries[0].questions[0].note).toContain('# Titre injecté\n- puce injectée');
  });

  it('cannot drive the terminal', async () => {
    const out = (await renderForTerminal(md, 200)).replace(/\u001b\[[0-9;]*m/g, '');
    expect(out).not.toContain(ESC);
    // shown as the text the person typed, never interpreted
    expect(out).toContain('Vos précisions : Ligne 1 | cellule # Titre injecté - puce injectée');
  });

  it('keeps links from the grid and addresses readable and clickable', () => {
    expect(escapeText('Écrire à ess@hautsdefrance.fr.')).toBe('Écrire à <ess@hautsdefrance.fr>.');
    expect(escapeText('Voir https://www.economie.gouv.fr/ptce, puis R&D')).toBe('Voir <https://www.economie.gouv.fr/ptce>, puis R&D');
    expect(escapeText('version 1.0.0')).toBe('version 1.0.0');
    expect(escapeText('1. pas une liste')).toBe('1\\. pas une liste');
  });
});

describe('templates', () => {
  const data = fixtureReport('mature');

  it('renders a user template with the same escaping', () => {
    const md = plain(
      renderReportMarkdown(
        buildReport(miniGrid().index, [answersFile({}, { project: { name: '<b>Coop</b> | #1' } })], { now: NOW }),
        '# {{{title}}}\n\n{{#each entries}}- {{title}} : {{scoreLabel}}\n{{/each}}',
      ),
    );
    expect(md).toBe('# &lt;b&gt;Coop&lt;/b&gt; \\| #1\n\n- Vision : —\n- Acteurs : —\n- Portage : —\n- Financement : —\n');
  });

  it('names the file and the line of a template that does not compile', () => {
    const attempt = (source: string) => () => renderReportMarkdown(data, source, 'mon-modele.hbs');
    expect(attempt('# Titre\n\n{{#each entries}}\n- {{title}}\n')).toThrow(/Le modèle mon-modele\.hbs, ligne \d+ ne peut pas être utilisé/);
    expect(attempt('ligne 1\n{{inconnue title}}')).toThrow(/mon-modele\.hbs, ligne 2.*inconnue/);
    try {
      attempt('{{#if}}')();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      // The core says what is wrong; cli.ts maps 'invalid-input' to exit 1.
      expect((error as DomainError).kind).toBe('invalid-input');
    }
  });

  it('gives a template no way out of the data (no prototype access, no log helper)', () => {
    const md = renderReportMarkdown(data, '{{title.constructor}}|{{lookup title "constructor"}}|{{#with title}}{{__proto__}}{{/with}}');
    expect(md.trim()).toBe('||');
    expect(() => renderReportMarkdown(data, '{{log "x"}}')).toThrow(DomainError);
  });
});

describe('terminal rendering', () => {
  it('renders inline Markdown inside list items, and no HTML comment', async () => {
    const out = (await renderForTerminal(debut, 100)).replace(/\u001b\[[0-9;]*m/g, '');
    expect(out).toContain('Pourquoi ?');
    expect(out).not.toContain('**Pourquoi ?**');
    expect(out).not.toContain('cap-ptce:report');
    expect(out).toContain('Vision');
  });
});
