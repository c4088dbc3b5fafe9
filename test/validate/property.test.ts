import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateText } from '../../src/validation/validate.js';
import { repoRoot } from '../helpers.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const sources = {
  mini: readFileSync(join(repoRoot, 'test/fixtures/validate/valid-grid.yaml'), 'utf8'),
  default: readFileSync(join(repoRoot, 'questions/cap-ptce.yaml'), 'utf8'),
};

function allPaths(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = root;
  for (const seg of path.slice(0, -1)) node = (node as Record<string | number, Json>)[seg]!;
  return { parent: node, key: path[path.length - 1]! };
}

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('objectifs.constats', 'avancement', 'acquis', 'scale', 'multi', '', '\u001b[31m', 'cap-ptce/grid@1'),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('q', 'is', 'all', 'id', 'when', 'x'), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'rename', 'duplicate'),
  value: anyValue,
  newKey: fc.constantFrom('idd', 'when', 'answers', 'type', 'exemples', 'score', 'format'),
});

function mutate(root: Json, m: { pick: number; op: string; value: Json; newKey: string }): Json {
  const paths = allPaths(root).filter((p) => p.length > 0);
  const path = paths[m.pick % paths.length]!;
  const at = parentOf(root, path)!;
  const parent = at.parent as Record<string | number, Json>;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(at.key as number, 1);
    else delete parent[at.key];
  } else if (m.op === 'replace') parent[at.key] = m.value;
  else if (m.op === 'rename' && !Array.isArray(parent)) {
    parent[m.newKey] = parent[at.key]!;
    delete parent[at.key];
  } else if (m.op === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(parent[at.key as number]!));
  return root;
}

function checkNeverThrows(text: string): void {
  const result = validateText(text, 'mutant.yaml', { today: '2026-11-26' });
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.code).toMatch(/^[A-Z_]+$/);
    expect(d.message.length).toBeGreaterThan(5);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  // A mutant is either reported, or accepted as a grid: never silently half-read.
  if (result.kind === 'grid') expect(errors.length > 0 || result.grid !== undefined).toBe(true);
}

describe('validate never throws on mutated grids, it only reports', () => {
  for (const [name, text] of Object.entries(sources)) {
    it(`structural mutations of the ${name} grid`, () => {
      const base = parse(text) as Json;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          let grid = structuredClone(base);
          for (const m of mutations) grid = mutate(grid, m);
          checkNeverThrows(stringify(grid));
        }),
        { numRuns: name === 'mini' ? 300 : 60 },
      );
      // The default grid is about 100 kB: locating diagnostics in it takes a while on a busy machine.
    }, 120_000);
  }

  it('character-level mutations of the YAML text', () => {
    const text = sources.mini;
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        checkNeverThrows(text.slice(0, at) + insert + text.slice(at + cut));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('deep block nesting is refused before it reaches the parser', () => {
    const compact = `format: cap-ptce/grid@1\ndescription:\n${'- '.repeat(3000)}x\n`;
    const indented = `format: cap-ptce/grid@1\n${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    for (const text of [compact, indented]) {
      const result = validateText(text, 'deep.yaml', { today: '2026-11-26' });
      expect(result.diagnostics.map((d) => d.code)).toEqual(['NESTING_TOO_DEEP']);
    }
  });

  it('a flat map of 40 000 keys is checked for duplicates without hanging', () => {
    const lines = ['format: cap-ptce/grid@1', 'answerSets:'];
    for (let i = 0; i < 40_000; i++) lines.push(`  s${i}: []`);
    lines.push('  s7: []');
    const result = validateText(lines.join('\n'), 'flat.yaml', { today: '2026-11-26' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'YAML_DUPLICATE_KEY', line: 40_003 })]);
  });
});
