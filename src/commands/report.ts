// `cap-ptce report`: one answers file in, the readiness report out (Markdown or JSON).
// Also the pieces `diagnose` reuses at its end: writeReport (atomic, never overwrites someone
// else's file) and renderForTerminal (marked-terminal, loaded lazily).
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { buildReport, type ReportData } from '../core/report.js';
import { renderDiagnosticText } from '../core/render-diagnostics.js';
import { DEFAULT_TEMPLATE, renderReportJson, renderReportMarkdown } from '../core/render-report.js';
import { stripAnsi, stripControl } from '../core/text.js';
import { fileExists, readUserFile, writeFileAtomic } from '../io/files.js';
import { wantsColor, type Io } from '../io/io.js';
import { packagedTemplate } from '../io/templates.js';
import { displayPath, loadAnswers, loadGrid, todayIso } from '../io/load.js';

export const DEFAULT_REPORT_PATH = 'cap-ptce-rapport.md';

export interface ReportOptions {
  grid?: string;
  format?: 'md' | 'json' | 'html' | 'csv';
  out?: string;
  template?: string;
  force?: boolean;
}

export type ReportFormat = 'md' | 'json';

// ───────────────────────────── marker: "written by cap-ptce for these answers" ─────────────────────────────

const MARKER_PREFIX = 'cap-ptce:report answers=';

function toPosix(p: string): string {
  return sep === '\\' ? p.split(sep).join('/') : p;
}

/**
 * The marker cap-ptce puts in a report it writes: the answers files, relative to the report's
 * folder (so that moving both together keeps it valid). Safe inside an HTML comment.
 */
export function reportMarker(outPath: string, answers: string | readonly string[]): string {
  const dir = dirname(resolve(outPath));
  const list = (typeof answers === 'string' ? [answers] : answers).map((a) => toPosix(relative(dir, resolve(a))) || '.');
  return MARKER_PREFIX + list.map((a) => encodeURI(a).replace(/,/g, '%2C').replace(/-(?=-)/g, '%2D')).join(',');
}

function markerAnswers(marker: string, outPath: string): string[] | null {
  if (!marker.startsWith(MARKER_PREFIX)) return null;
  const dir = dirname(resolve(outPath));
  try {
    return marker
      .slice(MARKER_PREFIX.length)
      .split(',')
      .map((a) => resolve(dir, decodeURI(a.replace(/%2C/g, ',').replace(/%2D/g, '-'))));
  } catch {
    return null;
  }
}

