// YAML text to data, with positions for every diagnostic, and guards against hostile files.
// Pure: takes text, returns data and diagnostics. Reading the file is the caller's job.
import type { DiagnosticCode } from './codes.js';
import type { Event as FastEvent } from 'js-yaml';
import type { Document, LineCounter as LineCounterType, Node, Pair, YAMLMap } from 'yaml';
import { lazyLib } from '../lazy-lib.js';
import { readPlainYaml } from './yaml-plain.js';

// The `yaml` package (positions, careful parsing) is loaded only when needed: a valid plain file
// never needs it, and loading it costs more start-up time than reading the whole grid.
type YamlModule = typeof import('yaml');
// js-yaml too: the plain reader (yaml-plain.ts) reads the files cap-ptce writes without it.
type JsYamlModule = typeof import('js-yaml');
let jsYamlModule: JsYamlModule | undefined;
function jsYaml(): JsYamlModule {
  jsYamlModule ??= lazyLib<JsYamlModule>('js-yaml');
  return jsYamlModule;
}
let yamlModule: YamlModule | undefined;
function yamlLib(): YamlModule {
  yamlModule ??= lazyLib<YamlModule>('yaml');
  return yamlModule;
}

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

/** A problem found in a file, before it is given a line and column. */
export interface PathDiagnostic {
  severity: Severity;
  code: DiagnosticCode;
  path: PathSegment[];
  message: string;
  /** Point at the key of the last path segment rather than at its value. */
  atKey?: boolean;
}

/** A problem with its place in a file, as printed by `validate`. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  /** One of the documented codes (validation/codes.ts), so that a new code cannot go undocumented. */
  code: DiagnosticCode;
  path: string;
  message: string;
}

// In a module of its own: the readers (io/files.ts) need the size limit without loading a YAML parser.
import { LIMITS } from './limits.js';
export { LIMITS };

export interface ParsedYaml {
  /** The data, or undefined when the file could not be read as one YAML mapping or list. */
  value: unknown;
  diagnostics: Diagnostic[];
  locate(path: PathSegment[], atKey?: boolean): { line: number; col: number };
  toDiagnostic(d: PathDiagnostic): Diagnostic;
}

export function formatPath(path: PathSegment[]): string {
  if (path.length === 0) return '(racine)';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Cheap scan, before the parser sees the text, for nesting deep enough to exhaust the stack. */
export function findExcessiveNesting(text: string): { line: number; col: number; message: string } | null {
  let flowDepth = 0;
  let line = 1;
  let lineStart = 0;
  let quote = 0; // the code of the open quote, 0 when none
  let atLineStart = true;
  let prefix = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!atLineStart && quote === 0 && flowDepth === 0) {
      // Outside flow collections only line ends, comments and [ { matter: found natively (most of
      // a file is text, and each file of a workshop is scanned once, before the JIT warms up).
      TOP_LEVEL_SPECIAL.lastIndex = i;
      if (!TOP_LEVEL_SPECIAL.test(text)) break;
      i = TOP_LEVEL_SPECIAL.lastIndex - 1;
    }
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      prefix = 0;
      continue;
    }
    if (atLineStart) {
      // Indentation and compact collection indicators ("- - - x") each open a level.
      if (ch === 32 || ch === 9 || ((ch === 45 || ch === 63 || ch === 58) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10))) {
        prefix++;
        if (prefix > LIMITS.maxIndentColumn) {
          return { line, col: i - lineStart + 1, message: `imbrication trop profonde (plus de ${LIMITS.maxIndentColumn} colonnes d'indentation)` };
        }
        continue;
      }
      atLineStart = false;
    }
    if (quote !== 0) {
      if (ch === 92 && quote === 34) i++;
      else if (ch === quote) quote = 0;
      continue;
    }
    if (ch === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
      const nl = text.indexOf('\n', i);
      i = (nl === -1 ? n : nl) - 1;
      continue;
    }
    if ((ch === 34 || ch === 39) && flowDepth > 0) quote = ch;
    else if (ch === 91 || ch === 123) {
      flowDepth++;
      if (flowDepth > LIMITS.maxFlowDepth) {
        return { line, col: i - lineStart + 1, message: `imbrication trop profonde (plus de ${LIMITS.maxFlowDepth} niveaux de [ ou {)` };
      }
    } else if ((ch === 93 || ch === 125) && flowDepth > 0) flowDepth--;
  }
  return null;
}

