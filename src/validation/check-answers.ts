// Checks an answers file against its grid. Answers are never dropped: what no longer fits is
// reported, and the caller decides (keep it, ask the user).
import type { GridIndex, QuestionRef } from '../model/grid-index.js';
import type { Answer, AnswersFile } from '../model/schema.js';
import { didYouMean } from '../text/suggest.js';
import type { PathDiagnostic } from './yaml-source.js';

function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}

function choiceIds(ref: QuestionRef): string[] {
  return ref.choices.map((c) => c.id);
}

/**
 * Why a value does not fit its question, or null when it fits. Runs for every answer of every
 * file of a workshop: the list of choice ids is only made for a message.
 */
export function answerValueProblem(ref: QuestionRef, value: Answer['value']): string | null {
  if (value === undefined || value === null) return null;
  const q = ref.question;
  switch (q.type) {
    case 'scale':
    case 'single':
      if (typeof value !== 'string') return `une réponse parmi ${choiceIds(ref).join(', ')} est attendue`;
      if (!ref.choiceById.has(value)) return `« ${value} » n'est pas une réponse possible${didYouMean(value, choiceIds(ref))} (réponses : ${choiceIds(ref).join(', ')})`;
      return null;
    case 'multi': {
      if (!Array.isArray(value)) return `une liste de choix parmi ${choiceIds(ref).join(', ')} est attendue`;
      for (const v of value) {
        if (!ref.choiceById.has(v)) return `« ${v} » n'est pas un choix possible${didYouMean(v, choiceIds(ref))} (choix : ${choiceIds(ref).join(', ')})`;
      }
      return null;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'un nombre est attendu';
      if (q.min !== undefined && value < q.min) return `au moins ${q.min} attendu`;
      if (q.max !== undefined && value > q.max) return `au plus ${q.max} attendu`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true ou false attendu';
    case 'text':
      return typeof value === 'string' ? null : 'un texte est attendu';
  }
}

/** Resolves an answer key to the current question id, following `replaces`. */
export function currentQuestionId(key: string, index: GridIndex): string | undefined {
  if (index.byId.has(key)) return key;
  return index.replaced.get(key);
}

export function checkAnswers(file: AnswersFile, index: GridIndex): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  const grid = index.grid;
  if (file.grid.id !== grid.id) {
    out.push({
      severity: 'error',
      code: 'GRID_MISMATCH',
      path: ['grid', 'id'],
      message: `ces réponses appartiennent à la grille « ${file.grid.id} », pas à « ${grid.id} » : indiquez la bonne grille avec --grid`,
    });
    return out;
  }
  if (majorOf(file.grid.version) !== majorOf(grid.version)) {
    out.push({
      severity: 'error',
      code: 'GRID_VERSION',
      path: ['grid', 'version'],
      message: `réponses faites avec la version ${file.grid.version} de la grille, incompatible avec la version ${grid.version} : utilisez la grille d'origine avec --grid`,
    });
  } else if (file.grid.version !== grid.version) {
    out.push({
      severity: 'warning',
      code: 'GRID_VERSION',
      path: ['grid', 'version'],
      message: `réponses faites avec la version ${file.grid.version}, grille en version ${grid.version} : les réponses sont reprises question par question`,
    });
  }
  let unknown = 0;
  const answers = file.answers;
  const keys = Object.keys(answers);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    // A current id, mostly: its question at once (`replaces` and unknown ids below).
    let ref = index.byId.get(key);
    if (ref !== undefined) {
      const value = answers[key]!.value;
      const type = ref.question.type;
      // The common case, a choice of a scale or a single choice, needs no further look.
      if (typeof value === 'string' && (type === 'scale' || type === 'single') && ref.choiceById.has(value)) continue;
    }
    const id = currentQuestionId(key, index);
    if (!id) {
      // Past a few hundred, one line says how many more: a hostile file of 100 000 unknown ids
      // must not take minutes to locate and print each one.
      if (++unknown > MAX_LISTED) continue;
      out.push({
        severity: 'warning',
        code: 'UNKNOWN_ANSWER',
        path: ['answers', key],
        atKey: true,
        message: `la question « ${key} » n'existe pas dans cette grille${unknown <= MAX_SUGGESTED ? didYouMean(key, index.byId.keys()) : ''} : la réponse est conservée dans le fichier mais n'entre pas dans le rapport`,
      });
      continue;
    }
    ref = index.byId.get(id)!;
    const problem = answerValueProblem(ref, answers[key]!.value);
    if (problem) {
      out.push({ severity: 'error', code: 'INVALID_ANSWER', path: ['answers', key, 'value'], message: `réponse à ${id} : ${problem}` });
    }
  }
  if (unknown > MAX_LISTED) {
    out.push({
      severity: 'warning',
      code: 'UNKNOWN_ANSWER',
      path: ['answers'],
      atKey: true,
      message: `et ${unknown - MAX_LISTED} autres réponses à des questions absentes de cette grille (${unknown} en tout) : elles sont conservées dans le fichier mais n'entrent pas dans le rapport`,
    });
  }
  return out;
}

/** Unknown answers listed one by one, and given a "did you mean" (edit distances are not free). */
export const MAX_LISTED = 200;
export const MAX_SUGGESTED = 50;
