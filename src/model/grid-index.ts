// An ordered, resolved view of a grid: every question with its full id, entrée and choices.
import type { Choice, Entry, Grid, Question } from './schema.js';

export interface QuestionRef {
  /** "entree.question" */
  fullId: string;
  entry: Entry;
  entryIndex: number;
  question: Question;
  questionIndex: number;
  /** Position in the whole grid, in asking order. */
  order: number;
  /** Resolved choices (scale, single, multi); empty for text, number, boolean. */
  choices: Choice[];
  /** Highest score among choices, or null when no choice carries a score. */
  maxScore: number | null;
  /** `choices` by id (the first of an id, as a search would find): every answer of every participant is looked up. */
  choiceById: ReadonlyMap<string, Choice>;
}

export interface GridIndex {
  grid: Grid;
  questions: QuestionRef[];
  byId: Map<string, QuestionRef>;
  /** Old ids (`replaces`) mapped to the current full id. */
  replaced: Map<string, string>;
}

export function fullQuestionId(entry: Pick<Entry, 'id'>, question: Pick<Question, 'id'>): string {
  return `${entry.id}.${question.id}`;
}

export function resolveChoices(grid: Grid, question: Question): Choice[] {
  if (question.type === 'text' || question.type === 'number' || question.type === 'boolean') return [];
  const answers = question.answers;
  if (answers === undefined) return [];
  if (typeof answers === 'string') return grid.answerSets[answers] ?? [];
  return answers;
}

export function maxScoreOf(choices: readonly Choice[]): number | null {
  let max: number | null = null;
  for (const c of choices) {
    if (typeof c.score === 'number' && !c.na && (max === null || c.score > max)) max = c.score;
  }
  return max;
}

export function indexGrid(grid: Grid): GridIndex {
  const questions: QuestionRef[] = [];
  const byId = new Map<string, QuestionRef>();
  const replaced = new Map<string, string>();
  grid.entries.forEach((entry, entryIndex) => {
    entry.questions.forEach((question, questionIndex) => {
      const choices = resolveChoices(grid, question);
      const choiceById = new Map<string, Choice>();
      for (const c of choices) if (!choiceById.has(c.id)) choiceById.set(c.id, c);
      const ref: QuestionRef = {
        fullId: fullQuestionId(entry, question),
        entry,
        entryIndex,
        question,
        questionIndex,
        order: questions.length,
        choices,
        maxScore: maxScoreOf(choices),
        choiceById,
      };
      questions.push(ref);
      if (!byId.has(ref.fullId)) byId.set(ref.fullId, ref);
      for (const old of question.replaces ?? []) replaced.set(old, ref.fullId);
    });
  });
  return { grid, questions, byId, replaced };
}

export function findChoice(ref: QuestionRef, id: string): Choice | undefined {
  return ref.choiceById.get(id);
}
