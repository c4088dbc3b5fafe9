// The one way out for every document a command produces (report, workshop synthesis, action
// plan, comparison, worksheet, form): commands build the data, render it, then call `emit`, so
// that they all behave the same way. The policy, decided in one place (`outputPolicy`):
//
//   where                           md                          json     html, csv, form
//   --out FILE                      written to FILE             FILE     FILE
//   --out -                         stdout                      stdout   stdout
//   stdout is a pipe or a file      stdout (raw)                stdout   stdout
//   stdout is a terminal            shown, rendered for it;     stdout   written to the
//                                   nothing written (a view:             document's default
//                                   --out saves it)                      path
//
// Writing: atomic; a document derived from answers files carries cap-ptce's marker, so that a
// re-run for the same answers may update it; any other existing file is kept unless --force.
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { renderForTerminal } from '../render/terminal.js';
import { wrapTerminal } from '../text/terminal-text.js';
import { frenchProse } from '../text/typography.js';
import { checkNewFileTarget, displayPath, writeFileAtomic } from './files.js';
import { wantsColor, type Io } from './io.js';
import { checkOverwrite, writeReport } from './report-file.js';
import type { DocumentFormat } from '../render/registry.js';

export type OutputFormat = 'md' | 'json' | 'html' | 'csv' | 'form';

/** What happens to a document: see the table above. */
export type OutputAction =
  /** Printed as is on stdout. */
  | 'stdout'
  /** Written to --out. */
  | 'file'
  /** Rendered for the terminal, nothing written (a leftover file never stops the view). */
  | 'view'
  /** Written to the default path (a page or a spreadsheet is not for a terminal). */
  | 'default-file';

export interface PolicyInput {
  format: OutputFormat;
  /** --out as given; '-' is stdout. */
  out: string | undefined;
  stdoutIsTTY: boolean;
  /** Whether the document has a default path for a terminal. */
  hasDefaultPath: boolean;
}

/** The output policy as a pure function: which action for this format, option and stdout. */
export function outputPolicy({ format, out, stdoutIsTTY, hasDefaultPath }: PolicyInput): OutputAction {
  if (out === '-') return 'stdout';
  if (out !== undefined) return 'file';
  if (!stdoutIsTTY || format === 'json') return 'stdout';
  if (format === 'md') return 'view';
  if (!hasDefaultPath) return 'stdout';
  return 'default-file';
}

export interface Emission {
  /** The rendered document. */
  content: string;
  format: OutputFormat;
  /** How the messages name it (« Rapport », « Synthèse », « Fiche »…) and whether the word is feminine (« écrite »). */
  noun: string;
  feminine?: boolean;
  /** --out as the user typed it (relative to io.cwd); '-' is stdout. */
  out?: string;
  force?: boolean;
  /** Where it goes on a terminal without --out (relative to io.cwd); null: shown only. */
  defaultPath: string | null;
  /**
   * The answers files it comes from: the written file carries cap-ptce's marker and may be
   * replaced by a re-run for the same answers. Null: an existing file is never replaced without --force.
   */
  answers: readonly string[] | null;
  /** Appended to the path in the « written » message, e.g. « , 12 actions » or « (5 questions, 1 entrée) ». */
  detail?: string;
  /** Said after the file is written (how to open it). */
  afterWrite?: string;
  /** Said after a terminal view that saved nothing (how to save it). */
  viewHint?: string;
  /** Why an existing file without marker is kept, for its message. */
  keepReason?: string;
  /** An example file name, for the message when --out names a folder. */
  example?: string;
}

export interface EmitResult {
  action: OutputAction;
  /** The absolute path written, if any. */
  path: string | null;
}

const DEFAULT_NOTE = ' (chemin par défaut ; --out FICHIER pour en choisir un autre)';

/**
 * Before any work: the file this emission would write must be writable (not a folder, not
 * someone else's file unless --force). Commands call it first so that a refusal comes before a
 * long computation; `emit` checks again (the file may have appeared meanwhile).
 */
