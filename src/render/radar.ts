// A radar (spider) chart of the entrées' scores, as an SVG string. Pure: data in, markup out; no
// DOM, no canvas, no library (plain trigonometry), so it runs at generation time in Node and the
// chart needs no script to show.
//
// - One axis per entrée, clockwise from the top; rings at 25, 50, 75 and 100.
// - One <polygon class="radar-series"> per series, and no other <polygon> (rings and markers are
//   <path>s). A null value (no score) is drawn at 0 and marked: a hollow marker, an asterisk on
//   the axis label, and a footnote.
// - Series differ by colour AND dash pattern AND marker shape, so nothing relies on colour alone
//   (black-and-white print, colour blindness); colours keep a 3:1 contrast on white at least.
// - Accessibility: role="img", a <title> and a <desc> (the numbers in words) referenced by
//   aria-labelledby. The page puts the same numbers in a table next to the chart.
// - Every text that comes from a grid or an answers file is escaped for XML.
import { escapeHtml, stripControl } from '../text/escape.js';

// lowest / highest: a workshop with more participants than distinct looks draws, per entrée, the
// lowest and the highest participant's score instead of one series each (see reportRadar).
export type RadarSeriesKind = 'respondent' | 'collective' | 'before' | 'after' | 'lowest' | 'highest';

export interface RadarAxis {
  id: string;
  label: string;
}

export interface RadarSeries {
  name: string;
  /** One value per axis, 0..100; null when there is no score (drawn at 0 and marked). */
  values: (number | null)[];
  kind: RadarSeriesKind;
}

export interface RadarInput {
  axes: RadarAxis[];
  series: RadarSeries[];
}

export interface RadarOptions {
  /** Prefix of the element ids (title, desc), unique in the page. Letters, digits and dashes. */
  id?: string;
  /** The chart's accessible title. */
  title?: string;
  /**
   * Draw the legend inside the SVG when there are several series (default true). A page that
   * shows its own legend next to the chart, in readable text, passes false.
   */
  legend?: boolean;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  /** Stroke colour (contrast of 3:1 at least on white). */
  colour: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  dash: string;
  width: number;
  marker: MarkerShape;
  /** Fill opacity of the polygon (0: no fill). */
  fillOpacity: number;
}

/** Geometry, in SVG user units (viewBox width × computed height). */
export const RADAR = {
  width: 720,
  cx: 360,
  cy: 270,
  radius: 190,
  rings: [25, 50, 75, 100] as const,
  labelGap: 12,
  fontSize: 16,
  lineHeight: 18,
  /** Characters per label line before wrapping. */
  labelChars: 17,
  labelLines: 4,
} as const;

// Distinct hues, each at least 3:1 on white (WCAG 1.4.11 for graphics), dark enough to stay
// distinct in grey when printed.
const RESPONDENT_COLOURS = ['#0072b2', '#d55e00', '#1b7837', '#7b3294', '#8e6c00', '#c2185b', '#01665e', '#8c510a'];
const RESPONDENT_DASHES = ['8 4', '2 4', '12 4 3 4', '4 3', '14 3', '1 3', '8 3 1 3 1 3', '6 6'];
const SHAPES: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

/** How many respondents get a look of their own (colour, dash, marker); the next one repeats the first. */
export const DISTINCT_RESPONDENT_STYLES = RESPONDENT_COLOURS.length;

/**
 * The look of each series, in order: respondents get a colour, a dash pattern and a marker of
 * their own (cycling after eight); the collective and "after" series are solid and thicker,
 * "before" is dashed grey. Shared with the page (legends, markers of the divergence view).
 */
