// `cap-ptce grid`: the grid as a printable worksheet for workshops (Markdown).
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { buildWorksheet, renderWorksheetMarkdown, WORKSHEET_TEMPLATE } from '../core/render-worksheet.js';
import { fileExists, templatePath, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';

export interface GridOptions {
  grid?: string;
  entries?: string[];
  format?: 'md' | 'html' | string;
  out?: string;
  force?: boolean;
}

/** Where to write, checked before any work: not a folder, not someone's file unless --force. */
function checkTarget(target: string, force: boolean): void {
  const shown = displayPath(target);
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    return; // nothing there yet
  }
  if (isDir) throw new UserError(`${shown} est un dossier : indiquez un nom de fichier pour la fiche (ex. --out ${shown}/fiche-atelier.md).`, ExitCode.usage);
  if (!force && fileExists(target)) {
    throw new UserError(`${shown} existe déjà : il n'est pas remplacé.`, ExitCode.usage, [
      'Choisissez un autre fichier avec --out, ou ajoutez --force pour le remplacer.',
    ]);
  }
}

export async function runGrid(options: GridOptions, io: Io): Promise<number> {
  const format = options.format ?? 'md';
  if (format === 'html') {
    throw new UserError('La fiche en HTML est bientôt disponible. En attendant : cap-ptce grid --format md --out fiche-atelier.md', ExitCode.usage);
  }
  if (format !== 'md') throw new UserError(`Format inconnu : « ${format} ». Formats possibles : md.`, ExitCode.usage);

  const target = options.out ? resolve(io.cwd, options.out) : null;
  if (target) checkTarget(target, Boolean(options.force));

  const gridPath = options.grid === undefined ? undefined : io.cwd === process.cwd() ? options.grid : resolve(io.cwd, options.grid);
  const loaded = loadGrid(gridPath, todayIso(io.now()));
  if (loaded.isDefault) io.stderr(`Grille : grille CAP PTCE intégrée (${displayPath(loaded.path)})\n`);

  const data = buildWorksheet(loaded.index, { entries: options.entries });
  const markdown = renderWorksheetMarkdown(data, readFileSync(templatePath(WORKSHEET_TEMPLATE), 'utf8'));

  if (target) {
    checkTarget(target, Boolean(options.force)); // again: the file may have appeared meanwhile
    writeFileAtomic(target, markdown);
    io.stderr(`Fiche écrite : ${displayPath(target)} (${data.questionCount} questions, ${data.entries.length} ${data.entries.length === 1 ? 'entrée' : 'entrées'})\n`);
    return ExitCode.ok;
  }
  io.stdout(markdown);
  if (io.stdoutIsTTY) io.stderr('Pour l’imprimer : cap-ptce grid --out fiche-atelier.md, puis ouvrez le fichier dans un lecteur Markdown.\n');
  return ExitCode.ok;
}
