// A reader for the YAML that cap-ptce writes (answers files saved by `diagnose`, the round table,
// the form importer) and for hand-edited files of the same shape: block mappings and sequences by
// indentation, plain, quoted and block scalars, comments, one-line flow collections. It returns
// exactly what the careful parser (`yaml`, YAML 1.2 core schema, `toJS`) returns, or undefined
// whenever the text holds anything else or anything doubtful (anchors, aliases, tags, directives,
// document markers, complex keys, CR, BOM, control characters, null keys, duplicate keys,
// multi-line flow collections…): the caller then takes the existing paths, which also locate
// every problem. No positions: a file that needs a diagnostic is located by those paths.
// Equality is proven by test/robust/yaml-plain.test.ts over the repository's YAML files and
// generated documents. Linear time on any input: one pass over the text, each character looked
// at a bounded number of times, strings built by slices.

import { LIMITS } from './limits.js';

type Obj = Record<string, unknown>;

/** Deeper indentation is the nesting check's business (yaml-source.ts, findExcessiveNesting). */
const MAX_INDENT = LIMITS.maxIndentColumn;

/** Thrown to give up; caught once, at the top. */
const GIVE_UP = Symbol('give up');

// Characters the reader refuses anywhere: CR (line ends other than LF), C0 controls except tab
// and LF, non-characters, U+FFFD (refused before as a sign of binary content). The careful parser
// has rules for them; cap-ptce writes them escaped.
// (DEL, C1 controls and U+2028 are text to the careful parser, as cap-ptce writes them raw. A
// BOM is text too, except at the very start: refused there.)
const REFUSED = /[\u0000-\u0008\u000b-\u001f\ufffd-\uffff]/;

