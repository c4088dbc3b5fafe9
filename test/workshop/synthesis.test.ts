// The workshop synthesis of examples/atelier (Claire, coordinator; Mehdi, elected official; Sophie,
// business owner): which questions come out divergent and why, the per-entrée table, consensus,
// the JSON fields, the Markdown a facilitator projects. Expected numbers computed by hand from the
// three files (scale 0..3: pas-aborde 0, en-reflexion 1, engage 2, acquis 3).
import { describe, expect, it } from 'vitest';
import { buildWorkshop } from '../../src/analysis/workshop.js';
import { renderWorkshopJson } from '../../src/render/json.js';
import { renderReportMarkdown } from '../../src/render/markdown.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { markdownlint } from '../report/helpers.js';
import { atelierFiles, atelierSynthesis, defaultGrid, NOW } from './helpers.js';
import { plain } from '../helpers.js';

const data = atelierSynthesis();
const md = plain(renderReportMarkdown(data, packagedTemplate('workshop.md.hbs'), undefined, { full: true }));

describe('questions to discuss first (examples/atelier)', () => {
  it('finds the seven divergent questions, most divergent first, and says why', () => {
    expect(data.workshop.divergences.map((q) => [q.number, q.id, q.spread, q.reasons])).toEqual([
      // Claire pas-aborde (0), Mehdi acquis (3/3), Sophie en-reflexion: spread 1, the whole scale
      ['7.2', 'actions.indicateurs', 1, ['spread']],
      // Claire 1/3, Mehdi 3/3 → 0.67; and Sophie « Je ne sais pas »: both reasons, so before the other 0.67
      ['3.2', 'gouvernance.formalisation', 0.67, ['spread', 'unknown']],
      // 0.67 each: importance 1 before importance 2, then grid order
      ['1.1', 'objectifs.constats', 0.67, ['spread']],
      ['6.1', 'financement.budget-previsionnel', 0.67, ['spread']],
      ['6.2', 'financement.participation-entreprises', 0.67, ['spread']],
      // no scale (legal form): only « Je ne sais pas » against two answers; importance 1
      ['5.1', 'structure-porteuse.forme', null, ['unknown']],
      // en-reflexion twice (spread 0) and Sophie « Je ne sais pas »
      ['6.4', 'financement.perennite', 0, ['unknown']],
    ]);
    expect(data.workshop.divergences.map((q) => q.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('explains each divergence in words, naming who answered what', () => {
    const [indicateurs, formalisation] = data.workshop.divergences;
    expect(indicateurs!.reason).toBe("Les réponses vont de « Pas encore abordé » (Claire Martin) à « Acquis, formalisé » (Mehdi Benali) : 3 crans d'écart sur une échelle de 3.");
    expect(formalisation!.reason).toContain('Sophie Lefèvre répond « Je ne sais pas » quand Claire Martin et Mehdi Benali donnent une réponse.');
    const entreprises = data.workshop.divergences.find((q) => q.id === 'financement.participation-entreprises')!;
    expect(entreprises.reason).toContain('de « En réflexion » (Claire Martin et Mehdi Benali) à « Acquis, formalisé » (Sophie Lefèvre)');
  });

  it('leaves out spreads under half the scale and a question one person skipped', () => {
    const byId = new Map(data.workshop.questions.map((q) => [q.id, q]));
    // en-reflexion, engage, en-reflexion: one step of three
    expect(byId.get('objectifs.reponses-nouvelles')).toMatchObject({ spread: 0.33, divergent: false, consensus: false });
    // Sophie did not answer the statuts question: neither divergent nor a consensus
    expect(byId.get('structure-porteuse.statuts')).toMatchObject({ divergent: false, consensus: false, unanswered: ['Sophie Lefèvre'], score: 67 });
  });

  it('gives each respondent’s answer and note under their name', () => {
    const formalisation = data.workshop.divergences[1]!;
    expect(formalisation.answers.map((a) => [a.respondent, a.value, a.label])).toEqual([
      ['Claire Martin', 'en-reflexion', 'En réflexion'],
      ['Mehdi Benali', 'acquis', 'Acquis, formalisé'],
      ['Sophie Lefèvre', 'ne-sait-pas', 'Je ne sais pas'],
    ]);
    expect(formalisation.answers[0]!.note).toContain("rien n'est écrit pour les entreprises");
    expect(formalisation.score).toBe(67); // (1/3 + 3/3) / 2, « Je ne sais pas » left out
    expect(formalisation.counts.map((c) => [c.label, c.count])).toEqual([
      ['En réflexion', 1],
      ['Acquis, formalisé', 1],
      ['Je ne sais pas', 1],
    ]);
  });
});

describe('who sees the project how', () => {
  it('gives per entrée the group’s score and level, and each respondent’s own score', () => {
    expect(data.workshop.entries.map((e) => [e.id, e.score, e.level?.label, e.respondents.map((r) => r.score), e.spread])).toEqual([
      ['objectifs', 64, 'En construction', [60, 80, 53], 27],
      ['acteurs', 56, 'En construction', [67, 67, 33], 34],
      ['gouvernance', 67, 'Solide', [50, 83, 67], 33],
      ['perimetre', 78, 'Solide', [83, 83, 67], 16],
      ['structure-porteuse', 67, 'Solide', [67, 78, 50], 28],
      ['financement', 50, 'En construction', [42, 58, 56], 16],
      ['actions', 49, 'En construction', [40, 67, 40], 27],
      ['innovation', 41, 'En construction', [44, 33, 44], 11],
    ]);
    expect(data.workshop.overall).toMatchObject({ score: 59, level: { label: 'En construction' }, spread: 18 });
    expect(data.workshop.overall.respondents.map((r) => r.score)).toEqual([57, 69, 51]);
    // the report's own numbers are the group's: the same table, the same overall score
    expect(data.entries.map((e) => e.score)).toEqual([64, 56, 67, 78, 67, 50, 49, 41]);
    expect(data.overall.score).toBe(59);
  });

  it('prints it as a table with one column per participant', () => {
    expect(md).toContain('| Entrée | Groupe | Niveau | Claire Martin | Mehdi Benali | Sophie Lefèvre | Écart |');
    expect(md).toContain('| 1. Objectifs et vision stratégique | 64/100 | En construction | 60 | 80 | 53 | 27 |');
    expect(md).toContain('| **Repère global** | **59/100** | En construction | 57 | 69 | 51 | 18 |');
  });

  it('says how much each participant answered', () => {
    expect(data.workshop.participants.map((p) => [p.label, p.answered, p.applicable, p.unknown])).toEqual([
      ['Claire Martin', 31, 31, 0],
      ['Mehdi Benali', 31, 31, 0],
      ['Sophie Lefèvre', 27, 31, 3],
    ]);
  });
});

describe('consensus and the group’s answers', () => {
  it('lists the questions where everyone gave the same answer', () => {
    expect(data.workshop.consensus.map((q) => [q.number, q.collective])).toEqual([
      ['1.2', 'Engagé, en cours'],
      ['1.4', 'Engagé, en cours'],
      ['2.2', "Entreprises et structures de l'ESS (associations, coopératives, SIAE…) ; Entreprises hors ESS (industrielles, commerciales…) ; Collectivités territoriales ou leurs groupements (commune, EPCI…)"],
      ['3.1', 'Engagé, en cours'],
      ['4.1', 'Acquis, formalisé'],
      ['4.3', 'Commune classée France Ruralités Revitalisation (FRR, qui a succédé aux ZRR le 1er juillet 2024)'],
      ['4.4', 'Normandie'],
      ['5.5', 'Non'],
      ['7.1', 'Engagé, en cours'],
      ['7.3', 'En réflexion'],
      ['8.2', 'Non concerné'],
      ['8.4', 'Pas encore abordé'],
    ]);
  });

  it('when nobody answers on the scale: « Je ne sais pas » if someone says so, else « Non concerné »', () => {
    const files = atelierFiles().map((f) => structuredClone(f));
    const set = (id: string, values: string[]): void => files.forEach((f, i) => (f.answers.answers[id] = { value: values[i]! }));
    set('objectifs.axes', ['ne-sait-pas', 'non-concerne', 'non-concerne']);
    set('perimetre.ressources', ['non-concerne', 'non-concerne', 'non-concerne']);
    const synthesis = buildWorkshop(defaultGrid().index, files, { now: NOW });
    const collective = (id: string): string | null => synthesis.workshop.questions.find((q) => q.id === id)!.collective;
    expect(collective('objectifs.axes')).toBe('Je ne sais pas');
    expect(collective('perimetre.ressources')).toBe('Non concerné');
  });

  it('sets apart factual answers that differ (6, 7 and 6 legal persons)', () => {
    expect(data.workshop.differences.map((q) => q.id)).toEqual(['acteurs.personnes-morales']);
    expect(data.workshop.differences[0]!.collective).toBe('6 personnes morales'); // the median
  });

  it('computes the stage, findings and gaps on the group’s answers', () => {
    // constats: mean of engage, acquis, en-reflexion = engage; structure porteuse: association (2 of 2 answers)
    expect(data.stage).toMatchObject({ id: 'structuration', reached: true });
    expect(data.findings.map((f) => f.rule)).toEqual(['gouvernance-democratique-a-engager', 'territoire-prioritaire-ami-2025', 'composition-reunie', 'porteuse-droit-prive']);
    // gouvernance démocratique: en-reflexion, engage, en-reflexion → 44/100, importance 1: first action
    expect(data.gaps[0]).toMatchObject({ question: 'structure-porteuse.gouvernance-democratique', collectiveScore: 44 });
    expect(data.gaps[0]!.responses.map((r) => r.label)).toEqual(['En réflexion', 'Engagé, en cours', 'En réflexion']);
    // everyone says « acquis » only for the territory: the one point d'appui
    expect(data.strengths.map((s) => s.question)).toEqual(['perimetre.territoire']);
  });
});

describe('JSON (--format json)', () => {
  const json = JSON.parse(renderWorkshopJson(data)) as Record<string, unknown> & {
    respondents: string[];
    divergences: { question: string; spread: number | null; answers: { respondent: string; value: unknown }[] }[];
  };

  it('keeps the fixed fields first, then respondents and divergences', () => {
    expect(Object.keys(json).slice(0, 8)).toEqual(['format', 'overall', 'entries', 'gaps', 'findings', 'stage', 'respondents', 'divergences']);
    expect(json.format).toBe('cap-ptce/report@1');
    expect(json.overall).toMatchObject({ score: 59, level: { id: 'en-construction' } });
    expect(json.respondents).toEqual(['Claire Martin', 'Mehdi Benali', 'Sophie Lefèvre']);
  });

  it('gives each divergence with its spread and everyone’s answer', () => {
    expect(json.divergences.map((d) => d.question)).toEqual(data.workshop.divergences.map((q) => q.id));
    expect(json.divergences[0]).toMatchObject({
      question: 'actions.indicateurs',
      spread: 1,
      answers: [
        { respondent: 'Claire Martin', value: 'pas-aborde' },
        { respondent: 'Mehdi Benali', value: 'acquis' },
        { respondent: 'Sophie Lefèvre', value: 'en-reflexion' },
      ],
    });
    expect(json.divergences.find((d) => d.question === 'structure-porteuse.forme')!.spread).toBeNull();
  });
});

describe('Markdown synthesis', () => {
  it('opens with the questions to discuss, then the table, the consensus, then the usual report', () => {
    const h2 = md.split('\n').filter((l) => /^##? /.test(l));
    expect(h2).toEqual([
      "# Synthèse d'atelier PTCE : Bocage en commun",
      '## Questions à discuter en premier',
      '## Qui voit le projet comment',
      "## Points d'accord",
      '## Synthèse',
      "## Points d'appui",
      '## Écarts à combler',
      '## Appels et dispositifs',
      '## Points de vigilance',
      '## Détail par entrée',
      '## Vers le dossier de candidature',
      '## Méthode et sources',
    ]);
    const first = md.split('\n').find((l) => l.startsWith('### '));
    expect(first).toBe("### 1. Question 7.2 : Des indicateurs de suivi et d'évaluation permettent-ils de mesurer l'atteinte des objectifs ?");
  });

  it('puts each note under its author’s name', () => {
    expect(md).toContain("- **Sophie Lefèvre** : Je ne sais pas\n  - Précisions : Je ne sais pas qui décide quoi : j'ai entendu parler d'une convention, je ne l'ai jamais lue.");
    expect(md).toContain('  - Mehdi Benali : Acquis, formalisé\n    - Exemples retenus : Convention entre acteurs\n    - Précisions : La convention de partenariat signée en 2025');
  });

  it('passes markdownlint with the committed configuration', async () => {
    expect(await markdownlint({ 'synthese.md': md })).toEqual([]);
  });

  it('keeps the tone of hints, not verdicts', () => {
    expect(md).not.toMatch(/réussi|échoué|insuffisant|\bnote\b/i);
  });
});

describe('respondents without a name, twice the same name, hostile text', () => {
  const files = atelierFiles();

  it('names an unnamed respondent « Répondant n » and tells two Claire apart', () => {
    const { respondent: _r, ...unnamed } = files[1]!.answers;
    const synthesis = buildWorkshop(defaultGrid().index, [files[0]!, { ...files[1]!, answers: unnamed }, { ...files[0]!, source: 'claire-bis.yaml' }], { now: NOW });
    expect(synthesis.workshop.participants.map((p) => p.label)).toEqual(['Claire Martin', 'Répondant 2', 'Claire Martin (2)']);
    expect(synthesis.workshop.warnings.join('\n')).toContain('Claire Martin répond dans 2 fichiers (examples/atelier/claire.yaml et claire-bis.yaml)');
  });

  it('escapes names, notes and own examples: no HTML, no broken table or list', async () => {
    const hostile = {
      ...files[2]!,
      answers: {
        ...files[2]!.answers,
        respondent: '<script>alert(1)</script> | **Jo**',
        answers: {
          ...files[2]!.answers.answers,
          'actions.indicateurs': { value: 'en-reflexion', note: '# Titre\n| a | b |\n- [lien](javascript:alert(1))', examples: ['<img src=x onerror=alert(1)>'] },
        },
      },
    };
    const synthesis = buildWorkshop(defaultGrid().index, [files[0]!, files[1]!, hostile], { now: NOW });
    const out = plain(renderReportMarkdown(synthesis, packagedTemplate('workshop.md.hbs'), undefined, { full: true }));
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/^# Titre/m);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*Jo\\*\\*');
    const header = out.split('\n').find((l) => l.startsWith('| Entrée | Groupe'))!;
    const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
    for (const row of out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) expect(cells(row)).toBe(cells(header));
    expect(await markdownlint({ 'hostile.md': out })).toEqual([]);
  });
});

describe('a question not asked to everyone', () => {
  // Sophie has no carrying structure yet (« pas-encore »): the question on its statutes is not
  // asked to her. Claire and Mehdi answer it far apart: it is to discuss, among them only.
  const files = atelierFiles().map((f) => structuredClone(f));
  const [claire, mehdi, sophie] = files.map((f) => f.answers.answers);
  claire!['structure-porteuse.statuts'] = { value: 'pas-aborde', note: 'Statuts à relire.' };
  mehdi!['structure-porteuse.statuts'] = { value: 'acquis' };
  sophie!['structure-porteuse.forme'] = { value: 'pas-encore' };
  delete sophie!['structure-porteuse.statuts'];
  const synthesis = buildWorkshop(defaultGrid().index, files, { now: NOW });
  const statuts = synthesis.workshop.questions.find((q) => q.id === 'structure-porteuse.statuts')!;

  it('lists, under the question to discuss, only the people it was asked to', () => {
    expect(statuts.divergent).toBe(true);
    expect(statuts.answers.map((a) => a.status)).toEqual(['scored', 'scored', 'hidden']);
    const text = plain(renderReportMarkdown(synthesis, packagedTemplate('workshop.md.hbs')));
    const section = text.slice(text.indexOf(`Question ${statuts.number} :`));
    const block = section.slice(0, section.indexOf('\n###') === -1 ? undefined : section.indexOf('\n###'));
    expect(block).toContain('- **Claire Martin** : Pas encore abordé\n  - Précisions : Statuts à relire.');
    expect(block).toContain('- **Mehdi Benali** : Acquis, formalisé');
    expect(block).not.toContain('Sophie Lefèvre');
  });

  it('keeps that short list out of the JSON (every answer is there once, with its status)', () => {
    const json = JSON.parse(renderWorkshopJson(synthesis)) as { workshop: { questions: { id: string; answers: { status: string }[] }[] } };
    expect(renderWorkshopJson(synthesis)).not.toContain('askedAnswers');
    expect(json.workshop.questions.find((q) => q.id === 'structure-porteuse.statuts')!.answers.map((a) => a.status)).toEqual(['scored', 'scored', 'hidden']);
  });
});
