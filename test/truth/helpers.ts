// Shared by the tests of what the tool says about the law, the calls and the région: the
// default grid, answers files built in memory, and a report dated as the test wants.
import { join } from 'node:path';
import { buildReport, type ReportData } from '../../src/analysis/report.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { loadGrid, type LoadedGrid } from '../../src/io/load.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { renderReportMarkdown } from '../../src/render/markdown.js';
import { plain, repoRoot } from '../helpers.js';

let grid: LoadedGrid | undefined;
export function defaultGrid(): LoadedGrid {
  grid ??= loadGrid(join(repoRoot, 'questions/cap-ptce.yaml'), '2026-11-27');
  return grid;
}

export function answersFor(answers: AnswersFile['answers'], project: AnswersFile['project'] = {}): AnswersFile {
  const g = defaultGrid().grid;
  return { format: 'cap-ptce/answers@1', grid: { id: g.id, version: g.version }, project, answers };
}

export function reportOn(file: AnswersFile, date = '2026-11-27'): ReportData {
  return buildReport(defaultGrid().index, [file], { now: new Date(`${date}T10:00:00Z`) });
}

/** The complete report (--full), with French no-break spaces read as plain spaces. */
export function markdownOf(data: ReportData): string {
  return plain(renderReportMarkdown(data, packagedTemplate('report.md.hbs'), undefined, { full: true }));
}

/**
 * Words that judge instead of informing. « note » counts when it is a grade (« note globale »,
 * « Note : 12 », « 12/20 », « noté »), not the memo of « une note commune » ; the user's own notes
 * are « précisions » everywhere a person reads.
 */
export const VERDICT_WORDS =
  /(?<!\p{L})(points? bloquants?|bloquante?s?|non[- ]conformes?|conformes?|conformité|échecs?|échouée?s?|réussie?s?|insuffisante?s?|notes?\s*(?:globales?|finales?|moyennes?|:\s*\d|de\s+\d|sur\s+\d)|notée?s?|\d+\s*\/\s*20)(?!\p{L}|\d)/iu;

/** The verdict words found in a text, with some context, for a readable failure. */
export function verdictsIn(text: string): string[] {
  const found: string[] = [];
  const re = new RegExp(VERDICT_WORDS.source, 'giu');
  for (const m of text.matchAll(re)) found.push(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).replace(/\s+/g, ' '));
  return found;
}
