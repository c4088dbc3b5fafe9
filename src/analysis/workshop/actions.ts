// The report's actions and application sections, each with every respondent's own answer to its
// question: a facilitator discusses an action with the answers that led to it in view.
import type { ActionReport, ReportData } from '../report.js';
import type { WorkshopAction, WorkshopAnswer, WorkshopDossierSection, WorkshopQuestion } from './types.js';

// Loops rather than filter and map: each runs over every participant's answer, for each action
// and each item of the application.
function labelled(answers: readonly WorkshopAnswer[]): { respondent: string; label: string }[] {
  const out: { respondent: string; label: string }[] = [];
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (a.label !== null && a.status !== 'hidden') out.push({ respondent: a.respondent, label: a.label });
  }
  return out;
}

function saysSomething(answers: readonly WorkshopAnswer[]): WorkshopAnswer[] {
  const out: WorkshopAnswer[] = [];
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (a.status !== 'hidden' && (a.label !== null || a.note !== null || a.examples.length > 0 || a.ownExamples.length > 0)) out.push(a);
  }
  return out;
}

export function actionsWithResponses(report: ReportData, byId: ReadonlyMap<string, WorkshopQuestion>): WorkshopAction[] {
  return report.gaps.map((g: ActionReport): WorkshopAction => {
    const q = g.question ? byId.get(g.question) : undefined;
    return {
      ...g,
      responses: q ? labelled(q.answers) : [],
      collectiveScore: q ? q.score : null,
    };
  });
}

export function dossierWithResponses(report: ReportData, byId: ReadonlyMap<string, WorkshopQuestion>): WorkshopDossierSection[] {
  return report.dossier.map((section) => ({
    ...section,
    items: section.items.map((item) => {
      const q = byId.get(item.question);
      return { ...item, responses: q ? saysSomething(q.answers) : [] };
    }),
  }));
}
