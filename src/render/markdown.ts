// Renders ReportData as Markdown (through a Handlebars template) or as JSON.
//
// Escaping, decided once for every template, the built-in one and a user's `--template`:
// the data handed to the template is a deep copy in which EVERY string has already been escaped
// for inline Markdown (control characters and ANSI escapes removed, HTML made inert, table pipes,
// heading/list markers, emphasis, links and backticks escaped, one line). Templates are then
// compiled with `noEscape: true`, so `{{x}}` and `{{{x}}}` print the same safe text.
// Why not Handlebars' own escaping: it escapes for HTML, turning every French apostrophe into
// `&#x27;` in the raw Markdown, and it leaves `|`, `#`, `*` or a leading `-` free to break a table
// or a list. Why escape the data rather than offer an `{{md x}}` helper: a template that forgets the
// helper (a user's template, typically) would print raw user text; here it cannot.
//
// Pure: the template source is passed in (src/io/templates.ts reads the packaged ones).
import type Handlebars from 'handlebars';
import { DomainError } from '../errors.js';
import type { ReportData } from '../analysis/report.js';
import { COMMON_HELPERS, compileTemplate, lockedHandlebars, tidyMarkdown, type LockedHandlebars } from './templating.js';
import { stripControl } from '../text/escape.js';
import { frenchMarkdown } from '../text/typography.js';
import { lazyView, type Shown } from './lazy-view.js';

export const DEFAULT_TEMPLATE = 'report.md.hbs';

let locked: LockedHandlebars | undefined;

/** The report's Handlebars instance: the shared helpers only (lookup kept), no `log`, no partials. */
function handlebars(): LockedHandlebars {
  locked ??= lockedHandlebars(COMMON_HELPERS, { keepLookup: true });
  return locked;
}

