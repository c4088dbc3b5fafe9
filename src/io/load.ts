// Loading grids and answers files from disk: read with limits, validate, or fail with every
// problem located (exit 1).
import { ExitCode, UserError } from '../errors.js';
import type { GridIndex } from '../model/grid-index.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import type { Grid } from '../model/schema.js';
import { validateGridText } from '../validation/validate.js';
import type { Diagnostic } from '../validation/yaml-source.js';
import { gridFromSnapshot } from '../validation/grid-snapshot.js';
import { defaultGridPath, displayPath, packageRoot, readBounded, readUserFile, safeName } from './files.js';
import { join } from 'node:path';
import { answersAgainstGrid, parseAnswersFile, type LoadedAnswers } from './load-answers.js';

/** dist/grid-snapshot.json, written by the build; null when absent (running from src/). */
export function readSnapshot(): string | null {
  try {
    const { text, truncated } = readBounded(join(packageRoot(), 'dist', 'grid-snapshot.json'), 'fichier', 2 * 1024 * 1024);
    return truncated ? null : text;
  } catch {
    return null;
  }
}

export { displayPath } from './files.js';

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}


export interface LoadedGrid {
  grid: Grid;
  index: GridIndex;
  /** The path read (the embedded default grid when none was given). */
  path: string;
  isDefault: boolean;
  warnings: Diagnostic[];
}

export function loadGrid(path?: string, today: string = todayIso()): LoadedGrid {
  const file = path ?? defaultGridPath();
  const shown = path ? safeName(path) : displayPath(file);
  const text = readUserFile(file, 'grille');
  if (path === undefined) {
    const snap = gridFromSnapshot(text, readSnapshot(), today);
    if (snap) return { ...snap, path: file, isDefault: true, warnings: [] };
  }
  const { grid, index, diagnostics } = validateGridText(text, shown, today);
  if (!grid || !index) {
    throw new UserError(
      `La grille ${shown} contient des erreurs. Corrigez-les (détail : cap-ptce validate ${shown}) :`,
      ExitCode.invalid,
      diagnostics.filter((d) => d.severity === 'error').map(renderDiagnosticText),
    );
  }
  return { grid, index, path: file, isDefault: path === undefined, warnings: diagnostics };
}

export type { LoadedAnswers } from './load-answers.js';

/**
 * Reads an answers file checked against a grid. With `tolerant`, value errors are returned as
 * diagnostics rather than thrown, so that `diagnose` can keep what still fits.
 */
export function loadAnswers(path: string, index: GridIndex, options: { tolerant?: boolean; text?: string } = {}): LoadedAnswers {
  // `text`: already read (standard input); `path` is then only the name shown.
  return answersAgainstGrid(parseAnswersFile(path, options), index, options);
}
