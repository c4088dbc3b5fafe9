// The files a command is given on its command line: paths, folders, glob patterns and `-` for
// standard input. Patterns are expanded here rather than by the shell, so that
// `validate 'questions/*.yaml'` works the same under Windows shells, which do not expand them,
// and in CI scripts that quote them.
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ExitCode, UserError } from '../errors.js';
import { LIMITS } from '../validation/limits.js';
import { safeName, scanFolder } from './files.js';
import { StdinTooLargeError, type Io } from './io.js';

/** The name standard input goes by in messages and diagnostics. */
export const STDIN_NAME = '(entrée standard)';

export type Input =
  /** `path` is absolute; `shown` is what the user typed (or the pattern's match, relative to cwd). */
  | { kind: 'file'; path: string; shown: string }
  | { kind: 'stdin'; shown: string }
  /** Named but not found: kept so that `validate` reports it with the other problems. */
  | { kind: 'missing'; shown: string; message: string };

export interface ExpandOptions {
  cwd: string;
  /** What a folder stands for: the YAML files directly in it, or the folder itself. */
  folders: 'yaml-files' | 'keep';
  /** Told about what a folder holds but cannot be read (dangling link, FIFO…), which is skipped. */
  onSkip?: (path: string, reason: string) => void;
}

const YAML_FILE = /\.ya?ml$/i;

function statKind(path: string): 'file' | 'dir' | null {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/**
 * Expands command-line arguments into inputs, in the order given, each file once. An existing
 * path wins over a pattern reading of the same text (a file may be named `[1].yaml`).
 */
export function expandInputs(args: readonly string[], options: ExpandOptions): Input[] {
  if (args.filter((a) => a === '-').length > 1) {
    throw new UserError('« - » (l’entrée standard) ne peut être donné qu’une fois.', ExitCode.usage);
  }
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input): void => {
    const key = input.kind === 'file' ? input.path : `${input.kind}:${input.shown}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(input);
  };

  for (const arg of args) {
    if (arg === '-') {
      add({ kind: 'stdin', shown: STDIN_NAME });
      continue;
    }
    const absolute = resolve(options.cwd, arg);
    const kind = statKind(absolute);
    if (kind === 'file' || (kind === 'dir' && options.folders === 'keep')) {
      add({ kind: 'file', path: absolute, shown: arg });
      continue;
    }
    if (kind === 'dir') {
      const { files, skipped } = scanFolder(absolute, YAML_FILE);
      for (const s of skipped) options.onSkip?.(s.path, s.reason);
      if (files.length === 0) add({ kind: 'missing', shown: arg, message: `aucun fichier .yaml lisible dans le dossier ${arg}` });
      for (const path of files) add({ kind: 'file', path, shown: join(arg, relative(absolute, path)) });
      continue;
    }
    // Backslashes are path separators for a Windows user, escapes for the glob library.
    const pattern = process.platform === 'win32' ? arg.split('\\').join('/') : arg;
    if (isDynamicPattern(pattern)) {
      const matches = globSync(pattern, { cwd: options.cwd, onlyFiles: true, expandDirectories: false }).sort();
      if (matches.length === 0) add({ kind: 'missing', shown: arg, message: `aucun fichier ne correspond au motif ${arg}` });
      for (const match of matches) add({ kind: 'file', path: resolve(options.cwd, match), shown: match });
      continue;
    }
    add({ kind: 'missing', shown: arg, message: `fichier introuvable : ${arg} (dossier courant : ${options.cwd})` });
  }
  return out;
}

/**
 * `report`'s reading of an argument that is neither a file nor a folder: a glob pattern gives the
 * answers files it matches (in name order); anything else is returned as is, for the loader to say
 * it is missing.
 */
export function globAnswers(arg: string, cwd: string): string[] {
  const pattern = process.platform === 'win32' ? arg.split('\\').join('/') : arg;
  if (statKind(resolve(cwd, arg)) !== null || !isDynamicPattern(pattern)) return [arg];
  const matches = globSync(pattern, { cwd, onlyFiles: true, expandDirectories: false })
    .filter((m) => YAML_FILE.test(m))
    .sort();
  if (matches.length === 0) {
    throw new UserError(`Aucun fichier de réponses ne correspond au motif ${safeName(arg)} (dossier courant : ${safeName(cwd)}).`, ExitCode.usage);
  }
  return matches;
}

/** Standard input read whole, within the size any grid or answers file stays under. */
export async function readStdinText(io: Io): Promise<string> {
  try {
    return await io.readStdin(LIMITS.maxBytes);
  } catch (error) {
    if (!(error instanceof StdinTooLargeError)) throw error;
    throw new UserError(`${STDIN_NAME} : au-delà de ${LIMITS.maxBytes / 1024 / 1024} Mo. Une grille ou des réponses tiennent en quelques dizaines de Ko.`, ExitCode.invalid);
  }
}
