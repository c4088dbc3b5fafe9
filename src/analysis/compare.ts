// `cap-ptce compare`: what moved between two diagnoses of the same project. Pure: two parsed
// answers files and a grid in, data out (Markdown through templates/compare.md.hbs, or JSON).
//
// Both files are read against one grid (the one given with --grid, the embedded one by default).
// Answers stored under an id the grid renamed (`replaces`) are carried over to the current id, so
// files made with different versions of a grid compare on the questions they share; renamed ids,
// answers present in one file only and answers matching no question are listed, never dropped.
//
// Numbers come from the report of each file (report.ts): the same scores, gaps and stage as
// `cap-ptce report` gives for each file on its own. Delta = after − before, in points out of 100.
import type { GridIndex } from '../model/grid-index.js';
import { findChoice } from '../model/grid-index.js';
import { buildReport, type ActionReport, type LevelRef, type QuestionReport, type ReportData } from './report.js';
import type { AnswersFile } from '../model/schema.js';
import { normalizeAnswers, sameAnswerValue } from './scoring.js';
import { stripControl } from '../text/escape.js';
import { frenchDate, plural } from '../text/french.js';

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
  versionsDiffer: boolean;
  /** Files that may not belong together, an order that looks reversed (printed by the command). */
  warnings: string[];
}

function clean(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const out = stripControl(text).replace(/\s+/g, ' ').trim();
  return out.length > 0 ? out : null;
}

