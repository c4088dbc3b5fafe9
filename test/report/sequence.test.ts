// Order follows sequence: prerequisites are grid data (`after`), so the actions never ask for the
// later step before the earlier one, and the consortium's composition findings take their place
// among the six. Through the real default grid, the examples and the Markdown renderer.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportData } from '../../src/analysis/report.js';
import { DEFAULT_TEMPLATE, renderReportMarkdown } from '../../src/render/markdown.js';
import { plain } from '../helpers.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { loadAnswers, loadGrid } from '../../src/io/load.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { NOW, ROOT } from './helpers.js';

const { grid, index } = loadGrid(join(ROOT, 'questions/cap-ptce.yaml'), '2026-11-27');
const TEMPLATE = packagedTemplate(DEFAULT_TEMPLATE);
const example = (name: string): AnswersFile => loadAnswers(join(ROOT, 'examples', name), index).answers;
const report = (file: AnswersFile): ReportData => buildReport(index, [file], { now: NOW });
const prerequisites = (id: string): string[] => index.byId.get(id)?.question.after ?? grid.rules.find((r) => r.id === id)?.after ?? [];
const keyOf = (g: ReportData['gaps'][number]): string => g.question ?? g.rule!;

/** Every action comes after the actions of its prerequisites. */
function expectInSequence(data: ReportData): void {
  const priority = new Map(data.gaps.map((g) => [keyOf(g), g.priority]));
  for (const g of data.gaps) {
    for (const p of prerequisites(keyOf(g))) {
      const before = priority.get(p);
      if (before !== undefined) expect(before, `${p} avant ${keyOf(g)}`).toBeLessThan(g.priority);
    }
  }
}

/** Titles of the six priority actions, in the order the Markdown report prints them. */
function sixTitles(md: string): string[] {
  const end = md.indexOf('Annexe');
  return [...md.slice(0, end < 0 ? undefined : end).matchAll(/^### (\d+)\. (.+)$/gm)].map((m) => m[2]!);
}

describe('prerequisites in the default grid', () => {
  it('are declared: constats before axes, structure porteuse before statuts, the census before the composition findings', () => {
    expect(index.byId.get('objectifs.axes')!.question.after).toEqual(['objectifs.constats']);
    expect(index.byId.get('structure-porteuse.statuts')!.question.after).toContain('structure-porteuse.forme');
    for (const id of ['composition-moins-de-trois', 'composition-sans-ess', 'composition-sans-entreprise-hors-ess', 'composition-sans-autre-acteur']) {
      expect(prerequisites(id)).toEqual(['acteurs.typologie']);
    }
  });
});

describe('the emerging example', () => {
  const data = report(example('projet-emergent.yaml'));
  const md = plain(renderReportMarkdown(data, TEMPLATE, undefined, { full: true }));
  const six = sixTitles(md);

  it('asks to support the constats before looking for what is new, in the six the reader sees', () => {
    expectInSequence(data);
    const constats = six.indexOf('Appuyer les constats sur des sources et des expériences');
    const nouveau = six.indexOf('Repérer les besoins que personne ne couvre encore sur le territoire');
    expect(constats).toBeGreaterThanOrEqual(0);
    expect(nouveau).toBeGreaterThan(constats);
    // axes come after constats, wherever they land
    const titles = data.gaps.map((g) => g.advice.title);
    expect(titles.indexOf('Identifier les axes de développement à partir des constats')).toBeGreaterThan(titles.indexOf('Appuyer les constats sur des sources et des expériences'));
  });

  it('puts the missing company outside the ESS among the six, right after widening the consortium', () => {
    const finding = six.findIndex((t) => /une entreprise hors ESS, ou un groupement/i.test(t));
    expect(finding).toBeGreaterThanOrEqual(0);
    expect(six[finding - 1]).toBe('Diversifier le consortium et repérer les compétences');
    expect(data.gaps[finding]!.after).toEqual([finding]);
    // and the reader sees why it comes second
    const block = md.slice(md.indexOf(`### ${finding + 1}. `), md.indexOf(`### ${finding + 2}. `));
    expect(block).toContain("- **À faire après :** l'action 1");
  });
});

describe('ordering', () => {
  const base = (answers: AnswersFile['answers']): AnswersFile => ({ format: 'cap-ptce/answers@1', grid: { id: 'cap-ptce', version: '1.0.0' }, project: {}, answers });

  it('a consortium already mapped: the composition finding comes first, nothing to wait for', () => {
    const data = report(base({ 'acteurs.typologie': { value: 'acquis' }, 'acteurs.composition': { value: ['ess'] }, 'acteurs.personnes-morales': { value: 5 } }));
    expect(data.priorityActions.slice(0, 2).map((g) => g.rule).sort()).toEqual(['composition-sans-autre-acteur', 'composition-sans-entreprise-hors-ess']);
  });

  it('statuts wait while the structure porteuse is unknown, and say which question to clarify first', () => {
    const data = report(base({ 'structure-porteuse.forme': { value: 'ne-sait-pas' }, 'structure-porteuse.statuts': { value: 'pas-aborde' }, 'objectifs.axes': { value: 'acquis' }, 'actions.indicateurs': { value: 'engage' } }));
    const last = data.gaps[data.gaps.length - 1]!;
    expect(last.question).toBe('structure-porteuse.statuts');
    expect(last.waitsFor).toEqual(['5.1']);
    expect(data.gaps[0]!.question).toBe('actions.indicateurs');
    expect(plain(renderReportMarkdown(data, TEMPLATE, undefined, { full: true }))).toContain("- **D'abord éclaircir :** la question 5.1 (« Je ne sais pas » ou sans réponse)");
  });

  const scaleIds = index.questions.filter((q) => q.question.type === 'scale').map((q) => q.fullId);
  const scaleAnswer = fc.constantFrom<string | undefined>('pas-aborde', 'en-reflexion', 'engage', 'acquis', 'ne-sait-pas', 'non-concerne', undefined);
  const composition = fc.subarray(['ess', 'hors-ess', 'collectivite', 'recherche-formation', 'reseau', 'habitants']);
  const forme = fc.constantFrom('association', 'cooperative', 'societe-esus', 'societe-non-esus', 'collectivite-epci', 'pas-encore', 'ne-sait-pas');

  it('never asks for a later step before an earlier one; blocking findings stay among the six; waiting actions come last', () => {
    fc.assert(
      fc.property(fc.tuple(...scaleIds.map(() => scaleAnswer)), composition, fc.integer({ min: 0, max: 12 }), forme, (values, members, count, porteuse) => {
        const answers: AnswersFile['answers'] = {
          'acteurs.composition': { value: members },
          'acteurs.personnes-morales': { value: count },
          'structure-porteuse.forme': { value: porteuse },
        };
        scaleIds.forEach((id, i) => {
          if (values[i] !== undefined) answers[id] = { value: values[i] };
        });
        const data = report(base(answers));
        expectInSequence(data);
        for (const g of data.gaps) if (g.kind === 'finding') expect(g.annex, g.rule!).toBe(false);
        const firstWaiting = data.gaps.findIndex((g) => g.waitsFor.length > 0);
        if (firstWaiting >= 0) expect(data.gaps.slice(firstWaiting).every((g) => g.waitsFor.length > 0 || g.after.length > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
