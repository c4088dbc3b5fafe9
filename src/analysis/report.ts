// The readiness report as data: scores, ACTE stage, points d'appui, gaps (actions), questions to
// clarify, rule findings, programmes, and the path to the AMI application. Pure: the clock comes
// in as `now`, nothing is read or printed here. Markdown and JSON are rendered from this data
// (render/markdown.ts), so a user's template sees exactly what the JSON holds.
//
// Workshops: `respondents` is a list. Without `basis`, the numbers are computed from the first
// respondent (a single report); every question carries `responses`, one per respondent. A workshop
// synthesis (workshop.ts) passes a `basis`: the group's collective answers and, per question, the
// collective score (mean of the respondents' scores); the numbers, gaps, stage, findings and
// programmes are then computed on it, and the flattened answer of each question is the group's.
//
// One file per idea under report/: types (the data shape), answers (how an answer reads),
// questions (per question and entrée), collective (a workshop's numbers), findings (rules and
// programmes), actions (gaps and next steps), standing (strengths, to clarify, unanswered),
// stage (ACTE), dossier (the AMI application, method).
import { deriveAnswers } from '../model/calls.js';
import type { AnswerMap } from '../model/conditions.js';
import type { GridIndex } from '../model/grid-index.js';
import type { AnswersFile } from '../model/schema.js';
import { frenchDate } from '../text/french.js';
import { normalizeAnswers, scoreAnswers, type Scores } from './scoring.js';
import { buildActions } from './report/actions.js';
import { clean, levelRef, textBar, valueText } from './report/answers.js';
import { withCollectiveScores } from './report/collective.js';
import { buildDossier, buildMethod } from './report/dossier.js';
import { buildFindings, buildProgrammeNotes, buildProgrammes, visibleProgrammeIds } from './report/findings.js';
import { regionOf } from './report/region.js';
import { buildEntries, buildQuestionReports } from './report/questions.js';
import { estimateStage } from './report/stage.js';
import { buildStanding, levelSentence } from './report/standing.js';
import { REPORT_FORMAT, type BuildReportOptions, type ReportData, type RespondentInfo } from './report/types.js';

export type * from './report/types.js';
export { nextSteps } from './report/actions.js';
export { textBar } from './report/answers.js';
export { frenchDate } from '../text/french.js';

/** Answers outside the grid listed one by one in a report; the others are counted. */
export const MAX_UNMATCHED_LISTED = 200;

export function buildReport(index: GridIndex, respondents: AnswersFile[], options: BuildReportOptions): ReportData {
  if (respondents.length === 0) throw new Error('buildReport: au moins un fichier de réponses est attendu');
  const grid = index.grid;
  const today = options.now.toISOString().slice(0, 10);
  const labels = options.sourceLabels ?? (options.sourceLabel !== undefined ? [options.sourceLabel] : []);

  const normalized = options.precomputed?.normalized ?? respondents.map((file) => normalizeAnswers(file, index));
  const respondentInfos: RespondentInfo[] = respondents.map((file, i) => {
    const name = clean(file.respondent);
    return {
      name,
      label: clean(options.respondentLabels?.[i]) ?? name ?? (respondents.length > 1 ? `Répondant ${i + 1}` : 'personne non précisée'),
      source: clean(labels[i]),
      updatedAt: clean(file.updatedAt),
      // A few hundred listed, the rest counted: a file of 100 000 unknown ids took seconds to
      // escape and render, for a list nobody reads (validate counts them the same way).
      unmatched: normalized[i]!.orphans.slice(0, MAX_UNMATCHED_LISTED).map((key) => ({ key: clean(key) ?? '', value: clean(valueText(file.answers[key]?.value)) ?? '' })),
      unmatchedMore: Math.max(0, normalized[i]!.orphans.length - MAX_UNMATCHED_LISTED),
    };
  });

  // The numbers come from the first respondent, or from the group's answers (see the header comment).
  const basis = options.basis;
  const reference = respondents.find((f) => clean(f.project?.name) !== null) ?? respondents[0]!;
  const answers: AnswerMap = basis ? basis.answers : normalized[0]!.answers;
  const scores: Scores = basis ? withCollectiveScores(index, scoreAnswers(index, answers), basis.scores) : scoreAnswers(index, answers);
  const scoresOf = options.precomputed?.scoresOf ?? normalized.map((n, i) => (i === 0 && !basis ? scores : scoreAnswers(index, n.answers)));

  const questionReports = buildQuestionReports(index, { normalized, respondents: respondentInfos, scores, scoresOf, answers, basis });
  const entries = buildEntries(index, scores, questionReports);
  // Rules, programmes and notes also see what the project itself tells: its région, from « (62) ».
  const derivation = deriveAnswers(index, answers, reference.project?.territory);
  const seen = derivation.answers;
  const findings = buildFindings(index, seen);
  const gaps = buildActions(index, scores, findings, basis);
  const { strengths, strengthsKind, clarify, unanswered } = buildStanding(index, scores, questionReports);
  const overallLevel = levelRef(scores.overall.level);
  const stage = estimateStage(index, seen, visibleProgrammeIds(index, seen));
  const programmes = buildProgrammes(index, seen, today);
  const programmeNotes = buildProgrammeNotes(index, seen);
  const dossier = buildDossier(index, questionReports, findings, gaps);

  const projectName = clean(reference.project?.name);
  const t = scores.totals;
  return {
    format: REPORT_FORMAT,
    kind: 'report',
    overall: {
      score: scores.overall.score,
      level: overallLevel && { ...overallLevel, description: levelSentence(scores.overall.level, scores) },
      bar: textBar(scores.overall.score),
      scoreLabel: scores.overall.score === null ? '—' : `${scores.overall.score}/100`,
    },
    entries,
    gaps,
    findings,
    stage,
    title: projectName ?? 'Projet sans nom',
    date: today,
    dateLabel: frenchDate(today),
    grid: { id: grid.id, version: grid.version, title: grid.title, source: grid.source, description: grid.description ?? null },
    project: { name: projectName, territory: clean(reference.project?.territory), region: regionOf(index, seen, derivation.derived) },
    respondents: respondentInfos,
    completeness: {
      questions: t.questions,
      applicable: t.applicable,
      answered: t.answered,
      unknown: t.unknown,
      na: t.na,
      unanswered: t.unanswered,
      hidden: t.hidden,
      percent: t.coverage === null ? null : Math.round(t.coverage * 100),
    },
    strengths,
    strengthsKind,
    priorityActions: gaps.filter((g) => !g.annex),
    annexActions: gaps.filter((g) => g.annex),
    clarify,
    unanswered,
    programmes,
    programmeNotes,
    dossier,
    method: buildMethod(index),
  };
}
