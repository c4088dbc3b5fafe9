// The reader of plain YAML (src/validation/yaml-plain.ts) gives exactly what the careful parser
// (`yaml`, YAML 1.2 core schema) gives, or gives up. Proven over a corpus: every YAML file of the
// repository, answers files as the tool writes them, scalars known to be read differently by
// other readers, and generated documents (fast-check, fixed seed; FUZZ_RUNS=20000 for more).
// Equality is strict: same values (Object.is: -0, NaN), same keys in the same order, own
// `__proto__` keys, plain objects and arrays only.
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { Document, isMap, LineCounter, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answersToYaml } from '../../src/questionnaire/flow.js';
import { parseYaml } from '../../src/validation/yaml-source.js';
import { readPlainYaml } from '../../src/validation/yaml-plain.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { repoRoot } from '../helpers.js';
import { yamlFiles } from './yaml-files.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
/** Generous: a loaded machine, or many runs asked for. */
const TIMEOUT = 60_000 + RUNS * 100;

/** What parseYaml's careful path gives: the data, or undefined when it reports anything. */
function careful(text: string): unknown {
  const parsed = parseYaml(text, 'x.yaml', { careful: true });
  return parsed.diagnostics.length > 0 ? undefined : parsed.value;
}

/** A description of the first difference between two data trees, or null when they are the same. */
function difference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a !== typeof b) return `${path}: ${typeof a} ≠ ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return `${path}: length ${a.length} ≠ ${bb.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], bb[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b as object);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka.map(String))} ≠ ${JSON.stringify(kb.map(String))}`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b as object, k)!;
    if (!da.enumerable || !db.enumerable || !('value' in da) || !('value' in db)) return `${path}.${String(k)}: not a plain data property`;
    const d = difference(da.value, db.value, `${path}.${String(k)}`);
    if (d) return d;
  }
  return null;
}

/** Whenever the plain reader answers, the careful parser answers the same. True when it answered. */
function expectSame(text: string): boolean {
  const plain = readPlainYaml(text);
  if (plain === undefined) return false;
  const reference = careful(text);
  expect(reference, `the careful parser refuses what the plain reader read:\n${text.slice(0, 400)}`).not.toBeUndefined();
  expect(difference(plain, reference), text.slice(0, 400)).toBeNull();
  return true;
}

/** The answers file as cap-ptce saves it. */
const written = (file: AnswersFile): string => answersToYaml(file);

describe('the plain YAML reader gives what the careful parser gives, or gives up', () => {
  it('on every YAML file of the repository', () => {
    const files = yamlFiles(repoRoot);
    expect(files.length).toBeGreaterThan(20);
    const read: string[] = [];
    for (const file of files) if (expectSame(readFileSync(file, 'utf8'))) read.push(file);
    // Every answers file of the repository is of the shape the reader is for.
    const answers = files.filter((f) => readFileSync(f, 'utf8').includes('cap-ptce/answers@1') && careful(readFileSync(f, 'utf8')) !== undefined);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((f) => !read.includes(f))).toEqual([]);
  });

  it('on the scalars that readers disagree on: numbers, dates, nulls, booleans, keys', () => {
    const scalars = [
      '1e400', '-1e400', '1e3', '1E3', '-.5', '+.5', '.5e2', '1.', '1.0', '1.50', '-0', '+0', '0', '00', '012', '+12', '-12',
      '0o17', '0o8', '0O17', '0x1F', '0X1F', '0x', '0b101', '1_000', '1,5', '1.0.0', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN', 'inf',
      'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', 'nULL', '~', '',
      // Texts that start with the letter of a null or a boolean: each spelling, and what comes near.
      'False', 'FALSE', 'fALSE', 'f', 'F', 't', 'T', 'N', 'nul', 'nulls', 'Nulle', 'NULLE', 'truth', 'Trues', 'falsey', 'note', 'Note du participant', 'nan', 'Nan', '~~', '~a',
      '2026-11-27', '2026-11-27T14:08:09Z', '12:30', '12:30:00', '1:20', '999999999999999999999', '0.1e-400',
      '"1e400"', "'12'", '"~"', "'null'", '"true"', '"\u00e9"', "'it''s'", '"a\tb"', '"a\x41"',
    ];
    let read = 0;
    for (const s of scalars) {
      for (const text of [`format: x\nname: ${s}\n`, `${s}: v\nautre: 1\n`, `l:\n  - ${s}\n`, `m: { k: ${s} }\n`, `s: [${s}, ${s}]\n`]) {
        if (expectSame(text)) read++;
      }
    }
    expect(read).toBeGreaterThan(scalars.length * 3);
    // Keys the careful parser names differently from their text, or reports as duplicates: given up.
    expect(readPlainYaml('null: 1\n')).toBeUndefined();
    expect(readPlainYaml('~: 1\n')).toBeUndefined();
    expect(readPlainYaml('1: a\n"1": b\n')).toBeUndefined();
    expect(readPlainYaml('a: 1\na: 2\n')).toBeUndefined();
    expect(readPlainYaml('a:\n  b: 1\n  c: 2\n  b: 3\nd: 4\n')).toBeUndefined();
    expect(readPlainYaml('m: { k: 1, k: 2 }\n')).toBeUndefined();
    expect(readPlainYaml('__proto__: 1\n__proto__: 2\n')).toBeUndefined();
    expect(readPlainYaml('a:\n  b: 1\nc:\n  b: 2\n')).toEqual({ a: { b: 1 }, c: { b: 2 } });
    expect(readPlainYaml('a: 1e400\n')).toEqual({ a: Infinity });
    expect(readPlainYaml('0x1F: a\n')).toEqual({ '31': 'a' });
  });

  it('keeps `__proto__` keys as own keys, as the careful parser does', () => {
    const text = 'answers:\n  __proto__:\n    value: 1\n  toString: a\n  constructor: b\n';
    expect(expectSame(text)).toBe(true);
    const answers = (readPlainYaml(text) as { answers: object }).answers;
    expect(Object.keys(answers)).toEqual(['__proto__', 'toString', 'constructor']);
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
  });

  it('gives up on what it is not sure of (the other paths read it, and locate problems)', () => {
    const refused = [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: 1\n...\n', 'a: 1\n---\nb: 2\n',
      'a: 1\r\nb: 2\r\n', '\ufeffa: 1\n', 'a:\tb\n', '\ta: 1\n', 'a: b: c\n', '? a\n: b\n', 'a: [1, [2]]\n', 'a: [1,\n  2]\n',
      'a: |\n  x', 'a: >\n  x\n   y\n', '<<: {a: 1}\n', '- a\n', 'a\n', '', '# rien\n', 'a: b\n  c: d\n', 'a: "x\n"\n',
      'a: 1 # c\n  b\n', 'a: \u0007\n', 'a: "\\ud800"\n', `${'k'.repeat(1100)}: v\n`, '# note\n\ufeffformat: x\n', '\n\ufeffa: 1\n',
    ];
    for (const text of refused) expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('reads block, quoted and plain scalars over several lines as the careful parser does', () => {
    const texts = [
      'a: |\n  x\n\n  y\n\n\nb: 1\n', 'a: |-\n  x\n   y\nb: 1\n', 'a: |+\n  x\n\n\n# fin\n', 'a: |2\n    x\n  y\n', 'l:\n  - |2-\n     a\n    b\n',
      'a: >\n  x\n  y\n\n  z\n', 'a: >-\n  x\n\n\n  y\n', 'a: "x\n  y\n\n  z"\n', 'a: "x \\\n   y"\n', 'a: "x\\n\n  \\ y"\n', "a: 'x\n\n  y ''z'''\n",
      'a: x\n  y\n\n  z # c\nb: 1\n', '- x\n  y\n', 'l:\n- a\n- b: 1\n  c:\n  - d\n- - e\n', 'l:\n  -\n    a: 1\n  -\n  - "x": y\n', 'a: "tab\there\t"\nb: tab\there\t\n',
      'a:    x   \nb:\n\n\n  c: 1\n', 'a: x#y\nb: "#" # c\n', 'é: ü\n"k l": \'m\'\n',
    ];
    let read = 0;
    for (const text of texts) if (expectSame(text)) read++;
    expect(read).toBeGreaterThan(texts.length * 0.7);
  });
});

describe('hostile texts', () => {
  // Linear time on any input: each of these finishes (bench/run.mjs times the whole command on the
  // same shapes); those read are read right.
  it('long words, long runs of spaces, many keys, lines without `:` or with many `#`, deep indentation', () => {
    const N = 200_000;
    const cases: [string, string, unknown][] = [
      ['mot', `a: ${'x'.repeat(N)}\n`, { a: 'x'.repeat(N) }],
      ['espaces', `a: a${' '.repeat(N)}x\n`, { a: `a${' '.repeat(N)}x` }],
      ['espaces en fin', `a: a${' '.repeat(N)}\n`, { a: 'a' }],
      ['clés', Array.from({ length: N / 4 }, (_, i) => `k${i}: v\n`).join(''), undefined],
      ['lignes sans deux-points', `a: x\n${'  y\n'.repeat(N / 4)}`, { a: `x${' y'.repeat(N / 4)}` }],
      ['dièses', `a: x\n${'  y#\n'.repeat(N / 5)}`, { a: `x${' y#'.repeat(N / 5)}` }],
      ['deux-points', `a: ${'x:'.repeat(N / 2)}y\n`, { a: `${'x:'.repeat(N / 2)}y` }],
      ['échappements', `a: "${'\\n'.repeat(N / 2)}"\n`, { a: '\n'.repeat(N / 2) }],
      ['lignes vides dans un bloc', `a: |\n${'\n'.repeat(N)}  x\n`, { a: `${'\n'.repeat(N)}x\n` }],
      ['indentation profonde', `${' '.repeat(N)}a: 1\n`, undefined],
      ['liste', `a:\n${'  - x\n'.repeat(N / 6)}`, { a: Array.from({ length: N / 6 }, () => 'x') }],
    ];
    for (const [name, text, value] of cases) {
      const read = readPlainYaml(text);
      if (value !== undefined) expect(read, name).toEqual(value);
      else if (name === 'clés') expect(Object.keys(read!)).toHaveLength(N / 4);
      else expect(read, name).toBeUndefined();
    }
  }, TIMEOUT);
});

