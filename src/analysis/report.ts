// The readiness report as data: scores, ACTE stage, points d'appui, gaps (actions), questions to
// clarify, rule findings, programmes, and the path to the AMI application. Pure: the clock comes
// in as `now`, nothing is read or printed here. Markdown and JSON are rendered from this data
// (render/markdown.ts), so a user's template sees exactly what the JSON holds.
//
// Workshops: `respondents` is a list. Without `basis`, the numbers are computed from the first
// respondent (a single report); every question carries `responses`, one per respondent. A workshop
// synthesis (workshop.ts) passes a `basis`: the group's collective answers and, per question, the
// collective score (mean of the respondents' scores); the numbers, gaps, stage, findings and
// programmes are then computed on it, and the flattened answer of each question is the group's.
import { evaluateCondition, type AnswerMap } from '../model/conditions.js';
import { findChoice, type GridIndex, type QuestionRef } from '../model/grid-index.js';
import type { Answer, AnswersFile, AnswerValue, Choice, Condition, GapAdvice, Level, Question, QuestionType, Severity, Source } from '../model/schema.js';
import { levelFor, normalizeAnswers, roundScore, scoreAnswers, type Counts, type QuestionScore, type QuestionStatus, type Scores, type Totals } from './scoring.js';
import { stripControl, stripControlKeepLines } from '../text/escape.js';

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
  /** Every respondent's answer (one today). */
  responses: Response[];
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
  /** 1-based position among the grid's stages. */
  position: number;
  count: number;
  /** Whether every criterion of this stage holds (false when no stage is reached: the first is shown). */
  reached: boolean;
  criteria: CriterionReport[];
  met: string[];
  missing: string[];
  /** What leads to the next stage, in one sentence (from the grid). */
  nextHint: string | null;
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

export const SEVERITY_LABELS: Record<Severity, string> = {
  blocking: 'Point bloquant',
  warning: 'À surveiller',
  info: 'Pour information',
  ok: 'Point conforme',
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

export type ProgrammeStatus = 'closed' | 'open' | 'upcoming' | 'ongoing';

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
  project: { name: string | null; territory: string | null };
  respondents: RespondentInfo[];
  completeness: Omit<Totals, 'coverage'> & { percent: number | null };
  strengths: StrengthItem[];
  priorityActions: ActionReport[];
  annexActions: ActionReport[];
  clarify: ClarifyItem[];
  unanswered: { question: string; number: string; text: string; entryTitle: string }[];
  programmes: ProgrammeReport[];
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
}

/** The group's answers, for a workshop synthesis (see workshop.ts for how they are formed). */
export interface CollectiveBasis {
  /** One answer per question, keyed by current question id: the stage, rules, programmes and gaps are computed on them. */
  answers: AnswerMap;
  /** Per question, the collective score 0..1 (mean of the respondents' scores); it replaces the score of the collective answer. */
  scores: ReadonlyMap<string, number>;
}

// ───────────────────────────── helpers ─────────────────────────────

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2021-06-23" → "23 juin 2021" (1er for the first day, as French writes it). */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return `${day === 1 ? '1er' : day} ${month} ${m[1]}`;
}

