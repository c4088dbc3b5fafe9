// A workshop synthesis's numbers: the group's answer per question and scores whose scored
// questions take the mean of the respondents' scores (see workshop.ts for how they are formed).
import type { GridIndex, QuestionRef } from '../../model/grid-index.js';
import type { Answer } from '../../model/schema.js';
import { levelFor, roundScore, type QuestionScore, type Scores } from '../scoring.js';
import { answerIds, answerLabel } from './answers.js';
import type { Response } from './types.js';

/** The group's answer to one question, flattened like a respondent's: examples from everyone, no note (notes stay under each name). */
export function collectiveResponse(ref: QuestionRef, qs: QuestionScore, answer: Answer | undefined, responses: readonly Response[]): Response {
  // Sets, in order of first appearance: each respondent may add examples of their own, and a
  // search of the list for each would grow with the square of the participants.
  const examples = new Set<string>();
  const ownExamples = new Set<string>();
  // Indexed loops: an iterator per list was most of the cost, a hundred lists per question.
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i]!;
    for (let k = 0; k < r.examples.length; k++) examples.add(r.examples[k]!);
    for (let k = 0; k < r.ownExamples.length; k++) ownExamples.add(r.ownExamples[k]!);
  }
  const answered = qs.status === 'scored' || qs.status === 'answered' || qs.status === 'unknown' || qs.status === 'na';
  return {
    respondent: 'ensemble',
    status: qs.status,
    answerIds: answered ? answerIds(answer?.value) : [],
    label: answered ? answerLabel(ref, answer?.value) : null,
    score: qs.score === null ? null : roundScore(qs.score * 100),
    examples: [...examples],
    ownExamples: [...ownExamples],
    note: null,
  };
}

/**
 * Scores whose scored questions take the collective score (a mean, 0..1) instead of their
 * answer's, entrée and overall scores recomputed as scoring.ts defines them.
 */
export function withCollectiveScores(index: GridIndex, base: Scores, means: ReadonlyMap<string, number>): Scores {
  const levels = index.grid.levels;
  const byQuestion = new Map<string, QuestionScore>();
  const ordered: QuestionScore[] = [];
  const entries = base.entries.map((entry) => {
    const questions = entry.questions.map((q) => {
      const mean = means.get(q.fullId);
      const out = q.status === 'scored' && mean !== undefined ? { ...q, score: mean } : q;
      byQuestion.set(q.fullId, out);
      ordered.push(out);
      return out;
    });
    const scored = questions.filter((q) => q.status === 'scored');
    const weightSum = scored.reduce((sum, q) => sum + q.weight, 0);
    const score = weightSum > 0 ? roundScore((scored.reduce((sum, q) => sum + q.weight * q.score!, 0) / weightSum) * 100) : null;
    return { ...entry, questions, score, level: levelFor(levels, score) };
  });
  const withScore = entries.filter((e) => e.score !== null);
  const weights = withScore.reduce((sum, e) => sum + e.weight, 0);
  const overall = weights > 0 ? roundScore(withScore.reduce((sum, e) => sum + e.weight * e.score!, 0) / weights) : null;
  return { entries, overall: { score: overall, level: levelFor(levels, overall) }, totals: base.totals, byQuestion, ordered };
}
