// « Vers le dossier de candidature » (the answers and notes that feed each section of the AMI
// application) and the method paragraph's figures.
import type { GridIndex } from '../../model/grid-index.js';
import type { ActionReport, DossierSection, FindingReport, QuestionReport, ReportData } from './types.js';
import { PRIORITY_ACTIONS } from './types.js';

export function buildDossier(
  index: GridIndex,
  questionReports: ReadonlyMap<string, QuestionReport>,
  findings: readonly FindingReport[],
  gaps: readonly ActionReport[],
): DossierSection[] {
  const sections: string[] = [];
  const addSection = (s: string): void => {
    if (!sections.includes(s)) sections.push(s);
  };
  for (const ref of index.questions) for (const s of questionReports.get(ref.fullId)!.dossier) addSection(s);
  for (const f of findings) if (f.dossier) addSection(f.dossier);
  return sections.map((section) => {
    const items: DossierSection['items'] = [];
    for (const ref of index.questions) {
      const qr = questionReports.get(ref.fullId)!;
      if (!qr.dossier.includes(section) || !qr.applicable) continue;
      const hasAnswer = qr.status === 'scored' || qr.status === 'answered';
      if (!hasAnswer && !qr.note && qr.examples.length === 0 && qr.ownExamples.length === 0) continue;
      items.push({
        question: qr.id,
        number: qr.number,
        text: qr.text,
        answer: hasAnswer ? (qr.answer?.label ?? null) : null,
        examples: qr.examples,
        ownExamples: qr.ownExamples,
        note: qr.note,
      });
    }
    return {
      section,
      items,
      actions: gaps.filter((g) => g.dossier.includes(section)).map((g) => g.priority),
      findings: findings.filter((f) => f.dossier === section && f.severity !== 'ok').map((f) => ({ rule: f.rule, title: f.title, severityLabel: f.severityLabel })),
    };
  });
}

export function buildMethod(index: GridIndex): ReportData['method'] {
  const grid = index.grid;
  const scaleRef = index.questions.find((q) => q.question.type === 'scale' && q.maxScore !== null);
  const levels = grid.levels.map((l, i) => ({ label: l.label, min: l.min, max: i + 1 < grid.levels.length ? Math.max(l.min, grid.levels[i + 1]!.min - 1) : 100 }));
  const sources: string[] = [];
  const addSource = (s: string): void => {
    if (!sources.includes(s)) sources.push(s);
  };
  for (const e of grid.entries) addSource(e.source);
  for (const r of grid.rules) if (r.source) addSource(r.source.label);
  for (const p of grid.programmes) if (p.source) addSource(p.source.label);
  return {
    scale: (scaleRef?.choices ?? []).filter((c) => typeof c.score === 'number' && !c.na).map((c) => ({ label: c.label, score: c.score as number })),
    maxScore: scaleRef?.maxScore ?? null,
    levels,
    priorityActions: PRIORITY_ACTIONS,
    sources,
  };
}
