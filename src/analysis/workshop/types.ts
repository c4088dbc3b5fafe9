// The data shape of a workshop synthesis (analysis/workshop.ts): what the templates, the JSON and
// the HTML page see. Every number a renderer shows is here, computed once.
import type { AnswersFile, AnswerValue } from '../../model/schema.js';
import type { GroupPositionView } from '../group-position.js';
import type { ActionReport, DossierSection, LevelRef, QuestionReport, ReportData, RespondentInfo, Response } from '../report.js';

/** One participant's answers file, with the path as the user typed it. */
export interface WorkshopFile {
  answers: AnswersFile;
  source: string;
}

export type DivergenceReason = 'spread' | 'unknown';

export type Agreement = 'strength' | 'gap' | 'other';

/** One respondent's answer in the synthesis: the report's Response plus the raw value. */
export interface WorkshopAnswer extends Response {
  /** The answer as stored (answer id, ids, number, text, boolean); null when none was given or the question was not asked. */
  value: AnswerValue;
}

export interface AnswerCount {
  /** The choice id, or null for a number, a text or yes/no. */
  id: string | null;
  label: string;
  count: number;
  respondents: string[];
}

export interface WorkshopQuestion extends Pick<QuestionReport, 'id' | 'number' | 'entry' | 'entryTitle' | 'text' | 'type' | 'importance'> {
  /** Asked to at least one respondent (its `when` holds for them). */
  asked: boolean;
  /** The group's answer, as a person reads it (see the header comment); null when none. */
  collective: string | null;
  /** Collective score 0..100 (mean of the respondents' scores, rounded); null without a scored answer. */
  score: number | null;
  /** "67/100", or "—". */
  scoreLabel: string;
  /** max − min of the respondents' scores, 0..1, two decimals; 0 with one scored answer, null with none. */
  spread: number | null;
  /** The spread in steps of the scale (e.g. 2 between « En réflexion » and « Acquis »); null as spread. */
  steps: number | null;
  /** Highest score of the scale, for « 2 crans sur 3 ». */
  maxSteps: number | null;
  divergent: boolean;
  /** Place in the list of questions to discuss first (1 = most divergent); null when not divergent. */
  rank: number | null;
  reasons: DivergenceReason[];
  /** Why it is divergent, in one or two French sentences; null when it is not. */
  reason: string | null;
  /** Everyone gave the same answer (not « Je ne sais pas »). */
  consensus: boolean;
  /**
   * For a point of agreement: a shared strength (the common answer reaches the grid's target), a
   * shared gap (everyone places it below the target), or another common answer (no scale, or
   * « Non concerné »); null when there is no consensus.
   */
  agreement: Agreement | null;
  /** A question without score whose answers differ (not divergent by definition, worth checking). */
  different: boolean;
  /** How many chose each answer, in the grid's order; multi: per choice ticked. */
  counts: AnswerCount[];
  /** Respondents who said « Je ne sais pas ». */
  unknown: string[];
  /** Respondents with no answer (the question was asked to them). */
  unanswered: string[];
  /** One per respondent, in the order of the files. */
  answers: WorkshopAnswer[];
  /**
   * The answers of those to whom the question was asked (status not `hidden`), in the same order:
   * for the templates. Not enumerable, so not in the JSON (it is `answers` without the hidden ones).
   */
  readonly askedAnswers?: WorkshopAnswer[];
  /** The « position commune » recorded in a round table (core/group-position.ts); null when none. */
  position: GroupPositionView | null;
}

export interface WorkshopEntryRow {
  id: string;
  number: number;
  title: string;
  source: string;
  /** The group's score (report.entries), 0..100. */
  score: number | null;
  scoreLabel: string;
  level: LevelRef | null;
  bar: string;
  /** Each respondent's own score on this entrée, in file order. */
  respondents: { respondent: string; score: number | null; scoreLabel: string }[];
  /** max − min of the respondents' entrée scores, in points; null with fewer than two scores. */
  spread: number | null;
  spreadLabel: string;
  /** Its questions, with every answer. */
  questions: WorkshopQuestion[];
}

export interface Participant extends RespondentInfo {
  applicable: number;
  answered: number;
  unknown: number;
  na: number;
  unanswered: number;
  /** Their own overall score, 0..100. */
  score: number | null;
}

export interface WorkshopSynthesis {
  participants: Participant[];
  /** Every question of the grid, in order. */
  questions: WorkshopQuestion[];
  /** Divergent questions, most divergent first: the questions to discuss first. */
  divergences: WorkshopQuestion[];
  /** Questions without score whose answers differ. */
  differences: WorkshopQuestion[];
  consensus: WorkshopQuestion[];
  /** The points of agreement, split: everyone at the target, everyone below it, other common answers. */
  sharedStrengths: WorkshopQuestion[];
  sharedGaps: WorkshopQuestion[];
  sharedOther: WorkshopQuestion[];
  entries: WorkshopEntryRow[];
  /** The overall row of the per-entrée table. */
  overall: Omit<WorkshopEntryRow, 'id' | 'number' | 'title' | 'source' | 'bar' | 'questions'>;
  /** Different project names, the same respondent twice… (printed by the command on stderr). */
  warnings: string[];
}

/** An action of the synthesis: the report's, plus each respondent's answer to its question. */
export interface WorkshopAction extends ActionReport {
  responses: { respondent: string; label: string }[];
  /** Collective score of its question, 0..100; null for a finding. */
  collectiveScore: number | null;
}

export interface WorkshopDossierSection extends DossierSection {
  items: (DossierSection['items'][number] & { responses: WorkshopAnswer[] })[];
}

/** The synthesis: the report computed on the group's answers, plus `workshop`. */
export interface WorkshopData extends ReportData {
  kind: 'workshop';
  gaps: WorkshopAction[];
  priorityActions: WorkshopAction[];
  annexActions: WorkshopAction[];
  dossier: WorkshopDossierSection[];
  workshop: WorkshopSynthesis;
}
