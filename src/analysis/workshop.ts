// Workshop synthesis: several answers files of one project (one per participant) → one report
// that shows first where the participants' views diverge, then who sees the project how, where
// they agree, and the usual report computed on the group's answers. Pure: files in (already
// parsed), data out; the clock comes in as `now`; warnings are returned, not printed.
//
// Definitions (the « Méthode » of workshop.md.hbs says the same in French):
// - A respondent's score on a question is their answer's score ÷ the scale's highest score (0..1),
//   as in scoring.ts; « Je ne sais pas », « Non concerné », no answer and questions not asked to
//   them are left out.
// - Collective score of a question = mean of the respondents' scores. Spread = max − min (0..1).
// - Divergent: spread ≥ 0.5 (half the scale: « En réflexion » vs « Acquis » on a four-step scale),
//   or some respondents answer (anything but « Je ne sais pas ») while others say « Je ne sais pas ».
//   Sorted most divergent first: spread, then number of « Je ne sais pas », then the grid's
//   importance of the question, then grid order.
// - Consensus: every respondent gave the same answer (« Je ne sais pas » excepted: that is a
//   question to clarify, not a base to build on).
// - The group's answers (the `basis` of buildReport), on which the usual sections are computed:
//   scale → the step reached by the mean (the highest step at or below it), with the mean as the
//   question's score, so entrée scores are means of means and a gap exists when the mean is below
//   the target; single choice without score, yes/no → the majority answer (a tie: no collective
//   answer, « Je ne sais pas » when the question offers it); multiple choice → the choices ticked by
//   at least half of those who answered; number → the median; text → every answer, under its
//   author's name. Nobody answered on the scale: « Je ne sais pas » if someone said so, else
//   « Non concerné » if someone said so, else no answer.
import { DomainError } from '../errors.js';
import type { AnswerMap } from '../model/conditions.js';
import { findChoice, type GridIndex, type QuestionRef } from '../model/grid-index.js';
import { targetChoice } from './report/actions.js';
import {
  answerLabel,
  buildReport,
  type ActionReport,
  type DossierSection,
  type LevelRef,
  type QuestionReport,
  type ReportData,
  type RespondentInfo,
  type Response,
} from './report.js';
import type { Answer, AnswersFile, AnswerValue, Choice } from '../model/schema.js';
import { normalizeAnswers, roundScore, sameAnswerValue, scoreAnswers, type QuestionStatus, type Scores } from './scoring.js';
import { stripControl } from '../text/escape.js';
import { joinNames, plural } from '../text/french.js';
import { groupPositionOf, type GroupPositionView } from './group-position.js';

/** Spread (0..1) from which a question is divergent: half the scale. */
export const DIVERGENCE_SPREAD = 0.5;

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

// ───────────────────────────── checks ─────────────────────────────

function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}

function key(text: string): string {
  return stripControl(text).normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}

