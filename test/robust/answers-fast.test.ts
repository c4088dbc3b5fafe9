// Answers files are read without zod when they are well formed (src/validation/answers-fast.ts).
// The schema stays the reference: over the repository's answers files and generated ones (valid,
// and broken in every field), the fast reader accepts exactly what AnswersFileSchema accepts and
// returns the same data, keys in the same order. FUZZ_RUNS=20000 for more runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { AnswersFileSchema } from '../../src/model/schema.js';
import { readAnswersFast } from '../../src/validation/answers-fast.js';
import { repoRoot } from '../helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

function expectSameAsSchema(data: unknown): void {
  const fast = readAnswersFast(data);
  const zod = AnswersFileSchema.safeParse(data);
  expect(fast !== null, JSON.stringify(data)?.slice(0, 300)).toBe(zod.success);
  // JSON text: same values and same key order (the order reports and re-saved files follow).
  if (fast !== null && zod.success) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

function answersFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'test-artifacts'].includes(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...answersFiles(path));
    else if (/\.ya?ml$/.test(name) && readFileSync(path, 'utf8').includes('cap-ptce/answers@1')) out.push(path);
  }
  return out;
}

// Values of every kind, to put where the schema expects one kind.
const anyValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('objectifs', 'mon-id', 'Mon Id', 'a--b', '-a', '', 'cap-ptce', '1.0'),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('value', 'note', 'x', 'respondent', 'why'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxKeys: 2 }),
);

/**
 * An object whose keys are drawn from `fields` (mostly with a value of the right kind, sometimes of
 * any kind) and, sometimes, a stranger key. `required` keys are absent only rarely.
 */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>, required: string[] = [], extra = 0.03): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([k, arb]) =>
    fc.option(fc.tuple(fc.constant(k), fc.oneof({ weight: 30, arbitrary: arb }, { weight: 1, arbitrary: anyValue })), { freq: required.includes(k) ? 40 : 2 }),
  );
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.oneof({ weight: Math.round(1 / extra), arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      fc.constantFrom('extra', 'Value', 'notes', 'value '),
      // Keys in the file's order, not always the schema's: the result must follow the schema's.
      fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([pairs, strange, stranger, reversed]) => {
      const o: Record<string, unknown> = {};
      for (const p of reversed ? [...pairs].reverse() : pairs) if (p) o[p[0]] = p[1];
      if (strange) o[stranger] = 1;
      return o;
    });
}

const answerValue = fc.oneof(fc.string({ maxLength: 6 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const dissent = objectOf({ respondent: fc.string({ maxLength: 5 }), why: fc.string({ maxLength: 5 }) }, ['respondent']);
const position = objectOf({ value: answerValue, note: fc.string({ maxLength: 5 }), dissent: fc.array(dissent, { maxLength: 2 }) });
const answer = objectOf({
  value: answerValue,
  examples: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  note: fc.string({ maxLength: 6 }),
  position,
  answeredAt: fc.string({ maxLength: 6 }),
});
const answersFile = objectOf(
  {
    $schema: fc.string({ maxLength: 5 }),
    format: fc.constantFrom('cap-ptce/answers@1', 'cap-ptce/answers@1', 'cap-ptce/answers@1', 'cap-ptce/grid@1'),
    grid: objectOf({ id: fc.constantFrom('cap-ptce', 'cap-ptce', 'Cap', 'a-b-1'), version: fc.constantFrom('1.1.0', '2') }, ['id', 'version']),
    project: objectOf({ name: fc.string({ maxLength: 5 }), territory: fc.string({ maxLength: 5 }) }),
    respondent: fc.string({ maxLength: 5 }),
    path: fc.constantFrom('essentiel', 'Essentiel', 'a-b'),
    createdAt: fc.string({ maxLength: 5 }),
    updatedAt: fc.string({ maxLength: 5 }),
    answers: fc.dictionary(fc.constantFrom('objectifs.constats', 'acteurs.typologie', 'x', 'constructor', 'toString'), answer, { maxKeys: 3 }),
  },
  ['format', 'grid'],
  0.02,
);

describe('answers files read without zod', () => {
  it('every answers file of the repository reads as the schema reads it', () => {
    const files = answersFiles(repoRoot);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const data = load(readFileSync(file, 'utf8'));
      expectSameAsSchema(data);
      expect(readAnswersFast(data), file).not.toBeNull();
    }
  });

  it('generated files, valid or broken anywhere: accepted exactly when the schema accepts them, with the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(answersFile, (data) => {
        expectSameAsSchema(data);
        if (readAnswersFast(data) !== null) accepted++;
      }),
      { seed: 20261127, numRuns: RUNS },
    );
    // Both sides of the equivalence are exercised.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(accepted).toBeLessThan(RUNS);
  });

  it('not an object at all', () => {
    for (const data of [null, 1, 'x', [], [{ format: 'cap-ptce/answers@1' }], undefined]) expectSameAsSchema(data);
  });
});