export function checkEmitTarget(e: Pick<Emission, 'format' | 'out' | 'force' | 'defaultPath' | 'answers' | 'keepReason' | 'example'>, io: Pick<Io, 'cwd' | 'stdoutIsTTY'>): void {
  const action = outputPolicy({ format: e.format, out: e.out, stdoutIsTTY: io.stdoutIsTTY, hasDefaultPath: e.defaultPath !== null });
  const target = targetOf(action, e, io);
  if (target) checkTarget(target, e);
}

function targetOf(action: OutputAction, e: Pick<Emission, 'out' | 'defaultPath'>, io: Pick<Io, 'cwd'>): string | null {
  if (action === 'file') return resolve(io.cwd, e.out!);
  if (action === 'default-file') return resolve(io.cwd, e.defaultPath!);
  return null;
}

function checkTarget(target: string, e: Pick<Emission, 'force' | 'answers' | 'keepReason' | 'example'>): void {
  if (e.answers) checkOverwrite(target, e.answers, e.force);
  else checkNewFileTarget(target, { force: e.force, example: e.example ?? 'cap-ptce-sortie', ...(e.keepReason ? { reason: e.keepReason } : {}) });
}

function write(target: string, e: Emission): void {
  if (e.answers && (e.format === 'md' || e.format === 'json' || e.format === 'html')) {
    writeReport(target, e.content, { answers: e.answers, format: e.format, force: true });
  } else {
    writeFileAtomic(target, e.content);
  }
}

/** Writes, prints or shows a rendered document according to `outputPolicy`, and says where it went. */
export async function emit(e: Emission, io: Io): Promise<EmitResult> {
  const action = outputPolicy({ format: e.format, out: e.out, stdoutIsTTY: io.stdoutIsTTY, hasDefaultPath: e.defaultPath !== null });
  const written = e.feminine ? 'écrite' : 'écrit';
  switch (action) {
    case 'stdout':
      io.stdout(e.content);
      return { action, path: null };
    case 'view': {
      await showOnTerminal(e.content, io);
      if (e.viewHint) io.stderr(`${wrapTerminal(frenchProse(e.viewHint), io.columns)}\n`);
      return { action, path: null };
    }
    case 'file':
    case 'default-file': {
      const target = targetOf(action, e, io);
      if (!target) throw new UserError('Aucun fichier de sortie : indiquez --out FICHIER.', ExitCode.usage);
      checkTarget(target, e);
      write(target, e);
      io.stderr(`${e.noun} ${written} : ${displayPath(target)}${e.detail ?? ''}${action === 'default-file' ? DEFAULT_NOTE : ''}\n`);
      if (e.afterWrite) io.stderr(`${e.afterWrite}\n`);
      return { action, path: target };
    }
  }
}

/** Markdown rendered for the terminal (colours unless NO_COLOR), ending with a line break. */
export async function showOnTerminal(markdown: string, io: Io): Promise<void> {
  const shown = await renderForTerminal(markdown, io.columns, wantsColor(io));
  io.stdout(shown.endsWith('\n') ? shown : `${shown}\n`);
}

/** An emission for a document of the registry: its noun, default path and notes; the command adds `answers` (marked documents) and `detail`. */
export function emissionOf(
  entry: DocumentFormat<never>,
  content: string,
  format: OutputFormat,
  options: { out?: string; force?: boolean },
): Omit<Emission, 'answers'> & { answers: null } {
  return {
    content,
    format,
    noun: entry.noun,
    feminine: entry.feminine,
    ...(options.out !== undefined ? { out: options.out } : {}),
    ...(options.force !== undefined ? { force: options.force } : {}),
    defaultPath: entry.defaultPath,
    answers: null,
    ...(entry.afterWrite ? { afterWrite: entry.afterWrite } : {}),
    ...(entry.keepReason ? { keepReason: entry.keepReason } : {}),
    example: entry.defaultPath ?? `cap-ptce.${format === 'form' ? 'html' : format}`,
  };
}
