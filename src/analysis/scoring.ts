// The report's numbers, as grid-format.md ("Scoring") defines them. Pure: (grid, answers) in,
// numbers out; nothing here knows about files, terminals or the clock.
//
// - A question's score is its answer's score divided by the highest score of its answer set.
// - "Je ne sais pas" (score null) is an unknown: out of the score, counted apart.
// - "Non concerné" (na), unanswered questions and questions whose `when` is false are out of the
//   score; na and hidden questions are also out of coverage.
// - Coverage = answered ÷ applicable (applicable = asked and not na; unknowns are applicable but
//   not answered).
// - An entrée's score is the weighted mean of its scored questions × 100, rounded; null when no
//   question in it has a score. The overall score is the weighted mean (entrée weights) of the
//   entrée scores that are not null, rounded.
import { hasValue } from '../model/answer-value.js';
import { currentQuestionId } from '../validation/check-answers.js';
import { evaluateCondition, type AnswerMap } from '../model/conditions.js';
import { findChoice, type GridIndex, type QuestionRef } from '../model/grid-index.js';
import type { Answer, AnswersFile, AnswerValue, Choice, Level } from '../model/schema.js';

/** What became of one question for one respondent. */
export type QuestionStatus =
  /** Answered on a scored choice: counts in the score and the coverage. */
  | 'scored'
  /** Answered, but the question carries no score (multi, number, text, a factual single choice). */
  | 'answered'
  /** "Je ne sais pas": applicable, not answered, counted apart. */
  | 'unknown'
  /** "Non concerné": out of score and coverage. */
  | 'na'
  /** Asked but not answered yet. */
  | 'unanswered'
  /** Not asked: its `when` condition is false. */
  | 'hidden';

export interface QuestionScore {
  fullId: string;
  status: QuestionStatus;
  /** 0..1 for scored questions, null otherwise. */
  score: number | null;
  weight: number;
  /** The choice picked (scale, single), when there is one. */
  choice: Choice | null;
}

/** How the questions of an entrée, or of the whole grid, stand. */
export interface Counts {
  /** Questions asked and not "Non concerné". */
  applicable: number;
  /** Applicable questions with a real answer (not "Je ne sais pas"). */
  answered: number;
  unknown: number;
  na: number;
  unanswered: number;
  hidden: number;
  /** answered ÷ applicable, 0..1; null when nothing is applicable. */
  coverage: number | null;
}

export interface EntryScore extends Counts {
  id: string;
  weight: number;
  /** 0..100, rounded; null when no question of the entrée has a score. */
  score: number | null;
  level: Level | null;
  questions: QuestionScore[];
}

export interface Totals extends Counts {
  questions: number;
}

export interface Scores {
  entries: EntryScore[];
  overall: { score: number | null; level: Level | null };
  totals: Totals;
  byQuestion: Map<string, QuestionScore>;
  /** The same, in the order of `index.questions` (`ordered[ref.order]`): a workshop reads each respondent's by position, not by id. */
  ordered: QuestionScore[];
}

/** Rounds half up, immune to binary noise such as 0.335 × 100 = 33.49999. */
export function roundScore(x: number): number {
  return Math.round(x + 1e-9);
}

/** The last level whose `min` is at most the score (levels are ascending); null for a null score. */
export function levelFor(levels: readonly Level[], score: number | null): Level | null {
  if (score === null) return null;
  let found: Level | null = null;
  for (const level of levels) if (level.min <= score) found = level;
  return found ?? levels[0] ?? null;
}

/**
 * Answers keyed by current question ids: old ids (`replaces`) are carried over, an answer under
 * the current id wins over one under an old id. Keys that match no question are returned apart.
 */
export function normalizeAnswers(file: Pick<AnswersFile, 'answers'>, index: GridIndex): { answers: Record<string, Answer>; orphans: string[] } {
  const given = file.answers ?? {};
  const keys = Object.keys(given);
  // Most files only hold current ids: their answers are already keyed as wanted and are returned
  // as they are (read, never changed), without a copy per participant.
  let k = 0;
  while (k < keys.length && index.byId.has(keys[k]!)) k++;
  if (k === keys.length) return { answers: given, orphans: [] };
  const answers: Record<string, Answer> = {};
  const orphans: string[] = [];
  for (const key of keys) {
    const id = currentQuestionId(key, index);
    if (!id) {
      orphans.push(key);
      continue;
    }
    if (id === key || !(id in answers)) answers[id] = given[key]!;
  }
  return { answers, orphans };
}

