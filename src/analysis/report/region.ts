// The project's région as the report states it: answered, or derived from the territory.
import type { DerivedAnswer } from '../../model/calls.js';
import type { AnswerMap } from '../../model/conditions.js';
import { findChoice, type GridIndex } from '../../model/grid-index.js';
import { clean } from './answers.js';
import type { ReportData } from './types.js';

/** The answer to the question whose choices carry département codes (the grid's région question). */
export function regionOf(index: GridIndex, answers: AnswerMap, derived: readonly DerivedAnswer[]): ReportData['project']['region'] {
  const ref = index.questions.find((q) => q.question.type === 'single' && q.choices.some((c) => (c.codes ?? []).length > 0));
  if (!ref) return null;
  const value = answers[ref.fullId]?.value;
  const choice = typeof value === 'string' ? findChoice(ref, value) : undefined;
  if (!choice || (choice.codes ?? []).length === 0) return null;
  const from = derived.find((d) => d.question === ref.fullId)?.from;
  return { id: choice.id, label: choice.label, derivedFrom: from === undefined ? null : clean(from) };
}
