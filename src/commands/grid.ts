// `cap-ptce grid`: the grid as a printable worksheet for workshops, in Markdown (default) or as one
// self-contained HTML page to print (`--format html`: inline CSS, no script, no external resource).
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { HTML_STYLE, renderWorksheetHtml, WORKSHEET_HTML_TEMPLATE } from '../render/html.js';
import { buildWorksheet, renderWorksheetMarkdown, WORKSHEET_TEMPLATE } from '../analysis/worksheet.js';
import { stripControl } from '../text/escape.js';
import { checkNewFileTarget, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';
import { packagedTemplate } from '../io/templates.js';

export interface GridOptions {
  grid?: string;
  entries?: string[];
  format?: 'md' | 'html' | string;
  out?: string;
  force?: boolean;
}

/** Where `grid --format html` writes on a terminal without --out: HTML is for a browser, not a terminal. */
export const DEFAULT_WORKSHEET_HTML = 'fiche-atelier.html';

/** Where to write, checked before any work: not a folder, not someone's file unless --force. */
function checkTarget(target: string, force: boolean, extension = 'md'): void {
  checkNewFileTarget(target, { force, example: `fiche-atelier.${extension}` });
}

export async function runGrid(options: GridOptions, io: Io): Promise<number> {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UserError(`Format inconnu : « ${stripControl(String(format))} ». Formats possibles : md, html.`, ExitCode.usage);

  // HTML on a terminal goes to a file (./fiche-atelier.html) rather than to the screen.
  const defaultTarget = !options.out && format === 'html' && io.stdoutIsTTY;
  const target = options.out ? resolve(io.cwd, options.out) : defaultTarget ? resolve(io.cwd, DEFAULT_WORKSHEET_HTML) : null;
  if (target) checkTarget(target, Boolean(options.force), format);

  const gridPath = options.grid === undefined ? undefined : io.cwd === process.cwd() ? options.grid : resolve(io.cwd, options.grid);
  const loaded = loadGrid(gridPath, todayIso(io.now()));
  if (loaded.isDefault) io.stderr(`Grille : grille CAP PTCE intégrée (${displayPath(loaded.path)})\n`);

  const data = buildWorksheet(loaded.index, { entries: options.entries });
  const template = packagedTemplate;
  const content =
    format === 'html'
      ? renderWorksheetHtml(data, template(WORKSHEET_HTML_TEMPLATE), template(HTML_STYLE))
      : renderWorksheetMarkdown(data, template(WORKSHEET_TEMPLATE));

  if (target) {
    checkTarget(target, Boolean(options.force), format); // again: the file may have appeared meanwhile
    writeFileAtomic(target, content);
    const counts = `${data.questionCount} questions, ${data.entries.length} ${data.entries.length === 1 ? 'entrée' : 'entrées'}`;
    io.stderr(`Fiche écrite : ${displayPath(target)} (${counts})${defaultTarget ? ' : chemin par défaut, --out FICHIER pour en choisir un autre' : ''}\n`);
    if (format === 'html') io.stderr('Ouvrez-la dans un navigateur pour l’imprimer (A4).\n');
    return ExitCode.ok;
  }
  io.stdout(content);
  if (format === 'html') return ExitCode.ok;
  if (io.stdoutIsTTY) {
    io.stderr('Pour l’imprimer : cap-ptce grid --out fiche-atelier.md, puis ouvrez le fichier dans un lecteur Markdown ; ou cap-ptce grid --format html, une page à ouvrir dans un navigateur.\n');
  }
  return ExitCode.ok;
}
