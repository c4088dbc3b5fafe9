// The report, the worksheet and a comparison as one self-contained HTML page each: inline CSS,
// inline SVG, no script, no external resource (it opens offline and travels as one attachment),
// ready to project and to print on A4. Pure: data and template sources in, a string out; the IO
// layer reads templates/*.html.hbs and templates/style.css (packagedTemplate) and passes them in.
//
// Escaping: unlike the Markdown renderer, the templates get the RAW data (control characters and
// ANSI escapes removed, line breaks kept for notes, `url` fields kept only when http(s)) and are
// compiled with Handlebars' own HTML escaping: every `{{x}}` is escaped, and the templates never
// use `{{{x}}}`. The only markup that is not escaped is built here and passed as SafeString: the
// radar (src/render/radar.ts, which escapes its labels itself), legend swatches, and the CSS string of
// the print header (escaped for CSS by `cssString`).
//
// Entry points, for the commands:
//   renderReportHtml(data, templateSource, styleSource)      report.html.hbs: one respondent or a workshop
//   renderWorksheetHtml(data, templateSource, styleSource)   worksheet.html.hbs: `cap-ptce grid --format html`
//   renderCompareHtml(input, templateSource, styleSource)    compare.html.hbs (html-compare.ts): before/after of one project
import type Handlebars from 'handlebars';
import Runtime from 'handlebars/runtime';
import { COMMON_HELPERS, compileTemplate, lockedHandlebars, type LockedHandlebars } from './templating.js';
import { AsIs, Deferred, lazyView, shownView, type Shown } from './lazy-view.js';
import { DomainError } from '../errors.js';
import { DISTINCT_RESPONDENT_STYLES, legendSwatch, radarSummary, renderRadarSvg, respondentChipRules, respondentColour, respondentStyle, respondentTone, seriesStyles, type RadarInput, type RadarSeries } from './radar.js';
import type { EntryReport, QuestionReport, ReportData } from '../analysis/report.js';
import type { WorkshopData } from '../analysis/workshop.js';
import type { WorksheetData } from '../analysis/worksheet.js';
import { isWorkshop, respondentEntryScores, statusText, workshopSpread, type QuestionSpread, type WorkshopSpread } from './html-workshop.js';
import { stripControl, stripControlKeepLines } from '../text/escape.js';
import { trimLineEnds, withFinalNewline } from '../text/trim.js';
import { frenchHtml } from '../text/typography.js';

export const REPORT_HTML_TEMPLATE = 'report.html.hbs';
export const WORKSHEET_HTML_TEMPLATE = 'worksheet.html.hbs';
/** The shared stylesheet, inlined by every page through the `{{> style}}` partial. */
export const HTML_STYLE = 'style.css';

// ───────────────────────────── Handlebars ─────────────────────────────

/** The shared helpers, plus {{cssString text}}: a quoted CSS string (for `content:` in @page), every risky character escaped. */
// `heading` is a field of the HTML views (the page's kind), not the Markdown helper.
const { heading: _markdownOnly, ...SHARED_HELPERS } = COMMON_HELPERS;
const HELPERS = {
  ...SHARED_HELPERS,
  cssString: (text: unknown) => new (Runtime as unknown as typeof Handlebars).SafeString(cssString(String(text ?? ''))),
};

let locked: LockedHandlebars | undefined;

/** Our own instance: our helpers only, no `log`, no `lookup`, HTML escaping on. */
function handlebars(): LockedHandlebars {
  locked ??= lockedHandlebars(HELPERS);
  return locked;
}

