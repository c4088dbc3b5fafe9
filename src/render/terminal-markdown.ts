// Markdown rendered for a terminal, without a Markdown library (marked and marked-terminal cost a
// report on a terminal ≈ 70 ms, most of it compiling their regular expressions). A small
// CommonMark reader, enough for the Markdown cap-ptce's templates write and for whatever a
// facilitator puts in an edited template: ATX and setext headings, paragraphs, emphasis, code,
// links and autolinks, escapes and entities, nested lists (tight and loose), block quotes, fenced
// and indented code, GFM tables, thematic breaks, raw HTML (shown as text). Whatever it does not
// recognise is printed as text: no word is ever dropped, nothing throws.
// It wraps as it renders, since it knows each block's indentation: words are never cut at a line
// end (only a word wider than the whole line is), French no-break spaces never break, list items
// and quotes hang under their text, and no line is wider than `width` (string-width's rules).
// No control character of the source reaches the terminal: the only escape sequences in the output
// are the colours added here. Pure: Markdown, width and colour in, text out.
import stringWidth, { graphemes } from '../text/string-width.js';
// C0 and C1 controls, zero-width and bidirectional controls, ANSI sequences as a whole: removed as
// everywhere else (src/text/escape.ts).
import { ANSI, ANY_CONTROL, ANY_CONTROL_BUT_NEWLINE, CONTROL_KEEP_NEWLINE } from '../text/escape.js';

export interface TerminalMarkdownOptions {
  /** Columns of the terminal: no line of the output is wider. */
  width: number;
  /** ANSI colours and styles (bold headings, italic emphasis…); false: plain text. */
  color: boolean;
  /**
   * Column widths (each counting its two padding spaces) for a table, by its header row as written
   * (`| Entrée | Repère | … |`), or null: widths fitted to the cells and the width.
   */
  columnWidths?: (headerRow: string, columns: number, width: number) => number[] | null;
}

// ───────────────────────────── styles ─────────────────────────────

const BOLD = 1;
const ITALIC = 2;
const CODE = 4;
const LINK = 8;
const URL_STYLE = 16;
const STRIKE = 32;
const H1 = 64;
const HEADING = 128;
const QUOTE = 256;
const RAW = 512;
const BORDER = 1024;
const TABLE_HEAD = 2048;

/** SGR parameters of each style, in the order they are combined (the last colour wins). */
const SGR: readonly (readonly [number, string])[] = [
  [QUOTE, '3'],
  [RAW, '90'],
  [BORDER, '90'],
  [HEADING, '32;1'],
  [H1, '35;1;4'],
  [TABLE_HEAD, '1'],
  [BOLD, '1'],
  [ITALIC, '3'],
  [STRIKE, '9'],
  [LINK, '34'],
  [URL_STYLE, '34;4'],
  [CODE, '33'],
];


class Painter {
  private readonly cache = new Map<number, string>();
  readonly plain: boolean;
  constructor(color: boolean) {
    this.plain = !color;
  }
  paint(text: string, style: number): string {
    if (this.plain || style === 0 || text === '') return text;
    let open = this.cache.get(style);
    if (open === undefined) {
      const codes = SGR.filter(([flag]) => style & flag).map(([, code]) => code);
      open = codes.length > 0 ? `\u001b[${codes.join(';')}m` : '';
      this.cache.set(style, open);
    }
    return open === '' ? text : `${open}${text}\u001b[0m`;
  }
}

// ───────────────────────────── inline ─────────────────────────────

