// `cap-ptce compare`: what moved between two diagnoses of the same project. Pure: two parsed
// answers files and a grid in, data out (Markdown through templates/compare.md.hbs, or JSON).
//
// Both files are read against one grid (the one given with --grid, the embedded one by default).
// Answers stored under an id the grid renamed (`replaces`) are carried over to the current id, so
// files made with different versions of a grid compare on the questions they share; renamed ids,
// answers present in one file only and answers matching no question are listed, never dropped.
//
// Numbers come from the report of each file (report.ts): the same scores, gaps and stage as
// `cap-ptce report` gives for each file on its own. Delta = after − before, in points out of 100.
//
// One file per idea under compare/: types (the data shape), scores (each side, score and stage
// deltas), answers (side by side, became visible), gaps (closed, kept, new and why), renamed
// (ids carried over by `replaces`), warnings (files that may not belong together).
import type { GridIndex } from '../model/grid-index.js';
import { frenchDate, plural } from '../text/french.js';
import { answerDiff, becameVisible, questionsById } from './compare/answers.js';
import { gapChanges, gapTitles } from './compare/gaps.js';
import { renamedAnswers } from './compare/renamed.js';
import { clean, compareSide, entryDeltas, overallDelta, stageChange } from './compare/scores.js';
import { COMPARE_FORMAT, type CompareData, type CompareFile } from './compare/types.js';
import { compareWarnings } from './compare/warnings.js';
import { buildReport } from './report.js';

export type * from './compare/types.js';

export interface BuildCompareOptions {
  now: Date;
}

/** What moved between two answers files of one project, read against one grid. */
export function buildCompare(index: GridIndex, before: CompareFile, after: CompareFile, options: BuildCompareOptions): CompareData {
  const reportBefore = buildReport(index, [before.answers], { now: options.now, sourceLabel: before.source });
  const reportAfter = buildReport(index, [after.answers], { now: options.now, sourceLabel: after.source });
  const sideBefore = compareSide(before, reportBefore);
  const sideAfter = compareSide(after, reportAfter);
  const today = options.now.toISOString().slice(0, 10);

  const qBefore = questionsById(reportBefore);
  const qAfter = questionsById(reportAfter);
  const { answersChanged, onlyBefore, onlyAfter } = answerDiff(index, before.answers, after.answers, qBefore, qAfter);
  const gaps = gapChanges(reportBefore, reportAfter, qBefore, qAfter, answersChanged);
  const { renamed, shadowed } = renamedAnswers(index, before, after);

  return {
    format: COMPARE_FORMAT,
    kind: 'compare',
    title: sideAfter.project ?? sideBefore.project ?? 'Projet sans nom',
    date: today,
    dateLabel: frenchDate(today),
    grid: { id: index.grid.id, version: index.grid.version, title: index.grid.title },
    project: { name: sideAfter.project ?? sideBefore.project, territory: clean(after.answers.project?.territory) ?? clean(before.answers.project?.territory) },
    before: sideBefore,
    after: sideAfter,
    overall: overallDelta(reportBefore, reportAfter),
    entries: entryDeltas(index, reportBefore, reportAfter),
    stage: stageChange(sideBefore.stage, sideAfter.stage),
    gapsClosed: gaps.gapsClosed,
    newGaps: gaps.newGaps,
    newGapsByCause: gaps.newGapsByCause,
    stepsBack: gaps.stepsBack,
    becameVisible: becameVisible(index, qBefore, qAfter, gapTitles(reportAfter)),
    gapsNotAssessed: gaps.gapsNotAssessed,
    gapsKept: gaps.gapsKept,
    answersChanged,
    onlyBefore,
    onlyAfter,
    renamed,
    unmatched: { before: reportBefore.respondents[0]!.unmatched, after: reportAfter.respondents[0]!.unmatched },
    unmatchedMore: { before: reportBefore.respondents[0]!.unmatchedMore, after: reportAfter.respondents[0]!.unmatchedMore },
    versionsDiffer: before.answers.grid.version !== after.answers.grid.version,
    warnings: [...shadowed, ...compareWarnings(before, after, sideBefore, sideAfter)],
  };
}

/** A short French summary line (for stderr and the top of the Markdown). */
export function compareSummary(data: CompareData): string {
  const parts = [
    `repère global ${data.overall.beforeLabel} → ${data.overall.afterLabel}${data.overall.delta === null ? '' : ` (${data.overall.deltaLabel})`}`,
    plural(data.gapsClosed.length, 'écart comblé', 'écarts comblés'),
    plural(data.stepsBack.length, 'recul', 'reculs'),
    `${plural(data.becameVisible.length, 'réponse devenue visible', 'réponses devenues visibles')} (après « Je ne sais pas » ou sans réponse)`,
    data.newGapsByCause.other.length > 0 ? plural(data.newGapsByCause.other.length, 'autre nouvel écart', 'autres nouveaux écarts') : null,
    plural(data.answersChanged.length, 'réponse modifiée', 'réponses modifiées'),
  ].filter((p): p is string => p !== null);
  return parts.join(', ');
}