const TOP_LEVEL_SPECIAL = /[\n#[{]/g;

// Each map's keys, indexed once: locating thousands of diagnostics (a file with 100 000 unknown
// answers) by scanning every key for each was quadratic (> 600 s).
const keyIndexes = new WeakMap<object, Map<string, Pair>>();
function pairAt(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    const { isScalar } = yamlLib();
    index = new Map();
    for (const p of map.items) {
      if (!isScalar(p.key)) continue;
      const k = String(p.key.value);
      if (!index.has(k)) index.set(k, p); // the first, as a scan would find
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

function findNode(doc: Document, path: PathSegment[], atKey: boolean): Node | null {
  const { isMap, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  let found: Node | null = (doc.contents as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairAt(node, String(seg));
      if (!pair) return found; // a missing key points at its parent
      if (last && atKey && pair.key) return pair.key as Node;
      node = pair.value;
      if (node && (node as Node).range) found = node as Node;
      else if (pair.key) found = pair.key as Node; // `key:` with no value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) return found;
      node = item;
      if ((item as Node).range) found = item as Node;
    } else {
      return found;
    }
  }
  return found;
}

// Directives (%YAML, %TAG): cases for the careful parser, before trying the fast one. Document
// markers (a leading `---`, as many editors write, a closing `...`) read alike in both; several
// documents are refused below by counting them. (A leading `---` used to send a 3.6 MB file to the
// careful parser: seconds instead of a second.)
const NEEDS_FULL_PARSER = /^%/m;

// What the two parsers read differently (measured: every core-schema scalar compared): a float
// too large for a double, kept as text by js-yaml (`1e400`) but Infinity for yaml, and the null
// words as keys (`null:` and `~:` give the key "null" with js-yaml, "" with yaml). Seen in a fast
// result, the file goes to the careful parser, so that the same text always gives the same data.
// Quoted numbers ("01", "62": département codes) read alike and keep the fast path.
const FLOAT_TEXT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// The first character is checked before the regex: most texts of a file are not numbers.
const mayBeNumber = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
};
const readsDifferently = (s: string): boolean => mayBeNumber(s) && FLOAT_TEXT.test(s) && !Number.isFinite(Number(s));
const NULL_KEYS = new Set(['null', 'Null', 'NULL', '~', '']);

/**
 * Whether a js-yaml result is certainly what the careful parser gives: a tree (an alias of a
 * collection makes a shared node: alias bombs are the careful parser's job, with its limit), and
 * no text or key that the two read differently. Linear.
 */
export function fastResultIsSafe(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (readsDifferently(node)) return false;
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (NULL_KEYS.has(key) || readsDifferently(key) || key.includes('[object ')) return false;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return true;
}

/** The fast parser alone: the data when it is certainly what the careful parser gives, else undefined. */
export function parseYamlFast(text: string): unknown {
  return readPlainYaml(text) ?? parseFast(text)?.value;
}

interface FastParse {
  value: unknown;
  /** js-yaml's events, with source offsets: enough to locate most diagnostics without the slow parser. */
  events: FastEvent[];
}

function parseFast(text: string): FastParse | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  try {
    // CORE_SCHEMA: the YAML 1.2 core types only, as the full parser reads them. js-yaml throws on
    // duplicate keys and unknown tags; then the full parser says where. Events then data is what
    // js-yaml's `load` does; the events are kept for locating.
    const { parseEvents, constructFromEvents, CORE_SCHEMA } = jsYaml();
    const events = parseEvents(text, {});
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
    if (documents.length !== 1) return undefined;
    const value = documents[0];
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && fastResultIsSafe(value)) return { value, events };
  } catch {
    // the full parser locates the problem
  }
  return undefined;
}

