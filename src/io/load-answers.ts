// An answers file read once and checked in two steps: its YAML and schema first (nothing else is
// needed to tell which grid it answers, so a workshop can refuse files of different grids before
// loading one), then its answers against the grid. A workshop of 100 files used to read, parse
// and check each file twice, once per step; now each is read and parsed once.
import { ExitCode, UserError } from '../errors.js';
import type { GridIndex } from '../model/grid-index.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import { checkAnswers } from '../validation/check-answers.js';
import { hasErrors, validateText, type ValidationResult } from '../validation/validate.js';
import { parseYaml, type Diagnostic } from '../validation/yaml-source.js';
import type { AnswersFile } from '../model/schema.js';
import { readUserFile, safeName } from './files.js';

/** An answers file read and checked against the schema, not yet against a grid. */
export interface ParsedAnswers {
  /** The name its diagnostics and messages give it. */
  path: string;
  text: string;
  result: ValidationResult;
}

export interface LoadedAnswers {
  answers: AnswersFile;
  path: string;
  /** Problems that do not prevent reading (unknown questions kept, values to re-answer). */
  diagnostics: Diagnostic[];
}

/** Reads (unless `text` is given: standard input) and parses an answers file; never throws on its content. */
export function parseAnswersFile(path: string, options: { text?: string } = {}): ParsedAnswers {
  const text = options.text ?? readUserFile(path, 'fichier de réponses');
  // `today` only dates a grid's programmes: an answers file reads the same any day.
  return { path, text, result: validateText(text, path, { today: new Date().toISOString().slice(0, 10), expect: 'answers' }) };
}

/**
 * The second step: the answers checked against a grid, with the diagnostics `validateText` gives
 * when it is handed the grid (the same ones, located the same way, in the same order). With
 * `tolerant`, value errors are returned as diagnostics rather than thrown, so that `diagnose` can
 * keep what still fits.
 */
export function answersAgainstGrid(parsed: ParsedAnswers, index: GridIndex, options: { tolerant?: boolean } = {}): LoadedAnswers {
  const { path, text, result } = parsed;
  const diagnostics = [...result.diagnostics];
  if (result.answers) {
    const found = checkAnswers(result.answers, index);
    // Positions are only needed when there is something to locate: the first parse's locator
    // (kept in the result) is used, so that even then the file is parsed once.
    if (found.length > 0) diagnostics.push(...found.map(result.toDiagnostic ?? parseYaml(text, path).toDiagnostic));
  }
  const fatal = !result.answers || diagnostics.some((d) => d.severity === 'error' && (d.code === 'GRID_MISMATCH' || d.code === 'GRID_VERSION'));
  if (fatal || (!options.tolerant && hasErrors(diagnostics))) {
    throw new UserError(
      `Le fichier de réponses ${safeName(path)} ne peut pas être lu tel quel :`,
      ExitCode.invalid,
      diagnostics.filter((d) => d.severity === 'error').map(renderDiagnosticText),
    );
  }
  return { answers: result.answers!, path, diagnostics };
}
