import { statSync } from 'node:fs';
import { ExitCode, UserError } from '../errors.js';
import { indexGrid, type GridIndex } from '../model/grid-index.js';
import { renderDiagnosticGithub, renderDiagnosticsJson, renderDiagnosticText, renderSummary } from '../render/diagnostics.js';
import { validateText } from '../validation/validate.js';
import type { Diagnostic } from '../validation/yaml-source.js';
import { defaultGridPath, FileTooLargeError, readUserFile, safeName, scanFolder } from '../io/files.js';
import type { Io } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';

export interface ValidateOptions {
  format: 'text' | 'json' | 'github';
  grid?: string;
  strict?: boolean;
}

/**
 * Files named on the command line; a folder stands for the YAML files directly in it. What a
 * folder holds but cannot be read (dangling link, unreadable entry, FIFO) is skipped and said.
 */
function expandFiles(args: readonly string[], io: Io): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // reported when read
    }
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const { files, skipped } = scanFolder(arg, /\.ya?ml$/i);
    for (const s of skipped) io.stderr(`Ignoré : ${safeName(s.path)} (${s.reason})\n`);
    if (files.length === 0) throw new UserError(`Aucun fichier .yaml lisible dans le dossier ${safeName(arg)}.`, ExitCode.usage);
    out.push(...files);
  }
  return out;
}

export async function runValidate(files: string[], options: ValidateOptions, io: Io): Promise<number> {
  const today = todayIso(io.now());
  const targets = files.length > 0 ? expandFiles(files, io) : [defaultGridPath()];
  const diagnostics: Diagnostic[] = [];
  const texts: { shown: string; text: string }[] = [];
  for (const file of targets) {
    const shown = files.length > 0 ? file : displayPath(file);
    try {
      texts.push({ shown, text: readUserFile(file, 'fichier') });
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw error;
      diagnostics.push({ file: shown, line: 1, col: 1, severity: 'error', code: 'FILE_TOO_LARGE', path: '(fichier)', message: error.message.replace(`${safeName(file)} : `, '') });
    }
  }

  // Answers files are checked against --grid, else a grid named alongside them, else the embedded grid.
  let reference: GridIndex | undefined;
  const gridFor = (): GridIndex => {
    if (!reference) reference = loadGrid(options.grid, today).index;
    return reference;
  };
  const results = texts.map(({ shown, text }) => ({ shown, text, first: validateText(text, shown, { today }) }));
  const namedGrid = options.grid === undefined ? results.find((r) => r.first.grid)?.first.grid : undefined;
  if (namedGrid) reference = indexGrid(namedGrid);

  for (const { shown, text, first } of results) {
    if (first.kind === 'answers' && first.answers) {
      diagnostics.push(...validateText(text, shown, { today, expect: 'answers', grid: gridFor() }).diagnostics);
    } else {
      diagnostics.push(...first.diagnostics);
    }
  }

  if (options.format === 'json') io.stdout(`${renderDiagnosticsJson(diagnostics)}\n`);
  else if (options.format === 'github') {
    for (const d of diagnostics) io.stdout(`${renderDiagnosticGithub(d)}\n`);
  } else {
    for (const d of diagnostics) io.stdout(`${renderDiagnosticText(d)}\n`);
    io.stderr(`${renderSummary(targets.length, diagnostics)}\n`);
  }
  const failing = diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  return failing ? ExitCode.invalid : ExitCode.ok;
}
