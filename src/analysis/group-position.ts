// The « position commune » of a round-table workshop: where the participants' answers spread by
// half the scale or more, the group may record the answer it holds together, in its words, and who
// does not share it and why. It is stored, the same, in every participant's answer to the question
// (each file stays complete and valid on its own); the synthesis shows it beside the individual
// answers. Pure.
import type { QuestionRef } from '../model/grid-index.js';
import type { Answer, AnswersFile, GroupPosition } from '../model/schema.js';
import { stripControl } from '../text/escape.js';

export interface GroupPositionView {
  /** The answer the group holds, as its label (« Engagé, en cours »); null when only words were given. */
  label: string | null;
  note: string | null;
  dissent: { respondent: string; why: string | null }[];
}

function clean(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const out = stripControl(s).replace(/\s+/g, ' ').trim();
  return out || null;
}

/**
 * The group position recorded for a question, from the first file that holds one; null when none.
 * `answers`: each file's answer to the question, in file order.
 */
export function groupPositionOf(ref: QuestionRef, answers: readonly (Answer | undefined)[]): GroupPositionView | null {
  for (const a of answers) {
    const p = a?.position;
    if (!p) continue;
    const value = typeof p.value === 'string' ? p.value : null;
    const label = value === null ? null : clean(ref.choices.find((c) => c.id === value)?.label ?? value);
    const dissent = (p.dissent ?? []).map((d) => ({ respondent: clean(d.respondent) ?? 'un participant', why: clean(d.why) }));
    const note = clean(p.note);
    if (label === null && note === null && dissent.length === 0) continue;
    return { label, note, dissent };
  }
  return null;
}

/** Whether a question's scored answers spread by half the scale or more (the round table offers a position). */
export function spreadsWidely(ref: QuestionRef, values: readonly (string | undefined)[], threshold = 0.5): boolean {
  if (ref.maxScore === null || ref.maxScore <= 0) return false;
  const scores = values
    .map((v) => ref.choices.find((c) => c.id === v))
    .filter((c) => c !== undefined && typeof c.score === 'number' && !c.na)
    .map((c) => c!.score as number / ref.maxScore!);
  if (scores.length < 2) return false;
  return Math.max(...scores) - Math.min(...scores) >= threshold - 1e-9;
}

/** Puts the same position in every file's answer to the question (replacing one recorded before). */
export function withGroupPosition(file: AnswersFile, fullId: string, position: GroupPosition | undefined): AnswersFile {
  const previous = file.answers[fullId] ?? {};
  const next = { ...previous };
  if (position) next.position = position;
  else delete next.position;
  return { ...file, answers: { ...file.answers, [fullId]: next } };
}
