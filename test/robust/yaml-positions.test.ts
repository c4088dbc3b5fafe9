// Diagnostics of a file read by the fast parser are located from its events (a 3.6 MB answers file
// with 100 000 unknown ids no longer builds the slow parser's whole document). Every position must
// be the one the careful parser gives: proven here for every path of every YAML file of the
// repository and of random documents (fast-check, fixed seed; FUZZ_RUNS=5000 for more).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump, parseEvents } from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { eventLocator, parseYaml, parseYamlFast, type PathSegment } from '../../src/validation/yaml-source.js';
import { repoRoot } from '../helpers.js';
import { yamlFiles } from './yaml-files.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Every path of parsed data, with the last key of maps (each visited once). */
function pathsOf(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** Compares the fast and careful locations of every path (and of a few missing ones); returns how many were compared. */
function expectSamePositions(text: string): number {
  if (parseYamlFast(text) === undefined) return 0;
  const fast = parseYaml(text, 'f.yaml');
  const careful = parseYaml(text, 'f.yaml', { careful: true });
  const paths = pathsOf(fast.value);
  paths.push(['absente'], ['answers', 'absente', 'value'], [0], ...paths.slice(1, 4).map((p) => [...p, 'absente', 3]));
  for (const path of paths) {
    for (const atKey of [false, true]) {
      expect(fast.locate(path, atKey), `${JSON.stringify(path)} ${atKey}\n${text.slice(0, 300)}`).toEqual(careful.locate(path, atKey));
    }
  }
  return paths.length;
}

describe('positions from the fast parser', () => {
  it('are the careful parser’s for every path of every YAML file of the repository', () => {
    let compared = 0;
    for (const file of yamlFiles(repoRoot)) compared += expectSamePositions(readFileSync(file, 'utf8'));
    expect(compared).toBeGreaterThan(1000);
  });

  it('come from the events alone for plain keys (the slow parser is not needed for a huge file)', () => {
    const text = readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), 'utf8');
    const fromEvents = eventLocator(text, parseEvents(text, {}));
    const paths = pathsOf(parseYamlFast(text));
    const answered = paths.filter((p) => fromEvents(p, true) !== undefined && fromEvents(p, false) !== undefined);
    expect(answered.length).toBeGreaterThan(paths.length * 0.9);
    const huge = `format: cap-ptce/answers@1\nanswers:\n${Array.from({ length: 20_000 }, (_, i) => `  inconnue.q${i}:\n    value: engage\n`).join('')}`;
    const located = eventLocator(huge, parseEvents(huge, {}));
    expect(located(['answers', 'inconnue.q19999'], true)).toBe(huge.indexOf('inconnue.q19999:'));
  });

  it('are the careful parser’s on quoted, numeric, boolean, flow, anchored and empty nodes', () => {
    const text = [
      'format: cap-ptce/answers@1',
      '"quoted key": "v"',
      "'single': 'w'",
      '1: un',
      '0x10: seize',
      '2.50: virgule',
      'true: vrai',
      'vide:',
      'bloc: |',
      '  texte',
      'ancre: &a valeur',
      'alias: *a',
      'etiquette: !!str 12',
      'flux: [1, {h: 2, "k": [x]}, "z"]',
      'liste:',
      '  - a',
      '  - b: 1',
      '    c:',
      '      - [d]',
      '# commentaire',
      'fin: "é\\u00e9"  # après',
      '',
    ].join('\n');
    expect(expectSamePositions(text)).toBeGreaterThan(20);
    expect(expectSamePositions(text.replace(/\n/g, '\r\n'))).toBeGreaterThan(20);
  });

  it('are the careful parser’s on random documents written by either library (fast-check, fixed seed)', () => {
    const word = fc.oneof(fc.constantFrom('1e3', '12', '0x1F', '.inf', 'null', 'true', '~', '', '*a', '#d', '- e', 'f: g', "l'AMI", '"q"', 'é', 'a\nb', ' x '), fc.string({ maxLength: 12 }));
    const key = fc.oneof(fc.constantFrom('format', 'answers', 'value', 'note', '1', '0x10', 'true', 'a b', '"q"'), fc.string({ minLength: 1, maxLength: 8 }));
    const leaf = fc.oneof(word, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    let compared = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.constantFrom('js-yaml', 'yaml', 'yaml-flow'), fc.constantFrom('', '---\n', '--- # début\n'), (doc, writer, start) => {
        let text: string;
        try {
          text = start + (writer === 'js-yaml' ? dump(doc) : stringify(doc, writer === 'yaml-flow' ? { collectionStyle: 'flow' } : {}));
        } catch {
          return true;
        }
        compared += expectSamePositions(text);
        return true;
      }),
      { seed: 20261127, numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS);
  });
});
