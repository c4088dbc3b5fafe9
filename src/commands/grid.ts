// `cap-ptce grid`: the grid as a printable worksheet for workshops, in Markdown (default) or as one
// self-contained HTML page to print (`--format html`: inline CSS, no script, no external resource),
// or as the offline form participants fill in their browser (`--format form`).
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { buildForm, type FormData } from '../analysis/form.js';
import { buildWorksheet, type WorksheetData } from '../analysis/worksheet.js';
import { DOCUMENTS, type DocumentFormat } from '../render/registry.js';
import { stripControl } from '../text/escape.js';
import { plural } from '../text/french.js';
import { checkEmitTarget, emissionOf, emit, type Emission } from '../io/emit.js';
import { checkOutputTarget } from '../io/files.js';
import type { Io } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';
import { packagedTemplate } from '../io/templates.js';

export interface GridOptions {
  grid?: string;
  entries?: string[];
  format?: 'md' | 'html' | 'form' | string;
  /** A short path of the grid (form only): `--parcours essentiel`. */
  parcours?: string;
  out?: string;
  force?: boolean;
}

const FORMATS = ['md', 'html', 'form'] as const;

export async function runGrid(options: GridOptions, io: Io): Promise<number> {
  const format = options.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UserError(`Format inconnu : « ${stripControl(String(format))} ». Formats possibles : ${FORMATS.join(', ')}.`, ExitCode.usage);
  const entry = (format === 'form' ? DOCUMENTS.form.form : DOCUMENTS.worksheet[format as 'md' | 'html']) as DocumentFormat<WorksheetData | FormData>;
  const outFormat = format as Emission['format'];
  if (options.parcours !== undefined && format !== 'form') {
    throw new UserError('--parcours s’applique au questionnaire (--format form) : la fiche imprimable reprend toute la grille ou les entrées choisies avec --entries.', ExitCode.usage, ['Exemple : cap-ptce grid --format form --parcours essentiel --out questionnaire.html']);
  }

  // Where it goes is checked before any work: not a folder, not someone's file unless --force.
  const base = emissionOf(entry, '', outFormat, options);
  if (options.out !== undefined && options.out !== '-') {
    checkOutputTarget(options.out === '' ? '' : resolve(io.cwd, options.out), { inputs: options.grid ? [resolve(io.cwd, options.grid)] : [], example: base.example! });
  }
  checkEmitTarget(base, io);

  const gridPath = options.grid === undefined ? undefined : io.cwd === process.cwd() ? options.grid : resolve(io.cwd, options.grid);
  const loaded = loadGrid(gridPath, todayIso(io.now()));
  if (loaded.isDefault) io.stderr(`Grille : grille CAP PTCE intégrée (${displayPath(loaded.path)})\n`);

  const data = format === 'form' ? buildForm(loaded.index, { entries: options.entries, parcours: options.parcours }) : buildWorksheet(loaded.index, { entries: options.entries });
  const content = entry.render(data, entry.templates.map(packagedTemplate));
  await emit(
    {
      ...base,
      content,
      detail: ` (${data.questionCount} questions, ${plural(data.entries.length, 'entrée', 'entrées')})`,
      viewHint:
        'Pour l’imprimer : cap-ptce grid --out fiche-atelier.md, puis ouvrez le fichier dans un lecteur Markdown ; ou cap-ptce grid --format html, une page à ouvrir dans un navigateur.',
    },
    io,
  );
  return ExitCode.ok;
}
