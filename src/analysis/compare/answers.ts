// The answers side by side: which changed (and by how many steps of the scale), which exist in
// one file only, and which became visible (« Je ne sais pas » or no answer before, an answer now:
// not a step back, something the group found out).
import type { GridIndex } from '../../model/grid-index.js';
import { findChoice } from '../../model/grid-index.js';
import type { AnswersFile } from '../../model/schema.js';
import { plural } from '../../text/french.js';
import type { QuestionReport, ReportData } from '../report.js';
import { normalizeAnswers, sameAnswerValue } from '../scoring.js';
import type { AnswerChange, BecameVisible, OneSided, SideAnswer } from './types.js';

/** The statuses of a question that was asked and given some answer (even « Je ne sais pas »). */
export const HAS_ANSWER = new Set(['scored', 'answered', 'unknown', 'na']);

export type QuestionsById = Map<string, QuestionReport>;

export function questionsById(report: ReportData): QuestionsById {
  return new Map(report.entries.flatMap((e) => e.questions).map((q) => [q.id, q]));
}

function changeLabel(steps: number | null, b: QuestionReport, a: QuestionReport): string {
  if (steps !== null && steps !== 0) {
    if (steps > 0) return `+${plural(steps, 'cran', 'crans')}`;
    return steps === -1 ? "recul d'un cran" : `recul de ${-steps} crans`;
  }
  if (b.status === 'unknown' && a.status !== 'unknown') return 'réponse trouvée';
  if (a.status === 'unknown' && b.status !== 'unknown') return 'devenue incertaine';
  return 'autre réponse';
}

export interface AnswerDiff {
  answersChanged: AnswerChange[];
  onlyBefore: OneSided[];
  onlyAfter: OneSided[];
}

export function answerDiff(index: GridIndex, before: AnswersFile, after: AnswersFile, qBefore: QuestionsById, qAfter: QuestionsById): AnswerDiff {
  const valuesBefore = normalizeAnswers(before, index).answers;
  const valuesAfter = normalizeAnswers(after, index).answers;
  const has = (q: QuestionReport | undefined): boolean => q !== undefined && HAS_ANSWER.has(q.status);
  const sideAnswer = (q: QuestionReport): SideAnswer => ({ label: q.answer?.label ?? null, note: q.note, score: q.score });
  const oneSided = (q: QuestionReport): OneSided => ({ question: q.id, number: q.number, text: q.text, entryTitle: q.entryTitle, label: q.answer?.label ?? null, note: q.note });

  const diff: AnswerDiff = { answersChanged: [], onlyBefore: [], onlyAfter: [] };
  for (const ref of index.questions) {
    const b = qBefore.get(ref.fullId)!;
    const a = qAfter.get(ref.fullId)!;
    if (has(b) && has(a)) {
      if (sameAnswerValue(valuesBefore[ref.fullId]?.value, valuesAfter[ref.fullId]?.value)) continue;
      const cb = b.answer?.ids.length === 1 ? findChoice(ref, b.answer.ids[0]!) : undefined;
      const ca = a.answer?.ids.length === 1 ? findChoice(ref, a.answer.ids[0]!) : undefined;
      const onScale = b.status === 'scored' && a.status === 'scored' && typeof cb?.score === 'number' && typeof ca?.score === 'number';
      const steps = onScale ? (ca!.score as number) - (cb!.score as number) : null;
      diff.answersChanged.push({
        question: ref.fullId,
        number: b.number,
        text: b.text,
        entry: ref.entry.id,
        entryTitle: ref.entry.title,
        before: sideAnswer(b),
        after: sideAnswer(a),
        steps,
        direction: steps === null || steps === 0 ? 'other' : steps > 0 ? 'up' : 'down',
        changeLabel: changeLabel(steps, b, a),
      });
    } else if (has(b)) diff.onlyBefore.push(oneSided(b));
    else if (has(a)) diff.onlyAfter.push(oneSided(a));
  }
  return diff;
}

/** `gapTitle`: the action each question's answer now calls for (the later report's gaps). */
export function becameVisible(index: GridIndex, qBefore: QuestionsById, qAfter: QuestionsById, gapTitle: ReadonlyMap<string, string>): BecameVisible[] {
  const out: BecameVisible[] = [];
  for (const ref of index.questions) {
    const b = qBefore.get(ref.fullId)!;
    const a = qAfter.get(ref.fullId)!;
    if (!['unknown', 'unanswered', 'hidden'].includes(b.status) || (a.status !== 'scored' && a.status !== 'answered')) continue;
    out.push({
      question: ref.fullId,
      number: a.number,
      text: a.text,
      entryTitle: a.entryTitle,
      before: b.status === 'unknown' ? (b.answer?.label ?? null) : null,
      after: a.answer?.label ?? '',
      gap: gapTitle.get(ref.fullId) ?? null,
    });
  }
  return out;
}
