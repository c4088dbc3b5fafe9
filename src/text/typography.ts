// French typography, one pass for every output a person reads (Markdown, HTML text, terminal):
// - a narrow no-break space (U+202F) before « ; ! ? », a no-break space (U+00A0) before « : »
//   and inside « », so that a line never starts with a lone « : » or « » » when text is wrapped;
// - a no-break space between a number and its unit or « % » (« 89 % », « 3 ans », « n° 2015-431 »),
//   a narrow one between groups of thousands (« 35 000 »);
// - one apostrophe style: the straight one, as in the grid, the source transcript and what people
//   type (a search for « d'appui » finds every occurrence).
// What it must not touch: syntax and data. Markdown code spans and fences, links' destinations,
// autolinks, HTML comments and tags; HTML attributes, <style>, <script>, <pre>, <code>. JSON,
// YAML and the CSV's machine columns never go through it. It only ever turns an existing space
// into a no-break one, except for « ? ! » right after a word and the inside of « », which are
// never syntax in what it is given. Pure; idempotent.

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

// Units written after a number in the grid, the answers and the report.
const UNITS = '%|‰|€|k€|M€|ans?|mois|jours?|semaines?|heures?|h|min|km|km²|m²|ha|Mo|Ko|Go|ETP';
const NUMBER_UNIT = new RegExp(`(\\d)[ \\u00A0\\u202F]+(${UNITS})(?![\\p{L}\\d])`, 'gu');

// Every rule below needs one of these: prose without any is left as it is, at the cost of one scan
// (a page is thousands of short texts between tags). A digit alone needs nothing (« 17 », the
// number of a chip, « 50/100 »): the rules on numbers need a digit followed by a space, « n° » its
// « ° ».
const TYPOGRAPHY_NEEDS = /[\u2019;!?:«»°]|\d[ \u00A0\u202F]/;

/** Typography of plain prose (no markup inside). */
export function frenchProse(text: string): string {
  return TYPOGRAPHY_NEEDS.test(text) ? proseRules(text) : text;
}