function deltaLabel(delta: number | null): string {
  if (delta === null) return '—';
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${-delta}`;
  return '0';
}

function scoreLabel(score: number | null): string {
  return score === null ? '—' : `${score}/100`;
}

function fileDate(file: AnswersFile): string | null {
  const raw = file.updatedAt ?? file.createdAt;
  const m = typeof raw === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(raw) : null;
  return m ? m[1]! : null;
}

function side(file: CompareFile, report: ReportData): CompareSide {
  const date = fileDate(file.answers);
  return {
    source: file.source,
    respondent: clean(file.answers.respondent),
    project: clean(file.answers.project?.name),
    date,
    dateLabel: date ? frenchDate(date) : null,
    gridVersion: file.answers.grid.version,
    overall: { score: report.overall.score, scoreLabel: scoreLabel(report.overall.score), level: report.overall.level },
    stage: report.stage
      ? { id: report.stage.id, label: report.stage.label, position: report.stage.position, count: report.stage.count, reached: report.stage.reached }
      : null,
    answered: report.completeness.answered,
    applicable: report.completeness.applicable,
    unknown: report.completeness.unknown,
  };
}

function gapKey(g: ActionReport): string {
  return g.question ?? `rule:${g.rule}`;
}

const HAS_ANSWER = new Set(['scored', 'answered', 'unknown', 'na']);

export interface BuildCompareOptions {
  now: Date;
}

/** What moved between two answers files of one project, read against one grid. */
export function buildCompare(index: GridIndex, before: CompareFile, after: CompareFile, options: BuildCompareOptions): CompareData {
  const reportBefore = buildReport(index, [before.answers], { now: options.now, sourceLabel: before.source });
  const reportAfter = buildReport(index, [after.answers], { now: options.now, sourceLabel: after.source });
  const sideBefore = side(before, reportBefore);
  const sideAfter = side(after, reportAfter);
  const today = options.now.toISOString().slice(0, 10);

  // ── Scores ──
  const entries: EntryDelta[] = index.grid.entries.map((entry, i) => {
    const b = reportBefore.entries[i]!;
    const a = reportAfter.entries[i]!;
    const delta = b.score === null || a.score === null ? null : a.score - b.score;
    return {
      id: entry.id,
      number: i + 1,
      title: entry.title,
      before: b.score,
      after: a.score,
      delta,
      beforeLabel: b.scoreLabel,
      afterLabel: a.scoreLabel,
      deltaLabel: deltaLabel(delta),
      levelBefore: b.level?.label ?? null,
      levelAfter: a.level?.label ?? null,
    };
  });
  const ob = reportBefore.overall.score;
  const oa = reportAfter.overall.score;
  const overallDelta = ob === null || oa === null ? null : oa - ob;

  // ── Stage ──
  const rank = (s: CompareSide['stage']): number => (s === null ? 0 : s.reached ? s.position : 0);
  const stageBefore = sideBefore.stage;
  const stageAfter = sideAfter.stage;
  const direction = stageBefore === null || stageAfter === null ? null : rank(stageAfter) > rank(stageBefore) ? 'up' : rank(stageAfter) < rank(stageBefore) ? 'down' : 'same';

  // ── Questions, side by side ──
  const qBefore = new Map(reportBefore.entries.flatMap((e) => e.questions).map((q) => [q.id, q]));
  const qAfter = new Map(reportAfter.entries.flatMap((e) => e.questions).map((q) => [q.id, q]));
  const valuesBefore = normalizeAnswers(before.answers, index).answers;
  const valuesAfter = normalizeAnswers(after.answers, index).answers;
  const has = (q: QuestionReport | undefined): boolean => q !== undefined && HAS_ANSWER.has(q.status);
  const sideAnswer = (q: QuestionReport): SideAnswer => ({ label: q.answer?.label ?? null, note: q.note, score: q.score });

  const answersChanged: AnswerChange[] = [];
  const onlyBefore: OneSided[] = [];
  const onlyAfter: OneSided[] = [];
  for (const ref of index.questions) {
    const b = qBefore.get(ref.fullId)!;
    const a = qAfter.get(ref.fullId)!;
    const oneSided = (q: QuestionReport): OneSided => ({ question: q.id, number: q.number, text: q.text, entryTitle: q.entryTitle, label: q.answer?.label ?? null, note: q.note });
    if (has(b) && has(a)) {
      if (sameAnswerValue(valuesBefore[ref.fullId]?.value, valuesAfter[ref.fullId]?.value)) continue;
      const cb = b.answer?.ids.length === 1 ? findChoice(ref, b.answer.ids[0]!) : undefined;
      const ca = a.answer?.ids.length === 1 ? findChoice(ref, a.answer.ids[0]!) : undefined;
      const onScale = b.status === 'scored' && a.status === 'scored' && typeof cb?.score === 'number' && typeof ca?.score === 'number';
      const steps = onScale ? (ca!.score as number) - (cb!.score as number) : null;
      const dir = steps === null || steps === 0 ? 'other' : steps > 0 ? 'up' : 'down';
      answersChanged.push({
        question: ref.fullId,
        number: b.number,
        text: b.text,
        entry: ref.entry.id,
        entryTitle: ref.entry.title,
        before: sideAnswer(b),
        after: sideAnswer(a),
        steps,
        direction: dir,
        changeLabel:
          steps !== null && steps !== 0
            ? steps > 0
              ? `+${plural(steps, 'cran', 'crans')}`
              : steps === -1
                ? "recul d'un cran"
                : `recul de ${-steps} crans`
            : b.status === 'unknown' && a.status !== 'unknown'
              ? 'réponse trouvée'
              : a.status === 'unknown' && b.status !== 'unknown'
                ? 'devenue incertaine'
                : 'autre réponse',
      });
    } else if (has(b)) onlyBefore.push(oneSided(b));
    else if (has(a)) onlyAfter.push(oneSided(a));
  }

  // ── Gaps ──
  const afterKeys = new Map(reportAfter.gaps.map((g) => [gapKey(g), g]));
  const beforeKeys = new Map(reportBefore.gaps.map((g) => [gapKey(g), g]));
  const labelOf = (q: QuestionReport | undefined): string | null => (q && HAS_ANSWER.has(q.status) ? (q.answer?.label ?? null) : null);
  const causeOf = (g: ActionReport): GapCause => {
    const was = g.question ? qBefore.get(g.question) : undefined;
    if (!was) return 'new';
    if (was.status === 'unknown' || was.status === 'unanswered' || was.status === 'hidden') return 'became-visible';
    const now = qAfter.get(g.question!);
    if (was.status === 'scored' && now?.status === 'scored' && was.score !== null && now.score !== null && now.score < was.score) return 'step-back';
    return 'new';
  };
  const change = (g: ActionReport, cause: GapCause | null = null): GapChange => ({
    question: g.question,
    rule: g.rule,
    number: g.questionNumber,
    title: g.advice.title,
    text: g.questionText,
    entryTitle: g.entryTitle,
    priority: g.priority,
    before: g.question ? labelOf(qBefore.get(g.question)) : null,
    after: g.question ? labelOf(qAfter.get(g.question)) : null,
    cause,
  });
  const gapsClosed: GapChange[] = [];
  const gapsNotAssessed: GapChange[] = [];
  let gapsKept = 0;
  for (const g of reportBefore.gaps) {
    if (afterKeys.has(gapKey(g))) {
      gapsKept++;
      continue;
    }
    const now = g.question ? qAfter.get(g.question) : undefined;
    if (g.question && now?.status !== 'scored') gapsNotAssessed.push(change(g));
    else gapsClosed.push(change(g));
  }
  const newGaps = reportAfter.gaps.filter((g) => !beforeKeys.has(gapKey(g))).map((g) => change(g, causeOf(g)));

  // ── A step back, what became visible ──
  const gapTitle = new Map(reportAfter.gaps.filter((g) => g.question).map((g) => [g.question!, g.advice.title]));
  const stepsBack = answersChanged.filter((c) => c.direction === 'down').map((c) => ({ ...c, gap: gapTitle.get(c.question) ?? null }));
  const newGapsByCause = {
    stepBack: newGaps.filter((g) => g.cause === 'step-back'),
    becameVisible: newGaps.filter((g) => g.cause === 'became-visible'),
    other: newGaps.filter((g) => g.cause === 'new'),
  };
  const becameVisible: BecameVisible[] = [];
  for (const ref of index.questions) {
    const b = qBefore.get(ref.fullId)!;
    const a = qAfter.get(ref.fullId)!;
    if (!['unknown', 'unanswered', 'hidden'].includes(b.status) || (a.status !== 'scored' && a.status !== 'answered')) continue;
    becameVisible.push({
      question: ref.fullId,
      number: a.number,
      text: a.text,
      entryTitle: a.entryTitle,
      before: b.status === 'unknown' ? (b.answer?.label ?? null) : null,
      after: a.answer?.label ?? '',
      gap: gapTitle.get(ref.fullId) ?? null,
    });
  }

  // ── Renamed ids (carried over by `replaces`) ──
  const renamed: CompareData['renamed'] = [];
  const shadowed: string[] = [];
  for (const [which, file] of [
    ['before', before],
    ['after', after],
  ] as const) {
    const stored = file.answers.answers ?? {};
    for (const k of Object.keys(stored)) {
      const to = index.byId.has(k) ? undefined : index.replaced.get(k);
      if (!to) continue;
      if (stored[to] !== undefined) {
        shadowed.push(`${clean(file.source)} : la réponse sous l'ancien identifiant ${clean(k)} n'est pas reprise, une réponse existe déjà sous ${to}.`);
        continue;
      }
      const ref = index.byId.get(to)!;
      renamed.push({ side: which, from: clean(k) ?? '', to, number: `${ref.entryIndex + 1}.${ref.questionIndex + 1}`, text: ref.question.text });
    }
  }

  // ── Warnings ──
  const warnings: string[] = [...shadowed];
  const norm = (s: string | null): string | null => (s === null ? null : s.normalize('NFC').toLocaleLowerCase('fr'));
  if (sideBefore.project && sideAfter.project && norm(sideBefore.project) !== norm(sideAfter.project)) {
    warnings.push(
      `Les deux fichiers ne nomment pas le même projet : « ${sideBefore.project} » (${clean(before.source)}) et « ${sideAfter.project} » (${clean(after.source)}). Vérifiez qu'il s'agit bien du même projet.`,
    );
  }
  if (sideBefore.date && sideAfter.date && sideBefore.date > sideAfter.date) {
    warnings.push(
      `Le fichier « avant » (${clean(before.source)}, ${sideBefore.dateLabel}) est plus récent que le fichier « après » (${clean(after.source)}, ${sideAfter.dateLabel}) : l'ordre est peut-être inversé (cap-ptce compare AVANT APRÈS).`,
    );
  }
  if (before.source === after.source) warnings.push(`Le même fichier est donné deux fois (${clean(before.source)}) : rien ne peut avoir bougé.`);

  const title = sideAfter.project ?? sideBefore.project ?? 'Projet sans nom';
  return {
    format: COMPARE_FORMAT,
    kind: 'compare',
    title,
    date: today,
    dateLabel: frenchDate(today),
    grid: { id: index.grid.id, version: index.grid.version, title: index.grid.title },
    project: { name: sideAfter.project ?? sideBefore.project, territory: clean(after.answers.project?.territory) ?? clean(before.answers.project?.territory) },
    before: sideBefore,
    after: sideAfter,
    overall: {
      before: ob,
      after: oa,
      delta: overallDelta,
      beforeLabel: scoreLabel(ob),
      afterLabel: scoreLabel(oa),
      deltaLabel: deltaLabel(overallDelta),
      levelBefore: reportBefore.overall.level?.label ?? null,
      levelAfter: reportAfter.overall.level?.label ?? null,
    },
    entries,
    stage: { before: stageBefore, after: stageAfter, changed: (stageBefore?.id ?? null) !== (stageAfter?.id ?? null) || rank(stageBefore) !== rank(stageAfter), direction },
    gapsClosed,
    newGaps,
    newGapsByCause,
    stepsBack,
    becameVisible,
    gapsNotAssessed,
    gapsKept,
    answersChanged,
    onlyBefore,
    onlyAfter,
    renamed,
    unmatched: { before: reportBefore.respondents[0]!.unmatched, after: reportAfter.respondents[0]!.unmatched },
    versionsDiffer: before.answers.grid.version !== after.answers.grid.version,
    warnings,
  };
}

/** A short French summary line (for stderr and the top of the Markdown). */
export function compareSummary(data: CompareData): string {
  const parts = [
    `repère global ${data.overall.beforeLabel} → ${data.overall.afterLabel}${data.overall.delta === null ? '' : ` (${data.overall.deltaLabel})`}`,
    plural(data.gapsClosed.length, 'écart comblé', 'écarts comblés'),
    plural(data.stepsBack.length, 'recul', 'reculs'),
    `${plural(data.becameVisible.length, 'réponse devenue visible', 'réponses devenues visibles')} (après « Je ne sais pas » ou sans réponse)`,
    data.newGapsByCause.other.length > 0 ? plural(data.newGapsByCause.other.length, 'autre nouvel écart', 'autres nouveaux écarts') : null,
    plural(data.answersChanged.length, 'réponse modifiée', 'réponses modifiées'),
  ].filter((p): p is string => p !== null);
  return parts.join(', ');
}



