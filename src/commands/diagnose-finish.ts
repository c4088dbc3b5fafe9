// The end of `diagnose`: the complete report is written (with `report`'s own writer: atomic, and
// never over a file cap-ptce did not write for these answers); the screen shows a short summary
// (level per entrée, the three next steps, where the files are), not the whole report scrolled
// past. One function, so that the questionnaire does not depend on how the report is built.
import type { GridIndex } from '../model/grid-index.js';
import type { AnswersFile } from '../model/schema.js';
import { pathBasis, trimToPath } from '../model/paths.js';
import { renderEndScreen } from '../render/end-screen.js';
import { ExitCode, UserError } from '../errors.js';
import { wantsColor, type Io } from '../io/io.js';
import { displayPath } from '../io/load.js';
import { packagedTemplate } from '../io/templates.js';

export interface FinishResult {
  /** Where the report was written. */
  path: string;
}

/**
 * Before the first question: the report must be writable at `out` at the end, so a file there
 * that cap-ptce did not write for these answers is refused now, not after half an hour.
 */
export async function checkReportTarget(out: string, answersPath: string): Promise<void> {
  const { checkOverwrite } = await import('../io/report-file.js');
  try {
    checkOverwrite(out, answersPath);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.message, ExitCode.usage, ['Choisissez un autre fichier pour le rapport avec --out, par exemple : --out cap-ptce-rapport-2.md']);
  }
}

export async function finishDiagnose(index: GridIndex, file: AnswersFile, out: string, answersPath: string, io: Io): Promise<FinishResult> {
  const [{ buildReport }, { DEFAULT_TEMPLATE, renderReportMarkdown }, { writeReport }] = await Promise.all([
    import('../analysis/report.js'),
    import('../render/markdown.js'),
    import('../io/report-file.js'),
  ]);
  // A short path: the report speaks of the questions asked, and says what the full grid adds.
  const basis = pathBasis(index, [file]);
  const built = buildReport(basis.index, [trimToPath(file, index, basis)], { now: io.now(), sourceLabel: displayPath(answersPath, io.cwd) });
  const data = basis.shortPath ? { ...built, shortPath: basis.shortPath } : built;
  // The file is the complete report (the person's own words for the application); the screen is short.
  const markdown = renderReportMarkdown(data, packagedTemplate(DEFAULT_TEMPLATE), undefined, { full: true });
  const written = writeReport(out, markdown, { answers: answersPath, format: 'md' });
  io.stdout(renderEndScreen(data, { answers: answersPath, report: displayPath(written, io.cwd), columns: io.columns, color: wantsColor(io) }));
  return { path: written };
}
