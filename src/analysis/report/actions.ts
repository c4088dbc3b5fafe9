// The report's actions: blocking findings first, then question gaps by importance × gap size,
// each with the grid's advice for the answer given; and the short list of next steps.
import { findChoice, type GridIndex, type QuestionRef } from '../../model/grid-index.js';
import type { Choice, GapAdvice } from '../../model/schema.js';
import type { Scores } from '../scoring.js';
import { stripControl } from '../../text/escape.js';
import { lowerFirst } from '../../text/typography.js';
import { round2 } from './answers.js';
import { PRIORITY_ACTIONS, type ActionReport, type CollectiveBasis, type FindingReport, type ReportData } from './types.js';

function topChoice(choices: readonly Choice[]): Choice | undefined {
  let best: Choice | undefined;
  for (const c of choices) if (typeof c.score === 'number' && !c.na && (!best || c.score > (best.score as number))) best = c;
  return best;
}

export function targetChoice(ref: QuestionRef): Choice | undefined {
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

/** The question's number as the report prints it: "2.1" (entrée, question). */
export function questionNumber(ref: QuestionRef): string {
  return `${ref.entryIndex + 1}.${ref.questionIndex + 1}`;
}

/** Every action, priority order: blocking findings first, then importance × gap size. */
export function buildActions(index: GridIndex, scores: Scores, findings: readonly FindingReport[], basis: CollectiveBasis | undefined): ActionReport[] {
  type Draft = Omit<ActionReport, 'priority' | 'annex' | 'after' | 'waitsFor'> & { order: number };
  const blocking: Draft[] = findings
    .filter((f) => f.severity === 'blocking')
    .map((f, i) => ({
      kind: 'finding',
      question: null,
      rule: f.rule,
      advice: {
        title: `${f.severityLabel} : ${lowerFirst(f.title)}`,
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
      questionNumber: questionNumber(ref),
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
  const ordered = inSequence(index, scores, [...blocking, ...questionGaps]);
  const priorityOf = new Map(ordered.map((d, i) => [keyOf(d), i + 1]));
  return ordered.map(({ order: _order, ...g }, i) => {
    const before = prerequisitesOf(index, keyOf(g));
    return {
      ...g,
      priority: i + 1,
      annex: i >= PRIORITY_ACTIONS,
      after: before.map((id) => priorityOf.get(id)).filter((n): n is number => n !== undefined && n < i + 1),
      waitsFor: (g.kind === 'finding' ? [] : before).flatMap((id) => {
        const ref = index.byId.get(id);
        return ref && isPending(scores, id) ? [questionNumber(ref)] : [];
      }),
    };
  });
}

type Keyed = Pick<ActionReport, 'question' | 'rule'>;
function keyOf(d: Keyed): string {
  return d.question ?? d.rule ?? '';
}

/** The grid's prerequisites of a question or a rule (`after`). */
function prerequisitesOf(index: GridIndex, id: string): string[] {
  return index.byId.get(id)?.question.after ?? index.grid.rules.find((r) => r.id === id)?.after ?? [];
}

/** A question still to clarify or to answer: what depends on it cannot be acted on yet. */
function isPending(scores: Scores, id: string): boolean {
  const status = scores.byQuestion.get(id)?.status;
  return status === 'unknown' || status === 'unanswered';
}

/**
 * Order follows sequence: an action never comes before the action of one of its prerequisites
 * (constats before axes). Otherwise the priority order stands: each action, in turn, brings its
 * prerequisites' actions just before it. An action whose prerequisite question is still unknown or
 * unanswered (there is nothing to act on yet, it is a point to clarify) waits at the end, and so
 * does what depends on it; findings never wait. `validate` rejects loops; a visited set guards against them anyway.
 */
function inSequence<D extends Keyed>(index: GridIndex, scores: Scores, sorted: readonly D[]): D[] {
  const byKey = new Map(sorted.map((d) => [keyOf(d), d]));
  const waitMemo = new Map<string, boolean>();
  const waits = (id: string, seen: Set<string> = new Set()): boolean => {
    const known = waitMemo.get(id);
    if (known !== undefined) return known;
    // A finding (a legal or call condition) never waits for a clarification: it stays in front.
    if (seen.has(id) || !index.byId.has(id)) return false;
    seen.add(id);
    const result = prerequisitesOf(index, id).some((p) => isPending(scores, p) || (byKey.has(p) && waits(p, seen)));
    waitMemo.set(id, result);
    return result;
  };
  const placed = new Set<string>();
  const out: D[] = [];
  const place = (d: D, visiting: Set<string>): void => {
    const key = keyOf(d);
    if (placed.has(key) || visiting.has(key)) return;
    visiting.add(key);
    for (const p of prerequisitesOf(index, key)) {
      const before = byKey.get(p);
      if (before) place(before, visiting);
    }
    placed.add(key);
    out.push(d);
  };
  for (const d of sorted) if (!waits(keyOf(d))) place(d, new Set());
  for (const d of sorted) place(d, new Set());
  return out;
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
    lines.push(stripControl(`Éclaircir la question ${c.number}, « ${c.text} »`));
  }
  for (const u of data.unanswered) {
    if (lines.length >= n) return lines;
    lines.push(stripControl(`Répondre à la question ${u.number}, « ${u.text} »`));
  }
  if (lines.length === 0 && n > 0) lines.push('Partager ce rapport avec les membres pour confirmer ensemble les réponses.');
  return lines;
}
