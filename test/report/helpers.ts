// Shared fixtures for the report tests: the small grid of test/fixtures/report and its answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAnswers, loadGrid, type LoadedGrid } from '../../src/io/load.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { buildReport, type ReportData } from '../../src/analysis/report.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/report');
export const NOW = new Date('2026-11-26T10:00:00Z');

let grid: LoadedGrid | undefined;
export function miniGrid(): LoadedGrid {
  grid ??= loadGrid(join(FIXTURES, 'grid.yaml'), '2026-11-26');
  return grid;
}

export function fixtureAnswers(name: 'debut' | 'mature'): AnswersFile {
  return loadAnswers(join(FIXTURES, `${name}.yaml`), miniGrid().index).answers;
}

export function fixtureReport(name: 'debut' | 'mature'): ReportData {
  return buildReport(miniGrid().index, [fixtureAnswers(name)], { now: NOW, sourceLabel: `${name}.yaml` });
}

/** An answers file for the mini grid, built in memory. */
export function answersFile(answers: AnswersFile['answers'], extra: Partial<AnswersFile> = {}): AnswersFile {
  return { format: 'cap-ptce/answers@1', grid: { id: 'mini', version: '1.0.0' }, project: {}, answers, ...extra };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-report-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lints Markdown with markdownlint-cli2 and the repository's committed configuration. */
export async function markdownlint(files: Record<string, string>): Promise<string[]> {
  const { main } = await import('markdownlint-cli2');
  const problems: string[] = [];
  const code = await main({
    directory: ROOT,
    argv: [],
    nonFileContents: files,
    logMessage: () => {},
    logError: (message: string) => problems.push(message),
  });
  if (code !== 0 && problems.length === 0) problems.push(`markdownlint-cli2 a renvoyé ${code}`);
  return problems;
}
