// Every document as JSON: the fixed fields first (what scripts read), then the rest. The JSON
// always carries everything the analysis computed.
import type { CompareData } from '../analysis/compare.js';
import { safeJson } from '../text/safe-name.js';
import type { ReportData } from '../analysis/report.js';
import type { WorkshopData } from '../analysis/workshop.js';

/** The JSON report: the fixed fields first (format, overall, entries, gaps, findings, stage). */
export function renderReportJson(data: ReportData): string {
  const { format, overall, entries, gaps, findings, stage, priorityActions: _p, annexActions: _a, ...rest } = data;
  return `${safeJson(JSON.stringify({ format, overall, entries, gaps, findings, stage, ...rest }, null, 2))}\n`;
}

/**
 * The synthesis as JSON: the report's fixed fields first (format, overall, entries, gaps,
 * findings, stage, computed on the group's answers), then `respondents` (their names) and
 * `divergences` (most divergent first), then the rest (`workshop`: participants, per-entrée
 * table, consensus, every question with every answer; `participants` replaces the report's
 * respondent objects).
 */
export function renderWorkshopJson(data: WorkshopData): string {
  const { format, overall, entries, gaps, findings, stage, respondents, workshop, priorityActions: _p, annexActions: _a, ...rest } = data;
  const { divergences, questions: _q, ...synthesis } = workshop;
  const out = {
    format,
    overall,
    entries,
    gaps,
    findings,
    stage,
    respondents: respondents.map((r) => r.label),
    divergences: divergences.map((q) => ({
      question: q.id,
      number: q.number,
      text: q.text,
      spread: q.spread,
      steps: q.steps,
      reasons: q.reasons,
      reason: q.reason,
      score: q.score,
      answers: q.answers.map((a) => ({ respondent: a.respondent, value: a.value, label: a.label, score: a.score, note: a.note })),
      position: q.position,
    })),
    // every question, with every answer, is under workshop.entries[].questions
    workshop: synthesis,
    ...rest,
  };
  return `${safeJson(JSON.stringify(out, null, 2))}\n`;
}

/** The comparison as JSON: `format`, `overall`, `entries: [{ id, before, after, delta, … }]`, then the rest. */
export function renderCompareJson(data: CompareData): string {
  const { format, overall, entries, stage, ...rest } = data;
  return `${safeJson(JSON.stringify({ format, overall, entries, stage, ...rest }, null, 2))}\n`;
}
