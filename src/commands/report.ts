// `cap-ptce report`: one answers file in, the readiness report out (Markdown, JSON, or the CSV
// action plan); several files, or a folder of them, give a workshop synthesis (analysis/workshop.ts).
// Also the pieces `diagnose` and `compare` reuse: writeReport (atomic, never overwrites someone
// else's file) and renderForTerminal (marked-terminal, loaded lazily).
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { actionPlanRows } from '../analysis/action-plan.js';
import { renderActionPlanCsv } from '../render/csv.js';
import { renderReportJson, renderWorkshopJson } from '../render/json.js';
import { buildReport, type ReportData } from '../analysis/report.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import { DEFAULT_TEMPLATE, renderReportMarkdown } from '../render/markdown.js';
import { HTML_STYLE, REPORT_HTML_TEMPLATE, renderReportHtml } from '../render/html.js';
import { stripControl } from '../text/escape.js';
import { validateText } from '../validation/validate.js';
import { buildWorkshop, checkSameGrid, type WorkshopData } from '../analysis/workshop.js';
import { checkNewFileTarget, checkOutputTarget, fileExists, readHead, readUserFile, safeName, scanFolder, writeFileAtomic } from '../io/files.js';
import { checkOverwrite, writeReport } from '../io/report-file.js';
import { renderForTerminal } from '../render/terminal.js';
import { anonymizeFiles } from '../analysis/anonymize.js';
import { pathBasis, trimToPath } from '../model/paths.js';
import { wantsColor, type Io } from '../io/io.js';
import { packagedTemplate } from '../io/templates.js';
import { displayPath, loadAnswers, loadGrid, todayIso } from '../io/load.js';
import { globAnswers, readStdinText, STDIN_NAME } from '../io/inputs.js';

export const DEFAULT_REPORT_PATH = 'cap-ptce-rapport.md';
/** Where a workshop synthesis goes in a terminal without --out (not over a participant's report). */
export const DEFAULT_WORKSHOP_PATH = 'cap-ptce-synthese.md';
/** Where the CSV action plan goes in a terminal without --out. */
export const DEFAULT_PLAN_PATH = 'cap-ptce-plan-actions.csv';
export const DEFAULT_REPORT_HTML_PATH = 'cap-ptce-rapport.html';
export const DEFAULT_WORKSHOP_HTML_PATH = 'cap-ptce-synthese.html';
export const WORKSHOP_TEMPLATE = 'workshop.md.hbs';

export interface ReportOptions {
  grid?: string;
  format?: 'md' | 'json' | 'html' | 'csv';
  out?: string;
  template?: string;
  force?: boolean;
  /** Participants become « Participant A, B, C… » in every format (core/anonymize.ts). */
  anonymous?: boolean;
}

export type ReportFormat = 'md' | 'json' | 'html';

// ───────────────────────────── the command ─────────────────────────────

/** An argument and, for a folder, the files directly in it (none of which may be an output). */
function expandInputs(path: string): string[] {
  try {
    if (statSync(path).isDirectory()) return [path, ...scanFolder(path, /./).files];
  } catch {
    // missing: said when read
  }
  return [path];
}

export interface RenderedReport {
  data: ReportData | WorkshopData;
  content: string;
  format: ReportFormat | 'csv';
  /** Whether several answers files were brought together. */
  workshop: boolean;
  /** The answers files read, as the user would type them. */
  files: string[];
}

const ANSWERS_EXT = /\.ya?ml$/i;

/**
 * The answers files behind the arguments: a file as given; a folder, every `*.yaml` / `*.yml`
 * answers file in it (not hidden files, not grids), sorted by name. Skipped files are said on
 * stderr, so nothing is left out silently.
 */
export function expandAnswersArgs(args: readonly string[], io: Io): string[] {
  const userPath = (p: string): string => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const files: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(userPath(arg)).isDirectory();
    } catch {
      // missing: loadAnswers says so, with the path
    }
    if (!isDir) {
      // `-` is standard input; a pattern that names no existing file is expanded here (io/inputs.ts).
      files.push(...(arg === '-' ? [STDIN_NAME] : globAnswers(arg, io.cwd)));
      continue;
    }
    const scan = scanFolder(userPath(arg), ANSWERS_EXT);
    for (const skipped of scan.skipped) io.stderr(`Ignoré : ${safeName(join(arg, basename(skipped.path)))} (${skipped.reason})\n`);
    const found: string[] = [];
    for (const full of scan.files) {
      const path = join(arg, basename(full));
      const head = readHead(full);
      if (head === null) {
        found.push(path); // unreadable: loadAnswers says why
        continue;
      }
      const format = /^format:\s*["']?([^\s"'#]+)/m.exec(head)?.[1];
      if (format !== undefined && format.startsWith('cap-ptce/answers@')) found.push(path);
      else io.stderr(`Ignoré : ${safeName(path)} (${format ? `format « ${stripControl(format)} »` : 'pas de ligne « format: »'}, pas un fichier de réponses)\n`);
    }
    if (found.length === 0) {
      throw new UserError(`Aucun fichier de réponses (.yaml, .yml) dans le dossier ${arg}.`, ExitCode.usage, [
        'Un fichier de réponses commence par « format: cap-ptce/answers@1 » ; cap-ptce diagnose en écrit un.',
      ]);
    }
    files.push(...found);
  }
  return files;
}

