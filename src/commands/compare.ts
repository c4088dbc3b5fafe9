// `cap-ptce compare AVANT APRÈS`: what moved between two diagnoses of one project (Markdown by
// default, or JSON). Both files are read against one grid; see analysis/compare.ts for the rules.
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { buildCompare, compareSummary, type CompareData } from '../analysis/compare.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import { DOCUMENTS, type DocumentFormat } from '../render/registry.js';
import { stripControl } from '../text/escape.js';
import { emissionOf, emit } from '../io/emit.js';
import { checkOutputTarget } from '../io/files.js';
import type { Io } from '../io/io.js';
import { loadAnswers, loadGrid, todayIso } from '../io/load.js';
import { packagedTemplate } from '../io/templates.js';

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
  if (options.out !== undefined && options.out !== '-') {
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

  const entry = DOCUMENTS.compare[format] as DocumentFormat<CompareData>;
  const content = entry.render(data, entry.templates.map(packagedTemplate));
  await emit(
    {
      ...emissionOf(entry, content, format, options),
      answers: [before, after].map((f) => resolve(io.cwd, f)),
      viewHint: "Pour l'enregistrer : ajoutez --out FICHIER.md",
    },
    io,
  );
  return ExitCode.ok;
}
