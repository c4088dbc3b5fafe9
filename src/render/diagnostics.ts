// Diagnostics as text (file:line:col), GitHub Actions annotations, or JSON. Pure.
import { safeJson, safeName } from '../text/safe-name.js';
import { stripControl } from '../text/escape.js';
import type { Diagnostic } from '../validation/yaml-source.js';

const SEVERITY_FR = { error: 'erreur', warning: 'avertissement' } as const;

export function renderDiagnosticText(d: Diagnostic): string {
  return `${safeName(d.file)}:${d.line}:${d.col}  ${d.severity} ${d.code}  ${stripControl(d.path)}: ${stripControl(d.message)}`;
}

function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderDiagnosticGithub(d: Diagnostic): string {
  const kind = d.severity === 'error' ? 'error' : 'warning';
  const props = `file=${escapeGithubProperty(safeName(d.file))},line=${d.line},col=${d.col},title=${escapeGithubProperty(`cap-ptce ${d.code}`)}`;
  return `::${kind} ${props}::${escapeGithubData(stripControl(`${d.path}: ${d.message}`))}`;
}

/** File by file (in code-point order, the same on every machine), then line and column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byFile = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...diagnostics].sort((a, b) => byFile(a.file, b.file) || a.line - b.line || a.col - b.col);
}

export const VALIDATE_JSON_FORMAT = 'cap-ptce/validate@1';

export interface CheckedFile {
  file: string;
  /** What the file was read as; null when it could not be read or told apart. */
  kind: 'grid' | 'answers' | null;
}

/**
 * `validate --format json`: one object with a format tag, the counts, and every file checked
 * (sorted by name) with its diagnostics (sorted by line), so that a script reads it in one pass.
 */
export function renderValidateJson(files: readonly CheckedFile[], diagnostics: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(diagnostics);
  const names = [...new Set([...files.map((f) => f.file), ...sorted.map((d) => d.file)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kinds = new Map(files.map((f) => [f.file, f.kind]));
  return safeJson(JSON.stringify(
    {
      format: VALIDATE_JSON_FORMAT,
      summary: summaryCounts(files.length, diagnostics),
      files: names.map((file) => ({
        file,
        kind: kinds.get(file) ?? null,
        diagnostics: sorted.filter((d) => d.file === file).map(({ line, col, severity, code, path, message }) => ({ line, col, severity, code, path, message })),
      })),
    },
    null,
    2,
  ));
}

export function summaryCounts(files: number, diagnostics: readonly Diagnostic[]): { files: number; errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { files, errors, warnings: diagnostics.length - errors };
}

/** The last line of `--format github`: a notice GitHub shows in the run's summary and in the log. */
export function renderGithubSummary(files: number, diagnostics: readonly Diagnostic[]): string {
  return `::notice title=${escapeGithubProperty('cap-ptce validate')}::${escapeGithubData(renderSummary(files, diagnostics))}`;
}

export function renderSummary(files: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const f = files > 1 ? `${files} fichiers` : '1 fichier';
  if (errors === 0 && warnings === 0) return `${f} vérifié${files > 1 ? 's' : ''} : aucun problème.`;
  const parts = [];
  if (errors) parts.push(`${errors} ${SEVERITY_FR.error}${errors > 1 ? 's' : ''}`);
  if (warnings) parts.push(`${warnings} ${SEVERITY_FR.warning}${warnings > 1 ? 's' : ''}`);
  return `${f} vérifié${files > 1 ? 's' : ''} : ${parts.join(', ')}.`;
}