// Core schema (yaml 2, schema/core): the tests, in the order the schema tries them.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value, as the core schema resolves it. */
export function resolvePlain(s: string): unknown {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  // A text that starts with a letter is a null or a boolean when it is one of their few spellings
  // (NULL and BOOL), else text: compared, no regex (`note:` and « Note du participant… » start
  // with the letter of `null`, and went through the eight tests below). Numbers start with a
  // digit, a sign or a dot; `~` is null.
  if (c === 110 || c === 78) return s === 'null' || s === 'Null' || s === 'NULL' ? null : s; // n N
  if (c === 116 || c === 84) return s === 'true' || s === 'True' || s === 'TRUE' ? true : s; // t T
  if (c === 102 || c === 70) return s === 'false' || s === 'False' || s === 'FALSE' ? false : s; // f F
  const maybe = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126;
  if (!maybe) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return c === 116 || c === 84;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

const SP = 32;
const TAB = 9;
const LF = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

// Characters that may not start a plain scalar in this reader (YAML's indicators, and `-`, `?`,
// `:` which the caller checks with the next character).
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/**
 * The data of a YAML text whose root is a block mapping, when this reader is certain to give what
 * the careful parser gives; undefined otherwise.
 */
export function readPlainYaml(text: string, seen?: { nonTextKey: boolean }): Obj | undefined {
  if (text.charCodeAt(0) === 0xfeff || REFUSED.test(text)) return undefined;
  try {
    const reader = new Reader(text);
    const value = reader.document();
    // `seen.nonTextKey`: a plain key read as a number or a boolean (`1:`, `true:`), named in the
    // data by its value's text, which other readers may write otherwise.
    if (seen) seen.nonTextKey = reader.nonTextKey;
    return value;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    // A stack overflow (deep nesting: the caller's nesting check runs first) or a bug: the other
    // paths decide.
    return undefined;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

function setKey(obj: Obj, key: string, value: unknown): void {
  // Duplicate: the careful parser reports it. (A value is never undefined: a cheap look first.)
  if (obj[key] !== undefined && Object.prototype.hasOwnProperty.call(obj, key)) giveUp();
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** The key a plain or resolved scalar gives in the data, as `yaml`'s toJS names it. Null keys: give up. */
function keyName(value: unknown): string {
  if (value === null) giveUp(); // `null:` / `~:` name "" in the data but "null" in the duplicate check
  return typeof value === 'string' ? value : String(value);
}

class Reader {
  private readonly t: string;
  private readonly n: number;
  /** Start of the line being read. */
  private pos = 0;
  /** A plain key resolved to a number or a boolean was met. */
  nonTextKey = false;

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
  }

  document(): Obj {
    const first = this.nextContentLine(0);
    if (first === -1) giveUp(); // empty: the careful parser says so
    const indent = this.indentAt(first);
    if (indent !== 0) giveUp();
    // A BOM that starts the first content line (after comments or blank lines): the careful parser
    // drops it as it drops one at the very start (a key `\ufeffformat` would be `format`).
    if (this.t.charCodeAt(first) === 0xfeff) giveUp();
    this.rejectMarker(first);
    const value = this.mapping(first, 0);
    if (this.pos < this.n && this.nextContentLine(this.pos) !== -1) giveUp();
    return value;
  }

  private lineEnd(p: number): number {
    const e = this.t.indexOf('\n', p);
    return e === -1 ? this.n : e;
  }

  // The first character after the spaces that start a line, remembered for the last line asked:
  // the end of an entry, the next entry and its indentation each ask it of the same line, and
  // every file is read cold (a loop over characters is slow until V8 compiles it).
  private spacedLine = -1;
  private spacedTo = -1;

  private afterSpaces(lineStart: number): number {
    if (lineStart === this.spacedLine) return this.spacedTo;
    const t = this.t;
    let i = lineStart;
    while (i < this.n && t.charCodeAt(i) === SP) i++;
    this.spacedLine = lineStart;
    this.spacedTo = i;
    return i;
  }

  /** Spaces at `lineStart` (a tab among them: give up). */
  private indentAt(lineStart: number): number {
    const t = this.t;
    const i = this.afterSpaces(lineStart);
    if (t.charCodeAt(i) === TAB) giveUp();
    const indent = i - lineStart;
    if (indent > MAX_INDENT) giveUp();
    return indent;
  }

  /** The start of the first line at or after `p` (a line start) that is neither blank nor a comment; -1 at the end. */
  private nextContentLine(p: number): number {
    const t = this.t;
    while (p < this.n) {
      const i = this.afterSpaces(p);
      const c = t.charCodeAt(i);
      if (i >= this.n) return -1;
      if (c === LF) {
        p = i + 1;
        continue;
      }
      if (c === HASH) {
        p = this.lineEnd(i) + 1;
        continue;
      }
      if (c === TAB) giveUp();
      return p;
    }
    return -1;
  }

  /** `---` or `...` at a line start: document markers are left to the other paths. */
  private rejectMarker(lineStart: number): void {
    const t = this.t;
    const c = t.charCodeAt(lineStart);
    if ((c === DASH || c === 46) && t.charCodeAt(lineStart + 1) === c && t.charCodeAt(lineStart + 2) === c) giveUp();
  }

  /** Whether the line at `p` (content start) is a sequence entry: `-` then a space or the line end. */
  private isDash(p: number): boolean {
    if (this.t.charCodeAt(p) !== DASH) return false;
    const next = this.t.charCodeAt(p + 1);
    if (next === TAB) giveUp();
    return p + 1 >= this.n || next === SP || next === LF;
  }

  /**
   * A block mapping whose first key starts at `p`, at column `indent`. Reads entries while lines
   * start at that column; leaves `this.pos` at the next content line after it (or the end).
   */
  private mapping(p: number, indent: number): Obj {
    const obj: Obj = {};
    for (;;) {
      const { key, after } = this.key(p);
      const value = this.valueAfter(after, indent, false);
      setKey(obj, key, value);
      p = this.nextEntry(indent);
      if (p === -1) return obj;
      if (this.isDash(p)) giveUp(); // a sequence entry among keys
    }
  }

  /**
   * After an entry of a block collection at column `indent`: where the next entry starts, or -1
   * when the collection ends (end of text, or a line less indented). Leaves `this.pos` at that line.
   */
  private nextEntry(indent: number): number {
    const next = this.pos < this.n ? this.nextContentLine(this.pos) : -1;
    if (next === -1) {
      this.pos = this.n;
      return -1;
    }
    this.pos = next;
    const ind = this.indentAt(next);
    if (ind < indent) return -1;
    if (ind > indent) giveUp();
    if (ind === 0) this.rejectMarker(next);
    return next + ind;
  }

  /** A block sequence whose first `-` is at `p`, column `indent`. */
  private sequence(p: number, indent: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      items.push(this.valueAfter(p + 1, indent, true));
      p = this.nextEntry(indent);
      if (p === -1) return items;
      if (!this.isDash(p)) return items; // a key of the mapping holding this sequence, at the same column
    }
  }

  /**
   * A mapping key at `p`: plain or quoted, on one line, followed by `:` and a space or the line
   * end. Returns the key's name in the data and the position just after the `:`.
   */
  private key(p: number): { key: string; after: number } {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const { value, end } = c === 34 ? this.doubleQuoted(p, -1) : this.singleQuoted(p, -1);
      if (t.charCodeAt(end) !== COLON || end - p > 1024) giveUp();
      this.checkAfterColon(end + 1);
      return { key: value, after: end + 1 };
    }
    const colon = this.mappingColon(p);
    if (colon === -1) giveUp();
    let e = colon;
    while (e > p && t.charCodeAt(e - 1) === SP) e--;
    if (colon - p > 1024 || t.charCodeAt(e - 1) === TAB) giveUp(); // implicit keys are limited to 1024 characters; white before `:`: doubtful
    const raw = t.slice(p, e);
    if (raw === '<<') giveUp();
    const value = resolvePlain(raw);
    if (typeof value !== 'string') this.nonTextKey = true;
    return { key: keyName(value), after: colon + 1 };
  }

  private checkAfterColon(i: number): void {
    const c = this.t.charCodeAt(i);
    if (!(i >= this.n || c === SP || c === LF)) giveUp();
  }

  /**
   * The `:` of a plain key starting at `p`: the first `:` followed by a space or the line end,
   * before any comment. -1 when the line holds none. Gives up on what a plain key cannot start with.
   */
  private mappingColon(p: number): number {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (NOT_PLAIN_START.has(c) && !((c === DASH || c === 63 || c === COLON) && this.plainSafeAfterIndicator(p + 1))) giveUp();
    const end = this.lineEnd(p);
    const comment = this.commentStart(p, end);
    for (let i = this.nextColon(p); i < comment; i = this.nextColon(i + 1)) {
      if (i + 1 >= end) return i;
      const next = t.charCodeAt(i + 1);
      if (next === SP) return i;
      if (next === TAB) giveUp();
    }
    return -1;
  }

  // The next `:` and `#` at or after a position, found by indexOf (native: a fraction of a loop
  // over characters in a process that reads each file once) and remembered: each stretch of text
  // is searched once however many lines ask, where a search from each line to the next `:` would
  // be quadratic on a long run of lines without one.
  private colonFrom = -1;
  private colonAt = -1;
  private hashFrom = -1;
  private hashAt = -1;

  private nextColon(i: number): number {
    if (i < this.colonFrom || i > this.colonAt) {
      this.colonFrom = i;
      const f = this.t.indexOf(':', i);
      this.colonAt = f === -1 ? this.n : f;
    }
    return this.colonAt;
  }

  private nextHash(i: number): number {
    if (i < this.hashFrom || i > this.hashAt) {
      this.hashFrom = i;
      const f = this.t.indexOf('#', i);
      this.hashAt = f === -1 ? this.n : f;
    }
    return this.hashAt;
  }

  /** Where a comment starts in [p, end) (a `#` after white), or `end`. */
  private commentStart(p: number, end: number): number {
    const t = this.t;
    for (let h = this.nextHash(p); h < end; h = this.nextHash(h + 1)) {
      const prev = t.charCodeAt(h - 1);
      if (prev === SP || prev === TAB) return h;
    }
    return end;
  }

  /** `-`, `?` and `:` may start a plain scalar when a character other than white follows. */
  private plainSafeAfterIndicator(i: number): boolean {
    const c = this.t.charCodeAt(i);
    return i < this.n && c !== SP && c !== TAB && c !== LF;
  }

  /**
   * The node after a `:` or a `-` at `p` (the indicator's next character) whose collection is at
   * column `parent`. Leaves `this.pos` at the start of the line after the node.
   */
  private valueAfter(p: number, parent: number, inSequence: boolean): unknown {
    const t = this.t;
    let i = p;
    while (i < this.n && t.charCodeAt(i) === SP) i++;
    const c = t.charCodeAt(i);
    if (i >= this.n || c === LF || c === HASH) {
      // Nothing on this line: a nested block, or null.
      if (c === HASH && i === p) giveUp(); // `-#`: not a comment
      const lineAfter = i >= this.n ? this.n : this.lineEnd(i) + 1;
      const next = lineAfter < this.n ? this.nextContentLine(lineAfter) : -1;
      if (next === -1) {
        this.pos = this.n;
        return null;
      }
      const ind = this.indentAt(next);
      const q = next + ind;
      if (ind > parent) {
        this.pos = next;
        if (this.isDash(q)) return this.sequence(q, ind);
        if (this.mappingColonOrQuotedKey(q)) return this.mapping(q, ind);
        giveUp(); // a scalar on the next line
      }
      if (ind === parent && !inSequence && this.isDash(q)) {
        this.pos = next;
        return this.sequence(q, ind);
      }
      this.pos = next;
      return null;
    }
    if (c === TAB) giveUp();
    if (c === 34 || c === 39) {
      const { value, end } = c === 34 ? this.doubleQuoted(i, parent) : this.singleQuoted(i, parent);
      if (inSequence && t.charCodeAt(end) === COLON) {
        // `- "key": value`: a mapping in the entry.
        return this.mapping(i, i - this.lineStartOf(i));
      }
      this.pos = this.restOfLine(end);
      return value;
    }
    if (c === 124 || c === 62) return this.blockScalar(i, parent);
    if (c === 91 || c === 123) {
      const { value, end } = this.flow(i);
      this.pos = this.restOfLine(end);
      return value;
    }
    if (inSequence) {
      if (this.isDash(i)) giveUp(); // `- - x`
      if (this.mappingColon(i) !== -1) return this.mapping(i, i - this.lineStartOf(i));
    }
    return this.plain(i, parent);
  }

  private lineStartOf(i: number): number {
    return this.t.lastIndexOf('\n', i - 1) + 1;
  }

  /** Whether a mapping entry starts at `q` (the line's content start). */
  private mappingColonOrQuotedKey(q: number): boolean {
    const c = this.t.charCodeAt(q);
    if (c === 34 || c === 39) return true; // `key()` checks the colon
    return this.mappingColon(q) !== -1;
  }

  /** After a node that ends at `i` on its line: only spaces, then a comment or the line end. Returns the next line's start. */
  private restOfLine(i: number): number {
    const t = this.t;
    const start = i;
    while (i < this.n && t.charCodeAt(i) === SP) i++;
    if (i >= this.n) return this.n;
    const c = t.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === HASH && i > start) return this.lineEnd(i) + 1;
    return giveUp();
  }

  /**
   * A plain scalar starting at `p`, in a block collection at column `parent`; it may go on over
   * lines indented more than `parent`, folded as YAML folds them.
   */
  private plain(p: number, parent: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (NOT_PLAIN_START.has(c) && !((c === DASH || c === 63 || c === COLON) && this.plainSafeAfterIndicator(p + 1))) giveUp();
    let { text, comment, next } = this.plainLine(p);
    let multi = false;
    while (!comment && next < this.n) {
      // Continuation lines: blank ones become line breaks, others a space.
      let breaks = 0;
      let q = next;
      let lineStart = next;
      for (;;) {
        q = this.afterSpaces(lineStart);
        if (q < this.n && t.charCodeAt(q) === LF) {
          breaks++;
          q++;
          lineStart = q;
          continue;
        }
        break;
      }
      if (q >= this.n) break;
      const ind = q - lineStart;
      if (ind <= parent) break;
      if (ind > MAX_INDENT) giveUp();
      const ch = t.charCodeAt(q);
      if (ch === TAB || NOT_PLAIN_START.has(ch)) giveUp(); // comments, indicators: doubtful
      const line = this.plainLine(q);
      text += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + line.text;
      multi = true;
      comment = line.comment;
      next = line.next;
    }
    this.pos = next;
    return multi ? text : resolvePlain(text);
  }

  /**
   * One line of a plain scalar from `p`: its text (trailing spaces and tabs dropped), whether a
   * comment ends it, and the next line's start. `: ` inside is an error for the careful parser.
   */
  private plainLine(p: number): { text: string; comment: boolean; next: number } {
    const t = this.t;
    const end = this.lineEnd(p);
    const stop = this.commentStart(p, end);
    for (let i = this.nextColon(p); i < stop; i = this.nextColon(i + 1)) {
      const next = t.charCodeAt(i + 1);
      if (i + 1 >= end || next === SP || next === TAB) giveUp();
    }
    let e = stop;
    while (e > p && (t.charCodeAt(e - 1) === SP || t.charCodeAt(e - 1) === TAB)) e--;
    return { text: t.slice(p, e), comment: stop < end, next: end >= this.n ? this.n : end + 1 };
  }

  /**
   * A double-quoted scalar at `p`. `parent`: the column of its collection, its next lines must be
   * indented more; -1 for a key (one line only). Returns the value and the index after the quote.
   */
  private doubleQuoted(p: number, parent: number): { value: string; end: number } {
    const t = this.t;
    let out = '';
    let i = p + 1;
    let from = i; // start of the raw run not yet copied
    for (;;) {
      if (i >= this.n) giveUp();
      const ch = t.charCodeAt(i);
      if (ch === 34) {
        out += t.slice(from, i);
        return { value: out, end: i + 1 };
      }
      if (ch === 92) {
        out += t.slice(from, i);
        const e = t.charCodeAt(i + 1);
        if (e === LF) {
          // An escaped line break: joined without a space, the next line's leading white dropped.
          if (parent < 0) giveUp();
          i = this.foldStart(i + 2, parent);
          from = i;
          continue;
        }
        const { s, len } = this.escape(i + 1);
        out += s;
        i += 1 + len;
        from = i;
        continue;
      }
      if (ch === LF) {
        const { text, next } = this.quotedLineBreak(from, i, parent);
        out += text;
        i = next;
        from = i;
        continue;
      }
      i++;
    }
  }

  /** A single-quoted scalar at `p` (`''` is a quote); see `doubleQuoted`. */
  private singleQuoted(p: number, parent: number): { value: string; end: number } {
    const t = this.t;
    let out = '';
    let i = p + 1;
    let from = i;
    for (;;) {
      if (i >= this.n) giveUp();
      const ch = t.charCodeAt(i);
      if (ch === 39) {
        out += t.slice(from, i);
        if (t.charCodeAt(i + 1) === 39) {
          out += "'";
          i += 2;
          from = i;
          continue;
        }
        return { value: out, end: i + 1 };
      }
      if (ch === LF) {
        const { text, next } = this.quotedLineBreak(from, i, parent);
        out += text;
        i = next;
        from = i;
        continue;
      }
      i++;
    }
  }

  /**
   * The end of a line inside a quoted scalar (`from`: where its text began, `i`: the break): the
   * line's text without its trailing white, then the break folded. Returns where the content goes on.
   */
  private quotedLineBreak(from: number, i: number, parent: number): { text: string; next: number } {
    if (parent < 0) giveUp();
    const t = this.t;
    let e = i;
    while (e > from && (t.charCodeAt(e - 1) === SP || t.charCodeAt(e - 1) === TAB)) e--;
    const { text, next } = this.fold(i, parent);
    return { text: t.slice(from, e) + text, next };
  }

  /**
   * A line break inside a quoted scalar at `i`: one break is a space, n + 1 breaks are n newlines.
   * Returns the folded text and where the content goes on (the next line's first non-white).
   */
  private fold(i: number, parent: number): { text: string; next: number } {
    let breaks = 0;
    const t = this.t;
    let q = i;
    for (;;) {
      // q at a LF
      breaks++;
      q++;
      const lineStart = q;
      while (q < this.n && t.charCodeAt(q) === SP) q++;
      const ind = q - lineStart;
      if (q < this.n && t.charCodeAt(q) === LF) continue;
      if (q >= this.n) giveUp();
      // Content, or its closing quote: indented more than the collection, white after the indentation dropped.
      if (ind <= parent) giveUp();
      if (ind > MAX_INDENT) giveUp();
      if (ind === 0) this.rejectMarker(lineStart);
      while (q < this.n && (t.charCodeAt(q) === SP || t.charCodeAt(q) === TAB)) q++;
      if (t.charCodeAt(q) === LF) giveUp(); // a line of white after a tab: doubtful
      return { text: breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), next: q };
    }
  }

  /** After an escaped line break: where the next line's content starts, its leading white dropped (a blank line there: given up). */
  private foldStart(q: number, parent: number): number {
    const t = this.t;
    const lineStart = q;
    while (q < this.n && t.charCodeAt(q) === SP) q++;
    const ind = q - lineStart;
    if (q >= this.n || t.charCodeAt(q) === LF) giveUp(); // blank lines after `\`: doubtful
    if (ind <= parent || ind > MAX_INDENT) giveUp();
    while (q < this.n && (t.charCodeAt(q) === SP || t.charCodeAt(q) === TAB)) q++;
    if (q >= this.n || t.charCodeAt(q) === LF) giveUp();
    return q;
  }

  /** A double-quoted escape after the `\` at `i - 1`: its text and its length after the backslash. */
  private escape(i: number): { s: string; len: number } {
    const t = this.t;
    const c = t[i];
    switch (c) {
      case '0': return { s: '\0', len: 1 };
      case 'a': return { s: '\x07', len: 1 };
      case 'b': return { s: '\b', len: 1 };
      case 't': case '\t': return { s: '\t', len: 1 };
      case 'n': return { s: '\n', len: 1 };
      case 'v': return { s: '\v', len: 1 };
      case 'f': return { s: '\f', len: 1 };
      case 'r': return { s: '\r', len: 1 };
      case 'e': return { s: '\x1b', len: 1 };
      case ' ': return { s: ' ', len: 1 };
      case '"': return { s: '"', len: 1 };
      case '/': return { s: '/', len: 1 };
      case '\\': return { s: '\\', len: 1 };
      case 'N': return { s: '\u0085', len: 1 };
      case '_': return { s: '\u00a0', len: 1 };
      case 'L': return { s: '\u2028', len: 1 };
      case 'P': return { s: '\u2029', len: 1 };
      case 'x': return { s: this.hex(i + 1, 2), len: 3 };
      case 'u': return { s: this.hex(i + 1, 4), len: 5 };
      case 'U': return { s: this.hex(i + 1, 8), len: 9 };
      default: return giveUp();
    }
  }

  private hex(i: number, digits: number): string {
    const h = this.t.slice(i, i + digits);
    if (h.length !== digits || !/^[0-9a-fA-F]+$/.test(h)) giveUp();
    const code = parseInt(h, 16);
    // Lone surrogates and code points past U+10FFFF: left to the careful parser.
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) giveUp();
    return String.fromCodePoint(code);
  }

  /**
   * A block scalar (`|` or `>`, with an optional indentation digit and chomping sign) at `p`, in a
   * collection at column `parent`. Folded scalars with more-indented lines: give up.
   */
  private blockScalar(p: number, parent: number): string {
    const t = this.t;
    const literal = t.charCodeAt(p) === 124;
    let i = p + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    let digit = 0;
    for (let k = 0; k < 2; k++) {
      const c = t.charCodeAt(i);
      if (c === DASH && chomp === 'clip') {
        chomp = 'strip';
        i++;
      } else if (c === 43 && chomp === 'clip') {
        chomp = 'keep';
        i++;
      } else if (c >= 49 && c <= 57 && digit === 0) {
        digit = c - 48;
        i++;
      }
    }
    const bodyStart = this.restOfLine(i);
    if (bodyStart >= this.n) giveUp();
    // Content indentation: given, or that of the first non-blank line. None (blank lines, then
    // a line of the parent collection or the end): an empty scalar, read below.
    let contentIndent = digit > 0 ? parent + digit : -1;
    if (contentIndent < 0) {
      let q = bodyStart;
      let maxBlank = 0;
      let blanks = 0;
      for (;;) {
        const ls = q;
        while (q < this.n && t.charCodeAt(q) === SP) q++;
        if (q < this.n && t.charCodeAt(q) === LF) {
          maxBlank = Math.max(maxBlank, q - ls);
          blanks++;
          q++;
          continue;
        }
        if (q >= this.n || q - ls <= parent) {
          // Empty: as many line breaks as blank lines when kept, else nothing (measured, whatever their spaces).
          if (q > ls && q >= this.n) giveUp(); // spaces at the very end
          if (digit > 0) giveUp();
          this.pos = ls;
          return chomp === 'keep' ? '\n'.repeat(blanks) : '';
        }
        contentIndent = q - ls;
        if (maxBlank > contentIndent) giveUp();
        break;
      }
    }
    if (contentIndent > MAX_INDENT) giveUp();
    // Lines: at least contentIndent spaces (text), or blank (at most contentIndent spaces).
    const lines: string[] = [];
    let trailingBlanks = 0;
    let q = bodyStart;
    for (;;) {
      if (q >= this.n) break;
      const ls = q;
      while (q < this.n && q - ls < contentIndent && t.charCodeAt(q) === SP) q++;
      const ind = q - ls;
      const e = this.lineEnd(ls);
      if (ind < contentIndent) {
        if (q < this.n && t.charCodeAt(q) !== LF) {
          q = ls; // less indented: the block ends
          break;
        }
        if (e >= this.n) giveUp(); // white at the very end
        lines.push('');
        trailingBlanks++;
        q = e + 1;
        continue;
      }
      if (e >= this.n) giveUp(); // no final line break
      const content = t.slice(q, e);
      if (content.length > 0 && isWhite(content)) giveUp(); // a line of white beyond the indentation
      if (content.length === 0) trailingBlanks++;
      else trailingBlanks = 0;
      lines.push(content);
      q = e + 1;
    }
    this.pos = q;
    const textLines = lines.length - trailingBlanks;
    if (textLines === 0) {
      if (digit > 0) giveUp();
      return chomp === 'keep' ? '\n'.repeat(lines.length) : '';
    }
    let body: string;
    if (literal) {
      body = lines.slice(0, textLines).join('\n');
    } else {
      body = '';
      let pendingBreaks = -1;
      for (let k = 0; k < textLines; k++) {
        const line = lines[k]!;
        if (line.length === 0) {
          pendingBreaks++;
          continue;
        }
        const c = line.charCodeAt(0);
        if (c === SP || c === TAB || (k > 0 && body === '')) giveUp(); // more-indented lines keep their breaks: left to the careful parser
        if (pendingBreaks === -1) body = line;
        else body += (pendingBreaks === 0 ? ' ' : '\n'.repeat(pendingBreaks)) + line;
        pendingBreaks = 0;
      }
    }
    if (chomp === 'strip') return body;
    if (chomp === 'clip') return body + '\n';
    return body + '\n' + '\n'.repeat(trailingBlanks);
  }

  /**
   * A flow collection on one line at `p`: `[a, "b"]`, `{ id: x, version: 1.0 }`, `[]`, `{}`. No
   * nesting, no empty entries, no trailing comma, no `:` or `#` in plain entries.
   */
  private flow(p: number): { value: unknown; end: number } {
    const t = this.t;
    const isMap = t.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const obj: Obj = {};
    const arr: unknown[] = [];
    let i = this.skipSpaces(p + 1);
    if (t.charCodeAt(i) === close) return { value: isMap ? obj : arr, end: i + 1 };
    for (;;) {
      const first = this.flowScalar(i);
      i = this.skipSpaces(first.end);
      if (isMap) {
        if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SP) giveUp();
        const value = this.flowScalar(this.skipSpaces(i + 1));
        if (typeof first.value !== 'string') this.nonTextKey = true;
        setKey(obj, keyName(first.value), value.value);
        i = this.skipSpaces(value.end);
      } else {
        arr.push(first.value);
      }
      const c = t.charCodeAt(i);
      if (c === close) return { value: isMap ? obj : arr, end: i + 1 };
      if (c !== 44) giveUp();
      i = this.skipSpaces(i + 1);
      if (t.charCodeAt(i) === close) giveUp(); // trailing comma
    }
  }

  private skipSpaces(i: number): number {
    while (i < this.n && this.t.charCodeAt(i) === SP) i++;
    return i;
  }

  /** A scalar in a flow collection: quoted on one line, or plain without `,[]{}:#`. */
  private flowScalar(i: number): { value: unknown; end: number } {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === 34) return this.doubleQuoted(i, -1);
    if (c === 39) return this.singleQuoted(i, -1);
    if (i >= this.n || NOT_PLAIN_START.has(c) || c === SP || c === TAB || c === LF) giveUp();
    let j = i;
    for (; j < this.n; j++) {
      const ch = t.charCodeAt(j);
      if (ch === 44 || ch === 93 || ch === 125) break;
      if (ch === LF || ch === COLON || ch === HASH || ch === 91 || ch === 123 || ch === TAB) {
        if (ch === COLON && t.charCodeAt(j + 1) === SP) break; // a flow mapping's `: `
        giveUp();
      }
    }
    let e = j;
    while (e > i && t.charCodeAt(e - 1) === SP) e--;
    return { value: resolvePlain(t.slice(i, e)), end: e };
  }
}

function isWhite(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== SP && c !== TAB) return false;
  }
  return true;
}
