// The group's answers (the `basis` of buildReport), question by question: the step reached by the
// mean on a scale, the majority, the choices ticked by half, the median, every text under its
// author's name (the rules are in the header of analysis/workshop.ts).
import type { AnswerMap } from '../../model/conditions.js';
import type { GridIndex, QuestionRef } from '../../model/grid-index.js';
import type { Answer, AnswerValue, Choice } from '../../model/schema.js';
import type { QuestionStatus, Scores } from '../scoring.js';

interface Given {
  status: QuestionStatus;
  value: AnswerValue | undefined;
  /** 0..1 when scored. */
  score: number | null;
}

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

/** The most frequent value, or undefined on a tie. */
function majority<T>(values: readonly T[], same: (a: T, b: T) => boolean): T | undefined {
  const counts: { value: T; n: number }[] = [];
  for (const v of values) {
    const c = counts.find((x) => same(x.value, v));
    if (c) c.n++;
    else counts.push({ value: v, n: 1 });
  }
  counts.sort((a, b) => b.n - a.n);
  if (counts.length === 0 || (counts.length > 1 && counts[0]!.n === counts[1]!.n)) return undefined;
  return counts[0]!.value;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The group's answer to one question and, when someone answered on the scale, the mean score. */
function collectiveAnswer(ref: QuestionRef, given: readonly Given[], labels: readonly string[]): { answer?: Answer; mean?: number } {
  const scored = given.filter((g) => g.status === 'scored');
  if (scored.length > 0) {
    const mean = scored.reduce((s, g) => s + g.score!, 0) / scored.length;
    const step = stepAtOrBelow(ref, mean);
    return { answer: step ? { value: step.id } : undefined, mean };
  }
  const real = given.filter((g) => g.status === 'answered');
  if (real.length > 0) {
    const type = ref.question.type;
    if (type === 'multi') {
      const lists = real.map((g) => (Array.isArray(g.value) ? g.value : []));
      const kept = ref.choices.filter((c) => lists.filter((l) => l.includes(c.id)).length * 2 >= lists.length).map((c) => c.id);
      return { answer: { value: kept } };
    }
    if (type === 'number') {
      const numbers = real.map((g) => g.value).filter((v): v is number => typeof v === 'number');
      if (numbers.length > 0) return { answer: { value: median(numbers) } };
    }
    if (type === 'text') {
      const parts = given.map((g, i) => (g.status === 'answered' && typeof g.value === 'string' ? `${labels[i]} : ${g.value}` : null)).filter((x): x is string => x !== null);
      return { answer: { value: parts.join(' / ') } };
    }
    const pick = majority(
      real.map((g) => g.value),
      (a, b) => a === b,
    );
    if (pick !== undefined && pick !== null) return { answer: { value: pick } };
    const unknown = unknownChoice(ref);
    return unknown ? { answer: { value: unknown.id } } : {};
  }
  if (given.some((g) => g.status === 'unknown')) {
    const unknown = unknownChoice(ref);
    if (unknown) return { answer: { value: unknown.id } };
  }
  if (given.some((g) => g.status === 'na')) {
    const na = naChoice(ref);
    if (na) return { answer: { value: na.id } };
  }
  return {};
}

export interface GroupBasis {
  answers: AnswerMap;
  /** The mean score (0..1) of each question someone answered on the scale. */
  scores: ReadonlyMap<string, number>;
}

/** The group's answers, question by question, in grid order. */
export function groupBasis(index: GridIndex, normalized: readonly Record<string, Answer>[], scoresOf: readonly Scores[], labels: readonly string[]): GroupBasis {
  const basisAnswers: Record<string, Answer> = {};
  const means = new Map<string, number>();
  for (const ref of index.questions) {
    const given: Given[] = normalized.map((answers, r) => {
      const qs = scoresOf[r]!.byQuestion.get(ref.fullId)!;
      const value = answers[ref.fullId]?.value;
      return { status: qs.status, value, score: qs.score };
    });
    const { answer, mean } = collectiveAnswer(ref, given, labels);
    if (answer) basisAnswers[ref.fullId] = answer;
    if (mean !== undefined) means.set(ref.fullId, mean);
  }
  return { answers: basisAnswers, scores: means };
}
