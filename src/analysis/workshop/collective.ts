// The group's answers (the `basis` of buildReport), question by question: the step reached by the
// mean on a scale, the majority, the choices ticked by half, the median, every text under its
// author's name (the rules are in the header of analysis/workshop.ts).
import type { AnswerMap } from '../../model/conditions.js';
import type { GridIndex, QuestionRef } from '../../model/grid-index.js';
import type { Answer, AnswerValue, Choice } from '../../model/schema.js';
import type { QuestionScore, Scores } from '../scoring.js';

function unknownChoice(ref: QuestionRef): Choice | undefined {
  return ref.choices.find((c) => c.score === null && !c.na);
}

function naChoice(ref: QuestionRef): Choice | undefined {
  return ref.choices.find((c) => c.na);
}

/** The highest scored step at or below a mean score (0..1). */
function stepAtOrBelow(ref: QuestionRef, mean: number): Choice | undefined {
  const scored = ref.choices.filter((c): c is Choice & { score: number } => typeof c.score === 'number' && !c.na);
  const units = mean * (ref.maxScore ?? 0) + 1e-9;
  let best: (Choice & { score: number }) | undefined;
  for (const c of scored) if (c.score <= units && (!best || c.score > best.score)) best = c;
  return best ?? scored.sort((a, b) => a.score - b.score)[0];
}

/** The most frequent value, or undefined on a tie (values compared as a Map's keys: === for the texts and booleans it gets). */
function majority(values: readonly AnswerValue[]): AnswerValue | undefined {
  const counts = new Map<AnswerValue, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: AnswerValue | undefined;
  let bestN = 0;
  let tie = false;
  for (const [v, n] of counts) {
    if (n > bestN) {
      best = v;
      bestN = n;
      tie = false;
    } else if (n === bestN) tie = true;
  }
  return tie ? undefined : best;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The group's answer to a question nobody answered on the scale but someone answered: the
 * choices ticked by half, the median, every text, or the majority. `scores[r]`, `answers[r]`:
 * respondent r's score and answer to this question.
 */
function answeredCollectively(ref: QuestionRef, scores: readonly QuestionScore[], answers: readonly (Answer | undefined)[], labels: readonly string[]): Answer | undefined {
  // The values of those who answered, in the order of the files.
  const real: AnswerValue[] = [];
  for (let r = 0; r < scores.length; r++) if (scores[r]!.status === 'answered') real.push(answers[r]?.value as AnswerValue);
  const type = ref.question.type;
  if (type === 'multi') {
    const kept: string[] = [];
    for (const c of ref.choices) {
      let n = 0;
      for (const v of real) if (Array.isArray(v) && v.includes(c.id)) n++;
      if (n * 2 >= real.length) kept.push(c.id);
    }
    return { value: kept };
  }
  if (type === 'number') {
    const numbers = real.filter((v): v is number => typeof v === 'number');
    if (numbers.length > 0) return { value: median(numbers) };
  }
  if (type === 'text') {
    const parts: string[] = [];
    for (let r = 0; r < scores.length; r++) {
      const value = answers[r]?.value;
      if (scores[r]!.status === 'answered' && typeof value === 'string') parts.push(`${labels[r]} : ${value}`);
    }
    return { value: parts.join(' / ') };
  }
  const pick = majority(real);
  if (pick !== undefined && pick !== null) return { value: pick };
  const unknown = unknownChoice(ref);
  return unknown ? { value: unknown.id } : undefined;
}

export interface GroupBasis {
  answers: AnswerMap;
  /** The mean score (0..1) of each question someone answered on the scale. */
  scores: ReadonlyMap<string, number>;
}

/**
 * The group's answers, question by question, in grid order. One pass over the respondents per
 * question counts what the rules need; the answers themselves are only looked at again when
 * nobody answered on the scale.
 */
export function groupBasis(index: GridIndex, normalized: readonly Record<string, Answer>[], scoresOf: readonly Scores[], labels: readonly string[]): GroupBasis {
  const basisAnswers: Record<string, Answer> = {};
  const means = new Map<string, number>();
  const n = normalized.length;
  const scores: QuestionScore[] = new Array<QuestionScore>(n);
  const answers: (Answer | undefined)[] = new Array<Answer | undefined>(n);
  const refs = index.questions;
  for (let q = 0; q < refs.length; q++) {
    const ref = refs[q]!;
    const id = ref.fullId;
    let scoredN = 0;
    let sum = 0;
    let answeredN = 0;
    let unknownN = 0;
    let naN = 0;
    for (let r = 0; r < n; r++) {
      const qs = scoresOf[r]!.ordered[q]!;
      scores[r] = qs;
      answers[r] = normalized[r]![id];
      switch (qs.status) {
        case 'scored':
          scoredN++;
          sum += qs.score!;
          break;
        case 'answered':
          answeredN++;
          break;
        case 'unknown':
          unknownN++;
          break;
        case 'na':
          naN++;
          break;
      }
    }
    let answer: Answer | undefined;
    if (scoredN > 0) {
      // Someone answered on the scale: the mean of their scores, and the step it reaches.
      const mean = sum / scoredN;
      means.set(id, mean);
      const step = stepAtOrBelow(ref, mean);
      answer = step ? { value: step.id } : undefined;
    } else if (answeredN > 0) answer = answeredCollectively(ref, scores, answers, labels);
    else {
      // Nobody answered: « Je ne sais pas » if someone said so, else « Non concerné » if someone said so.
      const said = (unknownN > 0 ? unknownChoice(ref) : undefined) ?? (naN > 0 ? naChoice(ref) : undefined);
      if (said) answer = { value: said.id };
    }
    if (answer) basisAnswers[id] = answer;
  }
  return { answers: basisAnswers, scores: means };
}