/** Loads, builds and renders; prints the defaults used and the answers' warnings on stderr. */
export function prepareReport(args: string[], options: ReportOptions, io: Io, stdinText?: string): RenderedReport {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'json' && format !== 'csv' && format !== 'html') throw new UserError(`Format inconnu « ${stripControl(String(format))} » : md, json, html ou csv.`, ExitCode.usage);
  if (args.length === 0) throw new UserError('Indiquez un fichier de réponses, par exemple : cap-ptce report cap-ptce-reponses.yaml', ExitCode.usage);
  if (options.template && format !== 'md') throw new UserError(`--template ne s’applique qu’au format md : le ${format.toUpperCase()} a une forme fixe.`, ExitCode.usage);

  // Paths as typed when the command runs in the process's folder, so that messages show them as is.
  const userPath = (p: string): string => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const files = expandAnswersArgs(args, io);
  const now = io.now();
  const today = todayIso(now);

  // Several files: refuse files of different grids before checking them against one grid, so that
  // the message names every file (loadAnswers would only name the first that does not fit).
  if (files.length > 1) {
    const headers: { source: string; grid: { id: string; version: string } }[] = [];
    for (const file of files) {
      const text = file === STDIN_NAME && stdinText !== undefined ? stdinText : readUserFile(userPath(file), 'fichier de réponses');
      const parsed = validateText(text, file, { today, expect: 'answers' });
      if (parsed.answers) headers.push({ source: file, grid: parsed.answers.grid });
    }
    checkSameGrid(headers);
  }

  const grid = loadGrid(options.grid === undefined ? undefined : userPath(options.grid), today);
  if (grid.isDefault) io.stderr('Grille : grille CAP PTCE intégrée (questions/cap-ptce.yaml)\n');
  const loaded = files.map((file) => {
    const l = file === STDIN_NAME && stdinText !== undefined ? loadAnswers(file, grid.index, { text: stdinText }) : loadAnswers(userPath(file), grid.index);
    for (const d of l.diagnostics) {
      if (d.severity !== 'error') io.stderr(`${renderDiagnosticText({ ...d, file })}\n`);
    }
    return l.answers;
  });

  let data: ReportData | WorkshopData;
  const workshop = files.length > 1;
  // A short path (core/paths.ts): the report speaks of the questions asked, and of what the full grid adds.
  const basis = pathBasis(grid.index, loaded);
  if (basis.warning) io.stderr(`Attention : ${basis.warning}\n`);
  let inputs = loaded.map((answers, i) => ({ answers: trimToPath(answers, grid.index, basis), source: files[i]! }));
  if (options.anonymous) inputs = anonymizeFiles(inputs);
  if (workshop) {
    const synthesis = buildWorkshop(basis.index, inputs, { now });
    for (const w of synthesis.workshop.warnings) io.stderr(`Attention : ${w}\n`);
    io.stderr(
      `Synthèse de ${files.length} participants : ${synthesis.workshop.divergences.length} ${synthesis.workshop.divergences.length === 1 ? 'question' : 'questions'} à discuter, ${synthesis.workshop.consensus.length} ${synthesis.workshop.consensus.length === 1 ? "point d'accord" : "points d'accord"}.\n`,
    );
    data = synthesis;
  } else {
    data = buildReport(basis.index, [inputs[0]!.answers], { now, sourceLabel: inputs[0]!.source });
  }
  if (basis.shortPath) data = { ...data, shortPath: basis.shortPath };

  if (format === 'csv') return { data, content: renderActionPlanCsv(data), format, workshop, files };
  if (format === 'json') return { data, content: workshop ? renderWorkshopJson(data as WorkshopData) : renderReportJson(data), format, workshop, files };
  if (format === 'html') {
    return { data, content: renderReportHtml(data, packagedTemplate(REPORT_HTML_TEMPLATE), packagedTemplate(HTML_STYLE)), format, workshop, files };
  }
  const templateSource = options.template
    ? readUserFile(userPath(options.template), 'modèle', 1024 * 1024)
    : packagedTemplate(workshop ? WORKSHOP_TEMPLATE : DEFAULT_TEMPLATE);
  return { data, content: renderReportMarkdown(data, templateSource, options.template ? userPath(options.template) : undefined), format, workshop, files };
}

