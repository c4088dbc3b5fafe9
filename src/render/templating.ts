// What every template renderer shares: a locked-down Handlebars instance (our helpers only, no
// `log`, no partials unless the renderer registers its own, no prototype access) and the helpers
// that the Markdown and HTML templates have in common. Pure.
import type Handlebars from 'handlebars';
import Runtime from 'handlebars/runtime';
import { lazyLib } from '../lazy-lib.js';
import { precompiledFor, type PrecompiledTemplate } from './precompiled.js';

/** What Handlebars.precompile produces, once evaluated (typed loosely upstream). */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
import { oneFinalNewline, trimEndSpace, trimLineEnds } from '../text/trim.js';
import { lowerFirst } from '../text/typography.js';

type Helper = (...args: unknown[]) => unknown;

/**
 * A heading without trailing punctuation (markdownlint MD026), keeping the `;` that closes an
 * entity of escaped text (« &lt;b&gt; »).
 */
export function headingText(text: string): string {
  let out = trimEndSpace(text);
  for (;;) {
    const m = /[.,;:!]$/u.exec(out);
    if (!m || (m[0] === ';' && /&#?[a-zA-Z0-9]+;$/.test(out))) return out;
    out = trimEndSpace(out.slice(0, -1));
  }
}

/** Helpers of every template (besides if, unless, each, with). */
export const COMMON_HELPERS: Record<string, Helper> = {
  /** {{#if (eq severity "blocking")}} */
  eq: (a, b) => a === b,
  /** {{#if (gt unknown 0)}} */
  gt: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  /** {{join examples " ; "}}: joins a list of strings (already escaped for the output format). */
  join: (list, sep) => (Array.isArray(list) ? list.filter((x) => x !== null && x !== undefined && x !== '').join(typeof sep === 'string' ? sep : ', ') : ''),
  /** {{plural n "question" "questions"}} → "1 question", "3 questions". */
  plural: (n, one, many) => `${typeof n === 'number' ? n : 0} ${n === 1 || n === 0 ? String(one) : String(many)}`,
  /** {{percent coveragePercent}} → "80 %", or "—" for null. */
  percent: (n) => (typeof n === 'number' ? `${n} %` : '—'),
  /** {{#if (any a b)}}: whether any argument is truthy (logical or; `or` picks a value). */
  any: (...args) => args.slice(0, -1).some(Boolean),
  /** {{or a b}}: the first value that is set. */
  or: (...args) => args.slice(0, -1).find((x) => x !== null && x !== undefined && x !== '') ?? '',
  /** {{lower text}}: lower-cases the first letter, to continue a sentence (not an acronym: « AMI », « SCIC »). */
  lower: (text) => lowerFirst(String(text ?? '')),
  /** {{heading title}}: a heading without trailing punctuation. */
  heading: (text) => headingText(String(text ?? '')),
};

export interface LockedHandlebars {
  hb: typeof Handlebars;
  /** For `compile(…, { knownHelpers, knownHelpersOnly: true })`: anything else is a compile error. */
  knownHelpers: Record<string, true>;
}

/** A Handlebars instance with the given helpers only, and without `log` (and `lookup` unless kept). */
export function lockedHandlebars(helpers: Record<string, Helper>, options: { keepLookup?: boolean } = {}): LockedHandlebars {
  // The runtime only: the compiler (about 70–85 ms to load and run per report) is loaded only
  // for a template that was not precompiled at build time (a user's --template, tests from src/).
  const hb = (Runtime as unknown as typeof Handlebars).create();
  hb.unregisterHelper('log');
  if (!options.keepLookup) hb.unregisterHelper('lookup');
  hb.registerHelper('each', leanEach(hb));
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const builtins = ['if', 'unless', 'each', 'with', ...(options.keepLookup ? ['lookup'] : [])];
  return { hb, knownHelpers: Object.fromEntries([...Object.keys(helpers), ...builtins].map((k) => [k, true])) as Record<string, true> };
}

/**
 * Handlebars' `each` for a list, without what its builtin makes for every item and our templates
 * never read (a context path string, the paths of block parameters): a workshop page iterates over
 * thousands of chips and answers. Same output, same @index, @first, @last and @key, `{{else}}` for an empty list;
 * anything else (an object, `as |item|`, trackIds) goes to the builtin.
 */
function leanEach(hb: typeof Handlebars): Handlebars.HelperDelegate {
  const builtin = hb.helpers.each!;
  return function (this: unknown, context: unknown, options: Handlebars.HelperOptions & { ids?: unknown; fn: { blockParams?: unknown } }) {
    if (!Array.isArray(context) || !options || options.fn.blockParams || (options.data && options.ids)) return builtin.call(this, context, options);
    const data = options.data ? hb.createFrame(options.data) : undefined;
    const last = context.length - 1;
    let out = '';
    let i = 0;
    for (; i <= last; i++) {
      if (!(i in context)) continue;
      if (data) {
        data.key = i;
        data.index = i;
        data.first = i === 0;
        data.last = i === last;
      }
      // The item and its index as block parameters, as the builtin gives them (an outer `as |x|`
      // is found by depth).
      out += options.fn(context[i], { data, blockParams: [context[i], i] });
    }
    return i === 0 ? options.inverse(this) : out;
  };
}

/** Tidies what a Markdown template produced: no trailing spaces, at most one blank line, one final newline. */
export function tidyMarkdown(markdown: string): string {
  return oneFinalNewline(trimLineEnds(markdown.replace(/\r\n?/g, '\n')).replace(/\n{3,}/g, '\n\n').replace(/^\n+/, ''));
}

export interface CompileOptions {
  noEscape?: boolean;
  strict?: boolean;
  knownHelpers?: Record<string, true>;
  knownHelpersOnly?: boolean;
  preventIndent?: boolean;
}

function precompiledFits(pre: PrecompiledTemplate, options: CompileOptions): boolean {
  if (pre.noEscape !== Boolean(options.noEscape)) return false;
  const known = options.knownHelpersOnly ? (options.knownHelpers ?? {}) : {};
  // Without knownHelpersOnly (the stylesheet partial), only a template that calls no helper.
  return pre.helpers.every((h) => known[h] === true) && !pre.bare.some((b) => known[b] === true);
}

// The Handlebars compiler: only for a template that was not precompiled by the build (a user's
// --template, or any template when running from src/).
function compiler(): typeof Handlebars {
  return lazyLib<typeof Handlebars>('handlebars');
}

/**
 * A template of `locked`'s instance: the build's precompiled form of a packaged template, else the
 * source compiled now (syntax errors thrown here, with their line). The build compiled packaged
 * templates with the helpers they call as knownHelpers (knownHelpersOnly): the same code as
 * compiling here with the renderer's helpers, when the renderer registers every helper the
 * template calls and none by the name of a field it reads. Otherwise (a helper of another
 * renderer, say) it is compiled here, and the error names the unknown helper.
 */
export function compileTemplate(locked: LockedHandlebars, source: string, options: CompileOptions): Handlebars.TemplateDelegate {
  const pre = precompiledFor(source);
  if (pre && precompiledFits(pre, options)) return locked.hb.template(pre.spec as TemplateSpecification);
  const full = compiler();
  full.parse(source);
  const spec = full.precompile(source, { ...options, knownHelpers: options.knownHelpers ?? {} });
  // The compiler's own output, evaluated as Handlebars.compile itself does.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return locked.hb.template(new Function(`return ${String(spec)}`)() as TemplateSpecification);
}

