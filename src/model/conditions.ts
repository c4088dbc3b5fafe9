// Conditions are data (see grid-format.md): evaluated here, never compiled or executed.
import { hasValue } from './answer-value.js';
import type { Answer, Condition } from './schema.js';
import { findChoice, type GridIndex } from './grid-index.js';

export type AnswerMap = Readonly<Record<string, Answer | undefined>>;

export function evaluateCondition(condition: Condition, answers: AnswerMap, index: GridIndex): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers, index));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers, index));
  if ('not' in condition) return !evaluateCondition(condition.not, answers, index);

  const answer = answers[condition.q];
  if ('answered' in condition) return hasValue(answer) === condition.answered;
  if (!hasValue(answer)) return false;
  const value = answer!.value;

  if ('is' in condition) return value === condition.is;
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  if ('countAtLeast' in condition) return Array.isArray(value) && value.length >= condition.countAtLeast;
  if ('gte' in condition) return typeof value === 'number' && value >= condition.gte;
  if ('lt' in condition) return typeof value === 'number' && value < condition.lt;
  if ('atLeast' in condition) {
    const ref = index.byId.get(condition.q);
    if (!ref || typeof value !== 'string') return false;
    const given = findChoice(ref, value);
    const threshold = findChoice(ref, condition.atLeast);
    if (!given || !threshold || typeof given.score !== 'number' || typeof threshold.score !== 'number') return false;
    return given.score >= threshold.score;
  }
  return false;
}

/** Every question id a condition looks at, for validation (references, order). */
export function conditionQuestionIds(condition: Condition): { q: string; path: (string | number)[] }[] {
  const out: { q: string; path: (string | number)[] }[] = [];
  const walk = (c: Condition, path: (string | number)[]): void => {
    if ('all' in c) c.all.forEach((s, i) => walk(s, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((s, i) => walk(s, [...path, 'any', i]));
    else if ('not' in c) walk(c.not, [...path, 'not']);
    else out.push({ q: c.q, path });
  };
  walk(condition, []);
  return out;
}

/** Whether a question is asked, given the answers so far. */
export function isApplicable(fullId: string, answers: AnswerMap, index: GridIndex): boolean {
  const ref = index.byId.get(fullId);
  if (!ref) return false;
  return ref.question.when === undefined || evaluateCondition(ref.question.when, answers, index);
}
