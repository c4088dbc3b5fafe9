// What counts as an answer, once for the conditions, the questionnaire and the scores.
import type { Answer } from './schema.js';

/** A value was given: not missing, not null, not an empty text, not NaN (a list, even empty, is a choice). */
export function hasValue(answer: Answer | undefined): boolean {
  if (!answer) return false;
  const v = answer.value;
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return Number.isFinite(v);
  return true;
}
