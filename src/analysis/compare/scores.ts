// Each side of a comparison and the numbers that moved: the file's identity, overall and entrée
// scores, the ACTE stage. The numbers are the report's own (buildReport on each file), so they
// match what `cap-ptce report` gives for each file on its own. Delta = after − before, in points.
import type { GridIndex } from '../../model/grid-index.js';
import type { AnswersFile } from '../../model/schema.js';
import { stripControl } from '../../text/escape.js';
import { frenchDate } from '../../text/french.js';
import type { ReportData } from '../report.js';
import type { CompareData, CompareFile, CompareSide, EntryDelta } from './types.js';

/** Control characters out and whitespace collapsed: names and paths are printed on one line. */
export function clean(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const out = stripControl(text).replace(/\s+/g, ' ').trim();
  return out.length > 0 ? out : null;
}

function deltaLabel(delta: number | null): string {
  if (delta === null) return '—';
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${-delta}`;
  return '0';
}

function scoreLabel(score: number | null): string {
  return score === null ? '—' : `${score}/100`;
}

function fileDate(file: AnswersFile): string | null {
  const raw = file.updatedAt ?? file.createdAt;
  const m = typeof raw === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(raw) : null;
  return m ? m[1]! : null;
}

export function compareSide(file: CompareFile, report: ReportData): CompareSide {
  const date = fileDate(file.answers);
  return {
    source: file.source,
    respondent: clean(file.answers.respondent),
    project: clean(file.answers.project?.name),
    date,
    dateLabel: date ? frenchDate(date) : null,
    gridVersion: file.answers.grid.version,
    overall: { score: report.overall.score, scoreLabel: scoreLabel(report.overall.score), level: report.overall.level },
    stage: report.stage
      ? { id: report.stage.id, label: report.stage.label, position: report.stage.position, count: report.stage.count, reached: report.stage.reached }
      : null,
    answered: report.completeness.answered,
    applicable: report.completeness.applicable,
    unknown: report.completeness.unknown,
  };
}

export function entryDeltas(index: GridIndex, reportBefore: ReportData, reportAfter: ReportData): EntryDelta[] {
  return index.grid.entries.map((entry, i) => {
    const b = reportBefore.entries[i]!;
    const a = reportAfter.entries[i]!;
    const delta = b.score === null || a.score === null ? null : a.score - b.score;
    return {
      id: entry.id,
      number: i + 1,
      title: entry.title,
      before: b.score,
      after: a.score,
      delta,
      beforeLabel: b.scoreLabel,
      afterLabel: a.scoreLabel,
      deltaLabel: deltaLabel(delta),
      levelBefore: b.level?.label ?? null,
      levelAfter: a.level?.label ?? null,
    };
  });
}

export function overallDelta(reportBefore: ReportData, reportAfter: ReportData): CompareData['overall'] {
  const ob = reportBefore.overall.score;
  const oa = reportAfter.overall.score;
  const delta = ob === null || oa === null ? null : oa - ob;
  return {
    before: ob,
    after: oa,
    delta,
    beforeLabel: scoreLabel(ob),
    afterLabel: scoreLabel(oa),
    deltaLabel: deltaLabel(delta),
    levelBefore: reportBefore.overall.level?.label ?? null,
    levelAfter: reportAfter.overall.level?.label ?? null,
  };
}

/** A stage not reached ranks as none: moving from « not reached » to « reached » is a step up. */
export function stageChange(stageBefore: CompareSide['stage'], stageAfter: CompareSide['stage']): CompareData['stage'] {
  const rank = (s: CompareSide['stage']): number => (s === null ? 0 : s.reached ? s.position : 0);
  const direction = stageBefore === null || stageAfter === null ? null : rank(stageAfter) > rank(stageBefore) ? 'up' : rank(stageAfter) < rank(stageBefore) ? 'down' : 'same';
  return { before: stageBefore, after: stageAfter, changed: (stageBefore?.id ?? null) !== (stageAfter?.id ?? null) || rank(stageBefore) !== rank(stageAfter), direction };
}
