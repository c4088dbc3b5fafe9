// Where each question stands: points d'appui (top of the scale; what is engaged when nothing is
// formalised yet), questions to clarify (« Je ne sais pas »), questions left unanswered; and the
// level's sentence, worded for how many answers are engaged.
import type { GridIndex } from '../../model/grid-index.js';
import type { Level } from '../../model/schema.js';
import type { QuestionScore, Scores } from '../scoring.js';
import type { ClarifyItem, QuestionReport, ReportData, StrengthItem } from './types.js';

export function buildStanding(
  index: GridIndex,
  scores: Scores,
  questionReports: ReadonlyMap<string, QuestionReport>,
): Pick<ReportData, 'strengths' | 'strengthsKind' | 'clarify' | 'unanswered'> {
  const top: StrengthItem[] = [];
  const engaged: StrengthItem[] = [];
  const clarify: ClarifyItem[] = [];
  const unanswered: ReportData['unanswered'] = [];
  for (const ref of index.questions) {
    const qs = scores.byQuestion.get(ref.fullId)!;
    const qr = questionReports.get(ref.fullId)!;
    const atTop = qs.status === 'scored' && qs.choice !== null && qs.choice.score === ref.maxScore;
    if (atTop || isEngaged(qs)) {
      (atTop ? top : engaged).push({
        question: ref.fullId,
        number: qr.number,
        text: ref.question.text,
        entryTitle: ref.entry.title,
        answer: qs.choice?.label ?? qr.answer?.label ?? '',
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
  // When nothing is formalised yet, what is engaged is the base to build on: show it.
  const strengths = top.length > 0 ? top : engaged;
  const strengthsKind = top.length > 0 ? 'top' : engaged.length > 0 ? 'engaged' : null;
  return { strengths, strengthsKind, clarify, unanswered };
}

/** Engaged: a scored answer at half the scale or more (« Engagé, en cours » on the default scale). */
export function isEngaged(qs: QuestionScore): boolean {
  return qs.status === 'scored' && qs.score !== null && qs.score >= 0.5 - 1e-9;
}

/**
 * The level's sentence for these answers: the grid words it by how many answers are engaged or
 * formalised (none, one, several), so a team with engaged partners is never told that everything
 * remains to be laid; without such wording, the level's description.
 */
export function levelSentence(level: Level | null, scores: Scores): string | null {
  if (!level) return null;
  const engagedCount = [...scores.byQuestion.values()].filter(isEngaged).length;
  const by = level.byEngaged;
  const worded = engagedCount === 0 ? by?.none : engagedCount === 1 ? (by?.one ?? by?.several) : by?.several;
  return worded ?? level.description ?? null;
}