/**
 * Where a CSV action plan may be written: never over an existing file without --force, whoever
 * wrote it. A CSV cannot carry cap-ptce's marker, and the team fills its last columns
 * (Responsable, Échéance, Statut) in the file itself: replacing it would lose their work.
 */
export function checkPlanTarget(target: string, force = false): void {
  checkNewFileTarget(target, { force, example: DEFAULT_PLAN_PATH, reason: "l'équipe a peut-être rempli les colonnes Responsable, Échéance et Statut" });
}

function writePlan(target: string, rendered: RenderedReport, force: boolean | undefined, io: Io, byDefault: boolean): number {
  checkPlanTarget(target, force);
  writeFileAtomic(target, rendered.content);
  const n = actionPlanRows(rendered.data).length;
  const where = byDefault ? ' (chemin par défaut ; --out FICHIER pour en choisir un autre)' : '';
  io.stderr(`Plan d'action écrit : ${displayPath(target)}, ${n} ${n === 1 ? 'action' : 'actions'}${where}. Il s'ouvre dans LibreOffice Calc ou Excel.\n`);
  return ExitCode.ok;
}

export async function runReport(args: string[], options: ReportOptions, io: Io): Promise<number> {
  // The target is checked before anything is read: `--out ''`, a device, a FIFO, or an input.
  if (options.out !== undefined) {
    const inputs = [...args, ...(options.grid ? [options.grid] : []), ...(options.template ? [options.template] : [])].map((a) => resolve(io.cwd, a));
    const example = options.format === 'csv' ? DEFAULT_PLAN_PATH : options.format === 'html' ? DEFAULT_REPORT_HTML_PATH : DEFAULT_REPORT_PATH;
    checkOutputTarget(options.out === '' ? '' : resolve(io.cwd, options.out), { inputs: inputs.flatMap(expandInputs), example });
  }
  const rendered = prepareReport(args, options, io, args.includes('-') ? await readStdinText(io) : undefined);
  const { content, format } = rendered;
  // The marker names the arguments (a folder stays a folder), so a re-run with the same ones may update the file.
  const answers = args.map((a) => resolve(io.cwd, a));

  if (format === 'csv') {
    if (options.out !== undefined) return writePlan(resolve(io.cwd, options.out), rendered, options.force, io, false);
    if (!io.stdoutIsTTY) {
      io.stdout(content);
      return ExitCode.ok;
    }
    return writePlan(resolve(io.cwd, DEFAULT_PLAN_PATH), rendered, options.force, io, true);
  }

  const noun = rendered.workshop ? 'Synthèse' : 'Rapport';
  if (options.out !== undefined) {
    const written = writeReport(resolve(io.cwd, options.out), content, { answers, format, force: options.force });
    io.stderr(`${noun} écrit${rendered.workshop ? 'e' : ''} : ${displayPath(written)}\n`);
    return ExitCode.ok;
  }
  if (!io.stdoutIsTTY || format === 'json') {
    io.stdout(content);
    return ExitCode.ok;
  }
  if (format === 'html') {
    // A page is for a browser, not a terminal: write it to the default path.
    const target = resolve(io.cwd, rendered.workshop ? DEFAULT_WORKSHOP_HTML_PATH : DEFAULT_REPORT_HTML_PATH);
    checkOverwrite(target, answers, options.force);
    writeReport(target, content, { answers, format, force: true });
    io.stderr(`${noun} écrit${rendered.workshop ? 'e' : ''} : ${displayPath(target)} (chemin par défaut ; --out FICHIER pour en choisir un autre). Ouvrez-la dans un navigateur pour la projeter ou l’imprimer (A4).\n`);
    return ExitCode.ok;
  }
  // A terminal: save to the default path, then show the report rendered.
  const target = resolve(io.cwd, rendered.workshop ? DEFAULT_WORKSHOP_PATH : DEFAULT_REPORT_PATH);
  const existed = fileExists(target);
  checkOverwrite(target, answers, options.force);
  const shown = await renderForTerminal(content, io.columns, wantsColor(io));
  writeReport(target, content, { answers, format, force: true });
  io.stdout(shown.endsWith('\n') ? shown : `${shown}\n`);
  const done = rendered.workshop ? (existed ? 'mise à jour' : 'enregistrée') : existed ? 'mis à jour' : 'enregistré';
  io.stderr(`${noun} ${done} : ${displayPath(target)} (chemin par défaut ; --out FICHIER pour en choisir un autre)\n`);
  return ExitCode.ok;
}
