// The report's data shape (what JSON carries and what templates see), and its constants.
import type { AnswerMap } from '../../model/conditions.js';
import type { Answer, GapAdvice, QuestionType, Severity } from '../../model/schema.js';
import type { Counts, QuestionStatus, Scores, Totals } from '../scoring.js';
import type { ReportPath } from '../../model/paths.js';
import type { GroupPositionView } from '../group-position.js';

export const REPORT_FORMAT = 'cap-ptce/report@1';

/** How many actions the report puts first; the others go to an annex numbered on from here + 1. */
export const PRIORITY_ACTIONS = 6;

export interface Ref {
  id: string;
  label: string;
}
export interface LevelRef extends Ref {
  description: string | null;
}
export interface SourceRef {
  /** The sentence the rule rests on, quoted word for word; null when the grid gives none. */
  quote: string | null;
  label: string;
  url: string | null;
  year: number | null;
}

export interface RespondentInfo {
  /** The name given in the answers file, if any. */
  name: string | null;
  /** How the report names this respondent ("Claire"; "Répondant 2" or "personne non précisée" without a name). */
  label: string;
  /** Where the answers come from (a file path as the user typed it), if known. */
  source: string | null;
  updatedAt: string | null;
  /** Answers whose question is not in this grid: kept in the file, left out of the report. */
  unmatched: { key: string; value: string }[];
  /** How many more such answers there are, not listed (a hostile file can hold 100 000). */
  unmatchedMore: number;
}

/** One respondent's answer to one question. */
export interface Response {
  respondent: string;
  status: QuestionStatus;
  /** Choice ids picked (scale, single, multi); empty otherwise. */
  answerIds: string[];
  /** The answer as a person reads it; null when unanswered. */
  label: string | null;
  /** 0..100 for a scored answer. */
  score: number | null;
  /** Examples of the grid that the respondent ticked. */
  examples: string[];
  /** Examples the respondent added. */
  ownExamples: string[];
  note: string | null;
}

export interface QuestionReport {
  /** Full id, "entree.question". */
  id: string;
  /** "2.1": entrée number, question number. */
  number: string;
  entry: string;
  entryTitle: string;
  text: string;
  type: QuestionType;
  examplesLead: string | null;
  weight: number;
  /** The expert importance carried by the grid, 1 (most important) to 5. */
  importance: number;
  /** Whether the question is asked (its `when` holds). */
  applicable: boolean;
  target: Ref | null;
  dossier: string[];
  // The first respondent's answer, flattened for templates:
  status: QuestionStatus;
  answer: { ids: string[]; label: string } | null;
  score: number | null;
  /** What this answer means, what comes next (grid hint for the answer). */
  hint: string | null;
  examples: string[];
  ownExamples: string[];
  note: string | null;
  /**
   * Every respondent's answer. With a `basis` (a workshop synthesis), each also carries `value`,
   * the answer as stored (a WorkshopAnswer): the synthesis's `answers` are these same objects.
   */
  responses: Response[];
  /** A workshop's « position commune » (round table), set by the synthesis; absent otherwise. */
  position?: GroupPositionView | null;
}

export interface EntryReport extends Counts {
  id: string;
  number: number;
  title: string;
  source: string;
  intro: string | null;
  weight: number;
  score: number | null;
  level: LevelRef | null;
  coveragePercent: number | null;
  /** "██████░░░░": ten cells, one per 10 points. */
  bar: string;
  /** "62/100", or "—" when the entrée has no score. */
  scoreLabel: string;
  dossier: string[];
  questions: QuestionReport[];
}

export interface CriterionReport {
  label: string;
  met: boolean;
}

export interface StageReport extends Ref {
  description: string;
  /** 1-based position among the grid's stages (data only: the stages are phases, not a ladder). */
  position: number;
  count: number;
  /** Whether every criterion of this stage holds (false when no stage is reached: the first is shown). */
  reached: boolean;
  criteria: CriterionReport[];
  met: string[];
  missing: string[];
  /** What leads to the next stage, in one sentence (from the grid). */
  nextHint: string | null;
  /** What the stages are and where their criteria come from (grid `stagesIntro`). */
  intro: string | null;
  next: (Ref & { description: string; met: string[]; missing: string[] }) | null;
  programmes: Ref[];
}

export interface ActionReport {
  /** 1 = first to do. Also the number printed in the report (the annex goes on from 7). */
  priority: number;
  annex: boolean;
  kind: 'finding' | 'question';
  /** Full question id, for a question gap. */
  question: string | null;
  /** Rule id, for a blocking finding. */
  rule: string | null;
  advice: GapAdvice;
  /** Importance × gap size, 0..1; null for blocking findings, which come first anyway. */
  urgency: number | null;
  importance: number | null;
  questionText: string | null;
  /** "1.2" */
  questionNumber: string | null;
  entry: string | null;
  entryTitle: string | null;
  answer: Ref | null;
  target: Ref | null;
  /** Steps on the scale between the answer and the target. */
  steps: number | null;
  dossier: string[];
  source: SourceRef | null;
  /** Priorities of the earlier actions this one builds on (the grid's prerequisites, `after`). */
  after: number[];
  /** Numbers of prerequisite questions still unknown or unanswered: this action waits for them. */
  waitsFor: string[];
}