function shown(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/**
 * Refuses files of different grids (id or major version), naming them: exit 1. Takes only what
 * it reads (the source and the `grid` header), so that the command can check before loading the
 * files against a grid.
 */
export function checkSameGrid(files: readonly { source: string; grid: { id: string; version: string } }[]): void {
  const groups = new Map<string, { label: string; files: string[] }>();
  for (const f of files) {
    const k = `${f.grid.id}@${majorOf(f.grid.version)}`;
    const group = groups.get(k) ?? { label: `grille « ${shown(f.grid.id)} » version ${shown(majorOf(f.grid.version))}.x`, files: [] };
    group.files.push(shown(f.source));
    groups.set(k, group);
  }
  if (groups.size <= 1) return;
  const list = [...groups.values()];
  throw new DomainError(
    'invalid-input',
    `Synthèse impossible : ces fichiers ne répondent pas à la même grille (${list.map((g) => `${joinNames(g.files)} : ${g.label}`).join(' ; ')}).`,
    ["Une synthèse réunit les réponses d'un même projet à une même grille : retirez les fichiers d'une autre grille, ou faites une synthèse par grille."],
    { grids: list },
  );
}

/** Labels that tell respondents apart: their name, « Répondant n » without one, « Claire (2) » for a second Claire. */
export function respondentLabels(files: readonly Pick<AnswersFile, 'respondent'>[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f, i) => {
    const name = f.respondent === undefined ? '' : shown(f.respondent);
    const base = name || `Répondant ${i + 1}`;
    const k = key(base);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Warnings about files that may not belong together (they do not stop the synthesis). */
export function workshopWarnings(files: readonly WorkshopFile[]): string[] {
  const warnings: string[] = [];
  const projects = new Map<string, { name: string; files: string[] }>();
  for (const f of files) {
    const name = f.answers.project?.name;
    if (name === undefined || !shown(name)) continue;
    const k = key(name);
    const p = projects.get(k) ?? { name: shown(name), files: [] };
    p.files.push(shown(f.source));
    projects.set(k, p);
  }
  if (projects.size > 1) {
    const list = [...projects.values()].map((p) => `« ${p.name} » (${joinNames(p.files)})`);
    warnings.push(`Les fichiers ne nomment pas le même projet : ${joinNames(list)}. Vérifiez qu'ils portent bien sur le même projet.`);
  }
  const byRespondent = new Map<string, { name: string; files: string[] }>();
  for (const f of files) {
    const name = f.answers.respondent;
    if (name === undefined || !shown(name)) continue;
    const k = key(name);
    const r = byRespondent.get(k) ?? { name: shown(name), files: [] };
    r.files.push(shown(f.source));
    byRespondent.set(k, r);
  }
  for (const r of byRespondent.values()) {
    if (r.files.length > 1) {
      warnings.push(`${r.name} répond dans ${r.files.length} fichiers (${joinNames(r.files)}) : ses réponses comptent ${r.files.length} fois dans la synthèse. Gardez un seul fichier par personne.`);
    }
  }
  const bySource = new Map<string, number>();
  for (const f of files) bySource.set(f.source, (bySource.get(f.source) ?? 0) + 1);
  for (const [source, n] of bySource) {
    const named = shown(files.find((f) => f.source === source)!.answers.respondent ?? '') !== '';
    if (n > 1 && !named) {
      warnings.push(`Le fichier ${shown(source)} est donné ${n} fois : ses réponses comptent ${n} fois dans la synthèse.`);
    }
  }
  return warnings;
}

// ───────────────────────────── the group's answers ─────────────────────────────

interface Given {
  status: QuestionStatus;
  value: AnswerValue | undefined;
  /** 0..1 when scored. */
  score: number | null;
  label: string;
}

const REAL: readonly QuestionStatus[] = ['scored', 'answered'];

function unknownChoice(ref: QuestionRef): Choice | undefined {
  return ref.choices.find((c) => c.score === null && !c.na);
}

function naChoice(ref: QuestionRef): Choice | undefined {
  return ref.choices.find((c) => c.na);
}

/** The highest scored step at or below a mean score (0..1). */
function stepAtOrBelow(ref: QuestionRef, mean: number): Choice | undefined {
  const scored = ref.choices.filter((c): c is Choice & { score: number } => typeof c.score === 'number' && !c.na);
  const units = mean * (ref.maxScore ?? 0) + 1e-9;
  let best: (Choice & { score: number }) | undefined;
  for (const c of scored) if (c.score <= units && (!best || c.score > best.score)) best = c;
  return best ?? scored.sort((a, b) => a.score - b.score)[0];
}

/** The most frequent value, or undefined on a tie. */
function majority<T>(values: readonly T[], same: (a: T, b: T) => boolean): T | undefined {
  const counts: { value: T; n: number }[] = [];
  for (const v of values) {
    const c = counts.find((x) => same(x.value, v));
    if (c) c.n++;
    else counts.push({ value: v, n: 1 });
  }
  counts.sort((a, b) => b.n - a.n);
  if (counts.length === 0 || (counts.length > 1 && counts[0]!.n === counts[1]!.n)) return undefined;
  return counts[0]!.value;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The group's answer to one question and, when someone answered on the scale, the mean score. */
function collectiveAnswer(ref: QuestionRef, given: readonly Given[], labels: readonly string[]): { answer?: Answer; mean?: number } {
  const scored = given.filter((g) => g.status === 'scored');
  if (scored.length > 0) {
    const mean = scored.reduce((s, g) => s + g.score!, 0) / scored.length;
    const step = stepAtOrBelow(ref, mean);
    return { answer: step ? { value: step.id } : undefined, mean };
  }
  const real = given.filter((g) => g.status === 'answered');
  if (real.length > 0) {
    const type = ref.question.type;
    if (type === 'multi') {
      const lists = real.map((g) => (Array.isArray(g.value) ? g.value : []));
      const kept = ref.choices.filter((c) => lists.filter((l) => l.includes(c.id)).length * 2 >= lists.length).map((c) => c.id);
      return { answer: { value: kept } };
    }
    if (type === 'number') {
      const numbers = real.map((g) => g.value).filter((v): v is number => typeof v === 'number');
      if (numbers.length > 0) return { answer: { value: median(numbers) } };
    }
    if (type === 'text') {
      const parts = given.map((g, i) => (g.status === 'answered' && typeof g.value === 'string' ? `${labels[i]} : ${g.value}` : null)).filter((x): x is string => x !== null);
      return { answer: { value: parts.join(' / ') } };
    }
    const pick = majority(
      real.map((g) => g.value),
      (a, b) => a === b,
    );
    if (pick !== undefined && pick !== null) return { answer: { value: pick } };
    const unknown = unknownChoice(ref);
    return unknown ? { answer: { value: unknown.id } } : {};
  }
  if (given.some((g) => g.status === 'unknown')) {
    const unknown = unknownChoice(ref);
    if (unknown) return { answer: { value: unknown.id } };
  }
  if (given.some((g) => g.status === 'na')) {
    const na = naChoice(ref);
    if (na) return { answer: { value: na.id } };
  }
  return {};
}

// ───────────────────────────── per question ─────────────────────────────

function round2(x: number): number {
  return Math.round(x * 100 + 1e-9) / 100;
}

function countsOf(ref: QuestionRef, answers: readonly WorkshopAnswer[]): AnswerCount[] {
  const counted = answers.filter((a) => a.status === 'scored' || a.status === 'answered' || a.status === 'unknown' || a.status === 'na');
  if (ref.choices.length > 0) {
    return ref.choices
      .map((c) => {
        const who = counted.filter((a) => a.answerIds.includes(c.id)).map((a) => a.respondent);
        return { id: c.id, label: c.label, count: who.length, respondents: who };
      })
      .filter((c) => c.count > 0);
  }
  const out: AnswerCount[] = [];
  for (const a of counted) {
    const label = a.label ?? '';
    const c = out.find((x) => x.label === label);
    if (c) {
      c.count++;
      c.respondents.push(a.respondent);
    } else out.push({ id: null, label, count: 1, respondents: [a.respondent] });
  }
  return out;
}

function describeReasons(q: Pick<WorkshopQuestion, 'reasons' | 'steps' | 'maxSteps' | 'unknown'>, answers: readonly WorkshopAnswer[], unknownLabel: string): string | null {
  const parts: string[] = [];
  if (q.reasons.includes('spread')) {
    const scored = answers.filter((a) => a.status === 'scored' && a.score !== null);
    const min = Math.min(...scored.map((a) => a.score!));
    const max = Math.max(...scored.map((a) => a.score!));
    const low = scored.filter((a) => a.score === min);
    const high = scored.filter((a) => a.score === max);
    const steps = q.steps ?? 0;
    const stepsText = Number.isInteger(steps) ? plural(steps, 'cran', 'crans') : `${String(steps).replace('.', ',')} crans`;
    parts.push(
      `Les réponses vont de « ${low[0]!.label} » (${joinNames(low.map((a) => a.respondent))}) à « ${high[0]!.label} » (${joinNames(high.map((a) => a.respondent))}) : ${stepsText} d'écart sur une échelle de ${q.maxSteps}.`,
    );
  }
  if (q.reasons.includes('unknown')) {
    const others = answers.filter((a) => a.status === 'scored' || a.status === 'answered' || a.status === 'na').map((a) => a.respondent);
    parts.push(
      `${joinNames(q.unknown)} ${q.unknown.length > 1 ? 'répondent' : 'répond'} « ${unknownLabel} » quand ${joinNames(others)} ${others.length > 1 ? 'donnent' : 'donne'} une réponse.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** What a common answer says: at the target (a shared strength), below it (a shared gap), or neither. */
function agreementOf(ref: QuestionRef, value: AnswerValue | undefined): Agreement {
  const choice = typeof value === 'string' ? findChoice(ref, value) : undefined;
  const target = targetChoice(ref);
  if (ref.maxScore === null || !choice || typeof choice.score !== 'number' || choice.na || !target || typeof target.score !== 'number') return 'other';
  return choice.score >= target.score ? 'strength' : 'gap';
}

// ───────────────────────────── the synthesis ─────────────────────────────

export interface BuildWorkshopOptions {
  now: Date;
}

/**
 * The workshop synthesis of several answers files of one project. Files of different grids are
 * refused (DomainError 'invalid-input', naming them); different project names and a respondent present
 * twice are returned as warnings.
 */
export function buildWorkshop(index: GridIndex, files: readonly WorkshopFile[], options: BuildWorkshopOptions): WorkshopData {
  if (files.length === 0) throw new Error('buildWorkshop: au moins un fichier de réponses est attendu');
  checkSameGrid(files.map((f) => ({ source: f.source, grid: f.answers.grid })));
  const warnings = workshopWarnings(files);
  const labels = respondentLabels(files.map((f) => f.answers));

  const normalized = files.map((f) => normalizeAnswers(f.answers, index).answers);
  const scoresOf: Scores[] = normalized.map((answers) => scoreAnswers(index, answers));

  // The group's answers, question by question, in grid order.
  const basisAnswers: Record<string, Answer> = {};
  const means = new Map<string, number>();
  for (const ref of index.questions) {
    const given: Given[] = normalized.map((answers, r) => {
      const qs = scoresOf[r]!.byQuestion.get(ref.fullId)!;
      const value = answers[ref.fullId]?.value;
      return { status: qs.status, value, score: qs.score, label: answerLabel(ref, value) ?? '' };
    });
    const { answer, mean } = collectiveAnswer(ref, given, labels);
    if (answer) basisAnswers[ref.fullId] = answer;
    if (mean !== undefined) means.set(ref.fullId, mean);
  }
  const basis: { answers: AnswerMap; scores: ReadonlyMap<string, number> } = { answers: basisAnswers, scores: means };

  const report = buildReport(
    index,
    files.map((f) => f.answers),
    { now: options.now, sourceLabels: files.map((f) => f.source), respondentLabels: labels, basis },
  );

  // ── Per question ──
  const questionReports = new Map(report.entries.flatMap((e) => e.questions).map((q) => [q.id, q]));
  const questions: WorkshopQuestion[] = index.questions.map((ref) => {
    const qr = questionReports.get(ref.fullId)!;
    const position = groupPositionOf(ref, normalized.map((answers) => ({ answers })));
    qr.position = position;
    const answers: WorkshopAnswer[] = qr.responses.map((r, i) => {
      const asked = r.status !== 'hidden';
      return { ...r, value: asked ? (normalized[i]![ref.fullId]?.value ?? null) : null };
    });
    const scored = answers.filter((a) => a.status === 'scored');
    const rawScores = scored.map((a) => scoresOf[answers.indexOf(a)]!.byQuestion.get(ref.fullId)!.score!);
    const spreadRaw = rawScores.length > 0 ? Math.max(...rawScores) - Math.min(...rawScores) : null;
    const unknown = answers.filter((a) => a.status === 'unknown').map((a) => a.respondent);
    const answeredOthers = answers.filter((a) => a.status === 'scored' || a.status === 'answered' || a.status === 'na');
    const reasons: DivergenceReason[] = [];
    if (spreadRaw !== null && spreadRaw >= DIVERGENCE_SPREAD - 1e-9) reasons.push('spread');
    if (unknown.length > 0 && answeredOthers.length > 0) reasons.push('unknown');
    const maxSteps = ref.maxScore;
    const steps = spreadRaw === null || maxSteps === null ? null : round2(spreadRaw * maxSteps);
    const everyone = answers.length >= 2 && answers.every((a) => a.status === 'scored' || a.status === 'answered' || a.status === 'na');
    const consensus = everyone && ref.question.type !== 'text' && answers.every((a) => sameAnswerValue(a.value, answers[0]!.value));
    const real = answers.filter((a) => REAL.includes(a.status));
    const different =
      reasons.length === 0 &&
      !consensus &&
      ref.maxScore === null &&
      ref.question.type !== 'text' &&
      real.length >= 2 &&
      real.some((a) => !sameAnswerValue(a.value, real[0]!.value));
    const mean = means.get(ref.fullId);
    const score = mean === undefined ? null : roundScore(mean * 100);
    const unknownLabel = ref.choices.find((c) => c.score === null && !c.na)?.label ?? 'Je ne sais pas';
    const partial = { reasons, steps, maxSteps, unknown };
    return {
      id: ref.fullId,
      number: qr.number,
      entry: ref.entry.id,
      entryTitle: ref.entry.title,
      text: ref.question.text,
      type: ref.question.type,
      importance: qr.importance,
      asked: answers.some((a) => a.status !== 'hidden'),
      collective: qr.answer?.label ?? null,
      score,
      scoreLabel: score === null ? '—' : `${score}/100`,
      spread: spreadRaw === null ? null : round2(spreadRaw),
      steps,
      maxSteps,
      divergent: reasons.length > 0,
      rank: null as number | null,
      reasons,
      reason: describeReasons(partial, answers, unknownLabel),
      consensus,
      agreement: consensus ? agreementOf(ref, answers[0]!.value) : null,
      different,
      counts: countsOf(ref, answers),
      unknown,
      unanswered: answers.filter((a) => a.status === 'unanswered').map((a) => a.respondent),
      answers,
      position,
    };
  });
  const order = new Map(index.questions.map((q) => [q.fullId, q.order]));
  const divergences = questions
    .filter((q) => q.divergent)
    .sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0) || b.unknown.length - a.unknown.length || a.importance - b.importance || order.get(a.id)! - order.get(b.id)!);
  divergences.forEach((q, i) => {
    q.rank = i + 1;
  });

  // ── Per entrée, per respondent ──
  const scoreLabel = (s: number | null): string => (s === null ? '—' : String(s));
  const spreadOf = (values: (number | null)[]): number | null => {
    const v = values.filter((x): x is number => x !== null);
    return v.length >= 2 ? Math.max(...v) - Math.min(...v) : null;
  };
  const entries: WorkshopEntryRow[] = report.entries.map((e, i) => {
    const own = scoresOf.map((s) => s.entries[i]!.score);
    const spread = spreadOf(own);
    return {
      id: e.id,
      number: e.number,
      title: e.title,
      source: e.source,
      score: e.score,
      scoreLabel: e.scoreLabel,
      level: e.level,
      bar: e.bar,
      respondents: own.map((score, r) => ({ respondent: labels[r]!, score, scoreLabel: scoreLabel(score) })),
      spread,
      spreadLabel: spread === null ? '—' : `${spread} ${spread === 1 ? 'point' : 'points'}`,
      questions: questions.filter((q) => q.entry === e.id),
    };
  });
  const overallOwn = scoresOf.map((s) => s.overall.score);
  const overallSpread = spreadOf(overallOwn);
  const overall: WorkshopSynthesis['overall'] = {
    score: report.overall.score,
    scoreLabel: report.overall.scoreLabel,
    level: report.overall.level,
    respondents: overallOwn.map((score, r) => ({ respondent: labels[r]!, score, scoreLabel: scoreLabel(score) })),
    spread: overallSpread,
    spreadLabel: overallSpread === null ? '—' : `${overallSpread} ${overallSpread === 1 ? 'point' : 'points'}`,
  };

  const participants: Participant[] = report.respondents.map((info, r) => {
    const t = scoresOf[r]!.totals;
    return { ...info, applicable: t.applicable, answered: t.answered, unknown: t.unknown, na: t.na, unanswered: t.unanswered, score: scoresOf[r]!.overall.score };
  });

  // ── Actions and the application, with everyone's answers ──
  const byId = new Map(questions.map((q) => [q.id, q]));
  const withResponses = (g: ActionReport): WorkshopAction => {
    const q = g.question ? byId.get(g.question) : undefined;
    return {
      ...g,
      responses: q ? q.answers.filter((a) => a.label !== null && a.status !== 'hidden').map((a) => ({ respondent: a.respondent, label: a.label! })) : [],
      collectiveScore: q ? q.score : null,
    };
  };
  const gaps = report.gaps.map(withResponses);
  const dossier: WorkshopDossierSection[] = report.dossier.map((section) => ({
    ...section,
    items: section.items.map((item) => ({
      ...item,
      responses: (byId.get(item.question)?.answers ?? []).filter((a) => a.status !== 'hidden' && (a.label !== null || a.note !== null || a.examples.length > 0 || a.ownExamples.length > 0)),
    })),
  }));

  return {
    ...report,
    kind: 'workshop',
    gaps,
    priorityActions: gaps.filter((g) => !g.annex),
    annexActions: gaps.filter((g) => g.annex),
    dossier,
    workshop: {
      participants,
      questions,
      divergences,
      differences: questions.filter((q) => q.different),
      consensus: questions.filter((q) => q.consensus),
      sharedStrengths: questions.filter((q) => q.agreement === 'strength'),
      sharedGaps: questions.filter((q) => q.agreement === 'gap'),
      sharedOther: questions.filter((q) => q.agreement === 'other'),
      entries,
      overall,
      warnings,
    },
  };
}

