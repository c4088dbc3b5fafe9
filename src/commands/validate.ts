import { ExitCode, UserError } from '../errors.js';
import { indexGrid, type GridIndex } from '../model/grid-index.js';
import {
  renderDiagnosticGithub,
  renderDiagnosticText,
  renderGithubSummary,
  renderSummary,
  renderValidateJson,
  sortDiagnostics,
  type CheckedFile,
} from '../render/diagnostics.js';
import { checkAgainstGrid, validateText } from '../validation/validate.js';
import { LIMITS, type Diagnostic } from '../validation/yaml-source.js';
import type { DiagnosticCode } from '../validation/codes.js';
import { defaultGridPath, FileTooLargeError, readUserFile, safeName } from '../io/files.js';
import { expandInputs, type Input } from '../io/inputs.js';
import { StdinTooLargeError, type Io } from '../io/io.js';
import { displayPath, loadGrid, readSnapshot, todayIso } from '../io/load.js';
import { gridFromSnapshot } from '../validation/grid-snapshot.js';

export interface ValidateOptions {
  format: 'text' | 'json' | 'github';
  grid?: string;
  strict?: boolean;
}

/** A problem with a file as a whole (missing, unreadable, too large), as a diagnostic at 1:1. */
function fileDiagnostic(file: string, code: DiagnosticCode, message: string): Diagnostic {
  return { file, line: 1, col: 1, severity: 'error', code, path: '(fichier)', message };
}

/** Reads one input; a file that cannot be read becomes a diagnostic, and `usage` says it was the user's naming. */
async function readInput(input: Input, io: Io): Promise<{ text?: string; diagnostic?: Diagnostic; usage?: boolean }> {
  if (input.kind === 'missing') return { diagnostic: fileDiagnostic(input.shown, 'FILE_NOT_FOUND', `${input.message} : vérifiez le chemin ou le motif`), usage: true };
  if (input.kind === 'stdin') {
    try {
      return { text: await io.readStdin(LIMITS.maxBytes) };
    } catch (error) {
      if (!(error instanceof StdinTooLargeError)) throw error;
      return { diagnostic: fileDiagnostic(input.shown, 'FILE_TOO_LARGE', `au-delà de ${LIMITS.maxBytes / 1024 / 1024} Mo : une grille ou des réponses tiennent en quelques dizaines de Ko`) };
    }
  }
  try {
    return { text: readUserFile(input.path, 'fichier') };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { diagnostic: fileDiagnostic(input.shown, 'FILE_TOO_LARGE', error.message.replace(`${safeName(input.path)} : `, '')) };
    if (error instanceof UserError) return { diagnostic: fileDiagnostic(input.shown, 'FILE_NOT_FOUND', error.message), usage: true };
    throw error;
  }
}

export async function runValidate(files: string[], options: ValidateOptions, io: Io): Promise<number> {
  const today = todayIso(io.now());
  // No file: the grid the project works with (--grid, or the config file's), else the embedded one.
  const inputs: Input[] =
    files.length > 0
      ? expandInputs(files, { cwd: io.cwd, folders: 'yaml-files', onSkip: (path, reason) => io.stderr(`Ignoré : ${safeName(path)} (${reason})\n`) })
      : options.grid !== undefined
        ? expandInputs([options.grid], { cwd: io.cwd, folders: 'keep' })
        : [{ kind: 'file', path: defaultGridPath(), shown: displayPath(defaultGridPath()) }];
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedFile[] = [];
  const texts: { shown: string; text: string }[] = [];
  let usageProblem = false;
  for (const input of inputs) {
    const read = await readInput(input, io);
    if (read.diagnostic) {
      diagnostics.push(read.diagnostic);
      checked.push({ file: input.shown, kind: null });
      usageProblem ||= Boolean(read.usage);
    } else texts.push({ shown: input.shown, text: read.text! });
  }

  // Answers files are checked against --grid, else a grid named alongside them, else the embedded grid.
  let reference: GridIndex | undefined;
  const gridFor = (): GridIndex => {
    if (!reference) reference = loadGrid(options.grid, today).index;
    return reference;
  };
  // The built-in grid, unchanged since the build validated it: its snapshot (no YAML, no schema).
  const snapshot = files.length === 0 && options.grid === undefined && texts.length === 1 ? gridFromSnapshot(texts[0]!.text, readSnapshot(), today) : null;
  const results = texts.map(({ shown, text }) => ({
    shown,
    first: snapshot ? { kind: 'grid' as const, diagnostics: [], grid: snapshot.grid } : validateText(text, shown, { today }),
  }));
  const namedGrid = options.grid === undefined ? results.find((r) => r.first.grid)?.first.grid : undefined;
  if (namedGrid) reference = indexGrid(namedGrid);

  for (const { shown, first } of results) {
    checked.push({ file: shown, kind: first.kind });
    if (first.kind === 'answers' && first.answers) {
      diagnostics.push(...checkAgainstGrid(first, gridFor()));
    } else {
      diagnostics.push(...first.diagnostics);
    }
  }

  const sorted = sortDiagnostics(diagnostics);
  if (options.format === 'json') io.stdout(`${renderValidateJson(checked, sorted)}\n`);
  else if (options.format === 'github') {
    for (const d of sorted) io.stdout(`${renderDiagnosticGithub(d)}\n`);
    io.stdout(`${renderGithubSummary(checked.length, sorted)}\n`);
  } else {
    for (const d of sorted) io.stdout(`${renderDiagnosticText(d)}\n`);
    io.stderr(`${renderSummary(checked.length, sorted)}\n`);
  }
  // A file named but not found is the caller's mistake (2), reported after checking all the others.
  if (usageProblem) return ExitCode.usage;
  const failing = sorted.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  return failing ? ExitCode.invalid : ExitCode.ok;
}