export function seriesStyles(series: readonly Pick<RadarSeries, 'kind'>[]): SeriesStyle[] {
  let r = 0;
  return series.map((s) => {
    switch (s.kind) {
      case 'collective':
        return { colour: '#1a1a1a', dash: '', width: 3.5, marker: 'circle', fillOpacity: 0.1 };
      case 'after':
        return { colour: '#0072b2', dash: '', width: 3.5, marker: 'circle', fillOpacity: 0.14 };
      case 'before':
        return { colour: '#555555', dash: '7 5', width: 2.5, marker: 'square', fillOpacity: 0 };
      case 'lowest':
        return { colour: '#555555', dash: '2 4', width: 2.25, marker: 'triangle', fillOpacity: 0 };
      case 'highest':
        return { colour: '#555555', dash: '8 4', width: 2.25, marker: 'diamond', fillOpacity: 0 };
      case 'respondent':
        return respondentStyle(r++);
    }
  });
}

/** The colour of the i-th respondent (0-based), as respondentStyle gives it, without making the rest. */
export function respondentColour(i: number): string {
  return RESPONDENT_COLOURS[i % RESPONDENT_COLOURS.length]!;
}

// The page's chips carry their colour as a class (`c1`…`c8`), one stylesheet rule per colour
// (respondentChipRules): a workshop page of 100 participants has 5,000 chips, and an inline
// `style="--c: #0072b2"` on each was a tenth of its bytes, all escaped, typeset and written.
const RESPONDENT_TONES = RESPONDENT_COLOURS.map((_, k) => `c${k + 1}`);

/** The colour class of the i-th respondent's chip (0-based): `c1` to `c8`, as respondentColour cycles. */
export function respondentTone(i: number): string {
  return RESPONDENT_TONES[i % RESPONDENT_TONES.length]!;
}

/** The stylesheet rules that give each chip class its respondent colour (`--c`, read by `.chip`). */
export function respondentChipRules(): string {
  return RESPONDENT_COLOURS.map((colour, k) => `.chip.${RESPONDENT_TONES[k]} { --c: ${colour}; }`).join('\n');
}

/** The colour and marker of the i-th respondent (0-based), as seriesStyles gives them. Constant time: the page asks once per answer shown. */
export function respondentStyle(i: number): SeriesStyle {
  return {
    colour: RESPONDENT_COLOURS[i % RESPONDENT_COLOURS.length]!,
    dash: RESPONDENT_DASHES[i % RESPONDENT_DASHES.length]!,
    width: 2.25,
    marker: SHAPES[(i + 1) % SHAPES.length]!,
    fillOpacity: 0,
  };
}

const f = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Angle of axis i of n, clockwise from the top, in radians. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
}

/** Where value v (0..100, clamped; null → 0) of axis i of n is drawn. */
export function radarPoint(i: number, n: number, value: number | null): { x: number; y: number } {
  const v = value === null || !Number.isFinite(value) ? 0 : Math.max(0, Math.min(100, value));
  const a = axisAngle(i, n);
  const r = (RADAR.radius * v) / 100;
  return { x: RADAR.cx + r * Math.cos(a), y: RADAR.cy + r * Math.sin(a) };
}

