// Diagnostics as text (file:line:col), GitHub Actions annotations, or JSON. Pure.
import { safeName } from '../text/safe-name.js';
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

export function renderDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2);
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