/** The marker found in an existing report (first line of Markdown, `writtenBy` of JSON), if any. */
function existingMarker(text: string): string | null {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const md = /^<!-- (cap-ptce:report [^>]*?) -->\s*$/.exec(firstLine);
  if (md) return md[1]!;
  if (firstLine.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as { writtenBy?: unknown };
      return typeof parsed.writtenBy === 'string' ? parsed.writtenBy : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Adds the marker to a rendered report: an HTML comment on line 1, or `writtenBy` in JSON. */
export function markReport(content: string, marker: string, format: ReportFormat): string {
  if (format === 'json') {
    const data = JSON.parse(content) as Record<string, unknown>;
    return `${JSON.stringify({ ...data, writtenBy: marker }, null, 2)}\n`;
  }
  return `<!-- ${marker} -->\n${content.replace(/^<!-- cap-ptce:report [^\n]*\n/, '')}`;
}

/** Removes the marker line, for display. */
export function stripMarker(markdown: string): string {
  return markdown.replace(/^<!-- cap-ptce:report [^\n]*\n/, '');
}

/**
 * Refuses to replace an existing file unless `force`, or unless cap-ptce wrote it for the same
 * answers files. Throws a UserError that says what to do.
 */
export function checkOverwrite(outPath: string, answers: string | readonly string[], force = false): void {
  let isDir = false;
  try {
    isDir = statSync(outPath).isDirectory();
  } catch {
    return; // nothing there yet
  }
  const shown = displayPath(resolve(outPath));
  if (isDir) throw new UserError(`${shown} est un dossier : indiquez un nom de fichier pour le rapport (ex. --out ${toPosix(`${shown}/${DEFAULT_REPORT_PATH}`)}).`, ExitCode.usage);
  if (force) return;
  let text = '';
  try {
    // A report weighs tens of kilobytes: a much larger file is not one of ours.
    if (statSync(outPath).size <= 5 * 1024 * 1024) text = readFileSync(outPath, 'utf8');
  } catch {
    // unreadable: treated as someone else's file
  }
  const marker = existingMarker(text);
  const previous = marker ? markerAnswers(marker, outPath) : null;
  const wanted = (typeof answers === 'string' ? [answers] : answers).map((a) => resolve(a));
  if (previous && previous.length === wanted.length && previous.every((p, i) => p === wanted[i])) return;
  const why = previous ? `a été écrit par cap-ptce pour d'autres réponses (${previous.map((p) => displayPath(p)).join(', ')})` : "n'a pas été écrit par cap-ptce";
  throw new UserError(`${shown} existe déjà et ${why} : il n'est pas remplacé.`, ExitCode.usage, [
    'Choisissez un autre fichier avec --out, ou ajoutez --force pour le remplacer.',
  ]);
}

/**
 * Writes a rendered report (Markdown or JSON) atomically, with the cap-ptce marker, after
 * checkOverwrite. Returns the absolute path written.
 */
export function writeReport(outPath: string, content: string, options: { answers: string | readonly string[]; format?: ReportFormat; force?: boolean }): string {
  const target = resolve(outPath);
  checkOverwrite(target, options.answers, options.force);
  writeFileAtomic(target, markReport(content, reportMarker(target, options.answers), options.format ?? 'md'));
  return target;
}

// ───────────────────────────── terminal ─────────────────────────────

/**
 * Markdown rendered for a terminal with marked-terminal (imported here, lazily: it costs about
 * 330 ms). Fixes the upstream bug that prints inline Markdown raw in tight list items.
 */
export async function renderForTerminal(markdown: string, columns = 80, color = true): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const width = Math.max(40, Math.min(columns, 120));
  const marked = new Marked();
  marked.use(markedTerminal({ width: width - 2, reflowText: true, tab: 2, emoji: false, tableOptions: tableOptions(markdown, width) }));
  marked.use({
    renderer: {
      // marked-terminal prints the text of a tight list item as is (`**gras**`): parse its inline tokens.
      text(token) {
        if (typeof token === 'object' && 'tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          return this.parser.parseInline(token.tokens);
        }
        return false;
      },
    },
  });
  const rendered = await marked.parse(stripMarker(markdown));
  // marked-terminal colours through its own chalk, whatever NO_COLOR says: strip them here.
  return color ? rendered : stripAnsi(rendered);
}

/**
 * The synthesis table (entrée, bar, level, coverage, unknowns) is wider than most terminals with
 * long entrée titles: give it column widths that fit, wrapping titles. Other tables keep the
 * defaults (a user's template may have any table).
 */
function tableOptions(markdown: string, width: number): Record<string, unknown> {
  if (!/^\| Entrée \| Repère \| Niveau \| Couverture \| /m.test(markdown)) return { style: { compact: true } };
  // bar + score, level, coverage, « Je ne sais pas » (headers wrap on narrow terminals)
  const fixed = width >= 100 ? [20, 17, 12, 13] : [20, 14, 12, 9];
  const title = Math.max(18, width - 6 - fixed.reduce((a, b) => a + b, 0));
  return { style: { compact: true }, wordWrap: true, colWidths: [title, ...fixed] };
}

// ───────────────────────────── the command ─────────────────────────────

export interface RenderedReport {
  data: ReportData;
  content: string;
  format: ReportFormat;
}

/** Loads, builds and renders; prints the defaults used and the answers' warnings on stderr. */
export function prepareReport(files: string[], options: ReportOptions, io: Io): RenderedReport {
  const format = options.format ?? 'md';
  if (format === 'html' || format === 'csv') {
    throw new UserError(`Le format « ${format} » arrive bientôt. En attendant : --format md (par défaut) ou --format json.`, ExitCode.usage);
  }
  if (format !== 'md' && format !== 'json') throw new UserError(`Format inconnu « ${stripControl(String(format))} » : md ou json.`, ExitCode.usage);
  if (files.length === 0) throw new UserError('Indiquez un fichier de réponses, par exemple : cap-ptce report cap-ptce-reponses.yaml', ExitCode.usage);
  if (files.length > 1) {
    throw new UserError(
      `${files.length} fichiers de réponses : la synthèse d'atelier (plusieurs participants) arrive bientôt.`,
      ExitCode.usage,
      ['En attendant, produisez un rapport par fichier : cap-ptce report FICHIER.yaml --out rapport-PRENOM.md'],
    );
  }
  if (options.template && format === 'json') throw new UserError('--template ne s’applique qu’au format md : le JSON a une forme fixe.', ExitCode.usage);

  // Paths as typed when the command runs in the process's folder, so that messages show them as is.
  const userPath = (p: string): string => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const now = io.now();
  const grid = loadGrid(options.grid === undefined ? undefined : userPath(options.grid), todayIso(now));
  if (grid.isDefault) io.stderr('Grille : grille CAP PTCE intégrée (questions/cap-ptce.yaml)\n');
  const loaded = loadAnswers(userPath(files[0]!), grid.index);
  for (const d of loaded.diagnostics) {
    if (d.severity !== 'error') io.stderr(`${renderDiagnosticText({ ...d, file: files[0]! })}\n`);
  }
  const data = buildReport(grid.index, [loaded.answers], { now, sourceLabel: files[0]! });

  if (format === 'json') return { data, content: renderReportJson(data), format };
  const templateSource = options.template ? readUserFile(userPath(options.template), 'modèle', 1024 * 1024) : packagedTemplate(DEFAULT_TEMPLATE);
  return { data, content: renderReportMarkdown(data, templateSource, options.template ? userPath(options.template) : undefined), format };
}

export async function runReport(files: string[], options: ReportOptions, io: Io): Promise<number> {
  const { content, format } = prepareReport(files, options, io);
  const answers = resolve(io.cwd, files[0]!);

  if (options.out) {
    const written = writeReport(resolve(io.cwd, options.out), content, { answers, format, force: options.force });
    io.stderr(`Rapport écrit : ${displayPath(written)}\n`);
    return ExitCode.ok;
  }
  if (!io.stdoutIsTTY || format === 'json') {
    io.stdout(content);
    return ExitCode.ok;
  }
  // A terminal: save to the default path, then show the report rendered.
  const target = resolve(io.cwd, DEFAULT_REPORT_PATH);
  const existed = fileExists(target);
  checkOverwrite(target, answers, options.force);
  const rendered = await renderForTerminal(content, io.columns, wantsColor(io));
  writeReport(target, content, { answers, format, force: true });
  io.stdout(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  io.stderr(`Rapport ${existed ? 'mis à jour' : 'enregistré'} : ${displayPath(target)} (chemin par défaut ; --out FICHIER pour en choisir un autre)\n`);
  return ExitCode.ok;
}