/** The score of one question, 0..1, for a given answer; null when the answer carries no score. */
function questionScore(ref: QuestionRef, answer: Answer | undefined): number | null {
  return scoreQuestion(ref, answer, true).score;
}

/** Status and score of one question. `applicable` comes from its `when` condition. */
export function scoreQuestion(ref: QuestionRef, answer: Answer | undefined, applicable: boolean): QuestionScore {
  // Object literals of one shape (no spread of a shared base): a workshop scores every question
  // of every participant, and this runs mostly before the JIT has warmed up.
  const fullId = ref.fullId;
  const weight = ref.question.weight ?? 1;
  if (!applicable) return { fullId, weight, status: 'hidden', score: null, choice: null };
  if (!hasValue(answer)) return { fullId, weight, status: 'unanswered', score: null, choice: null };
  const value = answer!.value;
  if (typeof value === 'string' && ref.choices.length > 0) {
    const choice = findChoice(ref, value) ?? null;
    if (!choice) return { fullId, weight, status: 'unanswered', score: null, choice: null };
    if (choice.na) return { fullId, weight, status: 'na', score: null, choice };
    if (choice.score === null) return { fullId, weight, status: 'unknown', score: null, choice };
    if (typeof choice.score === 'number' && ref.maxScore !== null && ref.maxScore > 0) {
      return { fullId, weight, status: 'scored', score: choice.score / ref.maxScore, choice };
    }
    return { fullId, weight, status: 'answered', score: null, choice };
  }
  return { fullId, weight, status: 'answered', score: null, choice: null };
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// Every respondent who gives the same answer to a question gets the same QuestionScore (they are
// read, never changed): made once per question and answer, not once per respondent and question.
interface ScoreMemo {
  hidden: QuestionScore | undefined;
  unanswered: QuestionScore | undefined;
  /** Answered without a choice (number, text, yes/no, a list). */
  free: QuestionScore | undefined;
  byChoice: Map<Choice, QuestionScore>;
}

/** What scoreQuestion gives, from the memo when this answer was scored before. */
function memoScore(memo: ScoreMemo, ref: QuestionRef, answer: Answer | undefined, applicable: boolean): QuestionScore {
  if (!applicable) return (memo.hidden ??= scoreQuestion(ref, answer, false));
  const value = answer === undefined ? undefined : answer.value;
  // A text (a choice's id, mostly) is tested here; other values as hasValue says.
  if (typeof value === 'string') {
    if (value.length === 0) return (memo.unanswered ??= scoreQuestion(ref, answer, true));
    if (ref.choices.length === 0) return (memo.free ??= scoreQuestion(ref, answer, true));
    const choice = ref.choiceById.get(value);
    if (!choice) return (memo.unanswered ??= scoreQuestion(ref, answer, true));
    let qs = memo.byChoice.get(choice);
    if (qs === undefined) {
      qs = scoreQuestion(ref, answer, true);
      memo.byChoice.set(choice, qs);
    }
    return qs;
  }
  if (!hasValue(answer)) return (memo.unanswered ??= scoreQuestion(ref, answer, true));
  return (memo.free ??= scoreQuestion(ref, answer, true));
}

// Each entrée's questions (and their memos), grouped once per grid index rather than once per respondent.
const refsByEntry = new WeakMap<GridIndex, { refs: QuestionRef[]; memos: ScoreMemo[] }[]>();

function entryRefs(index: GridIndex): { refs: QuestionRef[]; memos: ScoreMemo[] }[] {
  let refs = refsByEntry.get(index);
  if (!refs) {
    refs = index.grid.entries.map((entry) => {
      const inEntry = index.questions.filter((q) => q.entry === entry);
      return { refs: inEntry, memos: inEntry.map((): ScoreMemo => ({ hidden: undefined, unanswered: undefined, free: undefined, byChoice: new Map() })) };
    });
    refsByEntry.set(index, refs);
  }
  return refs;
}

/**
 * A respondent's scores. `byQuestion` is made on first use: a workshop reads each participant's
 * scores by position (`ordered`), and a map of every question per participant was built for nothing.
 */
class RespondentScores implements Scores {
  private map: Map<string, QuestionScore> | undefined;
  constructor(
    readonly entries: EntryScore[],
    readonly overall: { score: number | null; level: Level | null },
    readonly totals: Totals,
    readonly ordered: QuestionScore[],
  ) {}

  get byQuestion(): Map<string, QuestionScore> {
    if (this.map === undefined) {
      this.map = new Map();
      for (const qs of this.ordered) this.map.set(qs.fullId, qs);
    }
    return this.map;
  }
}

/** Every number of the report for one respondent's answers (keyed by current question ids). */
export function scoreAnswers(index: GridIndex, answers: AnswerMap): Scores {
  const ordered: QuestionScore[] = [];
  const levels = index.grid.levels;
  const refsOf = entryRefs(index);
  const totals: Totals = { questions: index.questions.length, applicable: 0, answered: 0, unknown: 0, na: 0, unanswered: 0, hidden: 0, coverage: null };
  const entries: EntryScore[] = [];
  // Entrées then their questions: the order of index.questions, so `ordered[ref.order]` is ref's.
  const gridEntries = index.grid.entries;
  for (let e = 0; e < gridEntries.length; e++) {
    const entry = gridEntries[e]!;
    const { refs, memos } = refsOf[e]!;
    const questions: QuestionScore[] = [];
    // One pass: the counts per status and the weighted sum of the scored questions.
    let scoredN = 0;
    let answeredN = 0;
    let unknown = 0;
    let na = 0;
    let unanswered = 0;
    let hidden = 0;
    let weightSum = 0;
    let weighted = 0;
    for (let q = 0; q < refs.length; q++) {
      const ref = refs[q]!;
      const when = ref.question.when;
      const qs = memoScore(memos[q]!, ref, answers[ref.fullId], when === undefined || evaluateCondition(when, answers, index));
      ordered.push(qs);
      questions.push(qs);
      switch (qs.status) {
        case 'scored':
          scoredN++;
          weightSum += qs.weight;
          weighted += qs.weight * qs.score!;
          break;
        case 'answered':
          answeredN++;
          break;
        case 'unknown':
          unknown++;
          break;
        case 'na':
          na++;
          break;
        case 'unanswered':
          unanswered++;
          break;
        case 'hidden':
          hidden++;
          break;
      }
    }
    const score = weightSum > 0 ? roundScore((weighted / weightSum) * 100) : null;
    const answered = scoredN + answeredN;
    const applicable = answered + unknown + unanswered;
    totals.applicable += applicable;
    totals.answered += answered;
    totals.unknown += unknown;
    totals.na += na;
    totals.unanswered += unanswered;
    totals.hidden += hidden;
    entries.push({
      id: entry.id,
      weight: entry.weight ?? 1,
      score,
      level: levelFor(levels, score),
      applicable,
      answered,
      unknown,
      na,
      unanswered,
      hidden,
      coverage: ratio(answered, applicable),
      questions,
    });
  }
  totals.coverage = ratio(totals.answered, totals.applicable);

  let entryWeights = 0;
  let weightedScores = 0;
  for (const e of entries) {
    if (e.score === null) continue;
    entryWeights += e.weight;
    weightedScores += e.weight * e.score;
  }
  const overallScore = entryWeights > 0 ? roundScore(weightedScores / entryWeights) : null;
  return new RespondentScores(entries, { score: overallScore, level: levelFor(levels, overallScore) }, totals, ordered);
}

/** Whether two answers are the same; a multiple choice is compared as a set, whatever the order. */
export function sameAnswerValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = [...new Set(a)].sort();
    const sb = [...new Set(b)].sort();
    return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
  }
  return a === b;
}
