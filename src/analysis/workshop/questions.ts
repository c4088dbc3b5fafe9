// One question as the workshop sees it: everyone's answers, the spread, whether it is divergent
// (and why, in French), a consensus and what kind of agreement, the counts per answer. Divergent
// questions are then ranked: these are the questions to discuss first.
import { findChoice, type GridIndex, type QuestionRef } from '../../model/grid-index.js';
import type { Answer, AnswerValue } from '../../model/schema.js';
import { joinNames, plural } from '../../text/french.js';
import { groupPositionOf } from '../group-position.js';
import { targetChoice } from '../report/actions.js';
import type { QuestionReport } from '../report.js';
import { roundScore, sameAnswerValue, type QuestionStatus, type Scores } from '../scoring.js';
import type { Agreement, AnswerCount, DivergenceReason, WorkshopAnswer, WorkshopQuestion } from './types.js';

/** Spread (0..1) from which a question is divergent: half the scale. */
export const DIVERGENCE_SPREAD = 0.5;

const REAL: readonly QuestionStatus[] = ['scored', 'answered'];

function round2(x: number): number {
  return Math.round(x * 100 + 1e-9) / 100;
}

function isCounted(a: WorkshopAnswer): boolean {
  const status = a.status;
  return status === 'scored' || status === 'answered' || status === 'unknown' || status === 'na';
}

function countsOf(ref: QuestionRef, answers: readonly WorkshopAnswer[]): AnswerCount[] {
  if (ref.choices.length > 0) {
    // One pass over the answers: each respondent goes to the choices they picked (once each).
    const who = new Map<string, string[]>();
    for (const c of ref.choices) if (!who.has(c.id)) who.set(c.id, []);
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i]!;
      if (!isCounted(a)) continue;
      const ids = a.answerIds;
      for (let k = 0; k < ids.length; k++) {
        if (k > 0 && ids.indexOf(ids[k]!) !== k) continue;
        who.get(ids[k]!)?.push(a.respondent);
      }
    }
    const out: AnswerCount[] = [];
    for (const c of ref.choices) {
      const list = who.get(c.id)!;
      if (list.length > 0) out.push({ id: c.id, label: c.label, count: list.length, respondents: list });
    }
    return out;
  }
  // Numbers, texts, yes/no: one count per distinct label, in order of first appearance (a map,
  // not a search of the list: a thousand different texts would make it quadratic).
  const out: AnswerCount[] = [];
  const byLabel = new Map<string, AnswerCount>();
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (!isCounted(a)) continue;
    const label = a.label ?? '';
    const c = byLabel.get(label);
    if (c) {
      c.count++;
      c.respondents.push(a.respondent);
    } else {
      const count: AnswerCount = { id: null, label, count: 1, respondents: [a.respondent] };
      byLabel.set(label, count);
      out.push(count);
    }
  }
  return out;
}

