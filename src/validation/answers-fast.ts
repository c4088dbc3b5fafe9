// An answers file read by hand when it is well formed: the zod schema (model/schema.ts,
// AnswersFileSchema) stays the reference, loaded only when this reader declines. The reader accepts
// exactly what the schema accepts and returns what it returns (same keys, same order, the same
// defaults); test/robust/answers-fast.test.ts checks both over generated files. Any doubt → null,
// and the schema decides (and says what is wrong, where). An answer, and the file's `answers`,
// already in the form the schema returns (a plain object, known keys in the schema's order, values
// of the right kind) are returned as they are rather than copied: nothing changes them afterwards
// (answers are replaced, never edited), and a workshop reads thousands.
import { ANSWERS_FORMAT } from '../model/formats.js';
import type { Answer, AnswersFile, AnswerValue, GroupPosition } from '../model/schema.js';

type Obj = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Own keys all among `allowed` (zod's `.strict()`). */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k of Object.keys(o)) if (!allowed.has(k)) return false;
  return true;
}

const has = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A copy of a list of strings (zod returns a new array), or undefined when one item is not a string. */
function stringsCopy(v: unknown[]): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const item = v[i];
    if (typeof item !== 'string') return undefined;
    out.push(item);
  }
  return out;
}

/** AnswerValueSchema: a string, a list of strings, a finite number, a boolean, or null. */
function answerValue(v: unknown): AnswerValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (Array.isArray(v)) return stringsCopy(v);
  return undefined;
}

const FAIL = Symbol('fail');

/** Copies the optional string fields `keys` of `from` into `to`, in order; FAIL on a wrong type. */
function optionalStrings(from: Obj, to: Obj, keys: readonly string[]): typeof FAIL | undefined {
  for (const k of keys) {
    if (!has(from, k)) continue;
    if (!isString(from[k])) return FAIL;
    to[k] = from[k];
  }
  return undefined;
}

/** Copies an optional `value` (an answer's, a group position's); FAIL when it is of no accepted kind. */
function optionalValue(from: Obj, to: Obj): typeof FAIL | undefined {
  if (!has(from, 'value')) return undefined;
  const value = answerValue(from.value);
  if (value === undefined) return FAIL;
  to.value = value;
  return undefined;
}

const DISSENT_KEYS = new Set(['respondent', 'why']);
const POSITION_KEYS = new Set(['value', 'note', 'dissent']);
const FILE_KEYS = new Set(['$schema', 'format', 'grid', 'project', 'respondent', 'path', 'createdAt', 'updatedAt', 'answers']);
const GRID_KEYS = new Set(['id', 'version']);
const PROJECT_KEYS = new Set(['name', 'territory']);

function position(v: unknown): GroupPosition | undefined {
  if (!isObject(v) || !onlyKeys(v, POSITION_KEYS)) return undefined;
  const out: Obj = {};
  if (optionalValue(v, out) === FAIL) return undefined;
  if (optionalStrings(v, out, ['note']) === FAIL) return undefined;
  if (has(v, 'dissent')) {
    if (!Array.isArray(v.dissent)) return undefined;
    const dissent: Obj[] = [];
    for (const d of v.dissent) {
      if (!isObject(d) || !onlyKeys(d, DISSENT_KEYS) || !isString(d.respondent) || !has(d, 'respondent')) return undefined;
      const one: Obj = { respondent: d.respondent };
      if (optionalStrings(d, one, ['why']) === FAIL) return undefined;
      dissent.push(one);
    }
    out.dissent = dissent;
  }
  return out as GroupPosition;
}

// The answer's keys, one bit each: `answer` runs for every answer of every file of a workshop
// (4 000 at 100 participants), mostly before the JIT has warmed up, so it walks the keys once,
// with no Set, closure or list of names per answer.
const VALUE = 1;
const EXAMPLES = 2;
const NOTE = 4;
const POSITION = 8;
const ANSWERED_AT = 16;

const isPlain = (v: object): boolean => Object.getPrototypeOf(v) === Object.prototype;

function isStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function answer(v: unknown): Answer | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  let present = 0;
  let ordered = true; // keys in the schema's order, each once
  for (let i = 0; i < keys.length; i++) {
    let bit: number;
    switch (keys[i]) {
      case 'value':
        bit = VALUE;
        break;
      case 'examples':
        bit = EXAMPLES;
        break;
      case 'note':
        bit = NOTE;
        break;
      case 'position':
        bit = POSITION;
        break;
      case 'answeredAt':
        bit = ANSWERED_AT;
        break;
      default:
        return undefined; // zod's `.strict()`
    }
    if (bit <= present) ordered = false;
    present |= bit;
  }
  // As it is: a plain object whose keys come in the schema's order, without a group position
  // (copied below), with values of the right kind.
  if (ordered && !(present & POSITION) && isPlain(v)) {
    if (present & VALUE) {
      const value = v.value;
      if (!(typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value)) || isStrings(value))) return undefined;
    }
    if (present & EXAMPLES && !isStrings(v.examples)) return undefined;
    if (present & NOTE && typeof v.note !== 'string') return undefined;
    if (present & ANSWERED_AT && typeof v.answeredAt !== 'string') return undefined;
    return v as Answer;
  }
  // Built in the schema's key order, whatever the file's (the order zod returns).
  const out: Obj = {};
  if (present & VALUE) {
    const value = answerValue(v.value);
    if (value === undefined) return undefined;
    out.value = value;
  }
  if (present & EXAMPLES) {
    const examples = Array.isArray(v.examples) ? stringsCopy(v.examples) : undefined;
    if (examples === undefined) return undefined;
    out.examples = examples;
  }
  if (present & NOTE) {
    if (typeof v.note !== 'string') return undefined;
    out.note = v.note;
  }
  if (present & POSITION) {
    const p = position(v.position);
    if (p === undefined) return undefined;
    out.position = p;
  }
  if (present & ANSWERED_AT) {
    if (typeof v.answeredAt !== 'string') return undefined;
    out.answeredAt = v.answeredAt;
  }
  return out as Answer;
}

/** The answers file as AnswersFileSchema would return it, or null when the schema must decide. */
export function readAnswersFast(data: unknown): AnswersFile | null {
  if (!isObject(data) || !onlyKeys(data, FILE_KEYS)) return null;
  const out: Obj = {};
  if (optionalStrings(data, out, ['$schema']) === FAIL) return null;
  if (data.format !== ANSWERS_FORMAT) return null;
  out.format = data.format;
  const grid = data.grid;
  if (!isObject(grid) || !onlyKeys(grid, GRID_KEYS) || !isString(grid.id) || !SLUG.test(grid.id) || !isString(grid.version)) return null;
  out.grid = { id: grid.id, version: grid.version };
  if (has(data, 'project')) {
    const project = data.project;
    if (!isObject(project) || !onlyKeys(project, PROJECT_KEYS)) return null;
    const p: Obj = {};
    if (optionalStrings(project, p, ['name', 'territory']) === FAIL) return null;
    out.project = p;
  } else out.project = {};
  if (optionalStrings(data, out, ['respondent']) === FAIL) return null;
  if (has(data, 'path')) {
    if (!isString(data.path) || !SLUG.test(data.path)) return null;
    out.path = data.path;
  }
  if (optionalStrings(data, out, ['createdAt', 'updatedAt']) === FAIL) return null;
  if (has(data, 'answers')) {
    const answers = data.answers;
    if (!isObject(answers)) return null;
    // The record itself while every answer is kept as it is; a copy from the first one that is not.
    let a: Record<string, Answer> | null = isPlain(answers) ? null : {};
    const ids = Object.keys(answers);
    for (let i = 0; i < ids.length; i++) {
      const given = answers[ids[i]!];
      const one = answer(given);
      if (one === undefined) return null;
      if (a === null && one !== given) {
        a = {};
        for (let k = 0; k < i; k++) a[ids[k]!] = answers[ids[k]!] as Answer;
      }
      if (a !== null) a[ids[i]!] = one;
    }
    out.answers = a ?? answers;
  } else out.answers = {};
  return out as unknown as AnswersFile;
}
