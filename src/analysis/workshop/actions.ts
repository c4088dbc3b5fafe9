// The report's actions and application sections, each with every respondent's own answer to its
// question: a facilitator discusses an action with the answers that led to it in view.
import type { ActionReport, ReportData } from '../report.js';
import type { WorkshopAction, WorkshopDossierSection, WorkshopQuestion } from './types.js';

export function actionsWithResponses(report: ReportData, byId: ReadonlyMap<string, WorkshopQuestion>): WorkshopAction[] {
  return report.gaps.map((g: ActionReport): WorkshopAction => {
    const q = g.question ? byId.get(g.question) : undefined;
    return {
      ...g,
      responses: q ? q.answers.filter((a) => a.label !== null && a.status !== 'hidden').map((a) => ({ respondent: a.respondent, label: a.label! })) : [],
      collectiveScore: q ? q.score : null,
    };
  });
}

export function dossierWithResponses(report: ReportData, byId: ReadonlyMap<string, WorkshopQuestion>): WorkshopDossierSection[] {
  return report.dossier.map((section) => ({
    ...section,
    items: section.items.map((item) => ({
      ...item,
      responses: (byId.get(item.question)?.answers ?? []).filter((a) => a.status !== 'hidden' && (a.label !== null || a.note !== null || a.examples.length > 0 || a.ownExamples.length > 0)),
    })),
  }));
}
