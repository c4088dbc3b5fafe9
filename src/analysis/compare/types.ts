// The data shape of `cap-ptce compare` (analysis/compare.ts): what the Markdown template and the
// JSON output see. Kept apart so that the renderers import a type, not the analysis.
import type { AnswersFile } from '../../model/schema.js';
import type { LevelRef } from '../report.js';

export const COMPARE_FORMAT = 'cap-ptce/compare@1';

export interface CompareFile {
  answers: AnswersFile;
  /** The path as the user typed it. */
  source: string;
}

export interface CompareSide {
  source: string;
  respondent: string | null;
  project: string | null;
  /** The file's `updatedAt` (else `createdAt`), as YYYY-MM-DD; null when it gives none. */
  date: string | null;
  dateLabel: string | null;
  gridVersion: string;
  overall: { score: number | null; scoreLabel: string; level: LevelRef | null };
  stage: { id: string; label: string; position: number; count: number; reached: boolean } | null;
  answered: number;
  applicable: number;
  unknown: number;
}

export interface EntryDelta {
  id: string;
  number: number;
  title: string;
  before: number | null;
  after: number | null;
  /** after − before, in points; null when either has no score. */
  delta: number | null;
  beforeLabel: string;
  afterLabel: string;
  /** "+12", "−5", "0", or "—". */
  deltaLabel: string;
  levelBefore: string | null;
  levelAfter: string | null;
}

export interface GapChange {
  /** The question's full id, or null for a finding. */
  question: string | null;
  rule: string | null;
  number: string | null;
  /** The action, as the report words it. */
  title: string;
  text: string | null;
  entryTitle: string | null;
  /** Priority in the report it comes from (before for closed gaps, after for new ones). */
  priority: number;
  /** The answer before and after, as a person reads it; null when none. */
  before: string | null;
  after: string | null;
  /**
   * For a new gap, where it comes from: a step back (a lower answer than before), what has become
   * visible (« Je ne sais pas » or no answer before, an answer now), or new (a finding that now
   * holds, an answer changed from « Non concerné »). Null for other lists.
   */
  cause: GapCause | null;
}

export type GapCause = 'step-back' | 'became-visible' | 'new';

/** A question that had no real answer before (« Je ne sais pas », no answer, not asked) and has one now. */
export interface BecameVisible {
  question: string;
  number: string;
  text: string;
  entryTitle: string;
  /** « Je ne sais pas », or null when there was no answer. */
  before: string | null;
  after: string;
  /** The action the answer now calls for, if it is below the target. */
  gap: string | null;
}

export interface SideAnswer {
  label: string | null;
  note: string | null;
  /** 0..100 when scored. */
  score: number | null;
}

export interface AnswerChange {
  question: string;
  number: string;
  text: string;
  entry: string;
  entryTitle: string;
  before: SideAnswer;
  after: SideAnswer;
  /** Steps moved on the scale (after − before); null when either answer is off the scale. */
  steps: number | null;
  direction: 'up' | 'down' | 'other';
  /** "+1 cran", "recul de 2 crans", "réponse trouvée" (after « Je ne sais pas »), "devenue incertaine", "autre réponse". */
  changeLabel: string;
}

export interface OneSided {
  question: string;
  number: string;
  text: string;
  entryTitle: string;
  label: string | null;
  note: string | null;
}

export interface CompareData {
  format: typeof COMPARE_FORMAT;
  kind: 'compare';
  title: string;
  date: string;
  dateLabel: string;
  grid: { id: string; version: string; title: string };
  project: { name: string | null; territory: string | null };
  before: CompareSide;
  after: CompareSide;
  overall: Omit<EntryDelta, 'id' | 'number' | 'title'>;
  entries: EntryDelta[];
  stage: {
    before: CompareSide['stage'];
    after: CompareSide['stage'];
    changed: boolean;
    direction: 'up' | 'down' | 'same' | null;
  };
  /** Gaps of the earlier diagnosis that the later one no longer has: the target is reached, or the finding no longer holds. */
  gapsClosed: GapChange[];
  /** Gaps of the later diagnosis that the earlier one did not have (each with its `cause`). */
  newGaps: GapChange[];
  /** Scale answers lower than before: a step back, whether or not the gap was already open; `gap`: the action it now calls for. */
  stepsBack: (AnswerChange & { gap: string | null })[];
  /** The new gaps, by cause: what a step back opened, what became visible, the rest. */
  newGapsByCause: { stepBack: GapChange[]; becameVisible: GapChange[]; other: GapChange[] };
  /** Answers that appeared: « Je ne sais pas » or no answer before, an answer now. Not a step back. */
  becameVisible: BecameVisible[];
  /** Earlier gaps whose question has no answer on the scale any more (« Je ne sais pas », « Non concerné », no answer, not asked). */
  gapsNotAssessed: GapChange[];
  /** Gaps present in both. */
  gapsKept: number;
  answersChanged: AnswerChange[];
  /** Questions answered in one file only. */
  onlyBefore: OneSided[];
  onlyAfter: OneSided[];
  /** Answers stored under an old id and carried over by `replaces`. */
  renamed: { side: 'before' | 'after'; from: string; to: string; number: string; text: string }[];
  /** Answers matching no question of the grid: kept in the files, out of the comparison. */
  unmatched: { before: { key: string; value: string }[]; after: { key: string; value: string }[] };
  /** How many more, not listed (see ReportData's respondents). */
  unmatchedMore: { before: number; after: number };
  versionsDiffer: boolean;
  /** Files that may not belong together, an order that looks reversed (printed by the command). */
  warnings: string[];
}
