// Before/after of one project as one self-contained HTML page (templates/compare.html.hbs): the
// comparison's data mapped onto the page, then rendered like every page (html.ts).
import type { CompareData, CompareSide, GapChange } from '../analysis/compare.js';
import { bar, htmlView, renderPage, safe } from './html.js';
import { legendSwatch, radarSummary, renderRadarSvg, seriesStyles, type RadarInput } from './radar.js';

export const COMPARE_HTML_TEMPLATE = 'compare.html.hbs';

/**
 * What renderCompareHtml needs: the entrées with their score before and after (0..100 or null).
 * Everything else is optional; the command maps its own comparison onto it.
 */
export interface CompareHtmlInput {
  entries: { id: string; title: string; before: number | null; after: number | null }[];
  /** The project's name. */
  title?: string | null;
  territory?: string | null;
  /** « 26 novembre 2026 »: when the page is produced. */
  dateLabel?: string | null;
  /** How to name the two diagnoses, e.g. « Octobre 2025 » (default « Avant » / « Après »). */
  before?: { label?: string | null; source?: string | null; date?: string | null; stage?: string | null; score?: number | null };
  after?: { label?: string | null; source?: string | null; date?: string | null; stage?: string | null; score?: number | null };
  /** Lists to show under the chart, in order: gaps closed, new gaps, questions not compared… */
  sections?: { title: string; intro?: string | null; items: string[] }[];
  /** Answers that changed, with the two notes side by side. */
  changes?: { number?: string | null; question: string; entryTitle?: string | null; before: string | null; after: string | null; beforeNote?: string | null; afterNote?: string | null }[];
  /** Grid of reference, for the footer. */
  grid?: { id: string; version?: string | null; title?: string | null } | null;
}

function deltaText(before: number | null, after: number | null): { text: string; sign: 'up' | 'down' | 'same' | 'none'; words: string } {
  if (before === null || after === null) return { text: '—', sign: 'none', words: 'pas de comparaison' };
  const d = after - before;
  if (d === 0) return { text: '=', sign: 'same', words: 'stable' };
  return d > 0 ? { text: `+${d}`, sign: 'up', words: `en hausse de ${d}` } : { text: `−${-d}`, sign: 'down', words: `en baisse de ${-d}` };
}

/** Before/after of one project as one self-contained HTML page (templates/compare.html.hbs). */
export function renderCompareHtml(input: CompareHtmlInput, templateSource: string, styleSource: string): string {
  const beforeLabel = input.before?.label?.trim() || 'Avant';
  const afterLabel = input.after?.label?.trim() || 'Après';
  const radar: RadarInput = {
    axes: input.entries.map((e, i) => ({ id: e.id, label: `${i + 1}. ${e.title}` })),
    series: [
      { name: beforeLabel, values: input.entries.map((e) => e.before), kind: 'before' },
      { name: afterLabel, values: input.entries.map((e) => e.after), kind: 'after' },
    ],
  };
  const styles = seriesStyles(radar.series);
  const title = input.title?.trim() || 'Projet sans nom';
  const view = {
    ...htmlView({ ...input, title, beforeLabel, afterLabel }),
    pageHeader: `Évolution du diagnostic : ${title}${input.dateLabel ? ` · ${input.dateLabel}` : ''}`,
    radar: {
      svg: safe(renderRadarSvg(radar, { id: 'radar-evolution', title: `Repères par entrée : ${beforeLabel} et ${afterLabel}`, legend: false })),
      summary: radarSummary(radar),
      beforeSwatch: safe(legendSwatch(styles[0]!)),
      afterSwatch: safe(legendSwatch(styles[1]!)),
    },
    rows: htmlView(
      input.entries.map((e, i) => ({
        id: e.id,
        number: i + 1,
        title: e.title,
        before: e.before,
        after: e.after,
        beforeText: e.before === null ? '—' : String(e.before),
        afterText: e.after === null ? '—' : String(e.after),
        beforeBar: bar(e.before),
        afterBar: bar(e.after),
        delta: deltaText(e.before, e.after),
      })),
    ),
    overall:
      input.before?.score !== undefined || input.after?.score !== undefined
        ? { before: input.before?.score ?? null, after: input.after?.score ?? null, delta: deltaText(input.before?.score ?? null, input.after?.score ?? null) }
        : null,
  };
  return renderPage(COMPARE_HTML_TEMPLATE, templateSource, styleSource, view);
}

function gapLine(g: GapChange): string {
  const where = g.number ? `${g.number} ` : '';
  const answers = g.before !== null || g.after !== null ? ` (${g.before ?? '—'} → ${g.after ?? '—'})` : '';
  return `${where}${g.title}${answers}`;
}

/** The comparison as the HTML page shows it (render/html.ts takes a minimal, renderer-owned shape). */
export function compareHtmlInput(data: CompareData): CompareHtmlInput {
  const side = (s: CompareSide, label: string): NonNullable<CompareHtmlInput['before']> => ({
    label,
    source: s.source,
    date: s.dateLabel,
    stage: s.stage?.label ?? null,
    score: s.overall.score,
  });
  const sections: NonNullable<CompareHtmlInput['sections']> = [
    { title: 'Écarts comblés', items: data.gapsClosed.map(gapLine) },
    {
      title: 'Reculs',
      intro: "Réponses plus basses qu'au premier diagnostic : à comprendre ensemble.",
      items: data.stepsBack.map((c) => `${c.number} ${c.text} (${c.before.label ?? '—'} → ${c.after.label ?? '—'}, ${c.changeLabel})${c.gap ? ` ; action : ${c.gap}` : ''}`),
    },
    {
      title: 'Devenu visible',
      intro: "« Je ne sais pas » ou sans réponse, puis une réponse : ce n'est pas un recul, c'est un point qui apparaît.",
      items: data.becameVisible.map((v) => `${v.number} ${v.text} (${v.before ?? 'pas de réponse'} → ${v.after})${v.gap ? ` ; action : ${v.gap}` : ''}`),
    },
    { title: 'Autres nouveaux écarts', items: data.newGapsByCause.other.map(gapLine) },
    { title: 'Écarts qui ne sont plus évalués', intro: '« Je ne sais pas », « Non concerné » ou sans réponse dans le diagnostic le plus récent.', items: data.gapsNotAssessed.map(gapLine) },
  ].filter((section) => section.items.length > 0);
  return {
    title: data.project.name,
    territory: data.project.territory,
    dateLabel: data.dateLabel,
    before: side(data.before, 'Avant'),
    after: side(data.after, 'Après'),
    entries: data.entries.map((e) => ({ id: e.id, title: e.title, before: e.before, after: e.after })),
    sections,
    changes: data.answersChanged.map((c) => ({
      number: c.number,
      question: c.text,
      entryTitle: c.entryTitle,
      before: c.before.label,
      after: c.after.label,
      beforeNote: c.before.note,
      afterNote: c.after.note,
    })),
    grid: data.grid,
  };
}