function clean(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

const esc = (text: string): string => escapeHtml(clean(text));

/** Greedy word wrap; the last line ends with « … » when the text does not fit. */
export function wrapLabel(text: string, chars: number = RADAR.labelChars, maxLines: number = RADAR.labelLines): string[] {
  const words = clean(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => (l.length > chars + 6 ? `${l.slice(0, chars + 5)}…` : l));
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  if (last.length > chars - 1) last = last.slice(0, chars - 1).replace(/\s+\S*$/, '');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

function marker(shape: MarkerShape, x: number, y: number, style: SeriesStyle, hollow: boolean): string {
  const fill = hollow ? '#ffffff' : style.colour;
  const common = `fill="${fill}" stroke="${style.colour}" stroke-width="1.5"`;
  const s = 4.5;
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${s}" ${common}/>`;
    case 'square':
      return `<rect x="${f(x - s)}" y="${f(y - s)}" width="${s * 2}" height="${s * 2}" ${common}/>`;
    case 'triangle':
      return `<path d="M${f(x)},${f(y - s - 1)} L${f(x + s + 0.5)},${f(y + s)} L${f(x - s - 0.5)},${f(y + s)} Z" ${common}/>`;
    case 'diamond':
      return `<path d="M${f(x)},${f(y - s - 1)} L${f(x + s + 1)},${f(y)} L${f(x)},${f(y + s + 1)} L${f(x - s - 1)},${f(y)} Z" ${common}/>`;
  }
}

/** A small legend sample (line + marker) for a series, as an inline SVG. Used by HTML legends. */
export function legendSwatch(style: SeriesStyle): string {
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return (
    `<svg class="swatch" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">` +
    `<line x1="1" y1="7" x2="35" y2="7" stroke="${style.colour}" stroke-width="${Math.min(style.width, 3)}"${dash}/>` +
    marker(style.marker, 18, 7, style, false) +
    `</svg>`
  );
}

function formatValue(v: number | null): string {
  return v === null || !Number.isFinite(v) ? 'sans repère' : String(Math.round(v));
}

/** The chart in words: one sentence per entrée, every series' value. Plain text (not escaped). */
export function radarSummary(input: RadarInput): string {
  const { axes, series } = input;
  if (axes.length === 0) return 'Aucune entrée à représenter.';
  const parts = axes.map((axis, i) => {
    const values = series.map((s) => (series.length === 1 ? formatValue(s.values[i] ?? null) : `${clean(s.name)} ${formatValue(s.values[i] ?? null)}`));
    return `${clean(axis.label)} : ${values.join(', ')}`;
  });
  return `Repères par entrée, sur 100. ${parts.join(' ; ')}.`;
}

function safeId(id: string | undefined): string {
  const s = (id ?? 'radar').replace(/[^A-Za-z0-9-]/g, '-').replace(/^[^A-Za-z]+/, '');
  return s || 'radar';
}

/** Rings at RADAR.rings (a polygon with three axes or more, else a circle) and their values. */
function ringsSvg(n: number): { rings: string[]; ringLabels: string[] } {
  const { cx, cy, radius: R } = RADAR;
  const rings: string[] = [];
  for (const ring of RADAR.rings) {
    if (n >= 3) {
      const pts = Array.from({ length: n }, (_, i) => radarPoint(i, n, ring)).map((p) => `${f(p.x)},${f(p.y)}`);
      rings.push(`<path class="radar-ring" data-ring="${ring}" d="M${pts.join(' L')} Z" fill="none" stroke="#b4b4b4" stroke-width="${ring === 100 ? 1.5 : 1}"/>`);
    } else {
      rings.push(`<circle class="radar-ring" data-ring="${ring}" cx="${cx}" cy="${cy}" r="${f((R * ring) / 100)}" fill="none" stroke="#b4b4b4" stroke-width="${ring === 100 ? 1.5 : 1}"/>`);
    }
  }
  // Ring values along a line between the last axis and the first: away from the series' points.
  const ringAngle = n >= 2 ? axisAngle(0, n) - Math.PI / n : -Math.PI / 2 - Math.PI / 8;
  const ringLabels = RADAR.rings.map((ring) => {
    const x = cx + ((R * ring) / 100) * Math.cos(ringAngle);
    const y = cy + ((R * ring) / 100) * Math.sin(ringAngle);
    return `<text class="radar-ring-value" x="${f(x)}" y="${f(y - 3)}" text-anchor="middle" font-size="12" fill="#4a4a4a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${ring}</text>`;
  });
  return { rings, ringLabels };
}

/** Axes that some series has no value on: their label gets a « * » and the footnote explains it. */
function axesWithoutValue(input: RadarInput): Set<number> {
  const nullAxes = new Set<number>();
  input.series.forEach((s) => input.axes.forEach((_, i) => {
    const v = s.values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) nullAxes.add(i);
  }));
  return nullAxes;
}