export interface ClarifyItem {
  question: string;
  number: string;
  text: string;
  entryTitle: string;
  /** What to do to find the answer (grid hint for "Je ne sais pas"). */
  hint: string | null;
  note: string | null;
}

export interface StrengthItem {
  question: string;
  number: string;
  text: string;
  entryTitle: string;
  answer: string;
  hint: string | null;
  examples: string[];
  ownExamples: string[];
  note: string | null;
}

/** Fallback labels; a grid gives its own (`severityLabels`). They speak of readiness, never a verdict. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  blocking: "À réunir avant une demande de soutien de l'État",
  warning: 'Point de vigilance',
  info: 'Repère',
  ok: 'Déjà réuni',
};

export interface FindingReport {
  rule: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  message: string;
  advice: string | null;
  source: SourceRef;
  programmes: Ref[];
  dossier: string | null;
}

import type { ProgrammeStatus } from '../../model/calls.js';
export type { ProgrammeStatus };

export interface ProgrammeReport {
  id: string;
  name: string;
  issuer: string;
  description: string | null;
  source: SourceRef;
  status: ProgrammeStatus;
  statusLabel: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  /** "23 juin 2021" */
  closesLabel: string | null;
  /** "dépôt jusqu'au 23 juin 2021", "dépôt jusqu'en mai 2023" (month-only dates). */
  closesText: string | null;
  calendar: { date: string; dateLabel: string; label: string; past: boolean }[];
  /** Whether the answers meet the programme's `fits` condition; null when the grid gives none. */
  fits: boolean | null;
  fitsLabel: string;
  /** Funding lines whose condition holds for these answers. */
  funding: { label: string; rate: number | null }[];
  eligibility: string[];
  beneficiaries: string[];
  stages: Ref[];
  /** What to check before relying on this programme (dates, current call). */
  advice: string[];
}

export interface DossierSection {
  section: string;
  items: {
    question: string;
    number: string;
    text: string;
    answer: string | null;
    examples: string[];
    ownExamples: string[];
    note: string | null;
  }[];
  /** Actions of the report that feed this section (their priority numbers). */
  actions: number[];
  findings: { rule: string; title: string; severityLabel: string }[];
}

export interface ReportData {
  format: typeof REPORT_FORMAT;
  /** Which document this is: one respondent's report, or a workshop synthesis (analysis/workshop.ts). */
  kind: 'report' | 'workshop';
  overall: { score: number | null; level: LevelRef | null; bar: string; scoreLabel: string };
  entries: EntryReport[];
  /** Every action, priority order: blocking findings first, then importance × gap size. */
  gaps: ActionReport[];
  findings: FindingReport[];
  stage: StageReport | null;

  title: string;
  date: string;
  dateLabel: string;
  grid: { id: string; version: string; title: string; source: string; description: string | null };
  project: {
    name: string | null;
    territory: string | null;
    /** The project's région, answered or derived from the territory (« (62) »); null when unknown. */
    region: { id: string; label: string; derivedFrom: string | null } | null;
  };
  respondents: RespondentInfo[];
  /** The short path the answers followed (`diagnose --parcours`), set by the command; absent for the whole grid. */
  shortPath?: ReportPath | null;
  completeness: Omit<Totals, 'coverage'> & { percent: number | null };
  /** Points d'appui: answers at the top of the scale, or, when there is none, the engaged ones. */
  strengths: StrengthItem[];
  /** What `strengths` holds: 'top' (formalised), 'engaged' (nothing formalised yet), null (empty). */
  strengthsKind: 'top' | 'engaged' | null;
  priorityActions: ActionReport[];
  annexActions: ActionReport[];
  clarify: ClarifyItem[];
  unanswered: { question: string; number: string; text: string; entryTitle: string }[];
  programmes: ProgrammeReport[];
  /** Lines that end the calls section (grid `programmeNotes`); the last says where the current call is found. */
  programmeNotes: string[];
  dossier: DossierSection[];
  method: {
    /** The scored choices of the grid's scale, e.g. Pas encore abordé 0 … Acquis 3. */
    scale: { label: string; score: number }[];
    maxScore: number | null;
    levels: { label: string; min: number; max: number }[];
    priorityActions: number;
    sources: string[];
  };
}

export interface BuildReportOptions {
  now: Date;
  /** Where the (first) answers come from, e.g. the file path as typed. */
  sourceLabel?: string;
  /** One label per respondent, for several answers files. */
  sourceLabels?: string[];
  /** How to name each respondent (a workshop tells apart two « Claire »); default: their name, else « Répondant n ». */
  respondentLabels?: string[];
  /** Workshop synthesis: what the numbers are computed on instead of the first respondent. */
  basis?: CollectiveBasis;
  /** Each respondent's answers by current id and their own scores, when the caller has them already (a workshop computes them first). */
  precomputed?: { normalized: { answers: Record<string, Answer>; orphans: string[] }[]; scoresOf: Scores[] };
}

/** The group's answers, for a workshop synthesis (see workshop.ts for how they are formed). */
export interface CollectiveBasis {
  /** One answer per question, keyed by current question id: the stage, rules, programmes and gaps are computed on them. */
  answers: AnswerMap;
  /** Per question, the collective score 0..1 (mean of the respondents' scores); it replaces the score of the collective answer. */
  scores: ReadonlyMap<string, number>;
}
