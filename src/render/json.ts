// Every document as JSON: the fixed fields first (what scripts read), then the rest. The JSON
// always carries everything the analysis computed.
import type { CompareData } from '../analysis/compare.js';
import { safeJson } from '../text/safe-name.js';
import type { ReportData } from '../analysis/report.js';
import type { WorkshopData } from '../analysis/workshop.js';

/** The JSON report: the fixed fields first (format, overall, entries, gaps, findings, stage). */
export function renderReportJson(data: ReportData): string {
  const { format, overall, entries, gaps, findings, stage, priorityActions: _p, annexActions: _a, ...rest } = data;
  return jsonText({ format, overall, entries, gaps, findings, stage, ...rest });
}

/**
 * The synthesis as JSON. Each participant's answer is written once, under `workshop.questions`
 * (every question of the grid, in grid order, with every answer and its raw value); everything
 * else names questions by their id, so that the document grows by one copy of the answers per
 * participant (at 100 participants: 2.8 MB; 6.5 MB when each answer was there 3 to 4 times).
 * Fields, in order:
 * - the report's fixed fields (format, overall, entries, gaps, findings, stage), computed on the
 *   group's answers; `entries[].questions[]` without `responses` (they are
 *   `workshop.questions[].answers`); `gaps[].responses` keeps each participant's answer label;
 * - `respondents` (their names), then `divergences` (most divergent first), each with its answers
 *   slimmed to respondent, value, label, score and note: what scripts read first, kept whole;
 * - `workshop`: `participants`, `questions`, then `differences`, `consensus`, `sharedStrengths`,
 *   `sharedGaps`, `sharedOther` as lists of question ids, `entries` (the per-entrée table, its
 *   `questions` as ids), `overall`, `warnings`;
 * - the rest of the report (`dossier[].items[]` without `responses` likewise); `participants`
 *   replaces the report's respondent objects.
 */
export function renderWorkshopJson(data: WorkshopData): string {
  const { format, overall, entries, gaps, findings, stage, respondents, workshop, priorityActions: _p, annexActions: _a, ...rest } = data;
  const { participants, questions, divergences, differences, consensus, sharedStrengths, sharedGaps, sharedOther, entries: rows, ...synthesis } = workshop;
  const out = {
    format,
    overall,
    entries: entries.map((e) => ({ ...e, questions: e.questions.map(({ responses: _r, ...q }) => q) })),
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
    workshop: {
      participants,
      questions,
      differences: ids(differences),
      consensus: ids(consensus),
      sharedStrengths: ids(sharedStrengths),
      sharedGaps: ids(sharedGaps),
      sharedOther: ids(sharedOther),
      entries: rows.map(({ questions: q, ...row }) => ({ ...row, questions: ids(q) })),
      ...synthesis,
    },
    // `dossier` keeps its place among the rest (a key set again stays where it was first put).
    ...rest,
    dossier: rest.dossier.map((s) => ({ ...s, items: s.items.map(({ responses: _r, ...item }) => item) })),
  };
  return jsonText(out);
}

function ids(questions: readonly { id: string }[]): string[] {
  return questions.map((q) => q.id);
}

/** The comparison as JSON: `format`, `overall`, `entries: [{ id, before, after, delta, … }]`, then the rest. */
export function renderCompareJson(data: CompareData): string {
  const { format, overall, entries, stage, ...rest } = data;
  return jsonText({ format, overall, entries, stage, ...rest });
}

/**
 * The document's text, indented by two spaces, ending with a newline. The newline is added before
 * safeJson, not after: JSON.stringify returns its text in pieces, and safeJson's expression joins
 * them into one string once; a newline added afterwards made a new string in two pieces, joined
 * again (a copy of the whole text) when written out (≈ 6 ms for the 2.8 MB of a 100-participant
 * workshop). The text is the same.
 */
function jsonText(value: unknown): string {
  return safeJson(`${JSON.stringify(value, null, 2)}\n`);
}