// Event types and scalar styles of js-yaml 5 (EVENT_ID, SCALAR_STYLE), as plain numbers so that
// this module does not depend on their objects at run time.
const EV_SEQUENCE = 2;
const EV_MAPPING = 3;
const EV_SCALAR = 4;
const EV_POP = 6;
const STYLE_PLAIN = 1;
const STYLE_SINGLE = 2;
const STYLE_DOUBLE = 3;

/**
 * Locates paths in js-yaml's event stream, giving the offset the careful parser would give
 * (`node.range[0]`), or undefined when unsure (anchors, tags, aliases, block scalars, empty
 * values, complex keys): the caller then asks the careful parser. Building the `yaml` Document
 * of a 3.6 MB file took seconds; this walks the events once, indexes each map's keys once.
 * Equality with the careful parser is tested over the repository's files and random documents.
 */
export function eventLocator(text: string, events: readonly FastEvent[]): (path: PathSegment[], atKey: boolean) => number | undefined {
  // end[i]: index just past event i's subtree.
  let end: Int32Array | undefined;
  const subtreeEnds = (): Int32Array => {
    if (end) return end;
    end = new Int32Array(events.length);
    const open: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const type = events[i]!.type;
      if (type === EV_MAPPING || type === EV_SEQUENCE) open.push(i);
      else if (type === EV_POP) {
        const start = open.pop();
        if (start !== undefined) end[start] = i + 1;
        end[i] = i + 1;
      } else end[i] = i + 1;
    }
    return end;
  };
  const keyIndex = new Map<number, Map<string, { key: number; value: number }> | null>();
  const pairsOf = (map: number): Map<string, { key: number; value: number }> | null => {
    let index = keyIndex.get(map);
    if (index !== undefined) return index;
    const ends = subtreeEnds();
    index = new Map();
    let i = map + 1;
    while (i < events.length && events[i]!.type !== EV_POP) {
      const keyName = scalarKey(text, events[i]!);
      const value = ends[i]!;
      if (keyName === undefined) {
        index = null; // a key the index cannot name: let the careful parser answer
        break;
      }
      if (!index.has(keyName)) index.set(keyName, { key: i, value });
      i = ends[value]!;
    }
    keyIndex.set(map, index);
    return index;
  };
  const itemOf = (seq: number, n: number): number | undefined => {
    const ends = subtreeEnds();
    let i = seq + 1;
    for (let k = 0; i < events.length && events[i]!.type !== EV_POP; k++) {
      if (k === n) return i;
      i = ends[i]!;
    }
    return undefined;
  };

  return (path, atKey) => {
    // events[0] is the document; the root node follows.
    let node = 1;
    let found: number | undefined = offsetOf(text, events[node]);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      const ev = events[node];
      if (ev?.type === EV_MAPPING) {
        const pairs = pairsOf(node);
        if (!pairs) return undefined;
        const pair = pairs.get(String(seg));
        if (!pair) return found; // a missing key points at its parent
        if (last && atKey) return offsetOf(text, events[pair.key]);
        node = pair.value;
        found = offsetOf(text, events[node]);
      } else if (ev?.type === EV_SEQUENCE && typeof seg === 'number') {
        const item = itemOf(node, seg);
        if (item === undefined) return found;
        node = item;
        found = offsetOf(text, events[node]);
      } else {
        return found;
      }
      if (found === undefined) return undefined;
    }
    return found;
  };
}

