// Fixtures of the HTML tests: report data for the examples, a workshop of three respondents made
// here (with hostile text), one of any size, the workshop of examples/atelier when the synthesis exists, the
// worksheet of the default grid, and a before/after comparison.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildReport, type ReportData } from '../../src/analysis/report.js';
import { buildWorksheet, type WorksheetData } from '../../src/analysis/worksheet.js';
import { buildWorkshop, type WorkshopData } from '../../src/analysis/workshop.js';
import type { CompareHtmlInput } from '../../src/render/html-compare.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { loadAnswers, loadGrid, type LoadedGrid } from '../../src/io/load.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NOW = new Date('2026-11-26T10:00:00Z');
export const ARTIFACTS = join(ROOT, 'test-artifacts/html');

/** The hostile strings every page must show as text, never as elements. */
export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=x onerror=alert(1)>';

let grid: LoadedGrid | undefined;
export function defaultGrid(): LoadedGrid {
  grid ??= loadGrid(undefined, '2026-11-26');
  return grid;
}

export function example(name: string): AnswersFile {
  return loadAnswers(join(ROOT, 'examples', name), defaultGrid().index).answers;
}

export function singleReport(name: 'projet-emergent.yaml' | 'projet-structure.yaml'): ReportData {
  return buildReport(defaultGrid().index, [example(name)], { now: NOW, sourceLabel: `examples/${name}` });
}

type Answers = AnswersFile['answers'];

function withAnswers(base: AnswersFile, respondent: string, changes: Answers): AnswersFile {
  const answers: Answers = structuredClone(base.answers);
  for (const [id, answer] of Object.entries(changes)) answers[id] = { ...answers[id], ...answer };
  return { ...structuredClone(base), respondent, answers };
}

/** Three participants of « Ternois en commun »: real divergences, one « Je ne sais pas », hostile text. */
export function workshopFiles(): AnswersFile[] {
  const base = example('projet-emergent.yaml');
  base.project = { ...base.project, name: `Ternois en commun ${SCRIPT}` };
  const claire = withAnswers(base, 'Claire Dufour, Ressourcerie du Ternois', {
    'objectifs.constats': { value: 'en-reflexion', note: `Constat partagé à l'oral.\nPas encore écrit ${SCRIPT}` },
  });
  const marc = withAnswers(base, 'Marc Lefebvre, communauté de communes', {
    'objectifs.constats': { value: 'acquis', note: 'Le diagnostic du projet de territoire (2024) pose ces constats & les chiffre.' },
    'gouvernance.formalisation': { value: 'engage', note: 'Une charte est en cours de rédaction.' },
    'financement.budget-previsionnel': { value: 'ne-sait-pas' },
    'objectifs.axes': { value: 'engage' },
  });
  const julie = withAnswers(base, `Julie ${IMG}`, {
    'objectifs.constats': { value: 'pas-aborde', note: IMG, examples: [`Exemple à moi ${IMG}`] },
    'gouvernance.formalisation': { value: 'pas-aborde' },
    'perimetre.territoire': { value: 'acquis' },
    'objectifs.axes': { value: 'en-reflexion' },
  });
  return [claire, marc, julie];
}

/**
 * A workshop of `n` participants of « Ternois en commun »: participant i gives the k-th answer of the
 * scale the (i + k)-th step, so the entrée scores spread over the whole scale.
 */
export function workshopOf(n: number): WorkshopData {
  const steps = ['pas-aborde', 'en-reflexion', 'engage', 'acquis'];
  const base = example('projet-emergent.yaml');
  const files = Array.from({ length: n }, (_, i) => {
    const answers: Answers = structuredClone(base.answers);
    let k = 0;
    for (const a of Object.values(answers)) if (typeof a.value === 'string' && steps.includes(a.value)) a.value = steps[(i + k++) % steps.length]!;
    return { answers: { ...structuredClone(base), respondent: `Participant ${i + 1}`, answers }, source: `p${i + 1}.yaml` };
  });
  return buildWorkshop(defaultGrid().index, files, { now: NOW });
}

/** The workshop above through the synthesis (analysis/workshop.ts): the page reads its numbers, never recomputes them. */
export function workshopReport(): WorkshopData {
  const sources = ['claire.yaml', 'marc.yaml', `julie-${SCRIPT}.yaml`];
  return buildWorkshop(defaultGrid().index, workshopFiles().map((answers, i) => ({ answers, source: sources[i]! })), { now: NOW });
}

/** examples/atelier through the workshop synthesis (workshop.ts), when both exist; null otherwise. */
export async function atelierReport(): Promise<ReportData | null> {
  const dir = join(ROOT, 'examples/atelier');
  if (!existsSync(dir) || !existsSync(join(ROOT, 'src/analysis/workshop.ts'))) return null;
  const mod = (await import('../../src/analysis/workshop.js')) as {
    buildWorkshop?: (index: unknown, files: { answers: AnswersFile; source: string }[], options: { now: Date }) => ReportData;
  };
  if (typeof mod.buildWorkshop !== 'function') return null;
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ answers: loadAnswers(join(dir, f), defaultGrid().index).answers, source: `examples/atelier/${f}` }));
  return mod.buildWorkshop(defaultGrid().index, files, { now: NOW });
}

export function worksheet(): WorksheetData {
  return buildWorksheet(defaultGrid().index);
}

/** A year of progress on « Ternois en commun »: before = the example, after = answers moved on. */
export function compareInput(): CompareHtmlInput {
  const before = singleReport('projet-emergent.yaml');
  const base = example('projet-emergent.yaml');
  const later = withAnswers(base, base.respondent ?? 'Claire', {
    'objectifs.constats': { value: 'acquis', note: 'Diagnostic partagé écrit et présenté aux élus en mars.' },
    'gouvernance.formalisation': { value: 'engage' },
    'gouvernance.espaces-implication': { value: 'engage' },
    'objectifs.reponses-nouvelles': { value: 'en-reflexion' },
    'perimetre.territoire': { value: 'en-reflexion' },
  });
  const after = buildReport(defaultGrid().index, [later], { now: NOW, sourceLabel: 'ternois-2027.yaml' });
  return {
    title: `${before.title} ${IMG}`,
    territory: before.project.territory,
    dateLabel: after.dateLabel,
    before: { label: 'Novembre 2026', source: 'examples/projet-emergent.yaml', stage: before.stage?.label ?? null, score: before.overall.score },
    after: { label: 'Novembre 2027', source: 'ternois-2027.yaml', stage: after.stage?.label ?? null, score: after.overall.score },
    entries: before.entries.map((e, i) => ({ id: e.id, title: e.title, before: i === 5 ? null : e.score, after: after.entries[i]!.score })),
    sections: [
      { title: 'Écarts comblés', items: ['1.1 Les constats sont écrits et partagés'] },
      { title: 'Nouveaux écarts', intro: 'Apparus depuis le premier diagnostic.', items: [`4.1 Territoire : la réponse a baissé ${SCRIPT}`] },
    ],
    changes: [
      {
        number: '1.1',
        question: before.entries[0]!.questions[0]!.text,
        entryTitle: before.entries[0]!.title,
        before: 'En réflexion',
        after: 'Acquis, formalisé',
        beforeNote: before.entries[0]!.questions[0]!.note,
        afterNote: `Diagnostic partagé écrit.\n${IMG}`,
      },
    ],
    grid: { id: 'cap-ptce', version: '1.0.0', title: before.grid.title },
  };
}
