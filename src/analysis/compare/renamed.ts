// Answers stored under an id the grid renamed (`replaces`) are carried over to the current id, so
// files made with different versions of a grid compare on the questions they share. An old id
// whose new id already holds an answer is not carried over: the file's newer answer wins, and the
// user is told (a warning), never silently.
import type { GridIndex } from '../../model/grid-index.js';
import { clean } from './scores.js';
import type { CompareData, CompareFile } from './types.js';

export function renamedAnswers(index: GridIndex, before: CompareFile, after: CompareFile): { renamed: CompareData['renamed']; shadowed: string[] } {
  const renamed: CompareData['renamed'] = [];
  const shadowed: string[] = [];
  for (const [which, file] of [
    ['before', before],
    ['after', after],
  ] as const) {
    const stored = file.answers.answers ?? {};
    for (const k of Object.keys(stored)) {
      const to = index.byId.has(k) ? undefined : index.replaced.get(k);
      if (!to) continue;
      if (stored[to] !== undefined) {
        shadowed.push(`${clean(file.source)} : la réponse sous l'ancien identifiant ${clean(k)} n'est pas reprise, une réponse existe déjà sous ${to}.`);
        continue;
      }
      const ref = index.byId.get(to)!;
      renamed.push({ side: which, from: clean(k) ?? '', to, number: `${ref.entryIndex + 1}.${ref.questionIndex + 1}`, text: ref.question.text });
    }
  }
  return { renamed, shadowed };
}