function describeReasons(q: Pick<WorkshopQuestion, 'reasons' | 'steps' | 'maxSteps' | 'unknown'>, answers: readonly WorkshopAnswer[], unknownLabel: string): string | null {
  const parts: string[] = [];
  if (q.reasons.includes('spread')) {
    // One pass over the answers: the lowest and the highest score, and who gave each.
    let low: WorkshopAnswer[] = [];
    let high: WorkshopAnswer[] = [];
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i]!;
      if (a.status !== 'scored' || a.score === null) continue;
      if (low.length === 0 || a.score < low[0]!.score!) low = [a];
      else if (a.score === low[0]!.score) low.push(a);
      if (high.length === 0 || a.score > high[0]!.score!) high = [a];
      else if (a.score === high[0]!.score) high.push(a);
    }
    const steps = q.steps ?? 0;
    const stepsText = Number.isInteger(steps) ? plural(steps, 'cran', 'crans') : `${String(steps).replace('.', ',')} crans`;
    parts.push(
      `Les réponses vont de « ${low[0]!.label} » (${joinNames(low.map((a) => a.respondent))}) à « ${high[0]!.label} » (${joinNames(high.map((a) => a.respondent))}) : ${stepsText} d'écart sur une échelle de ${q.maxSteps}.`,
    );
  }
  if (q.reasons.includes('unknown')) {
    const others: string[] = [];
    for (let i = 0; i < answers.length; i++) {
      const status = answers[i]!.status;
      if (status === 'scored' || status === 'answered' || status === 'na') others.push(answers[i]!.respondent);
    }
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

/**
 * `qr`: the question in the report computed on the group's answers (its `position` is set here);
 * `q`: its place in index.questions; `normalized`, `scoresOf`: each respondent's answers and
 * scores, in file order; `means`: the group's mean score (0..1) per question.
 */
export function workshopQuestion(
  ref: QuestionRef,
  q: number,
  qr: QuestionReport,
  normalized: readonly Record<string, Answer>[],
  scoresOf: readonly Scores[],
  means: ReadonlyMap<string, number>,
): WorkshopQuestion {
  const id = ref.fullId;
  // The report's responses carry the raw value when it is computed on a basis (report/questions.ts):
  // they are this question's answers as they are. One pass over them (a workshop has up to a
  // thousand) finds everything the tests below need, in the order of the files.
  const answers = qr.responses as WorkshopAnswer[];
  const unknown: string[] = [];
  const unanswered: string[] = [];
  let min = Infinity;
  let max = -Infinity;
  let scoredCount = 0;
  let others = 0; // scored, answered or na
  let asked = false;
  let firstPosition = -1; // the first file that records a group position here
  for (let i = 0; i < answers.length; i++) {
    const r = answers[i]!;
    const status = r.status;
    if (firstPosition < 0 && normalized[i]![id]?.position) firstPosition = i;
    if (status !== 'hidden') asked = true;
    if (status === 'scored') {
      const raw = scoresOf[i]!.ordered[q]!.score!;
      if (raw < min) min = raw;
      if (raw > max) max = raw;
      scoredCount++;
      others++;
    } else if (status === 'answered' || status === 'na') others++;
    else if (status === 'unknown') unknown.push(r.respondent);
    else if (status === 'unanswered') unanswered.push(r.respondent);
  }
  const position = firstPosition < 0 ? null : groupPositionOf(ref, normalized.slice(firstPosition).map((answers) => answers[id]));
  qr.position = position;
  const spreadRaw = scoredCount > 0 ? max - min : null;
  const reasons: DivergenceReason[] = [];
  if (spreadRaw !== null && spreadRaw >= DIVERGENCE_SPREAD - 1e-9) reasons.push('spread');
  if (unknown.length > 0 && others > 0) reasons.push('unknown');
  const maxSteps = ref.maxScore;
  const steps = spreadRaw === null || maxSteps === null ? null : round2(spreadRaw * maxSteps);
  const type = ref.question.type;
  const everyone = answers.length >= 2 && others === answers.length;
  let consensus = everyone && type !== 'text';
  if (consensus) {
    const first = answers[0]!.value;
    for (let i = 1; i < answers.length && consensus; i++) consensus = sameAnswerValue(answers[i]!.value, first);
  }
  let different = false;
  if (reasons.length === 0 && !consensus && ref.maxScore === null && type !== 'text') {
    const real = answers.filter((a) => REAL.includes(a.status));
    different = real.length >= 2 && real.some((a) => !sameAnswerValue(a.value, real[0]!.value));
  }
  const mean = means.get(id);
  const score = mean === undefined ? null : roundScore(mean * 100);
  const unknownLabel = ref.choices.find((c) => c.score === null && !c.na)?.label ?? 'Je ne sais pas';
  const partial = { reasons, steps, maxSteps, unknown };
  const question: WorkshopQuestion = {
    id,
    number: qr.number,
    entry: ref.entry.id,
    entryTitle: ref.entry.title,
    text: ref.question.text,
    type,
    importance: qr.importance,
    asked,
    collective: qr.answer?.label ?? null,
    score,
    scoreLabel: score === null ? '—' : `${score}/100`,
    spread: spreadRaw === null ? null : round2(spreadRaw),
    steps,
    maxSteps,
    divergent: reasons.length > 0,
    rank: null as number | null,
    reasons,
    reason: reasons.length > 0 ? describeReasons(partial, answers, unknownLabel) : null,
    consensus,
    agreement: consensus ? agreementOf(ref, answers[0]!.value) : null,
    different,
    counts: countsOf(ref, answers),
    unknown,
    unanswered,
    answers,
    position,
  };
  // For the templates: the answers of those to whom the question was asked, so that a list of a
  // hundred people needs no test per person. Not enumerable: the JSON does not repeat them.
  // Configurable: a template reads it through a Proxy, whose view of it is a new array.
  Object.defineProperty(question, 'askedAnswers', { value: asked ? answers.filter((a) => a.status !== 'hidden') : [], enumerable: false, configurable: true });
  return question;
}

/** Divergent questions, most divergent first (each gets its `rank`). */
export function rankDivergences(index: GridIndex, questions: readonly WorkshopQuestion[]): WorkshopQuestion[] {
  const order = new Map(index.questions.map((q) => [q.fullId, q.order]));
  const divergences = questions
    .filter((q) => q.divergent)
    .sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0) || b.unknown.length - a.unknown.length || a.importance - b.importance || order.get(a.id)! - order.get(b.id)!);
  divergences.forEach((q, i) => {
    q.rank = i + 1;
  });
  return divergences;
}
