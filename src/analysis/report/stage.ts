// The ACTE stage the answers point to, and what leads to the next one.
import { evaluateCondition, type AnswerMap } from '../../model/conditions.js';
import type { GridIndex } from '../../model/grid-index.js';
import type { Condition } from '../../model/schema.js';
import type { StageReport } from './types.js';

/** The highest stage whose criteria all hold, else the first; what supports it, what leads on. */
export function estimateStage(index: GridIndex, answers: AnswerMap, visibleProgrammes?: ReadonlySet<string>): StageReport | null {
  const stages = index.grid.stages;
  if (stages.length === 0) return null;
  const holds = (c: Condition): boolean => evaluateCondition(c, answers, index);
  const evaluated = stages.map((s) => s.criteria.map((c) => ({ label: c.label, met: holds(c.when) })));
  let found = -1;
  evaluated.forEach((criteria, i) => {
    if (criteria.every((c) => c.met)) found = i;
  });
  const i = Math.max(0, found);
  const stage = stages[i]!;
  const criteria = evaluated[i]!;
  const nextStage = stages[i + 1];
  const nextCriteria = evaluated[i + 1];
  return {
    id: stage.id,
    label: stage.label,
    description: stage.description,
    position: i + 1,
    count: stages.length,
    reached: found >= 0,
    criteria,
    met: criteria.filter((c) => c.met).map((c) => c.label),
    missing: criteria.filter((c) => !c.met).map((c) => c.label),
    nextHint: stage.next ?? null,
    intro: index.grid.stagesIntro ?? null,
    next:
      nextStage && nextCriteria
        ? {
            id: nextStage.id,
            label: nextStage.label,
            description: nextStage.description,
            met: nextCriteria.filter((c) => c.met).map((c) => c.label),
            missing: nextCriteria.filter((c) => !c.met).map((c) => c.label),
          }
        : null,
    programmes: (stage.programmes ?? [])
      .filter((id) => visibleProgrammes === undefined || visibleProgrammes.has(id))
      .map((id) => ({ id, label: index.grid.programmes.find((p) => p.id === id)?.name ?? id })),
  };
}
