// `cap-ptce report`: one answers file in, the readiness report out (Markdown, JSON, or the CSV
// action plan); several files, or a folder of them, give a workshop synthesis (analysis/workshop.ts).
// Also the pieces `diagnose` and `compare` reuse: writeReport (atomic, never overwrites someone
// else's file) and renderForTerminal (src/render/terminal-markdown.ts).
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { actionPlanRows } from '../analysis/action-plan.js';
import { buildReport, type ReportData } from '../analysis/report.js';
import { buildWorkshop, checkSameGrid, type WorkshopData } from '../analysis/workshop.js';
import { anonymizeFiles } from '../analysis/anonymize.js';
import { pathBasis, trimToPath } from '../model/paths.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import { DOCUMENTS, type DocumentFormat } from '../render/registry.js';
import { stripControl } from '../text/escape.js';
import { plural } from '../text/french.js';
import { wrapTerminal } from '../text/terminal-text.js';
import { frenchProse } from '../text/typography.js';
import { emissionOf, emit } from '../io/emit.js';
import { checkOutputTarget, readUserFile, readWithHead, safeName, scanFolder } from '../io/files.js';
import type { Io } from '../io/io.js';
import { packagedTemplate } from '../io/templates.js';
import { loadGrid, todayIso } from '../io/load.js';
import { answersAgainstGrid, parseAnswersFile, type ParsedAnswers } from '../io/load-answers.js';
import { globAnswers, readStdinText, STDIN_NAME } from '../io/inputs.js';