/** Axis lines and their wrapped labels; `top` and `bottom`: how far the labels reach, for the viewBox. */
function axesSvg(axes: readonly RadarAxis[], nullAxes: ReadonlySet<number>): { axisLines: string[]; labels: string[]; top: number; bottom: number } {
  const { cx, cy, radius: R } = RADAR;
  const n = axes.length;
  const axisLines: string[] = [];
  const labels: string[] = [];
  let top = cy - R;
  let bottom = cy + R;
  axes.forEach((axis, i) => {
    const end = radarPoint(i, n, 100);
    axisLines.push(`<line class="radar-axis" data-axis="${esc(axis.id)}" x1="${cx}" y1="${cy}" x2="${f(end.x)}" y2="${f(end.y)}" stroke="#8a8a8a" stroke-width="1"/>`);
    const a = axisAngle(i, n);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const lx = cx + (R + RADAR.labelGap) * cos;
    const ly = cy + (R + RADAR.labelGap) * sin;
    const lines = wrapLabel(axis.label);
    if (nullAxes.has(i)) lines[lines.length - 1] += ' *';
    const anchor = cos > 0.2 ? 'start' : cos < -0.2 ? 'end' : 'middle';
    const k = lines.length;
    const lh = RADAR.lineHeight;
    const first = sin < -0.3 ? ly - (k - 1) * lh - 2 : sin > 0.3 ? ly + 13 : ly - ((k - 1) * lh) / 2 + 5;
    top = Math.min(top, first - 14);
    bottom = Math.max(bottom, first + (k - 1) * lh + 4);
    const tspans = lines.map((l, j) => `<tspan x="${f(lx)}" y="${f(first + j * lh)}">${escapeHtml(l)}</tspan>`).join('');
    labels.push(`<text class="radar-label" data-axis="${esc(axis.id)}" text-anchor="${anchor}" font-size="${RADAR.fontSize}" fill="#1a1a1a">${tspans}</text>`);
    // The axis number alone, hidden unless a page's CSS shows it instead of the full label (phones).
    const ny = sin < -0.3 ? ly - 4 : sin > 0.3 ? ly + 30 : ly + 12;
    labels.push(`<text class="radar-label-number" display="none" aria-hidden="true" x="${f(lx)}" y="${f(ny)}" text-anchor="${anchor}" font-size="36" font-weight="700" fill="#1a1a1a">${i + 1}</text>`);
  });
  return { axisLines, labels, top, bottom };
}

/** One polygon per series (the collective/after ones drawn last, on top), its markers, and with one series its values. */
function seriesSvg(input: RadarInput, styles: readonly SeriesStyle[]): { polygons: string[]; markers: string[] } {
  const { cx, cy, radius: R } = RADAR;
  const { axes, series } = input;
  const n = axes.length;
  const order = series.map((_, i) => i).sort((a, b) => rank(series[a]!.kind) - rank(series[b]!.kind) || a - b);
  const polygons: string[] = [];
  const markers: string[] = [];
  for (const s of order) {
    const serie = series[s]!;
    const style = styles[s]!;
    const values = axes.map((_, i) => {
      const v = serie.values[i];
      return v === undefined || v === null || !Number.isFinite(v) ? null : Math.max(0, Math.min(100, v));
    });
    const pts = values.map((v, i) => radarPoint(i, n, v));
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const fill = style.fillOpacity > 0 ? `fill="${style.colour}" fill-opacity="${style.fillOpacity}"` : 'fill="none"';
    const dataValues = values.map((v) => (v === null ? 'null' : String(v))).join(' ');
    const shape = n >= 3 ? 'polygon' : 'polyline';
    polygons.push(
      `<${shape} class="radar-series" data-kind="${serie.kind}" data-series="${esc(serie.name)}" data-values="${dataValues}" points="${pts.map((p) => `${f(p.x)},${f(p.y)}`).join(' ')}" ${fill} stroke="${style.colour}" stroke-width="${style.width}" stroke-linejoin="round"${dash}><title>${esc(serie.name)}</title></${shape}>`,
    );
    pts.forEach((p, i) => markers.push(marker(style.marker, p.x, p.y, style, values[i] === null)));
    if (series.length === 1) {
      // One series: its values next to the points, readable when the chart is projected.
      values.forEach((v, i) => {
        if (v === null) return;
        // Beside the axis line (a tangential shift), outside the point, or inside it near the
        // outer ring so that it never runs into the axis labels.
        const a = axisAngle(i, n);
        const r = (R * v) / 100;
        const along = v >= 80 ? r - 15 : v < 12 ? r + 18 : r + 13;
        const tx = cx + along * Math.cos(a) - 11 * Math.sin(a);
        const ty = cy + along * Math.sin(a) + 11 * Math.cos(a) + 5;
        markers.push(`<text class="radar-value" x="${f(tx)}" y="${f(ty)}" text-anchor="middle" font-size="14" font-weight="700" fill="${style.colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${v}</text>`);
      });
    }
  }
  return { polygons, markers };
}

