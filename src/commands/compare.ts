// `cap-ptce compare AVANT APRÈS`: what moved between two diagnoses of one project (Markdown by
// default, or JSON). Both files are read against one grid; see analysis/compare.ts for the rules.
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { buildCompare, compareSummary } from '../analysis/compare.js';
import { HTML_STYLE } from '../render/html.js';
import { COMPARE_HTML_TEMPLATE, compareHtmlInput, renderCompareHtml } from '../render/html-compare.js';
import { renderCompareJson } from '../render/json.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import { renderTemplateMarkdown } from '../render/markdown.js';
import { stripControl } from '../text/escape.js';
import { wantsColor, type Io } from '../io/io.js';
import { checkOutputTarget } from '../io/files.js';
import { displayPath, loadAnswers, loadGrid, todayIso } from '../io/load.js';
import { packagedTemplate } from '../io/templates.js';
import { writeReport } from '../io/report-file.js';
import { renderForTerminal } from '../render/terminal.js';

export const COMPARE_TEMPLATE = 'compare.md.hbs';

export interface CompareOptions {
  grid?: string;
  format?: 'md' | 'json' | 'html' | string;
  out?: string;
  force?: boolean;
}

export async function runCompare(before: string, after: string, options: CompareOptions, io: Io): Promise<number> {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'json' && format !== 'html') throw new UserError(`Format inconnu « ${stripControl(String(format))} » : md, json ou html.`, ExitCode.usage);

  const userPath = (p: string): string => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  if (options.out !== undefined) {
    const inputs = [before, after, ...(options.grid ? [options.grid] : [])].map((f) => resolve(io.cwd, f));
    checkOutputTarget(options.out === '' ? '' : resolve(io.cwd, options.out), { inputs, example: `comparaison.${format}` });
  }
  const now = io.now();
  const grid = loadGrid(options.grid === undefined ? undefined : userPath(options.grid), todayIso(now));
  if (grid.isDefault) io.stderr('Grille : grille CAP PTCE intégrée (questions/cap-ptce.yaml)\n');
  const [b, a] = [before, after].map((file) => {
    const loaded = loadAnswers(userPath(file), grid.index);
    for (const d of loaded.diagnostics) {
      if (d.severity !== 'error') io.stderr(`${renderDiagnosticText({ ...d, file })}\n`);
    }
    return { answers: loaded.answers, source: file };
  });

  const data = buildCompare(grid.index, b!, a!, { now });
  for (const w of data.warnings) io.stderr(`Attention : ${w}\n`);
  io.stderr(`Comparaison : ${compareSummary(data)}.\n`);

  const content =
    format === 'json'
      ? renderCompareJson(data)
      : format === 'html'
        ? renderCompareHtml(compareHtmlInput(data), packagedTemplate(COMPARE_HTML_TEMPLATE), packagedTemplate(HTML_STYLE))
        : renderTemplateMarkdown(data, packagedTemplate(COMPARE_TEMPLATE), COMPARE_TEMPLATE);
  if (options.out !== undefined) {
    const answers = [before, after].map((f) => resolve(io.cwd, f));
    const written = writeReport(resolve(io.cwd, options.out), content, { answers, format, force: options.force });
    io.stderr(`Comparaison écrite : ${displayPath(written)}\n`);
    return ExitCode.ok;
  }
  if (!io.stdoutIsTTY || format !== 'md') {
    io.stdout(content);
    return ExitCode.ok;
  }
  const shown = await renderForTerminal(content, io.columns, wantsColor(io));
  io.stdout(shown.endsWith('\n') ? shown : `${shown}\n`);
  io.stderr('Pour l’enregistrer : ajoutez --out FICHIER.md\n');
  return ExitCode.ok;
}