/** The rules themselves, on any text: frenchProse skips the texts none of them can change (tested). */
export function proseRules(text: string): string {
  // Each rule only where the character it needs is present: most texts of a page need one or two
  // of the nine (a note with a number, a label with « : »), and a page has thousands of them.
  // No rule adds a character another one looks for, so the order and the result stay the same.
  let out = text;
  if (out.includes('\u2019')) out = out.replace(/\u2019/g, "'");
  const question = out.includes('?');
  const exclamation = out.includes('!');
  // « ; ! ? » after a space: narrow no-break space. « ? ! » right after a word or a closing mark too.
  if (question || exclamation || out.includes(';')) out = out.replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`);
  if (question || exclamation) out = out.replace(/[!?]+(?=[\s)»*_]|$)/g, afterWord);
  // « : » after a space: no-break space (never inserted: « 10:30 », « http: », « format: » stay).
  if (out.includes(':')) out = out.replace(/[ \u202F]+:/g, `${NBSP}:`);
  // Inside « »: no-break spaces, added when missing.
  if (out.includes('«')) out = out.replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`);
  if (out.includes('»')) out = out.replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`);
  // A number and its unit; « n° 12 »; groups of thousands.
  if (DIGIT_THEN_SPACE.test(out)) out = out.replace(NUMBER_UNIT, `$1${NBSP}$2`);
  if (out.includes('°')) out = out.replace(/\b([nN]°)[ \u202F]+(?=\d)/g, `$1${NBSP}`);
  if (DIGIT_THEN_SPACE.test(out)) out = out.replace(/(?<![\d.,])(\d{1,3})[ \u00A0](?=\d{3}(?![\d.,]\d))/g, `$1${NNBSP}`);
  return out;
}

const DIGIT_THEN_SPACE = /\d[ \u00A0\u202F]/;

// « ? ! » right after a letter, a digit, « » » or « ) ». The marks are sought first, the character
// before them tested then: a pattern starting with that character's class was tried at every
// letter of a page (a third of the typography of a long one).
const BEFORE_MARK = /[\p{L}\d»)]$/u;
function afterWord(marks: string, offset: number, text: string): string {
  if (offset === 0) return marks;
  const c = text.charCodeAt(offset - 1);
  // The usual characters answered at once (ASCII letters and digits, « ) », « » », the accented
  // Latin letters of French), the others by the expression (on two units: a letter beyond U+FFFF).
  const word =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 41 || c === 0xbb
      ? true
      : c < 0x80
        ? false
        : c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7
          ? true
          : BEFORE_MARK.test(text.slice(Math.max(0, offset - 2), offset));
  return word ? `${NNBSP}${marks}` : marks;
}

/**
 * Typography of prose that quotes what is typed as it is (a path, a command): those parts stay
 * byte for byte, so that a copied file name or command still works.
 */
export function frenchProseKeeping(text: string, verbatim: readonly string[]): string {
  const kept = [...new Set(verbatim.filter((v) => v !== ''))].sort((a, b) => b.length - a.length);
  if (kept.length === 0) return frenchProse(text);
  // NUL never occurs in what is shown (control characters are stripped): a safe placeholder.
  let masked = text;
  kept.forEach((v, i) => (masked = masked.split(v).join(`\u0000${i}\u0000`)));
  return frenchProse(masked).replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
}

/** Lower-cases the first letter of a text that continues a sentence, unless it starts an acronym (« ACTE », « SCIC »). */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}[\p{Lu}\d]/u.test(text)) return text;
  return text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);
}

// Markdown that is syntax, not prose: fenced code blocks, code spans (an escaped \` opens none),
// HTML comments and tags, autolinks, and the destination of a link or image `](…)`.
const MARKDOWN_PROTECTED = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$|(?<!\\)(`+)[^`](?:(?!\n\n)[\s\S])*?(?<!`)\2(?!`)|<!--[\s\S]*?-->|<\/?[A-Za-z][^<>\n]*>|<(?:https?:\/\/|mailto:)[^<>\s]+>|<[^<>\s@]+@[^<>\s@]+>|\]\([^)\s]*(?:\s+"[^"]*")?\)/gm;

/** Typography of a Markdown document, prose only. */
export function frenchMarkdown(markdown: string): string {
  return applyOutside(markdown, MARKDOWN_PROTECTED);
}

// HTML: comments, tags (attributes included), and the content of elements whose text is not prose,
// as HTML_PROTECTED = /<!--[\s\S]*?-->|<(style|script|pre|code|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi
// would find them (test/report/typography.test.ts checks frenchHtml against it).

/** Typography of an HTML document, text nodes only (entities stay as they are: « &#x27; » has no space before its « ; »). */
export function frenchHtml(html: string): string {
  const edit = new ProseEdit(html);
  let last = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const end = htmlProtectedEnd(html, at);
    if (end === -1) break; // no `>` after: the rest is prose
    edit.prose(last, at);
    last = at = end;
    at--;
  }
  edit.prose(last, html.length);
  return edit.result();
}

// An element whose content is not prose, by its name right after `<` (any case, a name that goes on
// is another element): tried only where the name starts with one of their first letters.
const VERBATIM_START = /(style|script|pre|code|textarea)(?![A-Za-z0-9_])/iy;

/**
 * Where the part of HTML_PROTECTED that starts at `at` (a `<`) ends; -1 when no `>` follows (then
 * none starts there nor further on). The same parts as the expression, found by indexOf: a page of
 * a thousand participants has hundreds of thousands of tags, and the expression made a match
 * object for each.
 */
function htmlProtectedEnd(html: string, at: number): number {
  const first = html.charCodeAt(at + 1) | 0x20; // lower case, for letters
  if (first === 0x21 /* ! */ && html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    if (close !== -1) return close + 3;
  }
  const gt = html.indexOf('>', at + 1);
  if (gt === -1) return -1;
  // st(yle), sc(ript), pr(e), co(de), te(xtarea): the names' first two letters, any case (span, td,
  // tr, th, table… go no further).
  const second = html.charCodeAt(at + 2) | 0x20;
  if (
    (first === 0x73 && (second === 0x74 || second === 0x63)) ||
    (first === 0x70 && second === 0x72) ||
    (first === 0x63 && second === 0x6f) ||
    (first === 0x74 && second === 0x65)
  ) {
    VERBATIM_START.lastIndex = at + 1;
    const name = VERBATIM_START.exec(html)?.[1];
    if (name) {
      // Its content up to the first `</name` + white + `>`, any case: the expression's `[\s\S]*?<\/\1\s*>`.
      const closing = new RegExp(`<\\/${name}\\s*>`, 'gi');
      closing.lastIndex = gt + 1;
      const m = closing.exec(html);
      if (m) return m.index + m[0].length;
    }
  }
  return gt + 1;
}

// What every rule of frenchProse needs (TYPOGRAPHY_NEEDS), sought through the whole text.
const TYPOGRAPHY_NEED = new RegExp(TYPOGRAPHY_NEEDS.source, 'g');

/**
 * A text rebuilt with frenchProse applied to some of its ranges. A range without any character a
 * rule needs is passed over without being copied out (the next such character is sought once for
 * all the ranges before it); only the ranges that change cost a copy; each distinct prose is
 * worked on once (a page is thousands of short texts between tags, most of them repeated:
 * indentation, labels, each respondent's answer).
 */
class ProseEdit {
  private readonly done = new Map<string, string>();
  private out = '';
  private copied = 0;
  private soughtFrom = -1;
  private nextAt = -1;

  constructor(private readonly text: string) {}

  /** The first character a rule needs at or after `i` (the text's length when none). */
  private nextTypography(i: number): number {
    if (i < this.soughtFrom || i > this.nextAt) {
      TYPOGRAPHY_NEED.lastIndex = i;
      this.soughtFrom = i;
      this.nextAt = TYPOGRAPHY_NEED.exec(this.text)?.index ?? this.text.length;
    }
    return this.nextAt;
  }

  prose(start: number, end: number): void {
    if (end <= start || this.nextTypography(start) >= end) return;
    const prose = this.text.slice(start, end);
    let changed = this.done.get(prose);
    if (changed === undefined) {
      changed = proseRules(prose);
      this.done.set(prose, changed);
    }
    if (changed === prose) return;
    this.out += this.text.slice(this.copied, start) + changed;
    this.copied = end;
  }

  result(): string {
    return this.copied === 0 ? this.text : this.out + this.text.slice(this.copied);
  }
}

function applyOutside(text: string, protectedParts: RegExp): string {
  const edit = new ProseEdit(text);
  let last = 0;
  for (const m of text.matchAll(protectedParts)) {
    edit.prose(last, m.index);
    last = m.index + m[0].length;
  }
  edit.prose(last, text.length);
  return edit.result();
}