/** Where the careful parser's node starts, for the simple cases; undefined otherwise. */
function offsetOf(text: string, ev: FastEvent | undefined): number | undefined {
  if (!ev) return undefined;
  if (ev.type === EV_MAPPING || ev.type === EV_SEQUENCE) {
    return ev.anchorStart === -1 && ev.tagStart === -1 ? ev.start : undefined;
  }
  if (ev.type !== EV_SCALAR || ev.anchorStart !== -1 || ev.tagStart !== -1 || ev.valueStart < 0) return undefined;
  if (ev.style === STYLE_PLAIN) return ev.valueStart;
  if (ev.style === STYLE_SINGLE || ev.style === STYLE_DOUBLE) {
    const quote = ev.style === STYLE_SINGLE ? "'" : '"';
    return text[ev.valueStart - 1] === quote ? ev.valueStart - 1 : undefined;
  }
  return undefined;
}

// Plain keys that may not be text in the core schema: null and booleans (letters), numbers,
// `.inf`, `~`. Others are their own text.
const MAYBE_NOT_TEXT = /^(?:[^A-Za-z_]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;

/** A key as js-yaml names it in the data (`String` of the scalar's value), or undefined. */
function scalarKey(text: string, ev: FastEvent): string | undefined {
  if (ev.type !== EV_SCALAR || ev.tagStart !== -1) return undefined;
  const { getScalarValue, load: fastLoad, CORE_SCHEMA } = jsYaml();
  const raw = getScalarValue(text, ev);
  if (ev.style !== STYLE_PLAIN || !MAYBE_NOT_TEXT.test(raw)) return raw;
  try {
    return String(fastLoad(raw, { schema: CORE_SCHEMA }));
  } catch {
    return undefined;
  }
}

/** `careful`: skip the fast parser (tests compare the two parsers' positions with it). */
export function parseYaml(text: string, file: string, options: { careful?: boolean } = {}): ParsedYaml {
  let lineCounter: LineCounterType | undefined;
  let doc: Document | null = null;
  let fastLocate: ((path: PathSegment[], atKey: boolean) => number | undefined) | undefined;
  // Read by the plain reader, which keeps no positions: js-yaml's events are parsed on the first
  // diagnostic to locate (most files have none).
  let eventsWanted = false;
  let fastLines: number[] | undefined;
  const diagnostics: Diagnostic[] = [];

  // The `yaml` parser keeps positions but is slow to warm up (about 350 ms for the default grid
  // on these machines); js-yaml reads plain files in a tenth of that. Positions are only needed
  // for diagnostics, so the full Document is built lazily, when something has to be located.
  const fullDocument = (): Document => {
    if (!doc) {
      const { LineCounter, parseDocument } = yamlLib();
      lineCounter = new LineCounter();
      doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
    }
    return doc;
  };
  const posOf = (offset: number): { line: number; col: number } => {
    fullDocument();
    const p = lineCounter!.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const locate = (path: PathSegment[], atKey = false): { line: number; col: number } => {
    if (eventsWanted) {
      // The events alone: the data is the plain reader's, and its keys are text, named alike by
      // js-yaml (building js-yaml's copy of a file of 100 000 answers doubled the cost).
      eventsWanted = false;
      try {
        fastLocate = eventLocator(text, jsYaml().parseEvents(text, {}));
      } catch {
        // the careful parser locates
      }
    }
    const offset = fastLocate?.(path, atKey);
    if (offset !== undefined) {
      fastLines ??= lineStarts(text);
      return linePos(fastLines, offset);
    }
    const node = findNode(fullDocument(), path, atKey);
    if (!node?.range) return { line: 1, col: 1 };
    return posOf(node.range[0]);
  };
  const toDiagnostic = (d: PathDiagnostic): Diagnostic => ({
    file,
    ...locate(d.path, d.atKey),
    severity: d.severity,
    code: d.code,
    path: formatPath(d.path),
    message: d.message,
  });
  const at = (line: number, col: number, code: DiagnosticCode, message: string): Diagnostic => ({
    file, line, col, severity: 'error', code, path: '(fichier)', message,
  });
  const result = (value: unknown): ParsedYaml => ({ value, diagnostics, locate, toDiagnostic });

  if (text.length > LIMITS.maxBytes) {
    diagnostics.push(at(1, 1, 'FILE_TOO_LARGE', `fichier trop volumineux (plus de ${LIMITS.maxBytes / 1024 / 1024} Mo) : une grille ou un fichier de réponses tient en quelques dizaines de Ko`));
    return result(undefined);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1 || text.includes('\uFFFD')) {
    diagnostics.push(at(1, 1, 'BINARY_CONTENT', "contenu binaire ou encodage non UTF-8 : attendu un fichier texte YAML en UTF-8"));
    return result(undefined);
  }
  const deep = findExcessiveNesting(text);
  if (deep) {
    diagnostics.push(at(deep.line, deep.col, 'NESTING_TOO_DEEP', `${deep.message} : simplifiez la structure du fichier`));
    return result(undefined);
  }

  if (!options.careful) {
    // The YAML cap-ptce writes, read without js-yaml: the same data, a fraction of the time.
    const seen = { nonTextKey: false };
    const plain = readPlainYaml(text, seen);
    if (plain !== undefined) {
      // A key that is not text (`1:`, `.inf:`) may be named otherwise by js-yaml: located by `yaml`.
      eventsWanted = !seen.nonTextKey;
      return result(plain);
    }
  }
  const fast = options.careful ? undefined : parseFast(text);
  if (fast !== undefined) {
    fastLocate = eventLocator(text, fast.events);
    return result(fast.value);
  }

  doc = fullDocument();
  for (const e of doc.errors) {
    const [start] = e.pos;
    const { line, col } = posOf(start);
    const code = e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    diagnostics.push(at(line, col, code, `YAML invalide : ${firstLine(e.message)}`));
  }
  for (const w of doc.warnings) {
    const { line, col } = posOf(w.pos[0]);
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? ' (les étiquettes comme !!js/function ne sont jamais exécutées : retirez-la)' : '';
    diagnostics.push(at(line, col, 'YAML_UNSAFE', `construction YAML refusée : ${firstLine(w.message)}${tag}`));
  }
  if (diagnostics.length > 0) return result(undefined);

  // The default duplicate-key check is quadratic on large maps; a Set per map is linear.
  const { isPair, isScalar, visit } = yamlLib();
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) {
          const { line, col } = posOf(pair.key.range?.[0] ?? 0);
          diagnostics.push(at(line, col, 'YAML_DUPLICATE_KEY', `clé « ${key} » en double dans le même bloc : gardez-en une seule`));
        }
        seen.add(key);
      }
    },
  });
  if (diagnostics.length > 0) return result(undefined);

  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    diagnostics.push(at(1, 1, 'EMPTY_FILE', 'fichier vide : attendu une grille (format: cap-ptce/grid@1) ou des réponses (format: cap-ptce/answers@1)'));
    return result(undefined);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      diagnostics.push(at(1, 1, 'YAML_ALIAS_LIMIT', `trop d'alias YAML (* et &) : au plus ${LIMITS.maxAliasCount} résolutions sont acceptées, ce fichier ressemble à une « bombe » d'alias`));
    } else {
      diagnostics.push(at(1, 1, 'YAML_SYNTAX', `YAML illisible : ${firstLine(message)}`));
    }
    return result(undefined);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'une liste' : `une valeur simple (${JSON.stringify(value)})`;
    const pos = locate([]);
    diagnostics.push(at(pos.line, pos.col, 'NOT_A_MAPPING', `le fichier contient ${what} : attendu un bloc de clés (format:, id:, …) au premier niveau`));
    return result(undefined);
  }
  return result(value);
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, as yaml's LineCounter gives them. */
function linePos(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