/** The legend (several series) and the footnote on axes without value, from `y` down; returns where they end. */
function legendSvg(input: RadarInput, styles: readonly SeriesStyle[], nullAxes: ReadonlySet<number>, withLegend: boolean, y: number): { legend: string[]; y: number } {
  const { series } = input;
  const legend: string[] = [];
  if (series.length > 1 && withLegend) {
    const colWidth = 220;
    const perRow = Math.max(1, Math.floor((RADAR.width - 20) / colWidth));
    const legendItems = series.map((serie, i) => {
      const style = styles[i]!;
      const col = i % perRow;
      const row = Math.floor(i / perRow);
      const x = 20 + col * colWidth;
      const ly = y + row * 24;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      const name = clean(serie.name);
      const shown = name.length > 24 ? `${name.slice(0, 23)}…` : name;
      return (
        `<g class="radar-legend-item" data-series="${esc(serie.name)}">` +
        `<line x1="${x}" y1="${ly}" x2="${x + 34}" y2="${ly}" stroke="${style.colour}" stroke-width="${Math.min(style.width, 3)}"${dash}/>` +
        marker(style.marker, x + 17, ly, style, false) +
        `<text x="${x + 42}" y="${ly + 5}" font-size="14" fill="#1a1a1a">${escapeHtml(shown)}</text></g>`
      );
    });
    legend.push(`<g class="radar-legend">${legendItems.join('')}</g>`);
    y += Math.ceil(series.length / perRow) * 24;
  }
  if (nullAxes.size > 0) {
    const note = series.length === 1 ? '* Pas encore de repère : point placé au centre.' : '* Sans repère pour au moins une série : point placé au centre (voir le tableau).';
    legend.push(`<text class="radar-footnote" x="20" y="${f(y + 8)}" font-size="14" fill="#4a4a4a">${escapeHtml(note)}</text>`);
    y += 20;
  }
  return { legend, y };
}

/**
 * The radar as an SVG string, ready to inline in an HTML page (no script, no external resource).
 * Values are 0..100 (clamped); one polygon per series; a legend under the chart when there are
 * several series.
 */
export function renderRadarSvg(input: RadarInput, options: RadarOptions = {}): string {
  const id = safeId(options.id);
  const title = clean(options.title ?? 'Repères par entrée');
  const n = input.axes.length;
  const { cx, cy, radius: R, width: W } = RADAR;
  if (n === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 ${W} 60" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${escapeHtml(title)}</title><text x="20" y="35" font-size="14">Aucune entrée à représenter.</text></svg>`;
  }
  const styles = seriesStyles(input.series);
  const nullAxes = axesWithoutValue(input);
  const { rings, ringLabels } = ringsSvg(n);
  const { axisLines, labels, top, bottom } = axesSvg(input.axes, nullAxes);
  const { polygons, markers } = seriesSvg(input, styles);
  const { legend, y } = legendSvg(input, styles, nullAxes, options.legend !== false, bottom + 14);

  const minY = Math.floor(Math.min(0, top - 6));
  const height = Math.ceil(y + 4 - minY);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 ${minY} ${W} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-cx="${cx}" data-cy="${cy}" data-r="${R}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(radarSummary(input))}</desc>`,
    `<g class="radar-grid">${rings.join('')}${axisLines.join('')}${ringLabels.join('')}</g>`,
    `<g class="radar-plot">${polygons.join('')}${markers.join('')}</g>`,
    `<g class="radar-labels">${labels.join('')}</g>`,
    ...legend,
    '</svg>',
  ].join('');
}

function rank(kind: RadarSeriesKind): number {
  return kind === 'collective' || kind === 'after' ? 1 : 0;
}
