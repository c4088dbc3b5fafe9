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
import type { GroupPositionView } from '../analysis/group-position.js';
import Handlebars from 'handlebars';
import { COMMON_HELPERS, lockedHandlebars, type LockedHandlebars } from './templating.js';
import { ExitCode, UserError } from '../errors.js';
import { legendSwatch, radarSummary, renderRadarSvg, respondentStyle, seriesStyles, type RadarInput, type RadarSeries } from './radar.js';
import type { EntryReport, QuestionReport, ReportData, Response } from '../analysis/report.js';
import type { WorksheetData } from '../analysis/worksheet.js';
import { roundScore } from '../analysis/scoring.js';
import { stripControl, stripControlKeepLines } from '../text/escape.js';

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
  cssString: (text: unknown) => new Handlebars.SafeString(cssString(String(text ?? ''))),
};

let locked: LockedHandlebars | undefined;

/** Our own instance: our helpers only, no `log`, no `lookup`, HTML escaping on. */
function handlebars(): LockedHandlebars {
  locked ??= lockedHandlebars(HELPERS);
  return locked;
}

/** Compiles a page template with our locked instance and renders `view`; the stylesheet is the `style` partial. */
export function renderPage(name: string, templateSource: string, styleSource: string, view: unknown): string {
  const { hb, knownHelpers } = handlebars();
  let template: Handlebars.TemplateDelegate;
  try {
    hb.parse(templateSource);
    template = hb.compile(templateSource, { strict: false, knownHelpers, knownHelpersOnly: true, preventIndent: true });
  } catch (error) {
    throw new UserError(`Le modèle ${name} ne peut pas être utilisé : ${String((error as Error)?.message ?? error).split('\n')[0]}`, ExitCode.invalid);
  }
  // The stylesheet is a partial: compiled as text (it holds no `{{`), printed as is.
  const style = styleSource.replace(/\{\{/g, '\\{{');
  const html = template(view, {
    partials: { style: hb.compile(style, { knownHelpers: {}, knownHelpersOnly: true }) },
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  });
  return `${html.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
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
 * The data as a template sees it: a deep copy with control characters and ANSI escapes removed
 * (line breaks kept: notes print them), and `url` fields kept only when they are http(s) links.
 * HTML escaping is left to Handlebars.
 */
export function htmlView<T>(value: T, key = ''): T {
  if (key === 'url') return safeHref(value) as T;
  if (typeof value === 'string') return stripControlKeepLines(value) as T;
  if (Array.isArray(value)) return value.map((v) => htmlView(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Handlebars.SafeString)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = htmlView(v, k);
    return out as T;
  }
  return value;
}

export const safe = (html: string): Handlebars.SafeString => new Handlebars.SafeString(html);

// ───────────────────────────── numbers shared with the JSON ─────────────────────────────

/**
 * Each respondent's score per entrée, [respondent][entrée]: the synthesis's own numbers when the
 * data carries them (`data.workshop.entries[].respondents[].score`), else recomputed from the answers in
 * `entries[].questions[].responses[]` by the rule of scoring.ts: weighted mean of the scored
 * answers × 100, rounded; null when the respondent scored nothing in the entrée. The per-answer
 * scores in the report are rounded to the unit; they are brought back to the scale's exact
 * fraction (k / maxScore) when they match one, so the result equals what scoring.ts gives.
 */
export function respondentEntryScores(data: ReportData): (number | null)[][] {
  const given = workshopHints(data)?.entries;
  if (given) {
    const byId = new Map(given.map((e) => [e.id, e]));
    if (data.entries.every((e) => byId.has(e.id))) {
      return data.respondents.map((_, r) => data.entries.map((e) => byId.get(e.id)!.respondents[r]?.score ?? null));
    }
  }
  const max = data.method.maxScore;
  return data.respondents.map((_, r) =>
    data.entries.map((entry) => {
      let sum = 0;
      let weights = 0;
      for (const q of entry.questions) {
        const response = q.responses[r];
        if (!response || response.status !== 'scored' || response.score === null) continue;
        let s = response.score / 100;
        if (max) {
          const k = Math.round(s * max);
          if (Math.abs(k / max - s) <= 0.005 + 1e-9) s = k / max;
        }
        sum += q.weight * s;
        weights += q.weight;
      }
      return weights > 0 ? roundScore((sum / weights) * 100) : null;
    }),
  );
}

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
 */
export function reportRadar(data: ReportData): RadarInput {
  const axes = data.entries.map((e) => ({ id: e.id, label: `${e.number}. ${e.title}` }));
  if (data.respondents.length <= 1) {
    return { axes, series: [{ name: data.respondents[0]?.label ?? 'Vos réponses', values: data.entries.map((e) => e.score), kind: 'collective' }] };
  }
  const perRespondent = respondentEntryScores(data);
  const series: RadarSeries[] = data.respondents.map((r, i) => ({ name: `${i + 1}. ${shortName(r.label)}`, values: perRespondent[i]!, kind: 'respondent' }));
  series.push({ name: 'Collectif', values: data.entries.map((e) => e.score), kind: 'collective' });
  return { axes, series };
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

// ───────────────────────────── workshop: who answered what ─────────────────────────────

export interface SpreadChip {
  /** 1-based respondent number, printed in the chip (the colour is only a second cue). */
  n: number;
  name: string;
  colour: string;
  answer: string;
}

export interface SpreadColumn {
  label: string;
  kind: 'scale' | 'unknown' | 'na' | 'unanswered';
}

export interface QuestionSpread {
  id: string;
  number: string;
  /** A question of the scale: it has a row in the matrix (`cells`). */
  inMatrix: boolean;
  text: string;
  entryTitle: string;
  /** One cell per column of `columns`: the respondents who gave that answer (empty chips off the scale). */
  cells: { chips: SpreadChip[] }[];
  /** Highest minus lowest score of the respondents who answered on the scale (0..100). */
  spread: number | null;
  /** Mean of the respondents' scores, rounded; null when nobody answered on the scale. */
  collective: number | null;
  divergent: boolean;
  /** Why the question is to discuss, in words (null when it is not). */
  reason: string | null;
  /** Everyone gave the same answer on the scale. */
  consensus: boolean;
  consensusAnswer: string | null;
  /** Each respondent's answer and note, respondents' order (questions asked of them only). */
  answers: { n: number; name: string; colour: string; answer: string; note: string | null }[];
  /** The round table's « position commune », when one was recorded. */
  position: GroupPositionView | null;
}

export interface WorkshopSpread {
  columns: SpreadColumn[];
  /** Scale questions, grid order: the rows of the matrix. */
  rows: QuestionSpread[];
  /** Every question asked of someone, grid order. */
  all: QuestionSpread[];
  /** Questions to discuss first: largest spread first, then answers mixed with « Je ne sais pas ». */
  divergent: QuestionSpread[];
  /** Questions where everyone gave the same answer. */
  consensus: ConsensusItem[];
  /** The same, split: everyone at the target, everyone below it, other common answers. */
  sharedStrengths: ConsensusItem[];
  sharedGaps: ConsensusItem[];
  sharedOther: ConsensusItem[];
}

export interface ConsensusItem {
  number: string;
  text: string;
  answer: string | null;
  agreement: 'strength' | 'gap' | 'other';
}

/**
 * What render/html.ts reads of a workshop synthesis (workshop.ts's `WorkshopData.workshop`) when the
 * data carries one; anything missing is computed here from `responses[]` by the same rules.
 */
export interface WorkshopHints {
  entries?: { id: string; respondents: { score: number | null }[] }[];
  /** Most divergent first; spread 0..1. */
  divergences?: { id: string; spread: number | null; reason: string | null }[];
  consensus?: { id: string; number: string; text: string; collective: string | null; agreement?: 'strength' | 'gap' | 'other' | null }[];
}

/** The synthesis's own numbers, when `data.workshop` has the expected shape; null otherwise. */
export function workshopHints(data: ReportData): WorkshopHints | null {
  const w = (data as ReportData & { workshop?: unknown }).workshop;
  if (!w || typeof w !== 'object') return null;
  const o = w as Record<string, unknown>;
  const isList = (x: unknown, keys: string[]): boolean =>
    Array.isArray(x) && x.every((item) => item && typeof item === 'object' && keys.every((k) => k in (item as object)));
  const out: WorkshopHints = {};
  if (isList(o.entries, ['id', 'respondents']) && (o.entries as WorkshopHints['entries'])!.every((e) => Array.isArray(e.respondents) && e.respondents.length === data.respondents.length)) {
    out.entries = o.entries as WorkshopHints['entries'];
  }
  if (isList(o.divergences, ['id', 'spread'])) out.divergences = o.divergences as WorkshopHints['divergences'];
  if (isList(o.consensus, ['id', 'number', 'text'])) out.consensus = o.consensus as WorkshopHints['consensus'];
  return out;
}

/** The threshold of issue 5: scores 50 points apart or more (half the scale). */
export const DIVERGENCE_THRESHOLD = 50;

/**
 * The spread of answers per question for a workshop (several respondents): a row of respondent
 * markers on the scale per question, and which questions diverge: normalised scores half the
 * scale apart or more, or some answering while others say « Je ne sais pas ».
 * When the data is a workshop synthesis (workshop.ts: `data.workshop`), its divergences (order,
 * spread, reason) and consensus are used; otherwise they are computed here by the same rule.
 */
export function workshopSpread(data: ReportData): WorkshopSpread {
  const scale = data.method.scale;
  const max = data.method.maxScore ?? Math.max(1, ...scale.map((s) => s.score));
  const everyQuestion = data.entries.flatMap((e) => e.questions);
  const questions = everyQuestion.filter((q) => q.type === 'scale');
  const has = (status: Response['status']): boolean => questions.some((q) => q.responses.some((r) => r.status === status));
  const labelOf = (status: Response['status'], fallback: string): string => questions.flatMap((q) => q.responses).find((r) => r.status === status && r.label)?.label ?? fallback;
  const columns: SpreadColumn[] = scale.map((s) => ({ label: s.label, kind: 'scale' }));
  if (has('unknown')) columns.push({ label: labelOf('unknown', 'Je ne sais pas'), kind: 'unknown' });
  if (has('na')) columns.push({ label: labelOf('na', 'Non concerné'), kind: 'na' });
  if (has('unanswered')) columns.push({ label: 'Sans réponse', kind: 'unanswered' });

  const columnOf = (r: Response): number => {
    if (r.status === 'scored' && r.score !== null) {
      const byLabel = scale.findIndex((s) => s.label === r.label);
      if (byLabel >= 0) return byLabel;
      let best = 0;
      scale.forEach((s, i) => {
        if (Math.abs((s.score / max) * 100 - r.score!) < Math.abs((scale[best]!.score / max) * 100 - r.score!)) best = i;
      });
      return best;
    }
    const kind: SpreadColumn['kind'] | null = r.status === 'unknown' ? 'unknown' : r.status === 'na' ? 'na' : r.status === 'unanswered' ? 'unanswered' : null;
    return kind ? columns.findIndex((c) => c.kind === kind) : -1;
  };

  // Every question asked of someone; the matrix shows those of the scale.
  const all: QuestionSpread[] = [];
  for (const q of everyQuestion) {
    const visible = q.responses.map((r, i) => ({ r, i })).filter(({ r }) => r.status !== 'hidden');
    if (visible.length === 0) continue;
    const cells = columns.map(() => ({ chips: [] as SpreadChip[] }));
    for (const { r, i } of q.type === 'scale' ? visible : []) {
      const c = columnOf(r);
      if (c < 0) continue;
      cells[c]!.chips.push({ n: i + 1, name: data.respondents[i]?.label ?? r.respondent, colour: respondentStyle(i).colour, answer: r.label ?? 'pas encore de réponse' });
    }
    const scores = visible.filter(({ r }) => r.status === 'scored' && r.score !== null).map(({ r }) => r.score!);
    const unknown = visible.filter(({ r }) => r.status === 'unknown').length;
    const spread = scores.length >= 2 ? Math.max(...scores) - Math.min(...scores) : scores.length === 1 ? 0 : null;
    const collective = scores.length > 0 ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
    const wide = scores.length >= 2 && spread! >= DIVERGENCE_THRESHOLD;
    const mixed = unknown > 0 && scores.length > 0;
    const reasons: string[] = [];
    if (wide) reasons.push(`réponses éloignées de ${spread} points sur 100`);
    if (mixed) reasons.push(`${unknown === 1 ? 'une personne répond' : `${unknown} personnes répondent`} « Je ne sais pas »`);
    const labels = new Set(visible.map(({ r }) => `${r.status}:${r.label ?? ''}`));
    const consensus = visible.length >= 2 && labels.size === 1 && visible[0]!.r.status === 'scored';
    all.push({
      id: q.id,
      number: q.number,
      inMatrix: q.type === 'scale',
      text: q.text,
      entryTitle: q.entryTitle,
      cells,
      spread,
      collective,
      divergent: wide || mixed,
      reason: reasons.length > 0 ? capitalise(reasons.join(' ; ')) : null,
      consensus,
      consensusAnswer: consensus ? visible[0]!.r.label : null,
      answers: visible.map(({ r, i }) => ({ n: i + 1, name: data.respondents[i]?.label ?? r.respondent, colour: respondentStyle(i).colour, answer: statusText(r), note: r.note })),
      position: q.position ?? null,
    });
  }

  const hints = workshopHints(data);
  let divergent: QuestionSpread[];
  if (hints?.divergences) {
    // The synthesis decided (workshop.ts): its questions, its order, its words.
    const byId = new Map(all.map((r) => [r.id, r]));
    divergent = [];
    for (const d of hints.divergences) {
      const row = byId.get(d.id);
      if (!row) continue;
      if (typeof d.spread === 'number') row.spread = Math.round(d.spread * 100);
      if (typeof d.reason === 'string' && d.reason.trim()) row.reason = d.reason.trim().replace(/[.\s]+$/, '');
      divergent.push(row);
    }
    for (const r of all) r.divergent = divergent.includes(r);
  } else {
    divergent = all
      .map((r, order) => ({ r, order }))
      .filter(({ r }) => r.divergent)
      .sort((a, b) => (b.r.spread ?? 0) - (a.r.spread ?? 0) || a.order - b.order)
      .map(({ r }) => r);
  }
  let consensus: ConsensusItem[];
  if (hints?.consensus) {
    const ids = new Set(hints.consensus.map((c) => c.id));
    for (const r of all) r.consensus = ids.has(r.id);
    consensus = hints.consensus.map((c) => ({ number: c.number, text: c.text, answer: c.collective ?? null, agreement: c.agreement ?? 'other' }));
  } else {
    // Without the synthesis's own reading: a common answer at the top of the scale is a shared strength.
    consensus = all
      .filter((r) => r.consensus)
      .map((r) => ({ number: r.number, text: r.text, answer: r.consensusAnswer, agreement: r.collective === 100 ? 'strength' : r.inMatrix ? 'gap' : 'other' }));
  }
  const kind = (k: ConsensusItem['agreement']): ConsensusItem[] => consensus.filter((c) => c.agreement === k);
  return { columns, rows: all.filter((r) => r.inMatrix), all, divergent, consensus, sharedStrengths: kind('strength'), sharedGaps: kind('gap'), sharedOther: kind('other') };
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);
}

// ───────────────────────────── the report ─────────────────────────────

function statusText(r: Response): string {
  switch (r.status) {
    case 'hidden':
      return 'ne se pose pas d’après ses réponses';
    case 'unanswered':
      return 'pas encore de réponse';
    default:
      return r.label ?? 'pas encore de réponse';
  }
}

function questionView(data: ReportData, q: QuestionReport, spreads: Map<string, QuestionSpread> | null) {
  const spread = spreads?.get(q.id) ?? null;
  const shown = data.respondents.length > 1 ? q.responses.some((r) => r.status !== 'hidden') : q.applicable;
  return {
    ...q,
    shown,
    spread,
    responsesView: q.responses.map((r, i) => ({
      ...r,
      n: i + 1,
      colour: respondentStyle(i).colour,
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
    questions: e.questions.map((q) => questionView(data, q, spreads)),
  };
}

/** The view of report.html.hbs: the report data, escaped by the template, plus what the page draws. */
export function reportHtmlView(data: ReportData): Record<string, unknown> {
  const workshop = data.respondents.length > 1;
  const radar = reportRadar(data);
  const styles = seriesStyles(radar.series);
  const spread = workshop ? workshopSpread(data) : null;
  const spreads = spread ? new Map(spread.all.map((r) => [r.id, r])) : null;
  const perRespondent = workshop ? respondentEntryScores(data) : [];
  const heading = workshop ? 'Synthèse d’atelier PTCE' : 'Rapport de préparation PTCE';
  return {
    ...htmlView({ ...data, entries: data.entries.map((e) => entryView(data, e, spreads)) }),
    heading,
    pageHeader: `${heading} : ${data.title} · ${data.dateLabel}`,
    isWorkshop: workshop,
    overallClass: levelClass(data, data.overall.level?.label),
    overallBar: bar(data.overall.score),
    radar: {
      svg: safe(renderRadarSvg(radar, { id: 'radar-synthese', title: workshop ? 'Repères par entrée : chaque participant et le collectif' : 'Repères par entrée, sur 100', legend: false })),
      summary: radarSummary(radar),
      series: htmlView(radar.series.map((s, i) => ({ name: s.name, kind: s.kind, swatch: safe(legendSwatch(styles[i]!)) }))),
    },
    respondentTable: workshop
      ? htmlView({
          headers: data.respondents.map((r, i) => ({ n: i + 1, name: shortName(r.label), full: r.label, swatch: safe(legendSwatch(styles[i]!)) })),
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
    respondentsView: htmlView(data.respondents.map((r, i) => ({ ...r, n: i + 1, short: shortName(r.label), colour: respondentStyle(i).colour }))),
    spread: spread ? htmlView(spread) : null,
    nav: [
      { href: '#synthese', label: 'Synthèse' },
      ...(workshop ? [{ href: '#partage', label: 'Constats partagés ?' }] : []),
      { href: '#appui', label: 'Points d’appui' },
      { href: '#ecarts', label: 'Écarts à combler' },
      { href: '#vigilance', label: 'Points de vigilance' },
      { href: '#detail', label: 'Détail par entrée' },
      { href: '#dossier', label: 'Vers le dossier' },
      { href: '#methode', label: 'Méthode' },
    ],
  };
}

/**
 * The report (one respondent) or the workshop synthesis (several: `data.respondents.length > 1`)
 * as one self-contained HTML page. `templateSource`: templates/report.html.hbs; `styleSource`:
 * templates/style.css (both read by the IO layer: packagedTemplate(REPORT_HTML_TEMPLATE),
 * packagedTemplate(HTML_STYLE)).
 */
export function renderReportHtml(data: ReportData, templateSource: string, styleSource: string): string {
  return renderPage(REPORT_HTML_TEMPLATE, templateSource, styleSource, reportHtmlView(data));
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
