// The workshop JSON writes each participant's answer once, under workshop.questions; everything
// else names questions by id (render/json.ts renderWorkshopJson). Before, each answer was there
// three or four times (6.5 MB at 100 participants): a script reading it, or a facilitator opening
// it, found the same note in the per-entrée table, the consensus, the report and the dossier.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkshop } from '../../src/analysis/workshop.js';
import { renderWorkshopJson } from '../../src/render/json.js';
import { runInProcess } from '../helpers.js';
import { ATELIER, atelierFiles, defaultGrid, NOW, PEOPLE } from './helpers.js';

interface Answer {
  respondent: string;
  status?: string;
  note: string | null;
}
interface Question {
  id: string;
  divergent: boolean;
  answers: Answer[];
}
interface WorkshopJson {
  respondents: string[];
  entries: { questions: Record<string, unknown>[] }[];
  gaps: { question: string | null; responses: Record<string, unknown>[] }[];
  divergences: { question: string; answers: Answer[] }[];
  dossier: { items: Record<string, unknown>[] }[];
  workshop: Record<'differences' | 'consensus' | 'sharedStrengths' | 'sharedGaps' | 'sharedOther', string[]> & {
    questions: Question[];
    entries: { id: string; questions: string[] }[];
  };
}

/** Every object of a parsed JSON document, with its path (`workshop.questions.3.answers.1`). */
function* objects(value: unknown, path = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* objects(value[i], `${path}.${i}`);
  } else if (value !== null && typeof value === 'object') {
    yield [path, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value)) yield* objects(v, `${path}.${k}`);
  }
}

/** The synthesis of examples/atelier's three files, each given `copies` times (3 × copies participants). */
function synthesisJson(copies: number): string {
  const files = Array.from({ length: copies }, () => atelierFiles()).flat();
  return renderWorkshopJson(buildWorkshop(defaultGrid().index, files, { now: NOW }));
}

describe('workshop JSON: each answer once', () => {
  it('a participant’s note on a question not to discuss appears exactly once; on a question to discuss, once more in divergences', async () => {
    const r = await runInProcess(['report', ...PEOPLE.map((p) => join(ATELIER, `${p}.yaml`)), '--format', 'json'], {}, { raw: true });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as WorkshopJson;
    const count = (note: string): number => r.stdout.split(JSON.stringify(note)).length - 1;
    const notes = json.workshop.questions.flatMap((q) => q.answers.filter((a) => a.note !== null).map((a) => ({ divergent: q.divergent, note: a.note! })));
    expect(notes.filter((n) => !n.divergent).length).toBeGreaterThan(5);
    expect(notes.filter((n) => n.divergent).length).toBeGreaterThan(2);
    for (const { divergent, note } of notes) expect(count(note), note).toBe(divergent ? 2 : 1);
  });

  it('every question id it refers to is a question of workshop.questions, which holds the whole grid with everyone’s answer', () => {
    const json = JSON.parse(synthesisJson(1)) as WorkshopJson;
    const w = json.workshop;
    expect(w.questions.map((q) => q.id)).toEqual(defaultGrid().index.questions.map((q) => q.fullId));
    for (const q of w.questions) expect(q.answers.map((a) => a.respondent)).toEqual(json.respondents);
    const known = new Set(w.questions.map((q) => q.id));
    const referred = [
      ...w.entries.flatMap((e) => e.questions),
      ...w.differences,
      ...w.consensus,
      ...w.sharedStrengths,
      ...w.sharedGaps,
      ...w.sharedOther,
      ...json.divergences.map((d) => d.question),
      ...json.gaps.flatMap((g) => (g.question === null ? [] : [g.question])),
    ];
    expect(referred.filter((id) => !known.has(id))).toEqual([]);
    // the per-entrée table still lists every question, each under its own entrée
    expect(w.entries.flatMap((e) => e.questions)).toEqual(w.questions.map((q) => q.id));
    expect(w.consensus.length).toBeGreaterThan(0);
    expect(w.consensus).toEqual(w.questions.filter((q) => (q as unknown as { consensus: boolean }).consensus).map((q) => q.id));
  });

  it('grows by one copy of each answer per participant, not four', () => {
    for (const copies of [1, 4]) {
      const text = synthesisJson(copies);
      const json = JSON.parse(text) as WorkshopJson;
      const n = json.respondents.length;
      expect(n).toBe(3 * copies);
      const full: string[] = [];
      const slim: string[] = [];
      for (const [path, o] of objects(json)) {
        if (typeof o.respondent === 'string' && 'note' in o) ('status' in o ? full : slim).push(path);
        // the report side carries no answers of its own any more
        if ('responses' in o) expect(path, path).toMatch(/^\.gaps\.\d+$/);
      }
      // full answers: one per participant and question, under workshop.questions only
      expect(full.length).toBe(n * json.workshop.questions.length);
      expect(full.every((p) => /^\.workshop\.questions\.\d+\.answers\.\d+$/.test(p))).toBe(true);
      // slim copies (respondent, value, label, score, note): under divergences only, what scripts read first
      expect(slim.length).toBe(n * json.divergences.length);
      expect(slim.every((p) => /^\.divergences\.\d+\.answers\.\d+$/.test(p))).toBe(true);
      for (const g of json.gaps) for (const r of g.responses) expect(Object.keys(r)).toEqual(['respondent', 'label']);
    }
    // what each added participant costs: about one copy of their answers, plus the slim ones (≈ 4 copies before)
    const [small, large] = [synthesisJson(1), synthesisJson(4)];
    const answersBytes = (text: string): number => (JSON.parse(text) as WorkshopJson).workshop.questions.reduce((sum, q) => sum + JSON.stringify(q.answers, null, 2).length, 0);
    const perParticipant = (large.length - small.length) / 9;
    const answersPerParticipant = (answersBytes(large) - answersBytes(small)) / 9;
    expect(perParticipant / answersPerParticipant).toBeLessThan(2.5);
  });
});
