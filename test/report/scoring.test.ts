// The report's numbers, computed by hand on the mini grid (test/fixtures/report/grid.yaml):
// scale 0..3; vision weighs 2 (constats weighs 2 inside it), the other entrées 1.
import { describe, expect, it } from 'vitest';
import { levelFor, normalizeAnswers, roundScore, scoreAnswers } from '../../src/analysis/scoring.js';
import { answersFile, fixtureAnswers, miniGrid } from './helpers.js';

function scores(name: 'debut' | 'mature') {
  const index = miniGrid().index;
  return scoreAnswers(index, normalizeAnswers(fixtureAnswers(name), index).answers);
}

function entry(s: ReturnType<typeof scores>, id: string) {
  const e = s.entries.find((x) => x.id === id);
  if (!e) throw new Error(`entrée ${id} absente`);
  return e;
}

describe('scoring (hand-computed on the mini grid)', () => {
  it('an early project: weights, « je ne sais pas », « non concerné », a hidden question, an entrée without score', () => {
    const s = scores('debut');

    // vision: constats en-reflexion = 1/3 with weight 2; axes « je ne sais pas » and innovation
    // « non concerné » are out of the score → 100 × (2 × 1/3) / 2 = 33.
    const vision = entry(s, 'vision');
    expect(vision.score).toBe(33);
    expect(vision.level?.id).toBe('a-amorcer');
    // na is out of coverage; the unknown is applicable but not answered: 1 answered of 2.
    expect(vision).toMatchObject({ applicable: 2, answered: 1, unknown: 1, na: 1, coverage: 0.5 });

    // acteurs: typologie pas-aborde = 0 → a score of 0, not « no score ».
    expect(entry(s, 'acteurs').score).toBe(0);
    expect(entry(s, 'acteurs').coverage).toBe(1);

    // portage: forme is factual (no score); statuts is hidden by « pas-encore » even though the
    // file holds an answer for it → no score, and the hidden question is out of coverage.
    const portage = entry(s, 'portage');
    expect(portage.score).toBeNull();
    expect(portage).toMatchObject({ applicable: 1, answered: 1, hidden: 1, coverage: 1 });
    expect(s.byQuestion.get('portage.statuts')?.status).toBe('hidden');

    // financement: one « je ne sais pas », one unanswered → null, never 0.
    const financement = entry(s, 'financement');
    expect(financement.score).toBeNull();
    expect(financement.level).toBeNull();
    expect(financement).toMatchObject({ applicable: 2, answered: 0, unknown: 1, unanswered: 1, coverage: 0 });

    // overall: entrées with a score only, entrée weights → (2 × 33 + 1 × 0) / 3 = 22.
    expect(s.overall.score).toBe(22);
    expect(s.overall.level?.label).toBe('À amorcer');
    expect(s.totals).toMatchObject({ questions: 10, applicable: 8, answered: 5, unknown: 2, na: 1, unanswered: 1, hidden: 1 });
  });

  it('a mature project: weighted means, rounding, overall level', () => {
    const s = scores('mature');
    // (2 × 3/3 + 1 × 2/3 + 1 × 2/3) / 4 = 0.8333 → 83
    expect(entry(s, 'vision').score).toBe(83);
    expect(entry(s, 'acteurs').score).toBe(100);
    // statuts engage = 2/3 → 66.67 → 67 (shown now that the structure exists)
    expect(entry(s, 'portage').score).toBe(67);
    // (3/3 + 1/3) / 2 = 0.6667 → 67
    expect(entry(s, 'financement').score).toBe(67);
    // (2 × 83 + 100 + 67 + 67) / 5 = 80
    expect(s.overall.score).toBe(80);
    expect(s.overall.level?.id).toBe('solide');
  });

  it('nothing scored at all gives no overall score (not 0)', () => {
    const index = miniGrid().index;
    const s = scoreAnswers(index, normalizeAnswers(answersFile({ 'vision.constats': { value: 'ne-sait-pas' } }), index).answers);
    expect(s.overall).toEqual({ score: null, level: null });
    expect(s.entries.every((e) => e.score === null)).toBe(true);
  });

  it('levels: the last level whose min is at most the score', () => {
    const levels = miniGrid().grid.levels;
    expect(levelFor(levels, 0)?.id).toBe('a-amorcer');
    expect(levelFor(levels, 33)?.id).toBe('a-amorcer');
    expect(levelFor(levels, 34)?.id).toBe('en-construction');
    expect(levelFor(levels, 66)?.id).toBe('en-construction');
    expect(levelFor(levels, 67)?.id).toBe('solide');
    expect(levelFor(levels, 100)?.id).toBe('solide');
    expect(levelFor(levels, null)).toBeNull();
  });

  it('rounds halves up despite binary noise', () => {
    expect(roundScore(0.335 * 100)).toBe(34);
    expect(roundScore(62.5)).toBe(63);
    expect(roundScore(100 / 3)).toBe(33);
  });

  it('answers under a renamed id are carried over; unknown ids are kept apart', () => {
    const index = miniGrid().index;
    index.replaced.set('vision.ancien', 'vision.axes');
    try {
      const { answers, orphans } = normalizeAnswers(answersFile({ 'vision.ancien': { value: 'acquis' }, 'nulle.part': { value: 'x' } }), index);
      expect(answers['vision.axes']?.value).toBe('acquis');
      expect(orphans).toEqual(['nulle.part']);
    } finally {
      index.replaced.delete('vision.ancien');
    }
  });
});
