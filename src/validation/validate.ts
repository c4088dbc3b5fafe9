// From YAML text to a checked grid or answers file, with every problem located. Pure.
import { checkAnswers } from './check-answers.js';
import { checkGrid } from './check-grid.js';
import { indexGrid, type GridIndex } from '../model/grid-index.js';
import { knownKeysAt } from './known-keys.js';
import { ANSWERS_FORMAT, GRID_FORMAT } from '../model/formats.js';
import type { AnswersFile, Grid } from '../model/schema.js';
import { zodSchemas } from '../model/schema-loader.js';
import { readAnswersFast } from './answers-fast.js';
import { schemaIssuesToDiagnostics } from './schema-issues.js';
import { didYouMean } from '../text/suggest.js';
import { parseYaml, type Diagnostic, type PathDiagnostic } from './yaml-source.js';

export type DocumentKind = 'grid' | 'answers';

export interface ValidationResult {
  kind: DocumentKind | null;
  diagnostics: Diagnostic[];
  /** Set when the file is a grid with no error. */
  grid?: Grid;
  /** Set when the file is an answers file that passed the schema (value errors may remain). */
  answers?: AnswersFile;
  /** Locates a later finding in the same file (see `checkAgainstGrid`). */
  toDiagnostic?: (d: PathDiagnostic) => Diagnostic;
}

export interface ValidateOptions {
  /** ISO date, for programme dates. */
  today: string;
  /** Expected kind; by default told apart by `format`. */
  expect?: DocumentKind;
  /** The grid that answers files are checked against. */
  grid?: GridIndex;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function kindOf(format: unknown): DocumentKind | null {
  if (format === GRID_FORMAT) return 'grid';
  if (format === ANSWERS_FORMAT) return 'answers';
  return null;
}

export function validateText(text: string, file: string, options: ValidateOptions): ValidationResult {
  const parsed = parseYaml(text, file);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined) return { kind: options.expect ?? null, diagnostics };
  const data = parsed.value as Record<string, unknown>;

  let kind = kindOf(data.format);
  if (kind === null || (options.expect && kind !== options.expect)) {
    const expected = options.expect ? [options.expect === 'grid' ? GRID_FORMAT : ANSWERS_FORMAT] : [GRID_FORMAT, ANSWERS_FORMAT];
    const found = data.format === undefined ? 'aucune clé « format »' : `format ${JSON.stringify(data.format)}`;
    const hint = typeof data.format === 'string' ? didYouMean(data.format, expected) : '';
    diagnostics.push(
      parsed.toDiagnostic({
        severity: 'error',
        code: 'UNKNOWN_FORMAT',
        path: data.format === undefined ? [] : ['format'],
        message: `${found}${hint} : attendu « format: ${expected.join(' » ou « format: ')} » en tête du fichier`,
      }),
    );
    if (kind === null) return { kind: options.expect ?? null, diagnostics };
    kind = options.expect ?? kind;
  }

  // zod drops a `__proto__` key from records (answers, answerSets, hints) without a word: such a
  // key is reported here and the file refused, so that no answer ever vanishes silently.
  const reserved = text.includes('__proto__') ? reservedKeyPaths(data) : [];
  if (reserved.length > 0) {
    for (const path of reserved) {
      diagnostics.push(
        parsed.toDiagnostic({
          severity: 'error',
          code: 'SCHEMA_UNKNOWN_KEY',
          path,
          atKey: true,
          message: `clé inconnue « ${String(path[path.length - 1])} » (nom réservé en JavaScript, elle serait perdue) : renommez-la ou retirez-la`,
        }),
      );
    }
    return { kind, diagnostics };
  }

  if (kind === 'grid') {
    const { GridSchema } = zodSchemas();
    const result = GridSchema.safeParse(data);
    if (!result.success) {
      const located = schemaIssuesToDiagnostics(result.error.issues, data, (path) => knownKeysAt(GridSchema, path));
      diagnostics.push(...located.map(parsed.toDiagnostic));
      return { kind, diagnostics };
    }
    diagnostics.push(...checkGrid(result.data, { today: options.today }).map(parsed.toDiagnostic));
    return hasErrors(diagnostics) ? { kind, diagnostics } : { kind, diagnostics, grid: result.data };
  }

  // A well-formed answers file is read without zod; anything else goes through the schema, which
  // says what is wrong and where.
  const fast = readAnswersFast(data);
  if (fast) {
    if (options.grid) diagnostics.push(...checkAnswers(fast, options.grid).map(parsed.toDiagnostic));
    return { kind, diagnostics, answers: fast, toDiagnostic: parsed.toDiagnostic };
  }
  const { AnswersFileSchema } = zodSchemas();
  const result = AnswersFileSchema.safeParse(data);
  if (!result.success) {
    const located = schemaIssuesToDiagnostics(result.error.issues, data, (path) => knownKeysAt(AnswersFileSchema, path));
    diagnostics.push(...located.map(parsed.toDiagnostic));
    return { kind, diagnostics };
  }
  if (options.grid) diagnostics.push(...checkAnswers(result.data, options.grid).map(parsed.toDiagnostic));
  return { kind, diagnostics, answers: result.data, toDiagnostic: parsed.toDiagnostic };
}

/**
 * An answers file already validated without a grid, checked against one: what `validateText` with
 * `grid` gives, without reading the file a second time (a large file took as long again).
 */
export function checkAgainstGrid(result: ValidationResult, grid: GridIndex): Diagnostic[] {
  if (!result.answers || !result.toDiagnostic) return result.diagnostics;
  return [...result.diagnostics, ...checkAnswers(result.answers, grid).map(result.toDiagnostic)];
}

const RESERVED_KEYS = new Set(['__proto__']);

/** Paths of every own `__proto__` key in parsed YAML data (each node visited once: aliases share nodes). */
export function reservedKeyPaths(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const seen = new WeakSet<object>();
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (RESERVED_KEYS.has(key)) found.push([...path, key]);
      else stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return found.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

export function validateGridText(text: string, file: string, today: string): { grid?: Grid; index?: GridIndex; diagnostics: Diagnostic[] } {
  const result = validateText(text, file, { today, expect: 'grid' });
  if (!result.grid) return { diagnostics: result.diagnostics };
  return { grid: result.grid, index: indexGrid(result.grid), diagnostics: result.diagnostics };
}
