// The gaps (the report's actions) of both diagnoses matched by question, or by rule for a finding:
// closed, kept, no longer assessed, and new ones with their cause. A new gap is told apart by
// where it comes from, because a step back and an answer that became visible call for different
// conversations: the second is progress in knowing the project, not a setback.
import type { ActionReport, QuestionReport, ReportData } from '../report.js';
import { HAS_ANSWER, type QuestionsById } from './answers.js';
import type { AnswerChange, CompareData, GapCause, GapChange } from './types.js';

function gapKey(g: ActionReport): string {
  return g.question ?? `rule:${g.rule}`;
}

type GapLists = Pick<CompareData, 'gapsClosed' | 'newGaps' | 'newGapsByCause' | 'stepsBack' | 'gapsNotAssessed' | 'gapsKept'>;

export function gapChanges(reportBefore: ReportData, reportAfter: ReportData, qBefore: QuestionsById, qAfter: QuestionsById, answersChanged: readonly AnswerChange[]): GapLists {
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

  const gapTitle = gapTitles(reportAfter);
  const stepsBack = answersChanged.filter((c) => c.direction === 'down').map((c) => ({ ...c, gap: gapTitle.get(c.question) ?? null }));
  const newGapsByCause = {
    stepBack: newGaps.filter((g) => g.cause === 'step-back'),
    becameVisible: newGaps.filter((g) => g.cause === 'became-visible'),
    other: newGaps.filter((g) => g.cause === 'new'),
  };
  return { gapsClosed, newGaps, newGapsByCause, stepsBack, gapsNotAssessed, gapsKept };
}

/** The action each question's answer calls for in a report, by question id. */
export function gapTitles(report: ReportData): Map<string, string> {
  return new Map(report.gaps.filter((g) => g.question).map((g) => [g.question!, g.advice.title]));
}
