// Where each question stands: points d'appui (top of the scale), questions to clarify
// (« Je ne sais pas »), questions left unanswered.
import type { GridIndex } from '../../model/grid-index.js';
import type { Scores } from '../scoring.js';
import type { ClarifyItem, QuestionReport, ReportData, StrengthItem } from './types.js';

export function buildStanding(
  index: GridIndex,
  scores: Scores,
  questionReports: ReadonlyMap<string, QuestionReport>,
): Pick<ReportData, 'strengths' | 'clarify' | 'unanswered'> {
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
  return { strengths, clarify, unanswered };
}