/** Compiles a page template with our locked instance and renders `view`; the stylesheet is the `style` partial. */
export function renderPage(name: string, templateSource: string, styleSource: string, view: unknown): string {
  const { knownHelpers } = handlebars();
  let template: Handlebars.TemplateDelegate;
  let stylePartial: Handlebars.TemplateDelegate;
  try {
    template = compileTemplate(handlebars(), templateSource, { strict: false, knownHelpers, knownHelpersOnly: true, preventIndent: true });
    // The stylesheet is a partial: text (it holds no `{{`), printed as is.
    stylePartial = compileTemplate(handlebars(), styleSource.replace(/\{\{/g, '\\{{'), { strict: false, preventIndent: true });
  } catch (error) {
    throw new DomainError('invalid-input', `Le modèle ${name} ne peut pas être utilisé : ${String((error as Error)?.message ?? error).split('\n')[0]}`, [], { template: name });
  }
  const html = template(view, {
    partials: { style: stylePartial },
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  });
  return tidyHtml(html);
}

/**
 * A rendered page tidied: LF line ends, no white at line ends, at most one blank line, French
 * typography in its text, no white at either end, one final newline. The same text as
 * `${trimLineEnds(frenchHtml(html).replace(/\r\n?/g, '\n')).replace(/\n{3,}/g, '\n\n').trim()}\n`
 * (test/html/tidy.test.ts), in an order that copies the page less: the line clean-ups first, on the
 * text the template made, then the typography, whose result is written as it is when it already
 * ends as it must (a 100-person workshop page is 2 MB in memory, and each copy cost a few ms
 * and as much garbage). The typography neither adds nor removes a line break or a space or tab
 * at a line end, and no rule reads more than the character after a mark: the steps commute.
 */
export function tidyHtml(html: string): string {
  return withFinalNewline(frenchHtml(trimLineEnds(html.replace(/\r\n?/g, '\n')).replace(/\n{3,}/g, '\n\n')));
}

/** A CSS string literal: letters, digits and spaces as is, everything else as a CSS escape. */
export function cssString(text: string): string {
  const flat = stripControl(text).replace(/\s+/g, ' ').trim();
  let out = '';
  for (const ch of flat) {
    out += /[\p{L}\p{N} ]/u.test(ch) && ch !== '\\' ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `"${out}"`;
}

/** An http(s) URL safe in an href, or null. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s<>"'`\\]+$/i.test(trimmed) ? trimmed : null;
}

/**
 * The data as a template sees it: control characters and ANSI escapes removed (line breaks kept:
 * notes print them), and `url` fields kept only when they are http(s) links. HTML escaping is left
 * to Handlebars. Lazy and read-only (render/lazy-view.ts): a string is cleaned when the template
 * reads it, once.
 */
export function htmlView<T>(value: T): T {
  return htmlViewer().lazy(value);
}

/**
 * htmlView for the parts of one page: what they share is cleaned once, each distinct string and
 * each object (a workshop's questions are in `questions`, in their entrée, among the divergences…).
 * `now`: the same, made at once as plain objects, for what a workshop page reads whole (per
 * respondent, per question: a Proxy read per field was most of its cost); `text`: one string as
 * the view shows it.
 */
function htmlViewer(): { lazy: <T>(value: T) => T; now: <T>(value: T) => T; text: (s: string) => string } {
  const strings = new Map<string, string>();
  const text = (value: string): string => {
    let cleaned = strings.get(value);
    if (cleaned === undefined) strings.set(value, (cleaned = stripControlKeepLines(value)));
    return cleaned;
  };
  const shown: Shown = (value, key) => {
    if (key === 'url') return { value: safeHref(value) };
    if (typeof value === 'string') return { value: text(value) };
    if (value instanceof (Runtime as unknown as typeof Handlebars).SafeString) return { value };
    return undefined;
  };
  return { lazy: <T>(value: T): T => lazyView(value, shown) as T, now: <T>(value: T): T => shownView(value, shown) as T, text };
}

export const safe = (html: string): Handlebars.SafeString => new (Runtime as unknown as typeof Handlebars).SafeString(html);

// ───────────────────────────── numbers shared with the JSON ─────────────────────────────

/**
 * Short label of a respondent on the chart and in table headers: the name before a comma
 * (« Claire Dufour, Ressourcerie » → « Claire Dufour »), « Claire (2) » kept whole.
 */
export function shortName(label: string): string {
  const flat = stripControl(label).replace(/\s+/g, ' ').trim();
  const head = flat.split(/\s*,\s*/)[0] ?? flat;
  return head.length >= 2 ? head : flat;
}

/**
 * The radar's data for a report: one axis per entrée; one series for a single respondent
 * (the report's scores), or one per respondent plus the collective one (entries[].score).
 * Beyond DISTINCT_RESPONDENT_STYLES participants, two of them would look the same and a hundred
 * polygons hide each other: the radar then draws, per entrée, the lowest and the highest
 * participant's score and the collective one (`envelope`); the table next to it keeps everyone's.
 */
export function reportRadar(data: ReportData, perRespondent: (number | null)[][] = isWorkshop(data) ? respondentEntryScores(data) : []): RadarInput & { envelope: boolean } {
  const axes = data.entries.map((e) => ({ id: e.id, label: `${e.number}. ${e.title}` }));
  if (!isWorkshop(data)) {
    return { axes, series: [{ name: data.respondents[0]?.label ?? 'Vos réponses', values: data.entries.map((e) => e.score), kind: 'collective' }], envelope: false };
  }
  const collective: RadarSeries = { name: 'Collectif', values: data.entries.map((e) => e.score), kind: 'collective' };
  if (data.respondents.length > DISTINCT_RESPONDENT_STYLES) {
    const lowest: (number | null)[] = [];
    const highest: (number | null)[] = [];
    data.entries.forEach((_, j) => {
      let low: number | null = null;
      let high: number | null = null;
      for (const scores of perRespondent) {
        const v = scores[j] ?? null;
        if (v === null) continue;
        if (low === null || v < low) low = v;
        if (high === null || v > high) high = v;
      }
      lowest.push(low);
      highest.push(high);
    });
    const series: RadarSeries[] = [
      { name: 'Le plus bas', values: lowest, kind: 'lowest' },
      { name: 'Le plus haut', values: highest, kind: 'highest' },
      collective,
    ];
    return { axes, series, envelope: true };
  }
  const series: RadarSeries[] = data.respondents.map((r, i) => ({ name: `${i + 1}. ${shortName(r.label)}`, values: perRespondent[i]!, kind: 'respondent' }));
  series.push(collective);
  return { axes, series, envelope: false };
}

// ───────────────────────────── levels and bars ─────────────────────────────

/** lvl-low / lvl-mid / lvl-high, from the level's place among the grid's levels. */
function levelClass(data: ReportData, label: string | null | undefined): string {
  if (!label) return 'lvl-none';
  const levels = data.method.levels;
  const i = levels.findIndex((l) => l.label === label);
  if (i < 0 || levels.length === 0) return 'lvl-mid';
  const pos = levels.length === 1 ? 2 : Math.round((i * 2) / (levels.length - 1));
  return ['lvl-low', 'lvl-mid', 'lvl-high'][pos]!;
}

function levelClassForScore(data: ReportData, score: number | null): string {
  if (score === null) return 'lvl-none';
  let found: string | null = null;
  for (const l of data.method.levels) if (l.min <= score) found = l.label;
  return levelClass(data, found ?? data.method.levels[0]?.label);
}

export function bar(score: number | null): { width: number; empty: boolean } {
  return { width: score === null ? 0 : Math.max(0, Math.min(100, Math.round(score))), empty: score === null };
}

// ───────────────────────────── the report ─────────────────────────────

function questionView(data: ReportData, q: QuestionReport, spreads: Map<string, QuestionSpread> | null) {
  const spread = spreads?.get(q.id) ?? null;
  const shown = isWorkshop(data) ? q.responses.some((r) => r.status !== 'hidden') : q.applicable;
  return {
    ...q,
    shown,
    spread,
    responsesView: q.responses.map((r, i) => ({
      ...r,
      n: i + 1,
      colour: respondentColour(i),
      tone: respondentTone(i),
      answerText: statusText(r),
      hidden: r.status === 'hidden',
    })),
  };
}

function entryView(data: ReportData, e: EntryReport, spreads: Map<string, QuestionSpread> | null) {
  return {
    ...e,
    levelClass: levelClass(data, e.level?.label),
    bar: bar(e.score),
    // Every answer of every question: only the complete page's « Détail par entrée » reads them.
    questions: new Deferred(() => e.questions.map((q) => questionView(data, q, spreads))),
  };
}

/**
 * The workshop's spread as the page reads it: each question's chips and answers (thousands of
 * small objects, read field by field) are built with their strings already cleaned (`text`) and
 * passed as is (AsIs); the rest is viewed lazily.
 */
function pageSpread(data: WorkshopData, text: (s: string) => string): WorkshopSpread {
  const spread = workshopSpread(data, text);
  const page = new Map(spread.all.map((r) => [r, { ...r, cells: new AsIs(r.cells), answers: new AsIs(r.answers) } as unknown as QuestionSpread]));
  const of = (r: QuestionSpread): QuestionSpread => page.get(r) ?? r;
  return { ...spread, rows: spread.rows.map(of), all: spread.all.map(of), divergent: spread.divergent.map(of) };
}

/** The view of report.html.hbs: the report data, escaped by the template, plus what the page draws. */
export function reportHtmlView(data: ReportData, options: { full?: boolean } = {}): Record<string, unknown> {
  const full = options.full === true;
  const workshop = isWorkshop(data);
  const perRespondent = workshop ? respondentEntryScores(data) : [];
  const radar = reportRadar(data, perRespondent);
  const styles = seriesStyles(radar.series);
  const { lazy: htmlView, now: htmlNow, text } = htmlViewer();
  const spread = isWorkshop(data) ? pageSpread(data, text) : null;
  const spreads = spread ? new Map(spread.all.map((r) => [r.id, r])) : null;
  const heading = workshop ? "Synthèse d'atelier PTCE" : 'Rapport de préparation PTCE';
  return {
    ...htmlView({ ...data, entries: data.entries.map((e) => entryView(data, e, spreads)) }),
    heading,
    pageHeader: `${heading} : ${data.title} · ${data.dateLabel}`,
    isWorkshop: workshop,
    overallClass: levelClass(data, data.overall.level?.label),
    overallBar: bar(data.overall.score),
    radar: {
      svg: safe(renderRadarSvg(radar, { id: 'radar-synthese', title: !workshop ? 'Repères par entrée, sur 100' : radar.envelope ? 'Repères par entrée : le plus bas, le plus haut et le collectif' : 'Repères par entrée : chaque participant et le collectif', legend: false })),
      summary: radarSummary(radar),
      series: htmlNow(radar.series.map((s, i) => ({ name: s.name, kind: s.kind, swatch: safe(legendSwatch(styles[i]!)) }))),
      envelope: radar.envelope,
      distinct: DISTINCT_RESPONDENT_STYLES,
    },
    respondentTable: workshop
      ? htmlNow({
          // Each participant's own look (the radar may not draw them: see reportRadar).
          headers: data.respondents.map((r, i) => ({ n: i + 1, name: shortName(r.label), full: r.label, swatch: safe(legendSwatch(respondentStyle(i))) })),
          collectiveSwatch: safe(legendSwatch(styles[styles.length - 1]!)),
          rows: data.entries.map((e, j) => ({
            id: e.id,
            number: e.number,
            title: e.title,
            values: perRespondent.map((scores, i) => {
              const v = scores[j] ?? null;
              return { n: i + 1, score: v, text: v === null ? '—' : String(v), levelClass: levelClassForScore(data, v) };
            }),
            collective: e.score,
            collectiveText: e.score === null ? '—' : String(e.score),
            levelClass: levelClass(data, e.level?.label),
          })),
        })
      : null,
    respondentsView: htmlNow(data.respondents.map((r, i) => ({ ...r, n: i + 1, short: shortName(r.label), colour: respondentColour(i), tone: respondentTone(i) }))),
    chipRules: workshop ? safe(respondentChipRules()) : null,
    spread: spread ? htmlView(spread) : null,
    nav: [
      { href: '#synthese', label: 'Synthèse' },
      ...(workshop ? [{ href: '#partage', label: 'Constats partagés ?' }] : []),
      { href: '#appui', label: "Points d'appui" },
      { href: '#ecarts', label: 'Écarts à combler' },
      ...(data.programmes.length > 0 ? [{ href: '#programmes', label: 'Appels et dispositifs' }] : []),
      ...(full
        ? [
            { href: '#vigilance', label: 'Points de vigilance' },
            { href: '#detail', label: 'Détail par entrée' },
            { href: '#dossier', label: 'Vers le dossier' },
          ]
        : []),
      { href: '#methode', label: 'Méthode' },
    ],
    full,
  };
}

/**
 * The report (one respondent) or the workshop synthesis (several: `data.respondents.length > 1`)
 * as one self-contained HTML page. `templateSource`: templates/report.html.hbs; `styleSource`:
 * templates/style.css (both read by the IO layer: packagedTemplate(REPORT_HTML_TEMPLATE),
 * packagedTemplate(HTML_STYLE)).
 */
export function renderReportHtml(data: ReportData, templateSource: string, styleSource: string, options: { full?: boolean } = {}): string {
  return renderPage(REPORT_HTML_TEMPLATE, templateSource, styleSource, reportHtmlView(data, options));
}

// ───────────────────────────── the worksheet ─────────────────────────────

/**
 * The grid as a printable worksheet (`cap-ptce grid --format html`), from buildWorksheet's data.
 * `templateSource`: templates/worksheet.html.hbs; `styleSource`: templates/style.css.
 */
export function renderWorksheetHtml(data: WorksheetData, templateSource: string, styleSource: string): string {
  const { lines: _lines, ...rest } = data;
  const view = {
    ...htmlView(rest),
    pageHeader: `Fiche de travail : ${data.title}`,
    noteLines: [1, 2, 3],
    answerLines: [1, 2],
  };
  return renderPage(WORKSHEET_HTML_TEMPLATE, templateSource, styleSource, view);
}
