// How an answer reads in a report: labels, examples split into the grid's and the respondent's
// own, cleaned text, score bars. Shared by every part of the report.
import { findChoice, type QuestionRef } from '../../model/grid-index.js';
import type { AnswerValue, Level, Question, Source } from '../../model/schema.js';
import { stripControl, stripControlKeepLines } from '../../text/escape.js';
import type { LevelRef, SourceRef } from './types.js';

/** "██████░░░░": ten cells; a null score gives an empty bar. */
export function textBar(score: number | null, width = 10): string {
  const filled = score === null ? 0 : Math.max(0, Math.min(width, Math.round(score / (100 / width))));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function levelRef(level: Level | null): LevelRef | null {
  return level ? { id: level.id, label: level.label, description: level.description ?? null } : null;
}

export function sourceRef(source: Source | undefined): SourceRef {
  if (!source) return { label: 'Source à préciser dans la grille', url: null, year: null, quote: null };
  return { label: source.label, url: source.url ?? null, year: source.year ?? null, quote: source.quote ?? null };
}

export function clean(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const out = stripControl(text).trim();
  return out.length > 0 ? out : null;
}

export function cleanLines(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const out = stripControlKeepLines(text).trim();
  return out.length > 0 ? out : null;
}

// Respondents tick the same examples: each distinct text is normalized once (a bounded memory,
// emptied when full, so that a long-lived process does not grow with every text it has seen).
const normalizedExamples = new Map<string, string>();

function normalizeExample(s: string): string {
  let out = normalizedExamples.get(s);
  if (out === undefined) {
    if (normalizedExamples.size >= 10_000) normalizedExamples.clear();
    out = stripControl(s).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
    normalizedExamples.set(s, out);
  }
  return out;
}

// A question's examples by their normalized text, built once per question rather than once per
// respondent and question (a workshop of 100 asks for each 100 times). `asTicked` remembers, per
// text as a respondent ticked it, the grid's example it is (or null: one of their own), so that
// a text ticked by a hundred respondents is normalized and looked up once.
export interface GridExamples {
  byKey: Map<string, string>;
  asTicked: Map<string, string | null>;
}
const gridExamples = new WeakMap<Question, GridExamples>();

/** A question's examples, indexed once (see GridExamples). */
export function gridExamplesOf(question: Question): GridExamples {
  let grid = gridExamples.get(question);
  if (!grid) {
    grid = { byKey: new Map((question.examples ?? []).map((e) => [normalizeExample(e), e])), asTicked: new Map() };
    gridExamples.set(question, grid);
  }
  return grid;
}

/**
 * Splits ticked examples into the grid's own and the ones the respondent added. `grid`: the
 * question's examples (gridExamplesOf), taken once per question, not once per answer.
 */
export function splitExamples(grid: GridExamples, given: readonly string[] | undefined): { examples: string[]; ownExamples: string[] } {
  const examples: string[] = [];
  const ownExamples: string[] = [];
  const list = given ?? NONE;
  for (let i = 0; i < list.length; i++) {
    const raw = list[i]!;
    if (typeof raw !== 'string') continue;
    let match = grid.asTicked.get(raw);
    if (match === undefined) {
      const key = normalizeExample(raw);
      if (!key) continue;
      match = grid.byKey.get(key) ?? null;
      // Bounded like normalizedExamples: own texts are as many as the respondents write.
      if (grid.asTicked.size >= 10_000) grid.asTicked.clear();
      grid.asTicked.set(raw, match);
    }
    if (match !== null) {
      if (!examples.includes(match)) examples.push(match);
    } else {
      const own = clean(raw)!;
      if (!ownExamples.includes(own)) ownExamples.push(own);
    }
  }
  return { examples, ownExamples };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

/** An answer as a person reads it. */
export function answerLabel(ref: QuestionRef, value: AnswerValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'Aucun';
    return value.map((id) => findChoice(ref, id)?.label ?? clean(id) ?? '').filter(Boolean).join(' ; ');
  }
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return ref.question.unit ? `${formatNumber(value)} ${ref.question.unit}` : formatNumber(value);
  if (ref.choices.length > 0) {
    const choice = findChoice(ref, value);
    if (choice) return choice.label;
  }
  return cleanLines(value);
}

/**
 * The empty list every response without ids or examples shares (a workshop has thousands): the
 * report's lists are read, never changed, and a list read twice is viewed once (render/lazy-view.ts).
 */
export const NONE: string[] = [];

export function answerIds(value: AnswerValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return NONE;
}

export function valueText(value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
