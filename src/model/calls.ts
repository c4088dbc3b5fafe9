// Dates of calls and schemes, and answers the report can derive. Pure: `today` comes in.
//
// Public pages often give a month only (« novembre 2021 »): a date is then AAAA-MM and counts as
// the whole month. A call is closed once its deposit date (`closes`) or its latest closing date
// (`closedBy`, e.g. the announcement of the winners) is past on the report's date.
import type { AnswerMap } from './conditions.js';
import type { GridIndex } from './grid-index.js';
import type { Answer, Programme } from './schema.js';

export type ProgrammeStatus = 'closed' | 'open' | 'upcoming' | 'ongoing';

/** Whether a date (AAAA-MM-JJ, or AAAA-MM for a whole month) is over on `today` (AAAA-MM-JJ). */
export function isPast(date: string, today: string): boolean {
  return date.length === 7 ? date < today.slice(0, 7) : date < today;
}

/** Whether a date (or a month) has not begun on `today`. */
export function isFuture(date: string, today: string): boolean {
  return date.length === 7 ? date > today.slice(0, 7) : date > today;
}

/** The earliest date a programme is known to be closed by (deposit deadline or closing), or null. */
export function closingDate(p: Pick<Programme, 'closes' | 'closedBy'>): string | null {
  const dates = [p.closes, p.closedBy].filter((d): d is string => typeof d === 'string');
  if (dates.length === 0) return null;
  return dates.sort()[0]!;
}

export function programmeStatus(p: Pick<Programme, 'opens' | 'closes' | 'closedBy' | 'archive'>, today: string): ProgrammeStatus {
  const closing = closingDate(p);
  if (closing !== null && isPast(closing, today)) return 'closed';
  // A call kept for memory without any date is past by definition.
  if (p.archive && closing === null && !p.opens) return 'closed';
  if (p.opens && isFuture(p.opens, today)) return 'upcoming';
  if (p.closes) return 'open';
  return 'ongoing';
}

/** The codes written between parentheses in a free text: « Arras (62) » → ["62"]. */
export function codesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\(\s*([0-9]{2,3}|2[ABab])\s*\)/g)) out.push(m[1]!.toUpperCase());
  return out;
}

export interface DerivedAnswer {
  question: string;
  choice: string;
  /** The text it was derived from, e.g. the project's territory. */
  from: string;
}

/**
 * Answers the grid lets the report derive when the question is left unanswered: a single-choice
 * question whose choices carry `codes` takes the one choice whose code is written in the project's
 * territory, « Pays du Ternois (62) » → Hauts-de-France. Several matching choices: nothing derived.
 */
export function deriveAnswers(index: GridIndex, answers: AnswerMap, territory: string | null | undefined): { answers: AnswerMap; derived: DerivedAnswer[] } {
  if (!territory) return { answers, derived: [] };
  const codes = codesIn(territory);
  if (codes.length === 0) return { answers, derived: [] };
  const out: Record<string, Answer | undefined> = { ...answers };
  const derived: DerivedAnswer[] = [];
  for (const ref of index.questions) {
    if (ref.question.type !== 'single') continue;
    const given = answers[ref.fullId]?.value;
    if (typeof given === 'string' && given.length > 0 && given !== 'ne-sait-pas') continue;
    const matches = ref.choices.filter((c) => (c.codes ?? []).some((code) => codes.includes(code.toUpperCase())));
    if (matches.length !== 1) continue;
    out[ref.fullId] = { ...(answers[ref.fullId] ?? {}), value: matches[0]!.id };
    derived.push({ question: ref.fullId, choice: matches[0]!.id, from: territory });
  }
  return { answers: out, derived };
}
