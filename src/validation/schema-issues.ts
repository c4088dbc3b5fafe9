// zod issues turned into French diagnostics with stable codes and a path to locate them.
import type { z } from 'zod';
import { didYouMean } from '../text/suggest.js';
import type { PathDiagnostic, PathSegment } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

const CONDITION_OPERATORS = ['all', 'any', 'not', 'q', 'is', 'in', 'includes', 'atLeast', 'answered', 'gte', 'lt', 'countAtLeast'];
const CONDITION_KEYS = new Set(['when', 'fits', 'not', 'all', 'any']);

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg as string];
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'rien';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'une liste';
  switch (typeof v) {
    case 'string':
      return 'un texte';
    case 'number':
      return 'un nombre';
    case 'boolean':
      return 'un booléen';
    case 'object':
      return 'un bloc de clés';
    default:
      return typeof v;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'un booléen (true ou false)',
  array: 'une liste',
  object: 'un bloc de clés',
  record: 'un bloc de clés',
  null: 'null',
};

function isConditionPath(path: readonly PathSegment[]): boolean {
  return path.some((seg, i) => typeof seg === 'string' && CONDITION_KEYS.has(seg) && i > 0) || path.includes('criteria');
}

function rootIssueRejectsShape(issue: Issue): boolean {
  return issue.path.length === 0 && (issue.code === 'unrecognized_keys' || issue.code === 'invalid_type' || issue.code === 'invalid_union');
}

export interface KnownKeys {
  (path: readonly PathSegment[]): Iterable<string>;
}

/**
 * Maps zod issues to diagnostics. `knownKeys` gives the keys allowed at a path, for "did you mean".
 */
/** Unknown keys of one block listed one by one; the rest are counted. */
const MAX_UNKNOWN_KEYS = 200;

export function schemaIssuesToDiagnostics(issues: readonly Issue[], data: unknown, knownKeys: KnownKeys, base: PathSegment[] = []): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    const actual = valueAt(data, path);
    switch (issue.code) {
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        const key = path[path.length - 1];
        if (actual === undefined) {
          out.push({ severity: 'error', code: 'SCHEMA_REQUIRED', path, message: `clé obligatoire « ${String(key)} » absente : ajoutez-la (type attendu : ${expected})` });
        } else {
          out.push({ severity: 'error', code: 'SCHEMA_TYPE', path, message: `type attendu : ${expected}, trouvé : ${typeName(actual)}` });
        }
        break;
      }
      case 'unrecognized_keys': {
        const allowed = [...knownKeys(path)];
        const conditionHint = isConditionPath(path) ? ` (opérateurs possibles : ${CONDITION_OPERATORS.join(', ')})` : '';
        // Past a few hundred unknown keys in one block, one line says how many more (a hostile grid
        // of 50 000 keys must not print and locate each).
        const listed = issue.keys.length > MAX_UNKNOWN_KEYS ? issue.keys.slice(0, MAX_UNKNOWN_KEYS) : issue.keys;
        if (listed.length < issue.keys.length) {
          out.push({
            severity: 'error',
            code: 'SCHEMA_UNKNOWN_KEY',
            path,
            message: `et ${issue.keys.length - listed.length} autres clés inconnues dans ce bloc (${issue.keys.length} en tout) : retirez-les`,
          });
        }
        for (const [i, key] of listed.entries()) {
          const suggestion = i < 50 ? didYouMean(key, allowed.length ? allowed : CONDITION_OPERATORS) : '';
          out.push({
            severity: 'error',
            code: 'SCHEMA_UNKNOWN_KEY',
            path: [...path, key],
            atKey: true,
            message: `clé inconnue « ${key} »${suggestion || conditionHint} : corrigez-la ou retirez-la`,
          });
        }
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map((v) => String(v));
        if (actual === undefined) {
          out.push({ severity: 'error', code: 'SCHEMA_REQUIRED', path, message: `clé obligatoire « ${String(path[path.length - 1])} » absente : ajoutez « ${String(path[path.length - 1])}: ${values[0]} »` });
          break;
        }
        const suggestion = typeof actual === 'string' ? didYouMean(actual, values) : '';
        const list = values.length === 1 ? `« ${values[0]} »` : `l'une de : ${values.join(', ')}`;
        out.push({ severity: 'error', code: 'SCHEMA_VALUE', path, message: `valeur ${JSON.stringify(actual)} non reconnue${suggestion} : attendu ${list}` });
        break;
      }
      case 'invalid_format': {
        out.push({ severity: 'error', code: 'SCHEMA_FORMAT', path, message: `${JSON.stringify(actual)} : ${issue.message}` });
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const inclusive = issue.inclusive !== false;
        let message: string;
        if (issue.origin === 'array') message = issue.code === 'too_small' ? `liste trop courte : au moins ${String(bound)} élément(s) attendu(s)` : `liste trop longue : au plus ${String(bound)} élément(s)`;
        else if (issue.origin === 'string') message = 'texte vide : écrivez quelque chose ou retirez la clé';
        else {
          const op = issue.code === 'too_small' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
          message = `valeur ${JSON.stringify(actual)} hors limites : attendu ${op} ${String(bound)}`;
        }
        out.push({ severity: 'error', code: 'SCHEMA_RANGE', path, message });
        break;
      }
      case 'invalid_union': {
        const branches = issue.errors.filter((branch) => !branch.some(rootIssueRejectsShape));
        if (branches.length > 0) {
          const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
          out.push(...schemaIssuesToDiagnostics(best, data, knownKeys, path));
        } else if (isConditionPath(path) || (actual && typeof actual === 'object' && 'q' in actual)) {
          const keys = actual && typeof actual === 'object' && !Array.isArray(actual) ? Object.keys(actual) : [];
          const unknown = keys.filter((k) => !CONDITION_OPERATORS.includes(k));
          const detail = unknown.length
            ? `opérateur inconnu « ${unknown[0]} »${didYouMean(unknown[0]!, CONDITION_OPERATORS)}`
            : 'forme de condition non reconnue';
          out.push({
            severity: 'error',
            code: 'SCHEMA_CONDITION',
            path,
            message: `${detail} : attendu { all: [...] }, { any: [...] }, { not: ... } ou { q: entree.question, <opérateur>: valeur } avec un seul opérateur parmi is, in, includes, atLeast, answered, gte, lt, countAtLeast`,
          });
        } else {
          out.push({ severity: 'error', code: 'SCHEMA_TYPE', path, message: `forme non reconnue (trouvé ${typeName(actual)}) : voyez le schéma JSON (cap-ptce schema)` });
        }
        break;
      }
      default:
        // Not produced by the current schema (no custom refinements); kept as a safe fallback.
        out.push({ severity: 'error', code: 'SCHEMA_TYPE', path, message: issue.message });
    }
  }
  return out;
}
