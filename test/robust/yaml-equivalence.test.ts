// The fast parser (js-yaml) is used only where it gives exactly what the careful parser (yaml, with
// positions) gives. Proven here over a corpus: every YAML file of the repository, scalars that the
// two read differently, and random documents (fast-check, fixed seed; FUZZ_RUNS=5000 for more).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml, parseYamlFast } from '../../src/validation/yaml-source.js';
import { repoRoot } from '../helpers.js';
import { yamlFiles } from './yaml-files.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** What the careful parser gives, or undefined when it reports errors. */
function careful(text: string): unknown {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}

function expectSame(text: string): boolean {
  const fast = parseYamlFast(text);
  if (fast === undefined) return false;
  expect(fast, text.slice(0, 200)).toEqual(careful(text));
  return true;
}

describe('fast and careful YAML parsers agree', () => {
  it('on every YAML file of the repository (the fast path taken for most)', () => {
    const files = yamlFiles(repoRoot);
    expect(files.length).toBeGreaterThan(20);
    let fast = 0;
    for (const file of files) if (expectSame(readFileSync(file, 'utf8'))) fast++;
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('on scalars the two read differently: the same text gives the same data, anchor or not', () => {
    const scalars = ['1e400', '1e3', '-.5', '.inf', '-.INF', '.nan', '0o17', '0x1F', '1_000', '012', '+12', '1.', '1.0.0', 'true', 'True', 'null', '~', 'yes', 'on', '2026-11-27', '"1e400"', "'12'"];
    for (const s of scalars) {
      for (const key of ['name', s]) {
        const plain = `format: x\n${key}: ${s}\n`;
        const anchored = `format: x\n${key}: ${s}\nautre: &ancre 1\n`;
        expectSame(plain);
        const a = parseYaml(plain, 'a.yaml').value as Record<string, unknown> | undefined;
        const b = parseYaml(anchored, 'b.yaml').value as Record<string, unknown> | undefined;
        if (a && b) expect({ ...b, autre: undefined }, `${key}: ${s}`).toEqual({ ...a, autre: undefined });
      }
    }
  });

  it('document markers keep the fast path; two documents or a directive go to the careful parser', () => {
    expect(parseYamlFast('---\nformat: x\nid: y\n')).toEqual({ format: 'x', id: 'y' });
    expect(parseYamlFast('--- # début\nformat: x\n...\n')).toEqual({ format: 'x' });
    expect(parseYamlFast('format: x\n---\nformat: y\n')).toBeUndefined();
    expect(parseYamlFast('%YAML 1.2\n---\nformat: x\n')).toBeUndefined();
    expect(parseYaml('format: x\n---\nformat: y\n', 'deux.yaml').diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 2 });
    expectSame('---\nformat: x\nnote: |\n  ---\n  suite\n');
  });

  it('« *pas encore* » in a text no longer sends the file to the careful parser', () => {
    expect(parseYamlFast('format: x\nhint: "Le point *pas encore* abordé"\nnote: a *b* c\n')).toEqual({ format: 'x', hint: 'Le point *pas encore* abordé', note: 'a *b* c' });
  });

  it('an alias of a collection goes to the careful parser (its alias limit applies)', () => {
    expect(parseYamlFast('a: &x [1, 2]\nb: *x\n')).toBeUndefined();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const r = parseYaml(bomb, 'bombe.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]!.code).toBe('YAML_ALIAS_LIMIT');
  });

  it('on random documents written by either library (fast-check, fixed seed)', () => {
    const word = fc.oneof(
      fc.constantFrom('1e400', '12', '0x1F', '.inf', 'null', 'true', '~', '', '*a', '&b', '!c', '#d', '- e', 'f: g', "l'AMI", '"q"', 'é'),
      fc.string({ maxLength: 12 }),
    );
    const key = fc.oneof(fc.constantFrom('format', 'id', 'value', 'note', '__proto__', 'null', '1', '1e3'), fc.string({ minLength: 1, maxLength: 8 }));
    const leaf = fc.oneof(word, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.boolean(), fc.constantFrom('', '---\n', '--- # début\n'), fc.constantFrom('', '...\n'), (doc, withJsYaml, start, end) => {
        let text: string;
        try {
          text = start + (withJsYaml ? dump(doc) : stringify(doc)) + end;
        } catch {
          return true;
        }
        expectSame(text);
        return true;
      }),
      { seed: 20261127, numRuns: RUNS },
    );
  });
});

describe('the built-in grid', () => {
  it('takes the fast path (its quoted département codes read alike in both parsers)', () => {
    const text = readFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), 'utf8');
    expect(parseYamlFast(text)).toEqual(careful(text));
  });
});