// Texts people type into notes and examples, and what YAML makes of them.
const nastyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'a', 'é', ' ', '  ', '\t', '\n', '\n\n', ': ', ':', ' #', '#', '"', "'", '\\', '- ', '-', '? ', '&a', '*a', '!', '|', '>', '[', ']', '{', '}', ',',
          '1e400', '12', '0o17', '0x1F', '.inf', '~', 'null', 'true', 'Yes', 'No', '2026-11-27', '12:30', '---', '...', '%', '@', '`', '\u2028', '\u00a0', '\u0085',
          '\r', '\r\n', '\ufeff', '\u0007', '\u001b[31m', '😀', 'l\'AMI', '« Ternois »', ' ', '\n ', ' \n', '\n  \n',
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  },
);
const answerArb = fc.record(
  {
    value: fc.oneof(nastyText, fc.array(nastyText, { maxLength: 3 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    examples: fc.array(nastyText, { maxLength: 3 }),
    note: nastyText,
    answeredAt: fc.constantFrom('2026-11-27T14:08:09Z', '2026-11-27'),
    position: fc.record({ value: nastyText, note: nastyText, dissent: fc.array(fc.record({ respondent: nastyText, why: nastyText }, { requiredKeys: ['respondent'] }), { maxLength: 2 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const questionId = fc.oneof(fc.constantFrom('objectifs.constats', 'acteurs.typologie', 'gouvernance.formalisation', '__proto__', 'null', '1', 'n', 'y'), nastyText.filter((s) => s.length > 0));
const answersFileArb = fc.record({
  format: fc.constant('cap-ptce/answers@1'),
  grid: fc.record({ id: fc.constantFrom('cap-ptce', 'ma-grille'), version: fc.constantFrom('1.1.0', '2', '1.0') }),
  project: fc.record({ name: nastyText, territory: nastyText }, { requiredKeys: [] }),
  respondent: fc.option(nastyText, { nil: undefined }),
  path: fc.option(fc.constantFrom('essentiel', 'acteurs'), { nil: undefined }),
  createdAt: fc.constant('2026-10-02T09:00:00Z'),
  answers: fc.dictionary(questionId, answerArb, { maxKeys: 6 }),
});

describe('answers files as cap-ptce writes them (fast-check, fixed seed)', () => {
  // Two exceptions, left to the other paths: a text of several lines, one of them white only
  // (the careful parser itself does not read back a leading line of spaces as it wrote it); a
  // text with U+FFFD to U+FFFF, which the reader refuses on purpose (U+FFFD marks a file that was
  // not UTF-8; the binary strings of fast-check make them, seen at 15 000 runs).
  const whiteLine = (file: unknown): boolean => {
    if (typeof file === 'string') return (/\n/.test(file) && /(?:^|\n)[ \t]+(?:\n|$)/.test(file)) || /[\ufffd-\uffff]/.test(file);
    if (file === null || typeof file !== 'object') return false;
    return Object.keys(file).some((k) => /[\ufffd-\uffff]/.test(k)) || Object.values(file).some(whiteLine);
  };
  it('are all read by the plain reader, and read as the careful parser reads them', () => {
    fc.assert(
      fc.property(answersFileArb, (file) => {
        const text = written(JSON.parse(JSON.stringify(file)) as AnswersFile);
        const read = expectSame(text);
        // FUZZ_SAVE=file: the last file not read, to look at.
        if (!read && process.env.FUZZ_SAVE) writeFileSync(process.env.FUZZ_SAVE, text);
        if (!whiteLine(file)) expect(read, `not read:\n${text}`).toBe(true);
      }),
      { seed: 20261127, numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('generated documents (fast-check, fixed seed)', () => {
  const key = fc.oneof(fc.constantFrom('format', 'id', 'value', 'note', '__proto__', 'null', '~', '1', '1e3', 'true', '-1', 'a b', 'a:b', '#a', 'é'), nastyText.filter((s) => s.length > 0 && s.length < 20));
  const leaf = fc.oneof(nastyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
  })).node;

  it('written by either library, with any options: the same data, or given up', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.constantFrom('yaml', 'yaml-1.1', 'yaml-flow', 'js-yaml', 'js-yaml-flow'), fc.integer({ min: 0, max: 3 }), (doc, how, indentExtra) => {
        let text: string;
        try {
          if (how === 'js-yaml' || how === 'js-yaml-flow') text = dump(doc, { flowLevel: how === 'js-yaml-flow' ? 2 : -1, indent: 2 + indentExtra, lineWidth: indentExtra === 0 ? -1 : 20 });
          else if (how === 'yaml') text = stringify(doc, { indent: 2 + indentExtra, lineWidth: indentExtra * 15, indentSeq: indentExtra % 2 === 0 });
          else if (how === 'yaml-flow') text = stringify(doc, { collectionStyle: 'flow', lineWidth: 0 });
          else text = new Document(doc, { version: '1.1' }).toString({ lineWidth: 0 });
        } catch {
          return;
        }
        expectSame(text);
      }),
      { seed: 20261127, numRuns: RUNS },
    );
  }, TIMEOUT);

  // Hand-edited files: data written in random styles (indentation, quotes, folding, block
  // scalars, comments, blank lines, sequences at their key's column, flow collections), as people
  // write YAML by hand; some of it is not valid YAML, some reads otherwise than meant: either way,
  // the plain reader must give what the careful parser gives, or give up.
  it('edited by hand: the same data, or given up', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.integer(), (doc, seed) => {
        if (expectSame(handWritten(doc, seed))) read++;
      }),
      { seed: 20261127, numRuns: RUNS * 3 },
    );
    expect(read).toBeGreaterThan(RUNS / 2);
  }, TIMEOUT);

  it('written by cap-ptce then altered one character at a time: the same data, or given up', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\n', '\t', '#', ' #', ': ', '"', "'", '-', '- ', '&a ', '*a', '!', '|', '>', '[', '{', '\\', '\r', '\ufeff', 'é', '1e400', '~', '---\n', ''), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(answersFileArb, fc.array(edit, { minLength: 1, maxLength: 3 }), (file, edits) => {
        let text = written(JSON.parse(JSON.stringify(file)) as AnswersFile);
        for (const [at, insert, drop] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + drop);
        }
        expectSame(text);
      }),
      { seed: 20261127, numRuns: RUNS * 2 },
    );
  }, TIMEOUT);
});

/** A small deterministic generator of choices (mulberry32). */
function chooser(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** `doc` written as a person might write it by hand, each style chosen by `seed`. */
function handWritten(doc: Record<string, unknown>, seed: number): string {
  const pick = chooser(seed);
  const sp = (n: number): string => ' '.repeat(n);
  const comment = (): string => [' # c', '', '', '', '  #  é'][pick(5)]!;
  const between = (ind: number): string => ['', '', '', '\n', `${sp(ind)}# commentaire\n`, '   \n', '#\n'][pick(7)]!;
  const plainOk = (s: string): boolean => /^[A-Za-zÀ-ÿ0-9][^\n\t:#]*$/.test(s) && !/\s$/.test(s);
  const keyText = (k: string): string => (plainOk(k) && pick(4) > 0 ? k + [':', ':', ' :'][pick(3)]! : `${JSON.stringify(k)}:`);
  /** A scalar after `key:` or `- `, whose collection is at column `ind`; lines end with \n. */
  const scalar = (v: unknown, ind: number): string => {
    if (typeof v !== 'string') {
      const forms = [String(v), JSON.stringify(v) ?? 'null', v === null ? '~' : String(v), typeof v === 'number' ? `"${String(v)}"` : String(v)];
      return ` ${forms[pick(forms.length)]}${comment()}\n`;
    }
    const deeper = ind + 1 + pick(4);
    switch (pick(6)) {
      case 0: // plain, folded over lines at its spaces
        if (plainOk(v)) return ` ${v.replace(/ (?=\S)/g, () => (pick(4) === 0 ? `\n${pick(3) === 0 ? '\n' : ''}${sp(deeper)}` : ' '))}${comment()}\n`;
        return ` ${JSON.stringify(v)}\n`;
      case 1: // double quotes, folded at spaces
        return ` ${JSON.stringify(v).replace(/ (?=\S)/g, () => (pick(5) === 0 ? `\n${sp(deeper)}` : ' '))}${comment()}\n`;
      case 2: // single quotes
        return /[\n\u0000-\u001f\u007f-\u009f]/.test(v) ? ` ${JSON.stringify(v)}\n` : ` '${v.replace(/'/g, "''")}'${comment()}\n`;
      case 3: // literal block
      case 4: { // folded block (its lines joined with spaces when read)
        if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(v) || v.length === 0) return ` ${JSON.stringify(v)}\n`;
        const trailing = /\n*$/.exec(v)![0].length;
        const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
        const body = v.slice(0, v.length - trailing).split('\n').map((l) => (l === '' ? '' : sp(deeper) + l)).join('\n');
        return ` ${pick(2) === 0 ? '|' : '>'}${chomp}${comment()}\n${body}\n${'\n'.repeat(Math.max(0, trailing - 1))}`;
      }
      default:
        return ` ${JSON.stringify(v)}${comment()}\n`;
    }
  };
  const isLeaf = (v: unknown): boolean => v === null || typeof v !== 'object';
  const flowOk = (v: unknown): boolean => (Array.isArray(v) ? v : Object.values(v as object)).every((x) => isLeaf(x) && (typeof x !== 'string' || plainOk(x))) && (Array.isArray(v) || Object.keys(v as object).every(plainOk));
  const flow = (v: unknown): string => (Array.isArray(v) ? `[${v.map(String).join(', ')}]` : `{ ${Object.entries(v as object).map(([k, x]) => `${k}: ${String(x)}`).join(', ')} }`);
  /** A node after `key:` or `- ` (the indicator written), its collection at column `ind`. */
  const node = (v: unknown, ind: number, afterKey: boolean): string => {
    if (isLeaf(v)) return scalar(v, ind);
    const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0;
    if (empty || (flowOk(v) && pick(3) === 0)) return ` ${empty ? (Array.isArray(v) ? '[]' : '{}') : flow(v)}${comment()}\n`;
    const inner = Array.isArray(v) && afterKey && pick(2) === 0 ? ind : ind + 1 + pick(3);
    return `${comment()}\n${Array.isArray(v) ? seq(v, inner) : map(v as Record<string, unknown>, inner)}`;
  };
  const seq = (items: unknown[], ind: number): string =>
    items.map((x) => {
      if (!isLeaf(x) && !Array.isArray(x) && Object.keys(x as object).length > 0 && pick(2) === 0) {
        // `- key: value`, the mapping at the column after the dash
        const gap = 1 + pick(2);
        const m = map(x as Record<string, unknown>, ind + 1 + gap);
        return `${between(ind)}${sp(ind)}-${sp(gap)}${m.slice(ind + 1 + gap)}`;
      }
      return `${between(ind)}${sp(ind)}-${node(x, ind, false)}`;
    }).join('');
  const map = (m: Record<string, unknown>, ind: number): string =>
    Object.entries(m).map(([k, x]) => `${between(ind)}${sp(ind)}${keyText(k)}${node(x, ind, true)}`).join('');
  return map(doc, 0);
}