/** A piece of text with its style; `break`: a hard line break. */
interface Run {
  text: string;
  style: number;
  break?: true;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const PLAIN_RUN = /[^\\`&<*_~![\n]+/y;
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\u0000-\u0020]*)>/y;
const EMAIL = /<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/y;
const HTML_COMMENT = /<!--[\s\S]*?-->/y;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
// A link's destination and title are bounded: a hostile text of many « [a]( » stays linear.
const MAX_DESTINATION = 2048;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘',
  ldquo: '“', rdquo: '”', bdquo: '„', sbquo: '‚', euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©', reg: '®',
  trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', middot: '·', bull: '•', sect: '§', para: '¶',
  dagger: '†', Dagger: '‡', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠',
  minus: '−', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', iexcl: '¡', iquest: '¿',
  agrave: 'à', aacute: 'á', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', aelig: 'æ', ccedil: 'ç', egrave: 'è',
  eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', ntilde: 'ñ', ograve: 'ò',
  oacute: 'ó', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø', oelig: 'œ', ugrave: 'ù', uacute: 'ú', ucirc: 'û',
  uuml: 'ü', yuml: 'ÿ', szlig: 'ß', Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Auml: 'Ä', Ccedil: 'Ç', Egrave: 'È',
  Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Icirc: 'Î', Iuml: 'Ï', Ocirc: 'Ô', Ouml: 'Ö', OElig: 'Œ', Ugrave: 'Ù',
  Ucirc: 'Û', Uuml: 'Ü', AElig: 'Æ', shy: '',
};

function decodeEntity(match: RegExpExecArray): string | null {
  if (match[3] !== undefined) return NAMED_ENTITIES[match[3]] ?? null;
  const code = match[1] !== undefined ? Number(match[1]) : parseInt(match[2]!, 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  const char = String.fromCodePoint(code);
  // &#27; is no way around the rule: no control character reaches the terminal.
  return ANY_CONTROL.test(char) ? '\ufffd' : char;
}

/** An inline node: text, or a run of emphasis delimiters not yet matched. */
interface Node {
  text: string;
  style: number;
  break?: true;
  delim?: { char: string; count: number; original: number; canOpen: boolean; canClose: boolean };
}

/** Where each unescaped « [ » closes (its « ] »), in one pass: no quadratic search on « [[[[… ». */
function matchBrackets(s: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91 /* [ */) open.push(i);
    else if (c === 93 /* ] */ && open.length > 0) closing.set(open.pop()!, i);
  }
  return closing;
}

/**
 * The runs of backticks of a text by length, in one pass: the closing run of a code span is the
 * next run of the same length, found without searching the text again (« \` \`\` \`\` … » stays linear).
 */
function backtickRuns(s: string): { next(length: number, from: number): number } {
  const byLength = new Map<number, number[]>();
  for (let i = s.indexOf('`'); i !== -1; i = s.indexOf('`', i)) {
    let n = 1;
    while (s[i + n] === '`') n++;
    let list = byLength.get(n);
    if (!list) byLength.set(n, (list = []));
    list.push(i);
    i += n;
  }
  const cursors = new Map<number, number>();
  return {
    next(length, from) {
      const list = byLength.get(length);
      if (!list) return -1;
      let k = cursors.get(length) ?? 0;
      while (k < list.length && list[k]! < from) k++;
      cursors.set(length, k);
      return k < list.length ? list[k]! : -1;
    },
  };
}

/** A link's « (destination "title") » after its text: the destination and where it ends, or null. */
function linkTail(s: string, at: number): { url: string; end: number } | null {
  if (s[at] !== '(') return null;
  let i = at + 1;
  const limit = Math.min(s.length, at + MAX_DESTINATION);
  while (i < limit && (s[i] === ' ' || s[i] === '\n')) i++;
  let url = '';
  if (s[i] === '<') {
    const close = s.indexOf('>', i + 1);
    if (close === -1 || close > limit) return null;
    url = s.slice(i + 1, close);
    if (url.includes('\n') || url.includes('<')) return null;
    i = close + 1;
  } else {
    let depth = 0;
    const start = i;
    for (; i < limit; i++) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < limit && ESCAPABLE.test(s[i + 1]!)) {
        i++;
        continue;
      }
      if (c === ' ' || c === '\n') break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    url = s.slice(start, i).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  }
  while (i < limit && (s[i] === ' ' || s[i] === '\n')) i++;
  const quote = s[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const close = s.indexOf(quote === '(' ? ')' : quote, i + 1);
    if (close === -1 || close > limit) return null;
    i = close + 1;
    while (i < limit && (s[i] === ' ' || s[i] === '\n')) i++;
  }
  if (s[i] !== ')') return null;
  return { url: url.replace(ENTITY_ALL, (m) => decodeEntity(new RegExp(ENTITY.source, 'y').exec(m)!) ?? m), end: i + 1 };
}
const ENTITY_ALL = new RegExp(ENTITY.source, 'g');

/** Whether a character (or the edge of the text, undefined) is Unicode whitespace, as CommonMark's flanking rules say. */
// ASCII first: the Unicode property classes are compiled (≈ 0.5 ms) only for a text that needs them.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return true;
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return WHITESPACE.test(c);
}
function isPunct(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return ASCII_PUNCTUATION.test(c);
  // Latin letters with accents (« À », « é »…): not punctuation.
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return false;
  return PUNCTUATION.test(c);
}

