// What `validate` checks in a grid's `paths:` (model/paths.ts): references that resolve, no
// question twice, no question whose condition looks outside its path.
import { conditionQuestionIds } from '../model/conditions.js';
import type { GridIndex } from '../model/grid-index.js';
import type { Grid } from '../model/schema.js';
import { didYouMean } from '../text/suggest.js';
import type { PathDiagnostic } from './yaml-source.js';

/**
 * What `validate` checks in `paths:`: every question id exists (« vouliez-vous dire »), none twice,
 * and a question whose condition looks at a question outside the path is flagged (in the path it
 * would be asked, or skipped, on an answer nobody is asked for).
 */
export function checkPaths(grid: Grid, index: GridIndex): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  for (const [id, path] of Object.entries(grid.paths ?? {})) {
    const seen = new Set<string>();
    path.questions.forEach((q, i) => {
      const where = ['paths', id, 'questions', i];
      const ref = index.byId.get(q);
      if (!ref) {
        out.push({ severity: 'error', code: 'UNKNOWN_QUESTION', path: where, message: `le parcours « ${id} » cite la question « ${q} », qui n'existe pas${didYouMean(q, index.byId.keys())}` });
        return;
      }
      if (seen.has(q)) {
        out.push({ severity: 'error', code: 'DUPLICATE_ID', path: where, message: `la question « ${q} » est citée deux fois dans le parcours « ${id} »` });
        return;
      }
      seen.add(q);
    });
    path.questions.forEach((q, i) => {
      const ref = index.byId.get(q);
      if (!ref?.question.when) return;
      const outside = conditionQuestionIds(ref.question.when).map((c) => c.q).filter((dep) => index.byId.has(dep) && !seen.has(dep));
      if (outside.length > 0) {
        out.push({
          severity: 'warning',
          code: 'PATH_CONDITION',
          path: ['paths', id, 'questions', i],
          message: `dans le parcours « ${id} », « ${q} » dépend de ${outside.map((o) => `« ${o} »`).join(', ')}, hors du parcours : ajoutez ${outside.length > 1 ? 'ces questions' : 'cette question'} au parcours, ou retirez « ${q} »`,
        });
      }
    });
  }
  return out;
}
