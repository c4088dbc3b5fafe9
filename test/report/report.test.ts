// The report as data: stage, actions (priority, advice per level, six then annex), questions to
// clarify, points d'appui, findings, programmes and their dates, the way to the application.
import { describe, expect, it } from 'vitest';
import { buildReport, frenchDate, nextSteps, textBar } from '../../src/analysis/report.js';
import { answersFile, fixtureReport, miniGrid, NOW } from './helpers.js';

describe('buildReport: an early project', () => {
  const data = fixtureReport('debut');

  it('says who, what and how complete the diagnostic is', () => {
    expect(data.title).toBe('Les Communs du Val');
    expect(data.project.territory).toBe('Val de Bray (60)');
    expect(data.dateLabel).toBe('26 novembre 2026');
    expect(data.grid).toMatchObject({ id: 'mini', version: '1.0.0' });
    expect(data.respondents).toEqual([{ name: 'Claire', label: 'Claire', source: 'debut.yaml', updatedAt: null, unmatched: [], unmatchedMore: 0 }]);
    expect(data.completeness).toMatchObject({ answered: 5, applicable: 8, unknown: 2, na: 1, unanswered: 1, percent: 63 });
  });

  it('points to the stage whose criteria all hold, and what leads to the next one', () => {
    expect(data.stage).toMatchObject({ id: 'emergence', label: 'Émergence', reached: true, position: 1, count: 3 });
    expect(data.stage?.met).toEqual(['Les constats sont au moins en réflexion']);
    expect(data.stage?.next?.label).toBe('Structuration');
    expect(data.stage?.next?.missing).toEqual(['Les constats sont engagés', "Plusieurs types d'acteurs"]);
  });

  it('puts blocking findings first, then importance × gap size', () => {
    expect(data.gaps.map((g) => g.rule ?? g.question)).toEqual(['moins-de-trois', 'sans-hors-ess', 'acteurs.typologie', 'vision.constats']);
    expect(data.gaps.map((g) => g.priority)).toEqual([1, 2, 3, 4]);
    // typologie: importance 1 (factor 1) × gap 3/3; constats: importance 1 × gap 2/3
    expect(data.gaps[2]).toMatchObject({ urgency: 1, steps: 3, answer: { id: 'pas-aborde' }, target: { id: 'acquis' } });
    expect(data.gaps[3]).toMatchObject({ urgency: 0.67, steps: 2 });
    // Said as what to gather before asking for State support, never as a verdict.
    expect(data.gaps[0]!.advice.title).toBe("À réunir avant une demande de soutien de l'État : moins de trois personnes morales");
    expect(data.gaps[0]!.advice.how).toBe("Proposez à des structures proches de s'engager.");
  });

  it('picks the advice written for the answer given (starting out ≠ consolidating)', () => {
    const constats = data.gaps.find((g) => g.question === 'vision.constats')!;
    expect(constats.advice.title).toBe('Étayer les constats');
    expect(constats.dossier).toEqual(['Objectifs']);
    // a question without advice in the grid still gets a concrete, generic action
    const typologie = data.gaps.find((g) => g.question === 'acteurs.typologie')!;
    expect(typologie.advice.title).toContain('La typologie des acteurs est-elle connue ?');
  });

  it('lists « je ne sais pas » as questions to clarify, never as gaps', () => {
    expect(data.clarify.map((c) => c.question)).toEqual(['vision.axes', 'financement.budget']);
    expect(data.clarify[0]!.hint).toBe('Regardez ce que les partenaires font déjà ensemble.');
    expect(data.gaps.some((g) => g.question === 'vision.axes' || g.question === 'financement.budget')).toBe(false);
    expect(data.unanswered.map((u) => u.question)).toEqual(['financement.mecenat']);
  });

  it('leaves a hidden question out of details, gaps and the application', () => {
    const statuts = data.entries.find((e) => e.id === 'portage')!.questions.find((q) => q.id === 'portage.statuts')!;
    expect(statuts.applicable).toBe(false);
    expect(data.gaps.some((g) => g.question === 'portage.statuts')).toBe(false);
    expect(data.dossier.find((d) => d.section === 'Structure porteuse')!.items.map((i) => i.question)).toEqual(['portage.forme']);
  });

  it('reports findings with severity and source, most serious first', () => {
    expect(data.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['moins-de-trois', 'blocking'],
      ['sans-hors-ess', 'blocking'],
      ['porteuse-a-identifier', 'warning'],
    ]);
    expect(data.findings[0]!.source).toEqual({ label: 'Décret n° 2015-431, article 3', year: 2015, url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000030487441', quote: null });
    expect(data.findings.map((f) => f.severityLabel)).toEqual(["À réunir avant une demande de soutien de l'État", "À réunir avant une demande de soutien de l'État", 'Point de vigilance']);
  });

  it('says a call whose dates are past is closed, with the advice to check the current call', () => {
    const appel = data.programmes.find((p) => p.id === 'appel-2021')!;
    expect(appel).toMatchObject({ status: 'closed', statusLabel: 'Clos', closed: true, closesLabel: '23 juin 2021', fits: false });
    expect(appel.advice.join(' ')).toContain("Cet appel est clos : le dépôt était possible jusqu'au 23 juin 2021.");
    expect(appel.closesText).toBe("dépôt jusqu'au 23 juin 2021");
    expect(appel.calendar.every((c) => c.past)).toBe(true);
    const regional = data.programmes.find((p) => p.id === 'regional')!;
    expect(regional).toMatchObject({ status: 'ongoing', fits: true });
    // only the funding lines whose condition holds (no collectivité here: no 60 % ceiling)
    expect(regional.funding).toEqual([{ label: 'Subvention limitée à 50 %', rate: 50 }]);
    expect(regional.advice.join(' ')).toContain('Informations datant de 2021');
    // what fits and is open comes first
    expect(data.programmes.map((p) => p.id)).toEqual(['regional', 'appel-2021']);
  });

  it('has no points d’appui when nothing is at the top of the scale', () => {
    expect(data.strengths).toEqual([]);
  });

  it('gives short next steps for the end of diagnose', () => {
    expect(nextSteps(data, 3)).toEqual([
      "À réunir avant une demande de soutien de l'État : moins de trois personnes morales",
      "À réunir avant une demande de soutien de l'État : aucune entreprise hors ESS",
      'Avancer sur la question « La typologie des acteurs est-elle connue ? »',
    ]);
    expect(nextSteps(data, 6).slice(4)).toEqual(['Éclaircir la question 1.2, « Des axes sont-ils identifiés ? »', 'Éclaircir la question 4.1, « Un budget est-il construit ? »']);
  });
});

describe('buildReport: a mature project', () => {
  const data = fixtureReport('mature');

  it('reaches the last stage, with no next one', () => {
    expect(data.stage).toMatchObject({ id: 'developpement', reached: true, next: null });
  });

  it('keeps points d’appui with the respondent’s own examples apart from the grid’s', () => {
    expect(data.strengths.map((s) => s.question)).toEqual(['vision.constats', 'acteurs.typologie', 'financement.budget']);
    expect(data.strengths[0]).toMatchObject({
      examples: ['Diagnostic territorial', 'Consultation'],
      ownExamples: ['Forum ouvert de 2024'],
      note: 'Diagnostic partagé avec la Ville en 2023.',
      hint: 'Les constats sont écrits et partagés.',
    });
  });

  it('orders gaps by importance × gap size, and respects a target below the top', () => {
    expect(data.gaps.map((g) => [g.question, g.urgency])).toEqual([
      ['financement.mecenat', 0.4],
      ['vision.axes', 0.27],
      ['portage.statuts', 0.27],
    ]);
    // innovation is at its target (engage): no gap
    expect(data.gaps.some((g) => g.question === 'vision.innovation')).toBe(false);
  });

  it('reports the conforming composition and applicable funding rates', () => {
    expect(data.findings.map((f) => [f.rule, f.severityLabel])).toEqual([['composition-reunie', 'Déjà réuni']]);
    expect(data.programmes.find((p) => p.id === 'regional')!.funding.map((f) => f.rate)).toEqual([50, 60]);
    expect(data.programmes.find((p) => p.id === 'appel-2021')!.fitsLabel).toBe('Correspondait à vos réponses');
  });

  it('keeps answers whose question left the grid, and says so', () => {
    expect(data.respondents[0]!.unmatched).toEqual([{ key: 'ancien.identifiant', value: 'acquis' }]);
  });

  it('feeds each application section with the answers, examples and notes', () => {
    const objectifs = data.dossier.find((d) => d.section === 'Objectifs')!;
    expect(objectifs.items[0]).toMatchObject({ question: 'vision.constats', answer: 'Acquis, formalisé', note: 'Diagnostic partagé avec la Ville en 2023.', ownExamples: ['Forum ouvert de 2024'] });
    expect(objectifs.actions).toEqual([2]);
    const acteurs = data.dossier.find((d) => d.section === 'Acteurs')!;
    expect(acteurs.items.map((i) => i.answer)).toEqual(['ESS ; Hors ESS ; Collectivité', '7 personnes morales', 'Acquis, formalisé']);
  });
});

describe('buildReport: six priority actions, then an annex numbered from 7', () => {
  it('splits a long list', () => {
    const index = miniGrid().index;
    const data = buildReport(
      index,
      [
        answersFile({
          'vision.constats': { value: 'pas-aborde' },
          'vision.axes': { value: 'pas-aborde' },
          'vision.innovation': { value: 'pas-aborde' },
          'acteurs.composition': { value: ['collectivite'] },
          'acteurs.nombre': { value: 1 },
          'acteurs.typologie': { value: 'pas-aborde' },
          'portage.forme': { value: 'association' },
          'portage.statuts': { value: 'pas-aborde' },
          'financement.budget': { value: 'pas-aborde' },
          'financement.mecenat': { value: 'pas-aborde' },
        }),
      ],
      { now: NOW },
    );
    expect(data.gaps).toHaveLength(9);
    expect(data.priorityActions.map((g) => g.priority)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data.annexActions.map((g) => g.priority)).toEqual([7, 8, 9]);
    expect(data.annexActions.every((g) => g.annex)).toBe(true);
    // starting from nothing: the « pas-aborde » advice
    expect(data.gaps.find((g) => g.question === 'vision.constats')!.advice.title).toBe('Poser les constats');
    expect(data.title).toBe('Projet sans nom');
    expect(data.respondents[0]!.label).toBe('personne non précisée');
  });

  it('keeps one response per respondent on every question (ready for a workshop)', () => {
    const index = miniGrid().index;
    const data = buildReport(
      index,
      [answersFile({ 'vision.constats': { value: 'acquis' } }, { respondent: 'Ana' }), answersFile({ 'vision.constats': { value: 'pas-aborde', note: 'Pas d’accord' } }, { respondent: 'Léo' })],
      { now: NOW, sourceLabels: ['ana.yaml', 'leo.yaml'] },
    );
    const q = data.entries[0]!.questions[0]!;
    expect(q.responses.map((r) => [r.respondent, r.label, r.score, r.note])).toEqual([
      ['Ana', 'Acquis, formalisé', 100, null],
      ['Léo', 'Pas encore abordé', 0, 'Pas d’accord'],
    ]);
    expect(data.respondents.map((r) => r.source)).toEqual(['ana.yaml', 'leo.yaml']);
  });
});

describe('small helpers', () => {
  it('writes dates the French way', () => {
    expect(frenchDate('2021-06-23')).toBe('23 juin 2021');
    expect(frenchDate('2026-08-01')).toBe('1er août 2026');
  });
  it('draws ten-cell bars', () => {
    expect(textBar(62)).toBe('██████░░░░');
    expect(textBar(0)).toBe('░░░░░░░░░░');
    expect(textBar(100)).toBe('██████████');
    expect(textBar(null)).toBe('░░░░░░░░░░');
  });
});