export interface ReportOptions {
  grid?: string;
  format?: 'md' | 'json' | 'html' | 'csv';
  out?: string;
  template?: string;
  force?: boolean;
  /** Participants become « Participant A, B, C… » in every format (core/anonymize.ts). */
  anonymous?: boolean;
  /** The complete report instead of the short one (Markdown and HTML; JSON and CSV always carry everything). */
  full?: boolean;
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
export function expandAnswersArgs(args: readonly string[], io: Io, texts?: Map<string, string>): string[] {
  const userPath = (p: string): string => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const files: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(userPath(arg)).isDirectory();
    } catch {
      // missing: said when read, with the path
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
      // Read once: the text kept (in `texts`) is the one parsed.
      const read = readWithHead(full);
      if (read === null) {
        found.push(path); // unreadable: said when read
        continue;
      }
      const format = /^format:\s*["']?([^\s"'#]+)/m.exec(read.head)?.[1];
      if (format !== undefined && format.startsWith('cap-ptce/answers@')) {
        found.push(path);
        if (read.text !== undefined) texts?.set(path, read.text);
      }
      else io.stderr(`Ignoré : ${safeName(path)} (${format ? `format « ${stripControl(format)} »` : 'pas de ligne « format: »'}, pas un fichier de réponses)\n`);
    }
    if (found.length === 0) {
      throw new UserError(`Aucun fichier de réponses (.yaml, .yml) dans le dossier ${safeName(arg)}.`, ExitCode.usage, [
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
  if (options.template && format !== 'md') throw new UserError(`--template ne s'applique qu'au format md : le ${format.toUpperCase()} a une forme fixe.`, ExitCode.usage);

  // Paths as typed when the command runs in the process's folder, so that messages show them as is.
  const userPath = (p: string): string => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const texts = new Map<string, string>();
  const files = expandAnswersArgs(args, io, texts);
  const now = io.now();
  const today = todayIso(now);

  // Each file is read and parsed once (io/load-answers.ts). Several files: refuse files of
  // different grids before checking them against one grid, so that the message names every file
  // (checking against the grid would only name the first that does not fit).
  const parsed = files.map((file) => (files.length > 1 ? parseOne(file) : undefined));
  function parseOne(file: string): ParsedAnswers {
    const text = file === STDIN_NAME ? stdinText : texts.get(file);
    return text !== undefined ? parseAnswersFile(file === STDIN_NAME ? file : userPath(file), { text }) : parseAnswersFile(userPath(file));
  }
  if (files.length > 1) {
    const headers: { source: string; grid: { id: string; version: string } }[] = [];
    parsed.forEach((p, i) => {
      if (p?.result.answers) headers.push({ source: files[i]!, grid: p.result.answers.grid });
    });
    checkSameGrid(headers);
  }

  const grid = loadGrid(options.grid === undefined ? undefined : userPath(options.grid), today);
  if (grid.isDefault) io.stderr('Grille\u00A0: grille CAP PTCE intégrée (questions/cap-ptce.yaml)\n');
  const loaded = files.map((file, i) => {
    const l = answersAgainstGrid(parsed[i] ?? parseOne(file), grid.index);
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
    // Read beside the synthesis shown on a terminal: wrapped at its width there.
    const tell = (text: string): void => io.stderr(`${io.stdoutIsTTY ? wrapTerminal(frenchProse(text), io.columns) : text}\n`);
    for (const w of synthesis.workshop.warnings) tell(`Attention : ${w}`);
    tell(
      `Synthèse de ${files.length} participants : ${synthesis.workshop.divergences.length} ${synthesis.workshop.divergences.length === 1 ? 'question' : 'questions'} à discuter, ${synthesis.workshop.consensus.length} ${synthesis.workshop.consensus.length === 1 ? "point d'accord" : "points d'accord"}.`,
    );
    data = synthesis;
  } else {
    data = buildReport(basis.index, [inputs[0]!.answers], { now, sourceLabel: inputs[0]!.source });
  }
  if (basis.shortPath) data = { ...data, shortPath: basis.shortPath };

  // Rendered as the registry says for this document and format; --template replaces the Markdown template.
  const entry = DOCUMENTS[workshop ? 'workshop' : 'report'][format] as DocumentFormat<ReportData>;
  const sources = options.template ? [readUserFile(userPath(options.template), 'modèle', 1024 * 1024)] : entry.templates.map(packagedTemplate);
  const content = entry.render(data, sources, options.template ? userPath(options.template) : undefined, { full: options.full === true });
  return { data, content, format, workshop, files };
}

/**
 * Where a CSV action plan may be written: never over an existing file without --force, whoever
 * wrote it. A CSV cannot carry cap-ptce's marker, and the team fills its last columns
 * (Responsable, Échéance, Statut) in the file itself: replacing it would lose their work.
 */
/**
 * The answers a report's marker names: the arguments as given; for an anonymous report, which
 * must not name its files either (claire.yaml), a digest of their paths, which still tells a
 * re-run with the same files from another one.
 */
function markerAnswers(args: readonly string[], options: ReportOptions, io: Io): string[] {
  const named = args.map((a) => resolve(io.cwd, a));
  if (!options.anonymous) return named;
  // node:crypto only here: loading it costs every report a few milliseconds.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return [resolve(io.cwd, `anonyme-${createHash('sha256').update(named.join('\n')).digest('hex').slice(0, 16)}`)];
}

export async function runReport(args: string[], options: ReportOptions, io: Io): Promise<number> {
  // The target is checked before anything is read: `--out ''`, a device, a FIFO, or an input.
  if (options.out !== undefined && options.out !== '-') {
    const inputs = [...args, ...(options.grid ? [options.grid] : []), ...(options.template ? [options.template] : [])].map((a) => resolve(io.cwd, a));
    const example = (DOCUMENTS.report[(options.format ?? 'md') as 'md'] ?? DOCUMENTS.report.md).defaultPath ?? 'cap-ptce-rapport.json';
    checkOutputTarget(options.out === '' ? '' : resolve(io.cwd, options.out), { inputs: inputs.flatMap(expandInputs), example });
  }
  const rendered = prepareReport(args, options, io, args.includes('-') ? await readStdinText(io) : undefined);
  const entry = DOCUMENTS[rendered.workshop ? 'workshop' : 'report'][rendered.format] as DocumentFormat<ReportData>;
  const actions = rendered.format === 'csv' ? actionPlanRows(rendered.data).length : 0;
  await emit(
    {
      ...emissionOf(entry, rendered.content, rendered.format, options),
      // The marker names the arguments (a folder stays a folder), so a re-run with the same ones may update the file.
      answers: entry.marked ? markerAnswers(args, options, io) : null,
      ...(rendered.format === 'csv' ? { detail: `, ${plural(actions, 'action', 'actions')}` } : {}),
      viewHint: `Pour enregistrer ce${rendered.workshop ? 'tte synthèse' : ' rapport'} : --out FICHIER.md${options.full ? '' : ' ; --full pour le rapport complet'}`,
    },
    io,
  );
  return ExitCode.ok;
}
