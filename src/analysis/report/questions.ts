// Per question, every respondent's answer and the one the numbers use; per entrée, its score,
// level and coverage.
import type { AnswerMap } from '../../model/conditions.js';
import type { GridIndex, QuestionRef } from '../../model/grid-index.js';
import type { Answer, AnswerValue } from '../../model/schema.js';
import { roundScore, type QuestionScore, type Scores } from '../scoring.js';
import { targetChoice, questionNumber } from './actions.js';
import { answerIds, answerLabel, cleanLines, gridExamplesOf, levelRef, NONE, round2, splitExamples, textBar, type GridExamples } from './answers.js';
import { collectiveResponse } from './collective.js';
import type { CollectiveBasis, EntryReport, QuestionReport, RespondentInfo, Response } from './types.js';

/** What the question reports are read from: each respondent's answers and scores, and the ones the numbers use. */
export interface QuestionSources {
  normalized: readonly { answers: Record<string, Answer> }[];
  respondents: readonly RespondentInfo[];
  /** The scores the report's numbers use (first respondent's, or the group's). */
  scores: Scores;
  /** Each respondent's own scores. */
  scoresOf: readonly Scores[];
  answers: AnswerMap;
  basis: CollectiveBasis | undefined;
}

// One response per question and respondent (4 000 at 100 participants, mostly run before the JIT
// has warmed up): the answer and the score are handed in, found by position; nothing ticked,
// no list made. `withValue` (a workshop): the response also carries the answer as stored, and is
// then the synthesis's answer itself (workshop/questions.ts), not copied into another object.
function responseOf(ref: QuestionRef, grid: GridExamples, respondent: string, answer: Answer | undefined, qs: QuestionScore, withValue: boolean): Response {
  const value = answer === undefined ? undefined : answer.value;
  const given = answer === undefined ? undefined : answer.examples;
  let examples: string[];
  let ownExamples: string[];
  if (given !== undefined && given.length > 0) {
    const split = splitExamples(grid, given);
    examples = split.examples;
    ownExamples = split.ownExamples;
  } else {
    examples = NONE;
    ownExamples = NONE;
  }
  const status = qs.status;
  const ids = answerIds(value);
  const choice = qs.choice;
  // The choice scoring found is the one answerLabel would look up again.
  const label = choice !== null && typeof value === 'string' && choice.id === value ? choice.label : answerLabel(ref, value);
  const score = qs.score === null ? null : roundScore(qs.score * 100);
  const note = answer === undefined ? null : cleanLines(answer.note);
  if (!withValue) return { respondent, status, answerIds: ids, label, score, examples, ownExamples, note };
  // null when nothing was given or the question was not asked to them.
  const stored: AnswerValue = status !== 'hidden' ? (value ?? null) : null;
  const response: Response & { value: AnswerValue } = { respondent, status, answerIds: ids, label, score, examples, ownExamples, note, value: stored };
  return response;
}

/** One report per question, keyed by full id, in grid order. */
export function buildQuestionReports(index: GridIndex, src: QuestionSources): Map<string, QuestionReport> {
  const { scores, answers, basis } = src;
  const questionReports = new Map<string, QuestionReport>();
  // Per respondent, read once: their answers, their scores in grid order, their label.
  const n = src.respondents.length;
  const answersOf: Record<string, Answer>[] = [];
  const orderedOf: QuestionScore[][] = [];
  const labels: string[] = [];
  for (let r = 0; r < n; r++) {
    answersOf.push(src.normalized[r]!.answers);
    orderedOf.push(src.scoresOf[r]!.ordered);
    labels.push(src.respondents[r]!.label);
  }
  const refs = index.questions;
  for (let q = 0; q < refs.length; q++) {
    const ref = refs[q]!;
    const id = ref.fullId;
    const responses: Response[] = [];
    const grid = gridExamplesOf(ref.question);
    for (let r = 0; r < n; r++) responses.push(responseOf(ref, grid, labels[r]!, answersOf[r]![id], orderedOf[r]![q]!, basis !== undefined));
    const qs = scores.ordered[q]!;
    const first = basis ? collectiveResponse(ref, qs, answers[ref.fullId], responses) : responses[0]!;
    const target = targetChoice(ref);
    const hintKey = qs.choice?.id ?? (typeof answers[ref.fullId]?.value === 'string' ? (answers[ref.fullId]!.value as string) : undefined);
    questionReports.set(ref.fullId, {
      id: ref.fullId,
      number: questionNumber(ref),
      entry: ref.entry.id,
      entryTitle: ref.entry.title,
      text: ref.question.text,
      type: ref.question.type,
      examplesLead: ref.question.examplesLead ?? null,
      weight: ref.question.weight ?? 1,
      importance: ref.question.priority ?? 3,
      applicable: qs.status !== 'hidden',
      target: target ? { id: target.id, label: target.label } : null,
      dossier: ref.question.dossier ?? ref.entry.dossier ?? [],
      status: first.status,
      answer: first.label === null ? null : { ids: first.answerIds, label: first.label },
      score: first.score,
      hint: hintKey ? (ref.question.hints?.[hintKey] ?? null) : null,
      examples: first.examples,
      ownExamples: first.ownExamples,
      note: first.note,
      responses,
    });
  }

  return questionReports;
}

export function buildEntries(index: GridIndex, scores: Scores, questionReports: ReadonlyMap<string, QuestionReport>): EntryReport[] {
  return index.grid.entries.map((entry, i) => {
    const s = scores.entries[i]!;
    return {
      id: entry.id,
      number: i + 1,
      title: entry.title,
      source: entry.source,
      intro: entry.intro ?? null,
      weight: s.weight,
      score: s.score,
      level: levelRef(s.level),
      coverage: s.coverage === null ? null : round2(s.coverage),
      coveragePercent: s.coverage === null ? null : Math.round(s.coverage * 100),
      applicable: s.applicable,
      answered: s.answered,
      unknown: s.unknown,
      na: s.na,
      unanswered: s.unanswered,
      hidden: s.hidden,
      bar: textBar(s.score),
      scoreLabel: s.score === null ? '—' : `${s.score}/100`,
      dossier: entry.dossier ?? [],
      questions: s.questions.map((q) => questionReports.get(q.fullId)!),
    };
  });
}
