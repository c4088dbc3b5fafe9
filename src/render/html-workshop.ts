// A workshop synthesis on the page: who answered what (a marker per respondent in the column of
// their answer), each respondent's score per entrée, the questions to discuss and the points of
// agreement. Every number and decision comes from the synthesis (analysis/workshop.ts): spreads,
// collective scores, divergences, reasons and consensus are read, never recomputed here, so the
// page and the JSON say the same.
import type { GroupPositionView } from '../analysis/group-position.js';
import type { ReportData, Response } from '../analysis/report.js';
import type { WorkshopData, WorkshopQuestion } from '../analysis/workshop.js';
import { respondentColour, respondentTone } from './radar.js';
import { trimEndOf } from '../text/trim.js';

export interface SpreadChip {
  /** 1-based respondent number, printed in the chip (the colour is only a second cue). */
  n: number;
  name: string;
  /** Its colour, for templates that write it (the default one uses `tone`). */
  colour: string;
  /** Its colour class (`c1`…`c8`), given its colour by the page's stylesheet (respondentChipRules). */
  tone: string;
  answer: string;
}

export interface SpreadColumn {
  label: string;
  kind: 'scale' | 'unknown' | 'na' | 'unanswered';
}

export interface QuestionSpread {
  id: string;
  number: string;
  /** A question of the scale: it has a row in the matrix (`cells`). */
  inMatrix: boolean;
  text: string;
  entryTitle: string;
  /** One cell per column of `columns`: the respondents who gave that answer (empty chips off the scale). */
  cells: { chips: SpreadChip[] }[];
  /** The synthesis's spread in points (0..100); null when nobody answered on the scale. */
  spread: number | null;
  /** The synthesis's collective score (0..100); null without a scored answer. */
  collective: number | null;
  divergent: boolean;
  /** Why the question is to discuss, in words (null when it is not). */
  reason: string | null;
  /** Everyone gave the same answer. */
  consensus: boolean;
  consensusAnswer: string | null;
  /** Each respondent's answer and note, respondents' order (questions asked of them only). */
  answers: { n: number; name: string; colour: string; tone: string; answer: string; note: string | null }[];
  /** The round table's « position commune », when one was recorded. */
  position: GroupPositionView | null;
}

export interface WorkshopSpread {
  columns: SpreadColumn[];
  /** Scale questions, grid order: the rows of the matrix. */
  rows: QuestionSpread[];
  /** Every question asked of someone, grid order. */
  all: QuestionSpread[];
  /** Questions to discuss first, in the synthesis's order. */
  divergent: QuestionSpread[];
  /** Questions where everyone gave the same answer. */
  consensus: ConsensusItem[];
  /** The same, split as the synthesis reads them: everyone at the target, everyone below it, other common answers. */
  sharedStrengths: ConsensusItem[];
  sharedGaps: ConsensusItem[];
  sharedOther: ConsensusItem[];
}

export interface ConsensusItem {
  number: string;
  text: string;
  answer: string | null;
  agreement: 'strength' | 'gap' | 'other';
}

export function isWorkshop(data: ReportData): data is WorkshopData {
  return data.kind === 'workshop';
}

/** Each respondent's score per entrée, [respondent][entrée]: the synthesis's own; a single report's scores otherwise. */
export function respondentEntryScores(data: ReportData): (number | null)[][] {
  if (!isWorkshop(data)) return [data.entries.map((e) => e.score)];
  return data.respondents.map((_, r) => data.workshop.entries.map((e) => e.respondents[r]?.score ?? null));
}

/** How a respondent's answer reads in a list. */
export function statusText(r: Response): string {
  switch (r.status) {
    case 'hidden':
      return 'ne se pose pas d’après ses réponses';
    case 'unanswered':
      return 'pas encore de réponse';
    default:
      return r.label ?? 'pas encore de réponse';
  }
}

function columnsOf(data: WorkshopData): SpreadColumn[] {
  const answers = data.workshop.questions.filter((q) => q.type === 'scale').flatMap((q) => q.answers);
  const has = (status: Response['status']): boolean => answers.some((a) => a.status === status);
  const labelOf = (status: Response['status'], fallback: string): string => answers.find((a) => a.status === status && a.label)?.label ?? fallback;
  const columns: SpreadColumn[] = data.method.scale.map((s) => ({ label: s.label, kind: 'scale' }));
  if (has('unknown')) columns.push({ label: labelOf('unknown', 'Je ne sais pas'), kind: 'unknown' });
  if (has('na')) columns.push({ label: labelOf('na', 'Non concerné'), kind: 'na' });
  if (has('unanswered')) columns.push({ label: 'Sans réponse', kind: 'unanswered' });
  return columns;
}