/** Inline Markdown parsed into styled runs (`base`: the style of the block around it). */
function parseInline(source: string, base = 0): Run[] {
  const nodes: Node[] = [];
  let brackets: Map<number, number> | undefined;
  let ticks: ReturnType<typeof backtickRuns> | undefined;
  let buffer = '';
  const flush = (): void => {
    if (buffer !== '') nodes.push({ text: buffer, style: base });
    buffer = '';
  };
  const s = source;
  let i = 0;
  while (i < s.length) {
    PLAIN_RUN.lastIndex = i;
    const plainText = PLAIN_RUN.exec(s);
    if (plainText) {
      buffer += plainText[0];
      i += plainText[0].length;
      continue;
    }
    const c = s[i]!;
    if (c === '\\') {
      const next = s[i + 1];
      if (next === '\n') {
        flush();
        nodes.push({ text: '', style: base, break: true });
        i += 2;
      } else if (next !== undefined && ESCAPABLE.test(next)) {
        buffer += next;
        i += 2;
      } else {
        buffer += c;
        i++;
      }
    } else if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      ticks ??= backtickRuns(s);
      const close = ticks.next(n, i + n);
      if (close === -1) {
        buffer += fence;
        i += n;
      } else {
        let code = s.slice(i + n, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        flush();
        nodes.push({ text: code, style: base | CODE });
        i = close + n;
      }
    } else if (c === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(s);
      const decoded = entity ? decodeEntity(entity) : null;
      if (entity && decoded !== null) {
        buffer += decoded;
        i += entity[0].length;
      } else {
        buffer += c;
        i++;
      }
    } else if (c === '<') {
      HTML_COMMENT.lastIndex = i;
      AUTOLINK.lastIndex = i;
      EMAIL.lastIndex = i;
      const comment = HTML_COMMENT.exec(s);
      const link = comment ? null : (AUTOLINK.exec(s) ?? EMAIL.exec(s));
      if (comment) {
        // Invisible in any rendering of the Markdown (cap-ptce's marker is one).
        i += comment[0].length;
      } else if (link) {
        flush();
        nodes.push({ text: link[1]!, style: base | URL_STYLE });
        i += link[0].length;
      } else {
        buffer += c;
        i++;
      }
    } else if (c === '*' || c === '_' || c === '~') {
      let n = 1;
      while (s[i + n] === c) n++;
      const before = i > 0 ? s[i - 1] : undefined;
      const after = s[i + n];
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      const canOpen = c === '_' ? left && (!right || isPunct(before)) : left;
      const canClose = c === '_' ? right && (!left || isPunct(after)) : right;
      flush();
      if ((canOpen || canClose) && (c !== '~' || n <= 2)) nodes.push({ text: c.repeat(n), style: base, delim: { char: c, count: n, original: n, canOpen, canClose } });
      else nodes.push({ text: c.repeat(n), style: base });
      i += n;
    } else if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const open = c === '!' ? i + 1 : i;
      brackets ??= matchBrackets(s);
      const close = brackets.get(open);
      const tail = close === undefined ? null : linkTail(s, close + 1);
      if (close === undefined || tail === null) {
        buffer += c;
        i++;
        continue;
      }
      flush();
      const label = s.slice(open + 1, close);
      const image = c === '!';
      const inner = parseInline(label, base | (image ? ITALIC : LINK));
      for (const run of inner) nodes.push(run);
      const shown = inner.map((r) => r.text).join('');
      const url = tail.url;
      const mail = url.startsWith('mailto:') ? url.slice(7) : url;
      // The address after the text, as marked-terminal showed it, unless the text is the address.
      if (url !== '' && mail !== shown && url !== shown) {
        nodes.push({ text: ' (', style: base });
        nodes.push({ text: url, style: base | URL_STYLE });
        nodes.push({ text: ')', style: base });
      }
      i = tail.end;
    } else if (c === '\n') {
      // Two spaces (or more) at the end of a line: a hard break; else a soft one (a space).
      const hard = / {2,}$/.test(buffer);
      buffer = buffer.replace(/ +$/, '');
      flush();
      if (hard) nodes.push({ text: '', style: base, break: true });
      else buffer = ' ';
      i++;
      while (s[i] === ' ') i++;
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
  emphasis(nodes);
  return nodes.map((n) => (n.break ? { text: '', style: n.style, break: true as const } : { text: n.delim ? n.delim.char.repeat(n.delim.count) : n.text, style: n.style }));
}

/**
 * CommonMark's « process emphasis »: delimiter runs matched from the inside out (`**` bold, `*`
 * italic, `~~` struck through), with the rule of three and the openers' floor that keeps it
 * linear. Unmatched delimiters stay as text.
 */
function emphasis(nodes: Node[]): void {
  const stack: number[] = [];
  for (let k = 0; k < nodes.length; k++) if (nodes[k]!.delim) stack.push(k);
  if (stack.length < 2) return;
  const ranges: { from: number; to: number; flag: number }[] = [];
  const floors = new Map<string, number>();
  let ci = 0;
  while (ci < stack.length) {
    const closer = nodes[stack[ci]!]!.delim!;
    if (!closer.canClose) {
      ci++;
      continue;
    }
    const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.original % 3}`;
    const floor = floors.get(key) ?? -1;
    let oi = ci - 1;
    for (; oi > floor; oi--) {
      const opener = nodes[stack[oi]!]!.delim!;
      if (opener.char !== closer.char || !opener.canOpen || opener.count === 0) continue;
      if (closer.char === '~' && opener.count !== closer.count) continue;
      const oddMatch = (opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0);
      if (!oddMatch || closer.char === '~') break;
    }
    if (oi <= floor) {
      floors.set(key, ci - 1);
      if (!closer.canOpen) stack.splice(ci, 1);
      else ci++;
      continue;
    }
    const opener = nodes[stack[oi]!]!.delim!;
    const use = closer.char === '~' ? closer.count : closer.count >= 2 && opener.count >= 2 ? 2 : 1;
    ranges.push({ from: stack[oi]! + 1, to: stack[ci]!, flag: closer.char === '~' ? STRIKE : use === 2 ? BOLD : ITALIC });
    opener.count -= use;
    closer.count -= use;
    // Delimiters between the two are text now.
    stack.splice(oi + 1, ci - oi - 1);
    ci = oi + 1;
    if (opener.count === 0) {
      stack.splice(oi, 1);
      ci--;
    }
    if (closer.count === 0) stack.splice(ci, 1);
  }
  if (ranges.length === 0) return;
  // Styles applied by a sweep over the nodes: linear however deep the nesting.
  const flags = [BOLD, ITALIC, STRIKE];
  for (const flag of flags) {
    const delta = new Int32Array(nodes.length + 1);
    let any = false;
    for (const r of ranges) {
      if (r.flag !== flag) continue;
      delta[r.from]! += 1;
      delta[r.to]! -= 1;
      any = true;
    }
    if (!any) continue;
    let depth = 0;
    for (let k = 0; k < nodes.length; k++) {
      depth += delta[k]!;
      if (depth > 0) nodes[k]!.style |= flag;
    }
  }
}

// ───────────────────────────── wrapping ─────────────────────────────

interface Piece {
  text: string;
  style: number;
}

/** Display width of a text (string-width's rules: East Asian wide, emoji, combining marks). */
function widthOf(text: string): number {
  return ONE_COLUMN.test(text) ? text.length : stringWidth(text);
}
// Printable ASCII and Latin-1 (no soft hyphen): one column each, most words of a French report.
const ONE_COLUMN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff]*$/;

/**
 * Styled runs wrapped at `width` columns on word boundaries (ASCII spaces only: a no-break space
 * U+00A0 or U+202F holds its neighbours together). A word wider than the line is cut between
 * graphemes, the only cut ever made. Returns the lines, painted.
 */
function wrapRuns(runs: readonly Run[], width: number, painter: Painter): string[] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let word: Piece[] = [];
  let wordWidth = 0;
  const newLine = (): void => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  const cutWord = (pieces: readonly Piece[]): void => {
    for (const piece of pieces) {
      let chunk = '';
      for (const g of graphemes(piece.text)) {
        const gw = widthOf(g);
        if (lineWidth + gw > width && lineWidth > 0) {
          if (chunk) line.push({ text: chunk, style: piece.style });
          chunk = '';
          newLine();
        }
        chunk += g;
        lineWidth += gw;
      }
      if (chunk) line.push({ text: chunk, style: piece.style });
    }
  };
  // Words end at spaces and hard breaks only (a word may span several styles: « **gras**, »).
  const place = (): void => {
    if (word.length === 0) return;
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
      // The space takes the styles its two neighbours share (one colour run across a styled phrase).
      line.push({ text: ' ', style: line[line.length - 1]!.style & word[0]!.style }, ...word);
      lineWidth += 1 + wordWidth;
    } else {
      if (lineWidth > 0) newLine();
      if (wordWidth <= width) {
        line.push(...word);
        lineWidth = wordWidth;
      } else cutWord(word);
    }
    word = [];
    wordWidth = 0;
  };
  for (const run of runs) {
    if (run.break) {
      place();
      newLine();
      continue;
    }
    const parts = run.text.split(' ');
    for (let k = 0; k < parts.length; k++) {
      // A space before this part: the word before it is complete.
      if (k > 0) place();
      const part = parts[k]!;
      if (part === '') continue;
      word.push({ text: part, style: run.style });
      wordWidth += widthOf(part);
    }
  }
  place();
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((pieces) => (painter.plain ? pieces.map((p) => p.text).join('') : paintPieces(pieces, painter)));
}

/** A line's pieces painted, neighbours of one style merged. */
function paintPieces(pieces: readonly Piece[], painter: Painter): string {
  let out = '';
  let text = '';
  let style = -1;
  for (const p of pieces) {
    if (p.style !== style && text !== '') {
      out += painter.paint(text, style);
      text = '';
    }
    style = p.style;
    text += p.text;
  }
  return out + (text === '' ? '' : painter.paint(text, style));
}

/** A line of verbatim text (code, raw HTML) cut at `width` columns, between graphemes. */
function cutLine(text: string, width: number): string[] {
  if (widthOf(text) <= width) return [text];
  const out: string[] = [];
  let chunk = '';
  let w = 0;
  for (const g of graphemes(text)) {
    const gw = widthOf(g);
    if (w + gw > width && chunk !== '') {
      out.push(chunk);
      chunk = '';
      w = 0;
    }
    chunk += g;
    w += gw;
  }
  out.push(chunk);
  return out;
}

// ───────────────────────────── blocks ─────────────────────────────

type Align = 'left' | 'center' | 'right';
type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; lines: string[] }
  | { kind: 'html'; lines: string[] }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; delimiter: string; loose: boolean; items: Block[][] }
  | { kind: 'table'; header: string; align: Align[]; rows: string[][] }
  | { kind: 'hr' };

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE_MARK = /^ {0,3}> ?/;
const LIST_MARK = /^( {0,3})([*+-]|\d{1,9}[.)])( +|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const HTML_START = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|\?|![A-Za-z])/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

const isBlank = (line: string): boolean => line.trim() === '';
function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** The cells of a table row: split on unescaped pipes, `\|` kept as a pipe. */
function tableCells(row: string): string[] {
  let inner = row.trim();
  if (inner.startsWith('|')) inner = inner.slice(1);
  if (inner.endsWith('|') && !inner.endsWith('\\|')) inner = inner.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && inner[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Whether lines[i] and lines[i + 1] open a GFM table (a header row and a delimiter row of as many cells). */
function tableStartsAt(lines: readonly string[], i: number): boolean {
  const header = lines[i]!;
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !header.includes('|') || !delimiter.includes('|') || !TABLE_DELIMITER.test(delimiter)) return false;
  if (indentOf(header) > 3) return false;
  return tableCells(header).length === tableCells(delimiter).length;
}

// HTML that ends a paragraph: a comment or a block-level tag (a Set, not a case-insensitive
// regular expression: compiling that one cost ≈ 5 ms at each run).
const HTML_INTERRUPTS = /^ {0,3}<(!--|\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$))/;
const BLOCK_TAGS = new Set('address article aside blockquote details div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table ul'.split(' '));

/**
 * A line that starts with a letter (or any non-ASCII character) after its indentation, without a
 * pipe: no block starts so (every block marker is ASCII punctuation or a digit). Most lines of a
 * report: they skip the regular expressions below.
 */
function startsAsText(line: string, indent: number): boolean {
  const code = line.charCodeAt(indent);
  return (code >= 0x80 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) && !line.includes('|');
}

/** Whether a line opens a block that ends a paragraph before it. */
function interruptsParagraph(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  const indent = indentOf(line);
  if (indent > 3 || startsAsText(line, indent)) return false;
  if (ATX.test(line) || FENCE.test(line) || QUOTE_MARK.test(line) || HR.test(line)) return true;
  const html = HTML_INTERRUPTS.exec(line);
  if (html && (html[1] === '!--' || BLOCK_TAGS.has(html[2]!.toLowerCase()))) return true;
  const item = LIST_MARK.exec(line);
  if (item && !isBlank(line.slice(item[0].length)) && (/^[*+-]$/.test(item[2]!) || /^1[.)]$/.test(item[2]!))) return true;
  return tableStartsAt(lines, i);
}

/** Markdown block structure of `lines` (tabs already expanded). */
function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const indent = indentOf(line);
    const text = indent < 4 && startsAsText(line, indent);
    // Indented code (a paragraph before it is never continued into it: that is handled there).
    if (!text && indent >= 4) {
      const code: string[] = [];
      while (i < lines.length && (isBlank(lines[i]!) || indentOf(lines[i]!) >= 4)) code.push(lines[i++]!.slice(4));
      while (code.length > 0 && isBlank(code[code.length - 1]!)) code.pop();
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    const fence = text ? null : FENCE.exec(line);
    if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      const marker = fence[2]!;
      const strip = fence[1]!.length;
      const code: string[] = [];
      i++;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      while (i < lines.length && !closing.test(lines[i]!)) {
        const l = lines[i++]!;
        code.push(l.slice(Math.min(strip, indentOf(l))));
      }
      i++; // the closing fence (or the end)
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    const atx = text ? null : ATX.exec(line);
    if (atx) {
      blocks.push({ kind: 'heading', level: atx[1]!.length, text: (atx[2] ?? '').trim() });
      i++;
      continue;
    }
    if (!text && HR.test(line)) {
      blocks.push({ kind: 'hr' });
      i++;
      continue;
    }
    if (!text && QUOTE_MARK.test(line)) {
      const inner: string[] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const mark = QUOTE_MARK.exec(l);
        if (mark) inner.push(l.slice(mark[0].length));
        // A lazy line continues the quote's paragraph.
        else if (!isBlank(l) && inner.length > 0 && !isBlank(inner[inner.length - 1]!) && !interruptsParagraph(lines, i) && !LIST_MARK.test(l)) inner.push(l);
        else break;
        i++;
      }
      blocks.push({ kind: 'quote', children: parseBlocks(inner) });
      continue;
    }
    if (!text && LIST_MARK.test(line)) {
      i = parseList(lines, i, blocks);
      continue;
    }
    if (!text && HTML_START.test(line)) {
      const html: string[] = [];
      while (i < lines.length && !isBlank(lines[i]!)) html.push(lines[i++]!);
      // A comment alone is invisible in any rendering (cap-ptce's marker is one).
      const text = html.join('\n');
      if (!/^\s*<!--[\s\S]*-->\s*$/.test(text)) blocks.push({ kind: 'html', lines: html });
      continue;
    }
    if (!text && tableStartsAt(lines, i)) {
      const header = line.trim();
      const align = tableCells(lines[i + 1]!).map((d): Align => (d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : 'left'));
      const rows = [tableCells(line)];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]!) && !(indentOf(lines[i]!) <= 3 && (ATX.test(lines[i]!) || FENCE.test(lines[i]!) || QUOTE_MARK.test(lines[i]!) || HR.test(lines[i]!)))) {
        rows.push(tableCells(lines[i++]!));
      }
      blocks.push({ kind: 'table', header, align, rows });
      continue;
    }
    // A paragraph: until a blank line or a block that interrupts it; a setext underline makes it a heading.
    const paragraph: string[] = [line];
    i++;
    let heading = 0;
    while (i < lines.length && !isBlank(lines[i]!)) {
      const l = lines[i]!;
      const setext = SETEXT.exec(l);
      if (setext && indentOf(l) <= 3) {
        heading = setext[1]![0] === '=' ? 1 : 2;
        i++;
        break;
      }
      if (interruptsParagraph(lines, i)) break;
      paragraph.push(l);
      i++;
    }
    const joined = paragraph.map((l) => l.replace(/^[ \t]+/, '')).join('\n').replace(/[ \t]+$/, '');
    blocks.push(heading ? { kind: 'heading', level: heading, text: joined } : { kind: 'paragraph', text: joined });
  }
  return blocks;
}

/** A list from lines[i]: its items (each parsed as blocks) added to `blocks`; returns the next line. */
function parseList(lines: readonly string[], start: number, blocks: Block[]): number {
  const first = LIST_MARK.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const delimiter = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: Block[][] = [];
  let loose = false;
  let i = start;
  while (i < lines.length) {
    const mark = LIST_MARK.exec(lines[i]!);
    if (!mark) break;
    const sameKind = ordered ? /\d/.test(mark[2]!) && mark[2]!.endsWith(delimiter) : mark[2] === delimiter;
    if (!sameKind || (items.length > 0 && HR.test(lines[i]!))) break;
    const markerEnd = mark[1]!.length + mark[2]!.length;
    const rest = lines[i]!.slice(markerEnd);
    const spaces = indentOf(rest);
    // Content starts after the marker and its spaces (one only when five or more: indented code).
    const contentIndent = isBlank(rest) || spaces > 4 ? markerEnd + 1 : markerEnd + spaces;
    const body: string[] = [isBlank(rest) ? '' : lines[i]!.slice(Math.min(contentIndent, lines[i]!.length))];
    i++;
    // An item that starts with a blank line ends at the next blank line.
    const emptyStart = isBlank(rest);
    while (i < lines.length) {
      const l = lines[i]!;
      if (isBlank(l)) {
        if (emptyStart && body.length === 1) break;
        body.push('');
        i++;
        continue;
      }
      if (indentOf(l) >= contentIndent) {
        body.push(l.slice(contentIndent));
        i++;
        continue;
      }
      // A lazy continuation line of the item's paragraph.
      const previous = body[body.length - 1]!;
      if (!isBlank(previous) && !interruptsParagraph(lines, i) && !LIST_MARK.test(l) && !isBlank(body[0]!)) {
        body.push(l.trim());
        i++;
        continue;
      }
      break;
    }
    // Blank lines at the end belong between items: they make the list loose if another item follows.
    let trailing = 0;
    while (body.length > 1 && isBlank(body[body.length - 1]!)) {
      body.pop();
      trailing++;
    }
    const children = parseBlocks(body);
    if (children.length > 1 && body.some((l, k) => k > 0 && isBlank(l) && !insideFence(body, k))) loose = true;
    items.push(children);
    const next = lines[i];
    if (trailing > 0 && next !== undefined && LIST_MARK.test(next)) {
      const nextMark = LIST_MARK.exec(next)!;
      const nextSame = ordered ? /\d/.test(nextMark[2]!) && nextMark[2]!.endsWith(delimiter) : nextMark[2] === delimiter;
      if (nextSame) loose = true;
    }
  }
  blocks.push({ kind: 'list', ordered, start: ordered ? Number(first[2]!.slice(0, -1)) : 1, delimiter, loose, items });
  return i;
}

/** Whether line k of an item sits inside a fenced code block (a blank line there does not make the list loose). */
function insideFence(body: readonly string[], k: number): boolean {
  let open = false;
  for (let j = 0; j < k; j++) if (FENCE.test(body[j]!)) open = !open;
  return open;
}

// ───────────────────────────── rendering ─────────────────────────────

/** Narrower than this, a container's content would be a column of syllables: its indentation is dropped. */
const MIN_INNER = 12;

class Renderer {
  private readonly painter: Painter;
  private firstHeading = true;
  constructor(private readonly options: TerminalMarkdownOptions) {
    this.painter = new Painter(options.color);
  }

  blocks(blocks: readonly Block[], width: number, tight = false): string[] {
    const out: string[] = [];
    for (const block of blocks) {
      if (out.length > 0 && !tight) out.push('');
      out.push(...this.block(block, width, tight));
    }
    return out;
  }

  block(block: Block, width: number, tight: boolean): string[] {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.level, block.text, width);
      case 'paragraph':
        return wrapRuns(parseInline(block.text), width, this.painter);
      case 'code': {
        const pad = width - 4 >= MIN_INNER ? '    ' : '';
        return block.lines.flatMap((l) => (l === '' ? [''] : cutLine(l, width - pad.length).map((c) => pad + this.painter.paint(c, CODE))));
      }
      case 'html':
        return block.lines.flatMap((l) => wrapRuns([{ text: l.trim(), style: RAW }], width, this.painter));
      case 'hr':
        return [this.painter.paint('─'.repeat(Math.min(width, 80)), BORDER)];
      case 'quote':
      {
        const bar = `${this.painter.paint('│', BORDER)} `;
        return this.indented(this.blocks(block.children, this.inner(width, 2)), width, bar, 2, bar).map((l) => (l === bar ? bar.trimEnd() : l));
      }
      case 'list':
        return this.list(block, width, tight);
      case 'table':
        return this.table(block, width);
    }
  }

  /** Width left to a container's content, or the whole width when that would be too narrow. */
  private inner(width: number, indent: number): number {
    return width - indent >= MIN_INNER ? width - indent : width;
  }

  /** Lines of a container's content behind its mark (first line) and under it (the others). */
  private indented(lines: string[], width: number, first: string, indent: number, rest = ' '.repeat(indent)): string[] {
    if (width - indent < MIN_INNER) return [first.trimEnd(), ...lines];
    return lines.map((l, k) => (l === '' && k > 0 && rest.trim() === '' ? '' : (k === 0 ? first : rest) + l));
  }

  private heading(level: number, text: string, width: number): string[] {
    const style = level === 1 && this.firstHeading ? H1 : HEADING;
    if (level === 1) this.firstHeading = false;
    const mark = `${'#'.repeat(level)} `;
    const runs = parseInline(text, style);
    const inner = this.inner(width, mark.length);
    const lines = wrapRuns(runs, inner, this.painter);
    return this.indented(lines, width, this.painter.paint(mark.trimEnd(), style) + ' ', mark.length);
  }

  private list(block: Extract<Block, { kind: 'list' }>, width: number, tight: boolean): string[] {
    const out: string[] = [];
    const markers = block.items.map((_, k) => (block.ordered ? `${block.start + k}${block.delimiter}` : '•'));
    block.items.forEach((item, k) => {
      if (k > 0 && block.loose) out.push('');
      const mark = `  ${markers[k]} `;
      const indent = widthOf(mark);
      const inner = this.inner(width, indent);
      const lines = item.length === 0 ? [''] : this.blocks(item, inner, !block.loose);
      out.push(...this.indented(lines, width, mark, indent).map((l) => l.trimEnd()));
    });
    void tight;
    return out;
  }

  private table(block: Extract<Block, { kind: 'table' }>, width: number): string[] {
    const columns = block.align.length;
    // Cells beyond the header's are kept (joined to the last cell): no word is lost.
    const rows = block.rows.map((row) => {
      const cells = row.slice(0, columns);
      if (row.length > columns) cells[columns - 1] = row.slice(columns - 1).join(' | ');
      while (cells.length < columns) cells.push('');
      return cells.map((cell) => parseInline(cell, row === block.rows[0] ? TABLE_HEAD : 0));
    });
    const widths = this.columnWidths(block, rows, width);
    if (widths === null) return this.tableAsList(rows, width);
    const border = (left: string, middle: string, right: string): string => this.painter.paint(left + widths.map((w) => '─'.repeat(w)).join(middle) + right, BORDER);
    const bar = this.painter.paint('│', BORDER);
    const out = [border('┌', '┬', '┐')];
    rows.forEach((row, r) => {
      const cells = row.map((runs, c) => wrapRuns(runs, widths[c]! - 2, this.painter));
      const height = Math.max(...cells.map((c) => c.length));
      for (let k = 0; k < height; k++) {
        let line = bar;
        cells.forEach((lines, c) => {
          const text = lines[k] ?? '';
          const room = widths[c]! - 2 - widthOf(text);
          const align = block.align[c]!;
          const left = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
          line += ` ${' '.repeat(left)}${text}${' '.repeat(room - left)} ${bar}`;
        });
        out.push(line);
      }
      if (r === 0) out.push(border('├', '┼', '┤'));
    });
    out.push(border('└', '┴', '┘'));
    return out;
  }

  /** Column widths (padding included) that fit `width`, or null when the columns cannot fit. */
  private columnWidths(block: Extract<Block, { kind: 'table' }>, rows: Run[][][], width: number): number[] | null {
    const columns = block.align.length;
    const room = width - (columns + 1);
    const given = this.options.columnWidths?.(block.header, columns, width);
    if (given && given.length === columns && given.reduce((a, b) => a + b, 0) <= room && given.every((w) => w >= 3)) return given;
    if (room < columns * 3) return null;
    const natural = new Array<number>(columns).fill(3);
    for (const row of rows) {
      row.forEach((runs, c) => {
        const text = runs.map((r) => r.text).join('');
        natural[c] = Math.max(natural[c]!, widthOf(text) + 2);
      });
    }
    const widths = natural.slice();
    let total = widths.reduce((a, b) => a + b, 0);
    // Too wide: the widest column gives a column at a time until the table fits.
    while (total > room) {
      let widest = 0;
      for (let c = 1; c < columns; c++) if (widths[c]! > widths[widest]!) widest = c;
      const second = Math.max(3, ...widths.filter((_, c) => c !== widest));
      const give = Math.max(1, Math.min(total - room, widths[widest]! - second));
      widths[widest]! -= give;
      total -= give;
    }
    return widths;
  }

  /** A table too wide for any column layout: a header line and a list item per row, cells joined by « · ». */
  private tableAsList(rows: Run[][][], width: number): string[] {
    const join = (row: Run[][]): Run[] => row.flatMap((cell, c) => (c === 0 ? cell : [{ text: ' · ', style: 0 }, ...cell]));
    const out = wrapRuns(join(rows[0]!), width, this.painter);
    out.push('');
    for (const row of rows.slice(1)) out.push(...this.indented(wrapRuns(join(row), this.inner(width, 4), this.painter), width, '  • ', 4));
    return out;
  }
}

/** Tabs to spaces (tab stops every four columns), as CommonMark reads indentation. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(4 - (out.length % 4)) : c;
  return out;
}

/** The source made safe: line ends unified, tabs expanded, escape sequences and control characters removed. */
function sanitize(markdown: string): string[] {
  let text = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
  if (text.includes('\t')) text = text.split('\n').map(expandTabs).join('\n');
  if (ANY_CONTROL_BUT_NEWLINE.test(text)) text = text.replace(ANSI, '').replace(CONTROL_KEEP_NEWLINE, '');
  return text.split('\n');
}

/**
 * Markdown rendered for a terminal `width` columns wide: no line wider, words whole, colours when
 * `color`. Never throws: a failure inside (a bug) prints the source's text, wrapped.
 */
export function renderMarkdownForTerminal(markdown: string, options: TerminalMarkdownOptions): string {
  const width = Math.max(1, Math.floor(options.width));
  const lines = sanitize(markdown);
  let out: string[];
  try {
    out = new Renderer(options).blocks(parseBlocks(lines), width);
  } catch {
    out = lines.flatMap((l) => wrapRuns([{ text: l, style: 0 }], width, new Painter(false)));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
