// `cap-ptce grid`: the grid as a printable worksheet for workshops, in Markdown (default) or as one
// self-contained HTML page to print (`--format html`: inline CSS, no script, no external resource).
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { HTML_STYLE, renderWorksheetHtml, WORKSHEET_HTML_TEMPLATE } from '../render/html.js';
import { buildWorksheet, renderWorksheetMarkdown, WORKSHEET_TEMPLATE } from '../analysis/worksheet.js';
import { buildForm } from '../analysis/form.js';
import { FORM_HTML_TEMPLATE, FORM_SCRIPT, FORM_STYLE, renderFormHtml } from '../render/form.js';
import { stripControl } from '../text/escape.js';
import { checkNewFileTarget, checkOutputTarget, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';
import { packagedTemplate } from '../io/templates.js';

export interface GridOptions {
  grid?: string;
  entries?: string[];
  format?: 'md' | 'html' | 'form' | string;
  out?: string;
  force?: boolean;
}

/** Where `grid --format html` writes on a terminal without --out: HTML is for a browser, not a terminal. */
export const DEFAULT_WORKSHEET_HTML = 'fiche-atelier.html';
/** Where `grid --format form` writes without --out: the page is meant to be sent, not printed on a terminal. */
export const DEFAULT_FORM_HTML = 'questionnaire.html';

/** Where to write, checked before any work: not a folder, not someone's file unless --force. */
function checkTarget(target: string, force: boolean, extension = 'md'): void {
  checkNewFileTarget(target, { force, example: `fiche-atelier.${extension}` });
}

export async function runGrid(options: GridOptions, io: Io): Promise<number> {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'html' && format !== 'form') throw new UserError(`Format inconnu : « ${stripControl(String(format))} ». Formats possibles : md, html, form.`, ExitCode.usage);
  if (format === 'form') return runGridForm(options, io);

  // HTML on a terminal goes to a file (./fiche-atelier.html) rather than to the screen.
  const defaultTarget = options.out === undefined && format === 'html' && io.stdoutIsTTY;
  if (options.out !== undefined) {
    checkOutputTarget(options.out === '' ? '' : resolve(io.cwd, options.out), { inputs: options.grid ? [resolve(io.cwd, options.grid)] : [], example: `fiche-atelier.${format}` });
  }
  const target = options.out !== undefined ? resolve(io.cwd, options.out) : defaultTarget ? resolve(io.cwd, DEFAULT_WORKSHEET_HTML) : null;
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

/** `grid --format form`: the offline form, to ./questionnaire.html on a terminal without --out. */
async function runGridForm(options: GridOptions, io: Io): Promise<number> {
  const defaultTarget = options.out === undefined && io.stdoutIsTTY;
  if (options.out !== undefined) {
    checkOutputTarget(options.out === '' ? '' : resolve(io.cwd, options.out), { inputs: options.grid ? [resolve(io.cwd, options.grid)] : [], example: DEFAULT_FORM_HTML });
  }
  const target = options.out !== undefined ? resolve(io.cwd, options.out) : defaultTarget ? resolve(io.cwd, DEFAULT_FORM_HTML) : null;
  const example = { force: Boolean(options.force), example: DEFAULT_FORM_HTML };
  if (target) checkNewFileTarget(target, example);

  const gridPath = options.grid === undefined ? undefined : io.cwd === process.cwd() ? options.grid : resolve(io.cwd, options.grid);
  const loaded = loadGrid(gridPath, todayIso(io.now()));
  if (loaded.isDefault) io.stderr(`Grille : grille CAP PTCE intégrée (${displayPath(loaded.path)})\n`);

  const data = buildForm(loaded.index, { entries: options.entries });
  const content = renderFormHtml(data, packagedTemplate(FORM_HTML_TEMPLATE), packagedTemplate(FORM_STYLE), packagedTemplate(FORM_SCRIPT));
  if (!target) {
    io.stdout(content);
    return ExitCode.ok;
  }
  checkNewFileTarget(target, example); // again: the file may have appeared meanwhile
  writeFileAtomic(target, content);
  const counts = `${data.questionCount} questions, ${data.entries.length} ${data.entries.length === 1 ? 'entrée' : 'entrées'}`;
  io.stderr(`Questionnaire écrit : ${displayPath(target)} (${counts})${defaultTarget ? ' : chemin par défaut, --out FICHIER pour en choisir un autre' : ''}\n`);
  io.stderr('Envoyez ce fichier à chaque participant : il s’ouvre dans un navigateur, sans connexion. Chacun renvoie son fichier cap-ptce-reponses-NOM.yaml ; rangez-les dans un dossier, puis : npx cap-ptce report DOSSIER\n');
  return ExitCode.ok;
}
