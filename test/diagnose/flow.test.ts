// The questionnaire's pure logic: order, conditions, back, resume, progress, answers kept.
import { describe, expect, it } from 'vitest';
import {
  answersToYaml,
  applyAnswer,
  buildFlow,
  carryOverRenamed,
  firstOpenPosition,
  newAnswersFile,
  nextStep,
  previousPosition,
  progress,
  progressLine,
  setProject,
  summarize,
} from '../../src/questionnaire/flow.js';
import { indexGrid } from '../../src/model/grid-index.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { validateText } from '../../src/validation/validate.js';
import { DomainError } from '../../src/errors.js';
import { loadFixtureGrid } from './fixtures.js';

const index = loadFixtureGrid();
const now = new Date('2026-11-26T10:00:00Z');
const later = new Date('2026-11-26T10:05:00Z');

function ids(flow: ReturnType<typeof buildFlow>, positions: (number | null)[]): (string | null)[] {
  return positions.map((p) => (p === null ? null : flow.refs[p]!.fullId));
}

function withAnswers(values: Record<string, AnswersFile['answers'][string]['value']>): AnswersFile {
  let file = newAnswersFile(index, now);
  for (const [id, value] of Object.entries(values)) file = applyAnswer(file, id, { value }, now);
  return file;
}

