// Workshop synthesis: several answers files of one project (one per participant) → one report
// that shows first where the participants' views diverge, then who sees the project how, where
// they agree, and the usual report computed on the group's answers. Pure: files in (already
// parsed), data out; the clock comes in as `now`; warnings are returned, not printed.
//
// Definitions (the « Méthode » of workshop.md.hbs says the same in French):
// - A respondent's score on a question is their answer's score ÷ the scale's highest score (0..1),
//   as in scoring.ts; « Je ne sais pas », « Non concerné », no answer and questions not asked to
//   them are left out.
// - Collective score of a question = mean of the respondents' scores. Spread = max − min (0..1).
// - Divergent: spread ≥ 0.5 (half the scale: « En réflexion » vs « Acquis » on a four-step scale),
//   or some respondents answer (anything but « Je ne sais pas ») while others say « Je ne sais pas ».
//   Sorted most divergent first: spread, then number of « Je ne sais pas », then the grid's
//   importance of the question, then grid order.
// - Consensus: every respondent gave the same answer (« Je ne sais pas » excepted: that is a
//   question to clarify, not a base to build on).
// - The group's answers (the `basis` of buildReport), on which the usual sections are computed:
//   scale → the step reached by the mean (the highest step at or below it), with the mean as the
//   question's score, so entrée scores are means of means and a gap exists when the mean is below
//   the target; single choice without score, yes/no → the majority answer (a tie: no collective
//   answer, « Je ne sais pas » when the question offers it); multiple choice → the choices ticked by
//   at least half of those who answered; number → the median; text → every answer, under its
//   author's name. Nobody answered on the scale: « Je ne sais pas » if someone said so, else
//   « Non concerné » if someone said so, else no answer.
//
// One file per idea under workshop/: types (the data shape), checks (same grid, warnings,
// respondent labels), collective (the group's answers), questions (spread, divergence, consensus),
// entries (per entrée and participant), actions (actions and application with everyone's answers).
import type { GridIndex } from '../model/grid-index.js';
import { buildReport } from './report.js';
import { normalizeAnswers, scoreAnswers, type Scores } from './scoring.js';
import { actionsWithResponses, dossierWithResponses } from './workshop/actions.js';
import { checkSameGrid, respondentLabels, workshopWarnings } from './workshop/checks.js';
import { groupBasis } from './workshop/collective.js';
import { entryRows, overallRow, participants } from './workshop/entries.js';
import { rankDivergences, workshopQuestion } from './workshop/questions.js';
import type { WorkshopData, WorkshopFile, WorkshopQuestion } from './workshop/types.js';

export type * from './workshop/types.js';
export { checkSameGrid, workshopWarnings } from './workshop/checks.js';

export interface BuildWorkshopOptions {
  now: Date;
}

/**
 * The workshop synthesis of several answers files of one project. Files of different grids are
 * refused (DomainError 'invalid-input', naming them); different project names and a respondent present
 * twice are returned as warnings.
 */
export function buildWorkshop(index: GridIndex, files: readonly WorkshopFile[], options: BuildWorkshopOptions): WorkshopData {
  if (files.length === 0) throw new Error('buildWorkshop: au moins un fichier de réponses est attendu');
  checkSameGrid(files.map((f) => ({ source: f.source, grid: f.answers.grid })));
  const warnings = workshopWarnings(files);
  const labels = respondentLabels(files.map((f) => f.answers));

  // Each respondent's answers and scores, computed once: the report below reads the same ones.
  const normalizedFiles = files.map((f) => normalizeAnswers(f.answers, index));
  const normalized = normalizedFiles.map((n) => n.answers);
  const scoresOf: Scores[] = normalized.map((answers) => scoreAnswers(index, answers));
  const basis = groupBasis(index, normalized, scoresOf, labels);

  const report = buildReport(
    index,
    files.map((f) => f.answers),
    { now: options.now, sourceLabels: files.map((f) => f.source), respondentLabels: labels, basis, precomputed: { normalized: normalizedFiles, scoresOf } },
  );

  const questionReports = new Map(report.entries.flatMap((e) => e.questions).map((q) => [q.id, q]));
  const questions: WorkshopQuestion[] = index.questions.map((ref, q) => workshopQuestion(ref, q, questionReports.get(ref.fullId)!, normalized, scoresOf, basis.scores));
  const divergences = rankDivergences(index, questions);

  const byId = new Map(questions.map((q) => [q.id, q]));
  const gaps = actionsWithResponses(report, byId);
  return {
    ...report,
    kind: 'workshop',
    gaps,
    priorityActions: gaps.filter((g) => !g.annex),
    annexActions: gaps.filter((g) => g.annex),
    dossier: dossierWithResponses(report, byId),
    workshop: {
      participants: participants(report, scoresOf),
      questions,
      divergences,
      differences: questions.filter((q) => q.different),
      consensus: questions.filter((q) => q.consensus),
      sharedStrengths: questions.filter((q) => q.agreement === 'strength'),
      sharedGaps: questions.filter((q) => q.agreement === 'gap'),
      sharedOther: questions.filter((q) => q.agreement === 'other'),
      entries: entryRows(report, scoresOf, labels, questions),
      overall: overallRow(report, scoresOf, labels),
      warnings,
    },
  };
}