/** Makes a URL safe inside a Markdown link destination; null when it is not http(s). */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s<>"`]+$/i.test(trimmed)) return null;
  return trimmed.replace(/[()[\]\\*_|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// http(s) URLs and e-mail addresses in a text become autolinks (`<…>`): clickable, and no "bare
// URL" for markdownlint (MD034). Trailing punctuation stays outside the link.
const URL_LINK = /https?:\/\/[^\s<>"'`|\\]*[^\s<>"'`|\\.,;:!?)\]»]/g;
const LINK = /https?:\/\/[^\s<>"'`|\\]*[^\s<>"'`|\\.,;:!?)\]»]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Neither a URL nor an address spans a space, so links are sought word by word, and only in words
// short enough to be one: on a 100 KB word the e-mail pattern backtracks quadratically (32 s).
const MAX_URL_WORD = 4096;
const MAX_EMAIL_WORD = 320;

/** The links of a one-line text, as [start, end) ranges. Linear in the text's length. */
function findLinks(flat: string): [number, number][] {
  const links: [number, number][] = [];
  let start = 0;
  while (start < flat.length) {
    let end = flat.indexOf(' ', start);
    if (end === -1) end = flat.length;
    const word = flat.slice(start, end);
    const hasUrl = word.length <= MAX_URL_WORD && word.includes('://');
    const hasEmail = word.length <= MAX_EMAIL_WORD && word.includes('@');
    if (hasUrl || hasEmail) {
      for (const m of word.matchAll(hasEmail ? LINK : URL_LINK)) links.push([start + m.index, start + m.index + m[0].length]);
    }
    start = end + 1;
  }
  return links;
}

// What escapeChars acts on: most texts (names, labels, notes) hold none of it.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~&<>]/;

function escapeChars(text: string): string {
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

// A text escapeText gives back unchanged, told by one scan: no control character (stripControl's
// ranges), no white but single spaces between words (\s+ and trim), no `@` and no `://` (links),
// nothing escapeChars escapes, no list or heading marker at the start. Most of a workshop's names,
// labels and notes are such texts; the six passes below cost each of them ten times this one.
// (test/report/clean-text.test.ts checks it against the full path over generated texts.)
const PLAIN_INLINE = /^(?![ #+=-]|\d+[.)](?: |$))(?:[^\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\\`*_[\]|~&<>@:]| (?! |$)|:(?!\/\/))*$/;

/**
 * Inline Markdown escaping (one line, no control characters,
 * no HTML, no structure), kept readable where escaping protects nothing: a lone `&` ("R&D"), a
 * leading number not followed by a space ("1.0.0" is no list marker), links as autolinks.
 */
export function escapeText(text: string): string {
  return PLAIN_INLINE.test(text) ? text : escapeTextFully(text);
}

/** escapeText's full path (exported for the test that checks the shortcut against it). */
export function escapeTextFully(text: string): string {
  const flat = stripControl(text).replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const [from, to] of findLinks(flat)) {
    out += `${escapeChars(flat.slice(last, from))}<${flat.slice(from, to)}>`;
    last = to;
  }
  out += escapeChars(flat.slice(last));
  return out.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The view a template sees: the report data with every string escaped for inline Markdown
 * (keys named `url` are checked as links instead). Numbers, booleans and null pass through.
 * Lazy and read-only (render/lazy-view.ts): a string is escaped when the template reads it, once.
 */
export function markdownView(value: unknown): unknown {
  // Each distinct string escaped once per view: a workshop repeats the same labels for 100 people.
  const strings = new Map<string, string>();
  const shown: Shown = (v, key) => {
    if (typeof v !== 'string') return undefined;
    if (key === 'url') return { value: safeUrl(v) };
    let escaped = strings.get(v);
    if (escaped === undefined) strings.set(v, (escaped = escapeText(v)));
    return { value: escaped };
  };
  return lazyView(value, shown);
}

/**
 * Renders the report as Markdown. Without `templateSource`, the packaged template is used; a user
 * template is compiled with the same restricted instance. Errors in a template become a DomainError
 * naming `templateName` and the line.
 */
export function renderReportMarkdown(data: ReportData, templateSource: string, templateName = 'de rapport', options: RenderOptions = {}): string {
  return renderTemplateMarkdown(data, templateSource, templateName, options);
}

export interface RenderOptions {
  /** The complete report (`--full`): annex actions, detail per entrée, application file, method. Default: the short one. */
  full?: boolean;
}

/**
 * Renders any cap-ptce data (a report, a workshop synthesis, a comparison) through a Markdown
 * template, with the same escaping and the same restricted Handlebars instance.
 */
export function renderTemplateMarkdown(data: object, templateSource: string, templateName = 'de rapport', options: RenderOptions = {}): string {
  const source = templateSource;
  const { knownHelpers } = handlebars();
  let template: Handlebars.TemplateDelegate;
  try {
    // syntax errors are reported with their line before anything is rendered.
    template = compileTemplate(handlebars(), source, { noEscape: true, strict: false, knownHelpers, knownHelpersOnly: true, preventIndent: true });
  } catch (error) {
    throw templateError(templateName, error);
  }
  try {
    const out = template({ ...(markdownView(data) as object), full: options.full === true }, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
    return frenchMarkdown(tidyMarkdown(out));
  } catch (error) {
    throw templateError(templateName, error);
  }
}


function templateError(name: string, error: unknown): DomainError {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e?.message ?? error);
  const line = e?.lineNumber ?? Number(/line (\d+)/i.exec(message)?.[1] ?? / - (\d+):\d+$/m.exec(message)?.[1] ?? NaN);
  const where = Number.isFinite(line) ? `, ligne ${line}` : '';
  const first = message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, '').replace(/ - \d+:\d+$/, '');
  const detail = message.split('\n').slice(1).filter((l) => l.trim());
  return new DomainError('invalid-input', `Le modèle ${name}${where} ne peut pas être utilisé : ${first || 'erreur de syntaxe Handlebars'}`, [
    ...detail.slice(0, 4),
    'Voir le modèle intégré templates/report.md.hbs pour les champs et les aides disponibles (eq, gt, any, join, plural, percent, or, heading, lower) ; full vaut vrai avec --full.',
  ]);
}