describe('order and entrées', () => {
  it('asks every question of every entrée, in grid order', () => {
    const flow = buildFlow(index);
    expect(flow.entries.map((e) => e.id)).toEqual(['objectifs', 'acteurs']);
    expect(flow.refs.map((r) => r.fullId)).toEqual([
      'objectifs.constats',
      'objectifs.forme',
      'objectifs.statuts',
      'acteurs.composition',
      'acteurs.nombre',
      'acteurs.charte',
      'acteurs.histoire',
    ]);
  });

  it('--entries keeps only the chosen entrées, in grid order whatever the order typed', () => {
    const flow = buildFlow(index, ['acteurs', 'objectifs', 'acteurs']);
    expect(flow.entries.map((e) => e.id)).toEqual(['objectifs', 'acteurs']);
    const only = buildFlow(index, ['acteurs']);
    expect(only.refs.map((r) => r.fullId)[0]).toBe('acteurs.composition');
    expect(progress(only, 0, newAnswersFile(index, now))).toMatchObject({ entryNumber: 1, entryCount: 1, questionNumber: 1, questionCount: 4 });
  });

  it('an unknown entrée is a usage error (exit 2) that suggests and lists the valid ids', () => {
    let error: unknown;
    try {
      buildFlow(index, ['acteur']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('invalid-option'); // cli.ts maps it to exit 2
    expect((error as DomainError).message).toContain('« acteur »');
    expect((error as DomainError).message).toContain('vouliez-vous dire « acteurs »');
    expect((error as DomainError).message).toContain('objectifs, acteurs');
  });
});

describe('conditions and navigation', () => {
  const flow = buildFlow(index);

  it('a question whose condition is false is skipped, and the skip is reported', () => {
    const file = withAnswers({ 'objectifs.constats': 'engage', 'objectifs.forme': 'pas-encore' });
    const step = nextStep(flow, 1, file);
    expect(ids(flow, [step.pos])).toEqual(['acteurs.composition']);
    expect(ids(flow, step.skipped)).toEqual(['objectifs.statuts']);
    expect(progress(flow, 3, file).notApplicable).toBe(1);
    expect(progressLine(progress(flow, 3, file))).toContain('1 question sans objet');
  });

  it('the same question is asked when its condition holds', () => {
    const file = withAnswers({ 'objectifs.forme': 'association' });
    expect(ids(flow, [nextStep(flow, 1, file).pos])).toEqual(['objectifs.statuts']);
  });

  it('« question précédente » goes to the previous applicable question, and nowhere from the first', () => {
    const skipped = withAnswers({ 'objectifs.forme': 'pas-encore' });
    expect(ids(flow, [previousPosition(flow, 3, skipped)])).toEqual(['objectifs.forme']);
    const asked = withAnswers({ 'objectifs.forme': 'association' });
    expect(ids(flow, [previousPosition(flow, 3, asked)])).toEqual(['objectifs.statuts']);
    expect(previousPosition(flow, 0, asked)).toBeNull();
  });

  it('the questionnaire ends after the last question', () => {
    expect(nextStep(flow, flow.refs.length - 1, newAnswersFile(index, now)).pos).toBeNull();
  });
});

describe('resume', () => {
  const flow = buildFlow(index);

  it('starts at the first question without an answer, skipping those that do not apply', () => {
    expect(firstOpenPosition(flow, newAnswersFile(index, now))).toBe(0);
    const file = withAnswers({ 'objectifs.constats': 'engage', 'objectifs.forme': 'pas-encore' });
    expect(ids(flow, [firstOpenPosition(flow, file)])).toEqual(['acteurs.composition']);
  });

  it('a question left blank on purpose is not asked again; a value the grid no longer accepts is', () => {
    let file = withAnswers({ 'objectifs.constats': 'engage', 'objectifs.forme': 'association', 'objectifs.statuts': 'acquis' });
    file = applyAnswer(file, 'acteurs.composition', { value: ['ess'] }, now);
    file = applyAnswer(file, 'acteurs.nombre', { value: undefined }, now); // left blank
    expect(ids(flow, [firstOpenPosition(flow, file)])).toEqual(['acteurs.charte']);
    file = { ...file, answers: { ...file.answers, 'objectifs.constats': { value: 'termine' } } };
    expect(ids(flow, [firstOpenPosition(flow, file)])).toEqual(['objectifs.constats']);
  });

  it('is over (null) when every applicable question has an answer', () => {
    const file = withAnswers({
      'objectifs.constats': 'engage',
      'objectifs.forme': 'pas-encore',
      'acteurs.composition': [],
      'acteurs.nombre': 3,
      'acteurs.charte': false,
      'acteurs.histoire': 'Un atelier',
    });
    expect(firstOpenPosition(flow, file)).toBeNull();
    expect(progress(flow, 0, file)).toMatchObject({ answered: 6, applicable: 6, percent: 100 });
  });
});

describe('progress', () => {
  it('counts answered ÷ applicable questions of the selected entrées', () => {
    const flow = buildFlow(index);
    const file = withAnswers({ 'objectifs.constats': 'engage', 'objectifs.forme': 'association' });
    const p = progress(flow, 2, file);
    expect(p).toMatchObject({ entryNumber: 1, entryCount: 2, questionNumber: 3, questionCount: 3, answered: 2, applicable: 7, percent: 29 });
    expect(progressLine(p)).toBe('Entrée 1/2 · question 3/3 · 2 réponses sur 7 (29 %)');
  });
});

describe('answers file', () => {
  it('applying an answer returns a new file with updatedAt and answeredAt, the old one unchanged', () => {
    const before = newAnswersFile(index, now);
    const after = applyAnswer(before, 'objectifs.constats', { value: 'engage' }, later);
    expect(before.answers).toEqual({});
    expect(after.updatedAt).toBe(later.toISOString());
    expect(after.answers['objectifs.constats']).toEqual({ value: 'engage', answeredAt: later.toISOString() });
    const full = applyAnswer(applyAnswer(after, 'objectifs.constats', { examples: ['Diagnostics territoriaux', 'À moi'] }, later), 'objectifs.constats', { note: '  Partagé en 2025 ' }, later);
    expect(full.answers['objectifs.constats']).toMatchObject({ value: 'engage', examples: ['Diagnostics territoriaux', 'À moi'], note: 'Partagé en 2025' });
    expect(applyAnswer(full, 'objectifs.constats', { note: '' }, later).answers['objectifs.constats']!.note).toBeUndefined();
  });

  it('answers to questions absent from the grid are kept untouched', () => {
    const file: AnswersFile = { ...newAnswersFile(index, now), answers: { 'ancienne.question': { value: 'x', note: 'gardée' } } };
    const after = applyAnswer(file, 'objectifs.constats', { value: 'acquis' }, later);
    expect(after.answers['ancienne.question']).toEqual({ value: 'x', note: 'gardée' });
    expect(summarize(after, index)).toMatchObject({ answered: 1, total: 7, unknown: ['ancienne.question'] });
    expect(answersToYaml(after, index)).toContain('ancienne.question:');
  });

  it('an answer stored under a renamed id (replaces) carries over to the new id', () => {
    const grid = structuredClone(index.grid);
    grid.entries[0]!.questions[0]!.replaces = ['objectifs.constat-initial'];
    const renamed = indexGrid(grid);
    const file: AnswersFile = { ...newAnswersFile(renamed, now), answers: { 'objectifs.constat-initial': { value: 'engage' } } };
    const { file: moved, moved: list } = carryOverRenamed(file, renamed);
    expect(list).toEqual([{ from: 'objectifs.constat-initial', to: 'objectifs.constats' }]);
    expect(moved.answers['objectifs.constats']).toEqual({ value: 'engage' });
  });

  it('is written as YAML in the fixed key order, answers in grid order, and reads back valid', () => {
    let file = setProject(newAnswersFile(index, now), { name: 'Pôle « test » : 1', territory: 'Pays de Bray (60)' }, 'Claire', now);
    file = applyAnswer(file, 'acteurs.nombre', { value: 12 }, later);
    file = applyAnswer(file, 'objectifs.constats', { value: 'engage', examples: ['Diagnostics territoriaux'], note: 'Ligne 1\nligne 2: oui' }, later);
    const text = answersToYaml(file, index);
    const keys = text.split('\n').filter((l) => /^[a-zA-Z]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys).toEqual(['format', 'grid', 'project', 'respondent', 'createdAt', 'updatedAt', 'answers']);
    expect(text).toContain('format: cap-ptce/answers@1');
    expect(text).toContain('grid: { id: mini-test, version: 1.0.0 }');
    expect(text.indexOf('objectifs.constats:')).toBeLessThan(text.indexOf('acteurs.nombre:'));
    const answerKeys = text.split('objectifs.constats:')[1]!.split('acteurs.nombre:')[0]!.match(/^ {4}(\w+):/gm)!.map((k) => k.trim());
    expect(answerKeys).toEqual(['value:', 'examples:', 'note:', 'answeredAt:']);

    const back = validateText(text, 'r.yaml', { today: '2026-11-26', expect: 'answers', grid: index });
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(back.answers).toEqual(file);
  });
});