/** "██████░░░░": ten cells; a null score gives an empty bar. */
export function textBar(score: number | null, width = 10): string {
  const filled = score === null ? 0 : Math.max(0, Math.min(width, Math.round(score / (100 / width))));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function levelRef(level: Level | null): LevelRef | null {
  return level ? { id: level.id, label: level.label, description: level.description ?? null } : null;
}

function sourceRef(source: Source): SourceRef {
  return { label: source.label, url: source.url ?? null, year: source.year ?? null };
}

function clean(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const out = stripControl(text).trim();
  return out.length > 0 ? out : null;
}

function cleanLines(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const out = stripControlKeepLines(text).trim();
  return out.length > 0 ? out : null;
}

function normalizeExample(s: string): string {
  return stripControl(s).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Splits ticked examples into the grid's own and the ones the respondent added. */
function splitExamples(question: Question, given: readonly string[] | undefined): { examples: string[]; ownExamples: string[] } {
  const grid = new Map((question.examples ?? []).map((e) => [normalizeExample(e), e]));
  const examples: string[] = [];
  const ownExamples: string[] = [];
  for (const raw of given ?? []) {
    if (typeof raw !== 'string') continue;
    const key = normalizeExample(raw);
    if (!key) continue;
    const match = grid.get(key);
    if (match !== undefined) {
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

function answerIds(value: AnswerValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function topChoice(choices: readonly Choice[]): Choice | undefined {
  let best: Choice | undefined;
  for (const c of choices) if (typeof c.score === 'number' && !c.na && (!best || c.score > (best.score as number))) best = c;
  return best;
}

function targetChoice(ref: QuestionRef): Choice | undefined {
  const id = ref.question.target;
  if (id) {
    const choice = findChoice(ref, id);
    if (choice && typeof choice.score === 'number') return choice;
  }
  return topChoice(ref.choices);
}

function isAdvice(gap: unknown): gap is GapAdvice {
  return typeof gap === 'object' && gap !== null && typeof (gap as GapAdvice).title === 'string' && typeof (gap as GapAdvice).why === 'string';
}

/** The grid's advice for this answer: per answer id when the grid distinguishes levels. */
export function adviceFor(ref: QuestionRef, choice: Choice, target: Choice): GapAdvice {
  const gap = ref.question.gap;
  if (isAdvice(gap)) return gap;
  if (gap && typeof gap === 'object') {
    const map = gap as Record<string, GapAdvice>;
    if (map[choice.id]) return map[choice.id]!;
    // Nearest level at or below the answer, else the lowest level the grid advises on.
    const scored = Object.keys(map)
      .map((id) => ({ id, score: findChoice(ref, id)?.score }))
      .filter((x): x is { id: string; score: number } => typeof x.score === 'number')
      .sort((a, b) => a.score - b.score);
    const below = scored.filter((x) => x.score <= (choice.score as number));
    const pick = below[below.length - 1] ?? scored[0];
    if (pick) return map[pick.id]!;
    const first = Object.values(map)[0];
    if (first) return first;
  }
  const hint = ref.question.hints?.[choice.id];
  return {
    title: `Avancer sur la question « ${ref.question.text} »`,
    why: `La grille vise « ${target.label} » ; la réponse actuelle est « ${choice.label} ».`,
    how: hint ?? (ref.question.examples.length > 0 ? `Appuyez-vous sur les exemples de la grille : ${ref.question.examples.join(' ; ')}.` : 'Discutez-en avec les partenaires et notez ce qui reste à faire.'),
  };
}

/** Expert importance (grid priority 1..5, 1 = most important) as a factor 1..0.2. */
export function importanceFactor(priority: number): number {
  return Math.max(1, 6 - priority) / 5;
}

function programmeStatus(p: { opens?: string; closes?: string; archive?: boolean }, today: string): ProgrammeStatus {
  if (p.archive || (p.closes && p.closes < today)) return 'closed';
  if (p.opens && p.opens > today) return 'upcoming';
  if (p.closes) return 'open';
  return 'ongoing';
}

// ───────────────────────────── the report ─────────────────────────────

export function buildReport(index: GridIndex, respondents: AnswersFile[], options: BuildReportOptions): ReportData {
  if (respondents.length === 0) throw new Error('buildReport: au moins un fichier de réponses est attendu');
  const grid = index.grid;
  const today = options.now.toISOString().slice(0, 10);
  const labels = options.sourceLabels ?? (options.sourceLabel !== undefined ? [options.sourceLabel] : []);

  const normalized = respondents.map((file) => normalizeAnswers(file, index));
  const respondentInfos: RespondentInfo[] = respondents.map((file, i) => {
    const name = clean(file.respondent);
    return {
      name,
      label: clean(options.respondentLabels?.[i]) ?? name ?? (respondents.length > 1 ? `Répondant ${i + 1}` : 'personne non précisée'),
      source: clean(labels[i]),
      updatedAt: clean(file.updatedAt),
      unmatched: normalized[i]!.orphans.map((key) => ({ key: clean(key) ?? '', value: clean(valueText(file.answers[key]?.value)) ?? '' })),
    };
  });

  // The numbers come from the first respondent, or from the group's answers (see the header comment).
  const basis = options.basis;
  const reference = respondents.find((f) => clean(f.project?.name) !== null) ?? respondents[0]!;
  const answers: AnswerMap = basis ? basis.answers : normalized[0]!.answers;
  const scores: Scores = basis ? withCollectiveScores(index, scoreAnswers(index, answers), basis.scores) : scoreAnswers(index, answers);
  const scoresOf = normalized.map((n, i) => (i === 0 && !basis ? scores : scoreAnswers(index, n.answers)));

  const responseOf = (ref: QuestionRef, r: number): Response => {
    const answer: Answer | undefined = normalized[r]!.answers[ref.fullId];
    const qs = scoresOf[r]!.byQuestion.get(ref.fullId)!;
    const { examples, ownExamples } = splitExamples(ref.question, answer?.examples);
    return {
      respondent: respondentInfos[r]!.label,
      status: qs.status,
      answerIds: answerIds(answer?.value),
      label: answerLabel(ref, answer?.value),
      score: qs.score === null ? null : roundScore(qs.score * 100),
      examples,
      ownExamples,
      note: cleanLines(answer?.note),
    };
  };

  const numberOf = (ref: QuestionRef): string => `${ref.entryIndex + 1}.${ref.questionIndex + 1}`;

  const questionReports = new Map<string, QuestionReport>();
  for (const ref of index.questions) {
    const responses = respondents.map((_, r) => responseOf(ref, r));
    const qs = scores.byQuestion.get(ref.fullId)!;
    const first = basis ? collectiveResponse(ref, qs, answers[ref.fullId], responses) : responses[0]!;
    const target = targetChoice(ref);
    const hintKey = qs.choice?.id ?? (typeof answers[ref.fullId]?.value === 'string' ? (answers[ref.fullId]!.value as string) : undefined);
    questionReports.set(ref.fullId, {
      id: ref.fullId,
      number: numberOf(ref),
      entry: ref.entry.id,
      entryTitle: ref.entry.title,
      text: ref.question.text,
      type: ref.question.type,
      examplesLead: ref.question.examplesLead ?? null,
      weight: ref.question.weight ?? 1,
      importance: ref.question.priority ?? 3,
      applicable: qs.status !== 'hidden',
      target: target ? { id: target.id, label: target.label } : null,
      dossier: ref.question.dossier ?? ref.entry.dossier ?? [],
      status: first.status,
      answer: first.label === null ? null : { ids: first.answerIds, label: first.label },
      score: first.score,
      hint: hintKey ? (ref.question.hints?.[hintKey] ?? null) : null,
      examples: first.examples,
      ownExamples: first.ownExamples,
      note: first.note,
      responses,
    });
  }

  const entries: EntryReport[] = grid.entries.map((entry, i) => {
    const s = scores.entries[i]!;
    return {
      id: entry.id,
      number: i + 1,
      title: entry.title,
      source: entry.source,
      intro: entry.intro ?? null,
      weight: s.weight,
      score: s.score,
      level: levelRef(s.level),
      coverage: s.coverage === null ? null : round2(s.coverage),
      coveragePercent: s.coverage === null ? null : Math.round(s.coverage * 100),
      applicable: s.applicable,
      answered: s.answered,
      unknown: s.unknown,
      na: s.na,
      unanswered: s.unanswered,
      hidden: s.hidden,
      bar: textBar(s.score),
      scoreLabel: s.score === null ? '—' : `${s.score}/100`,
      dossier: entry.dossier ?? [],
      questions: s.questions.map((q) => questionReports.get(q.fullId)!),
    };
  });

  // ── Findings ──
  const programmeRef = (id: string): Ref => {
    const p = grid.programmes.find((x) => x.id === id);
    return { id, label: p?.name ?? id };
  };
  const severityOrder: Severity[] = ['blocking', 'warning', 'info', 'ok'];
  const findings: FindingReport[] = grid.rules
    .filter((rule) => evaluateCondition(rule.when, answers, index))
    .map((rule) => ({
      rule: rule.id,
      title: rule.title,
      severity: rule.severity,
      severityLabel: SEVERITY_LABELS[rule.severity],
      message: rule.message,
      advice: rule.advice ?? null,
      source: sourceRef(rule.source),
      programmes: (rule.programmes ?? []).map(programmeRef),
      dossier: rule.dossier ?? null,
    }))
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));

  // ── Actions: blocking findings first, then question gaps by importance × gap size ──
  type Draft = Omit<ActionReport, 'priority' | 'annex'> & { order: number };
  const blocking: Draft[] = findings
    .filter((f) => f.severity === 'blocking')
    .map((f, i) => ({
      kind: 'finding',
      question: null,
      rule: f.rule,
      advice: {
        title: `Lever le point bloquant : ${f.title}`,
        why: f.message,
        how: f.advice ?? `Voir la source : ${f.source.label}.`,
      },
      urgency: null,
      importance: null,
      questionText: null,
      questionNumber: null,
      entry: null,
      entryTitle: null,
      answer: null,
      target: null,
      steps: null,
      dossier: f.dossier ? [f.dossier] : [],
      source: f.source,
      order: i,
    }));
  const questionGaps: Draft[] = [];
  for (const ref of index.questions) {
    const qs = scores.byQuestion.get(ref.fullId)!;
    if (qs.status !== 'scored' || !qs.choice || ref.maxScore === null) continue;
    const target = targetChoice(ref);
    if (!target || typeof target.score !== 'number') continue;
    const given = qs.choice.score as number;
    if (given >= target.score) continue;
    const importance = ref.question.priority ?? 3;
    // With a basis, the gap is measured from the collective score (a mean), not from a choice.
    const size = basis && qs.score !== null ? target.score / ref.maxScore - qs.score : (target.score - given) / ref.maxScore;
    questionGaps.push({
      kind: 'question',
      question: ref.fullId,
      rule: null,
      advice: adviceFor(ref, qs.choice, target),
      urgency: round2(importanceFactor(importance) * size),
      importance,
      questionText: ref.question.text,
      questionNumber: numberOf(ref),
      entry: ref.entry.id,
      entryTitle: ref.entry.title,
      answer: { id: qs.choice.id, label: qs.choice.label },
      target: { id: target.id, label: target.label },
      steps: target.score - given,
      dossier: ref.question.dossier ?? ref.entry.dossier ?? [],
      source: null,
      order: ref.order,
    });
  }
  questionGaps.sort((a, b) => b.urgency! - a.urgency! || a.importance! - b.importance! || a.order - b.order);
  const gaps: ActionReport[] = [...blocking, ...questionGaps].map(({ order: _order, ...g }, i) => ({
    ...g,
    priority: i + 1,
    annex: i >= PRIORITY_ACTIONS,
  }));

  // ── Points d'appui, questions to clarify, unanswered ──
  const strengths: StrengthItem[] = [];
  const clarify: ClarifyItem[] = [];
  const unanswered: ReportData['unanswered'] = [];
  for (const ref of index.questions) {
    const qs = scores.byQuestion.get(ref.fullId)!;
    const qr = questionReports.get(ref.fullId)!;
    if (qs.status === 'scored' && qs.choice && qs.choice.score === ref.maxScore) {
      strengths.push({
        question: ref.fullId,
        number: qr.number,
        text: ref.question.text,
        entryTitle: ref.entry.title,
        answer: qs.choice.label,
        hint: qr.hint,
        examples: qr.examples,
        ownExamples: qr.ownExamples,
        note: qr.note,
      });
    } else if (qs.status === 'unknown') {
      clarify.push({
        question: ref.fullId,
        number: qr.number,
        text: ref.question.text,
        entryTitle: ref.entry.title,
        hint: qr.hint,
        note: qr.note,
      });
    } else if (qs.status === 'unanswered') {
      unanswered.push({ question: ref.fullId, number: qr.number, text: ref.question.text, entryTitle: ref.entry.title });
    }
  }

  // ── Stage (ACTE) ──
  const stage = estimateStage(index, answers);

  // ── Programmes ──
  const stageLabel = (id: string): Ref => ({ id, label: grid.stages.find((s) => s.id === id)?.label ?? id });
  const programmes: ProgrammeReport[] = grid.programmes.map((p) => {
    const status = programmeStatus(p, today);
    const fits = p.fits === undefined ? null : evaluateCondition(p.fits, answers, index);
    const advice: string[] = [];
    if (status === 'closed') {
      const since = p.closes ? ` depuis le ${frenchDate(p.closes)}` : '';
      advice.push(`Cet appel est clos${since} : vérifiez s'il existe un appel en cours (site de l'organisme, CRESS) avant de préparer un dossier.`);
    } else if (p.source.year !== undefined && p.source.year < Number(today.slice(0, 4))) {
      advice.push(`Informations datant de ${p.source.year} : vérifiez les conditions en vigueur auprès de l'organisme avant de déposer une demande.`);
    }
    if (status === 'upcoming') advice.push(`Ouverture prévue le ${frenchDate(p.opens!)}.`);
    const fitsLabel =
      fits === null
        ? 'À vérifier avec l’organisme'
        : fits
          ? status === 'closed'
            ? 'Correspondait à vos réponses'
            : 'Correspond à vos réponses'
          : 'Ne correspond pas encore à vos réponses';
    return {
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      description: p.description ?? null,
      source: sourceRef(p.source),
      status,
      statusLabel: { closed: 'Clos', open: 'Ouvert', upcoming: 'À venir', ongoing: 'Sans date limite annoncée' }[status],
      closed: status === 'closed',
      opens: p.opens ?? null,
      closes: p.closes ?? null,
      closesLabel: p.closes ? frenchDate(p.closes) : null,
      calendar: (p.calendar ?? []).map((c) => ({ date: c.date, dateLabel: frenchDate(c.date), label: c.label, past: c.date < today })),
      fits,
      fitsLabel,
      funding: (p.funding ?? [])
        .filter((f) => f.when === undefined || evaluateCondition(f.when, answers, index))
        .map((f) => ({ label: f.label, rate: f.rate ?? null })),
      eligibility: p.eligibility ?? [],
      beneficiaries: p.beneficiaries ?? [],
      stages: (p.stages ?? []).map(stageLabel),
      advice,
    };
  });
  const fitOrder = (p: ProgrammeReport): number => (p.fits === true ? 0 : p.fits === null ? 1 : 2) + (p.closed ? 3 : 0);
  programmes.sort((a, b) => fitOrder(a) - fitOrder(b));

  // ── Vers le dossier ──
  const sections: string[] = [];
  const addSection = (s: string): void => {
    if (!sections.includes(s)) sections.push(s);
  };
  for (const ref of index.questions) for (const s of questionReports.get(ref.fullId)!.dossier) addSection(s);
  for (const f of findings) if (f.dossier) addSection(f.dossier);
  const dossier: DossierSection[] = sections.map((section) => {
    const items: DossierSection['items'] = [];
    for (const ref of index.questions) {
      const qr = questionReports.get(ref.fullId)!;
      if (!qr.dossier.includes(section) || !qr.applicable) continue;
      const hasAnswer = qr.status === 'scored' || qr.status === 'answered';
      if (!hasAnswer && !qr.note && qr.examples.length === 0 && qr.ownExamples.length === 0) continue;
      items.push({
        question: qr.id,
        number: qr.number,
        text: qr.text,
        answer: hasAnswer ? (qr.answer?.label ?? null) : null,
        examples: qr.examples,
        ownExamples: qr.ownExamples,
        note: qr.note,
      });
    }
    return {
      section,
      items,
      actions: gaps.filter((g) => g.dossier.includes(section)).map((g) => g.priority),
      findings: findings.filter((f) => f.dossier === section && f.severity !== 'ok').map((f) => ({ rule: f.rule, title: f.title, severityLabel: f.severityLabel })),
    };
  });

  // ── Method ──
  const scaleRef = index.questions.find((q) => q.question.type === 'scale' && q.maxScore !== null);
  const levels = grid.levels.map((l, i) => ({ label: l.label, min: l.min, max: i + 1 < grid.levels.length ? Math.max(l.min, grid.levels[i + 1]!.min - 1) : 100 }));
  const sources: string[] = [];
  const addSource = (s: string): void => {
    if (!sources.includes(s)) sources.push(s);
  };
  for (const e of grid.entries) addSource(e.source);
  for (const r of grid.rules) addSource(r.source.label);
  for (const p of grid.programmes) addSource(p.source.label);

  const projectName = clean(reference.project?.name);
  const t = scores.totals;
  return {
    format: REPORT_FORMAT,
    overall: {
      score: scores.overall.score,
      level: levelRef(scores.overall.level),
      bar: textBar(scores.overall.score),
      scoreLabel: scores.overall.score === null ? '—' : `${scores.overall.score}/100`,
    },
    entries,
    gaps,
    findings,
    stage,
    title: projectName ?? 'Projet sans nom',
    date: today,
    dateLabel: frenchDate(today),
    grid: { id: grid.id, version: grid.version, title: grid.title, source: grid.source, description: grid.description ?? null },
    project: { name: projectName, territory: clean(reference.project?.territory) },
    respondents: respondentInfos,
    completeness: {
      questions: t.questions,
      applicable: t.applicable,
      answered: t.answered,
      unknown: t.unknown,
      na: t.na,
      unanswered: t.unanswered,
      hidden: t.hidden,
      percent: t.coverage === null ? null : Math.round(t.coverage * 100),
    },
    strengths,
    priorityActions: gaps.filter((g) => !g.annex),
    annexActions: gaps.filter((g) => g.annex),
    clarify,
    unanswered,
    programmes,
    dossier,
    method: {
      scale: (scaleRef?.choices ?? []).filter((c) => typeof c.score === 'number' && !c.na).map((c) => ({ label: c.label, score: c.score as number })),
      maxScore: scaleRef?.maxScore ?? null,
      levels,
      priorityActions: PRIORITY_ACTIONS,
      sources,
    },
  };
}

/** The group's answer to one question, flattened like a respondent's: examples from everyone, no note (notes stay under each name). */
function collectiveResponse(ref: QuestionRef, qs: QuestionScore, answer: Answer | undefined, responses: readonly Response[]): Response {
  const examples: string[] = [];
  const ownExamples: string[] = [];
  for (const r of responses) {
    for (const e of r.examples) if (!examples.includes(e)) examples.push(e);
    for (const e of r.ownExamples) if (!ownExamples.includes(e)) ownExamples.push(e);
  }
  const answered = qs.status === 'scored' || qs.status === 'answered' || qs.status === 'unknown' || qs.status === 'na';
  return {
    respondent: 'ensemble',
    status: qs.status,
    answerIds: answered ? answerIds(answer?.value) : [],
    label: answered ? answerLabel(ref, answer?.value) : null,
    score: qs.score === null ? null : roundScore(qs.score * 100),
    examples,
    ownExamples,
    note: null,
  };
}

/**
 * Scores whose scored questions take the collective score (a mean, 0..1) instead of their
 * answer's, entrée and overall scores recomputed as scoring.ts defines them.
 */
function withCollectiveScores(index: GridIndex, base: Scores, means: ReadonlyMap<string, number>): Scores {
  const levels = index.grid.levels;
  const byQuestion = new Map<string, QuestionScore>();
  const entries = base.entries.map((entry) => {
    const questions = entry.questions.map((q) => {
      const mean = means.get(q.fullId);
      const out = q.status === 'scored' && mean !== undefined ? { ...q, score: mean } : q;
      byQuestion.set(q.fullId, out);
      return out;
    });
    const scored = questions.filter((q) => q.status === 'scored');
    const weightSum = scored.reduce((sum, q) => sum + q.weight, 0);
    const score = weightSum > 0 ? roundScore((scored.reduce((sum, q) => sum + q.weight * q.score!, 0) / weightSum) * 100) : null;
    return { ...entry, questions, score, level: levelFor(levels, score) };
  });
  const withScore = entries.filter((e) => e.score !== null);
  const weights = withScore.reduce((sum, e) => sum + e.weight, 0);
  const overall = weights > 0 ? roundScore(withScore.reduce((sum, e) => sum + e.weight * e.score!, 0) / weights) : null;
  return { entries, overall: { score: overall, level: levelFor(levels, overall) }, totals: base.totals, byQuestion };
}

function valueText(value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The highest stage whose criteria all hold, else the first; what supports it, what leads on. */
export function estimateStage(index: GridIndex, answers: AnswerMap): StageReport | null {
  const stages = index.grid.stages;
  if (stages.length === 0) return null;
  const holds = (c: Condition): boolean => evaluateCondition(c, answers, index);
  const evaluated = stages.map((s) => s.criteria.map((c) => ({ label: c.label, met: holds(c.when) })));
  let found = -1;
  evaluated.forEach((criteria, i) => {
    if (criteria.every((c) => c.met)) found = i;
  });
  const i = Math.max(0, found);
  const stage = stages[i]!;
  const criteria = evaluated[i]!;
  const nextStage = stages[i + 1];
  const nextCriteria = evaluated[i + 1];
  return {
    id: stage.id,
    label: stage.label,
    description: stage.description,
    position: i + 1,
    count: stages.length,
    reached: found >= 0,
    criteria,
    met: criteria.filter((c) => c.met).map((c) => c.label),
    missing: criteria.filter((c) => !c.met).map((c) => c.label),
    nextHint: stage.next ?? null,
    next:
      nextStage && nextCriteria
        ? {
            id: nextStage.id,
            label: nextStage.label,
            description: nextStage.description,
            met: nextCriteria.filter((c) => c.met).map((c) => c.label),
            missing: nextCriteria.filter((c) => !c.met).map((c) => c.label),
          }
        : null,
    programmes: (stage.programmes ?? []).map((id) => ({ id, label: index.grid.programmes.find((p) => p.id === id)?.name ?? id })),
  };
}

/**
 * The n most important next steps as short French lines (for the end of `diagnose`): the
 * priority actions first, then questions to clarify, then questions left unanswered.
 */
export function nextSteps(data: ReportData, n: number): string[] {
  const lines: string[] = [];
  for (const g of data.gaps) {
    if (lines.length >= n) return lines;
    lines.push(stripControl(g.advice.title));
  }
  for (const c of data.clarify) {
    if (lines.length >= n) return lines;
    lines.push(stripControl(`Éclaircir la question ${c.number} : ${c.text}`));
  }
  for (const u of data.unanswered) {
    if (lines.length >= n) return lines;
    lines.push(stripControl(`Répondre à la question ${u.number} : ${u.text}`));
  }
  if (lines.length === 0 && n > 0) lines.push('Partager ce rapport avec les membres pour confirmer ensemble les réponses.');
  return lines;
}