/**
 * The column of an answer: its step of the scale (by label, else the nearest score), or its status.
 * Made once per page (what it needs from the scale and the columns found once): the page asks for
 * every answer of every respondent.
 */
function columnFinder(data: WorkshopData, columns: readonly SpreadColumn[]): (r: Response) => number {
  const scale = data.method.scale;
  const max = data.method.maxScore ?? Math.max(1, ...scale.map((s) => s.score));
  const byLabel = new Map<string, number>();
  scale.forEach((s, i) => {
    if (!byLabel.has(s.label)) byLabel.set(s.label, i);
  });
  const byStatus = { unknown: columns.findIndex((c) => c.kind === 'unknown'), na: columns.findIndex((c) => c.kind === 'na'), unanswered: columns.findIndex((c) => c.kind === 'unanswered') };
  return (r) => {
    if (r.status === 'scored' && r.score !== null) {
      const step = r.label === null ? undefined : byLabel.get(r.label);
      if (step !== undefined) return step;
      let best = 0;
      scale.forEach((s, i) => {
        if (Math.abs((s.score / max) * 100 - r.score!) < Math.abs((scale[best]!.score / max) * 100 - r.score!)) best = i;
      });
      return best;
    }
    return r.status === 'unknown' || r.status === 'na' || r.status === 'unanswered' ? byStatus[r.status] : -1;
  };
}

function questionSpread(data: WorkshopData, columns: readonly SpreadColumn[], columnOf: (r: Response) => number, q: WorkshopQuestion, text: (s: string) => string): QuestionSpread {
  const visible = q.answers.map((r, i) => ({ r, i })).filter(({ r }) => r.status !== 'hidden');
  const cells = columns.map(() => ({ chips: [] as SpreadChip[] }));
  for (const { r, i } of q.type === 'scale' ? visible : []) {
    const c = columnOf(r);
    if (c >= 0) cells[c]!.chips.push({ n: i + 1, name: text(data.respondents[i]?.label ?? r.respondent), colour: respondentColour(i), tone: respondentTone(i), answer: text(r.label ?? 'pas encore de réponse') });
  }
  return {
    id: q.id,
    number: q.number,
    inMatrix: q.type === 'scale',
    text: q.text,
    entryTitle: q.entryTitle,
    cells,
    spread: q.spread === null ? null : Math.round(q.spread * 100),
    collective: q.score,
    divergent: q.divergent,
    reason: q.reason === null ? null : trimEndOf(q.reason.trim(), '. \t\n\r\u00a0\u202f'),
    consensus: q.consensus,
    consensusAnswer: q.consensus ? q.collective : null,
    answers: visible.map(({ r, i }) => ({ n: i + 1, name: text(data.respondents[i]?.label ?? r.respondent), colour: respondentColour(i), tone: respondentTone(i), answer: text(statusText(r)), note: typeof r.note === 'string' ? text(r.note) : r.note })),
    position: q.position ?? null,
  };
}

function consensusItem(q: WorkshopQuestion): ConsensusItem {
  return { number: q.number, text: q.text, answer: q.collective, agreement: q.agreement ?? 'other' };
}

/**
 * The synthesis as the page shows it: the matrix of answers, the questions to discuss, the points of
 * agreement. `text`: how the page shows the names, answers and notes of the chips and answers (the
 * HTML page cleans them here, once per distinct string, and passes those parts as is).
 */
export function workshopSpread(data: WorkshopData, text: (s: string) => string = (s) => s): WorkshopSpread {
  const columns = columnsOf(data);
  const columnOf = columnFinder(data, columns);
  const all = data.workshop.questions.filter((q) => q.asked).map((q) => questionSpread(data, columns, columnOf, q, text));
  const byId = new Map(all.map((r) => [r.id, r]));
  return {
    columns,
    rows: all.filter((r) => r.inMatrix),
    all,
    divergent: data.workshop.divergences.map((q) => byId.get(q.id)).filter((r): r is QuestionSpread => r !== undefined),
    consensus: data.workshop.consensus.map(consensusItem),
    sharedStrengths: data.workshop.sharedStrengths.map(consensusItem),
    sharedGaps: data.workshop.sharedGaps.map(consensusItem),
    sharedOther: data.workshop.sharedOther.map(consensusItem),
  };
}
