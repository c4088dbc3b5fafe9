// File IO at the edge: reading user files with limits, and atomic writes (temp file + rename).
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, UserError } from '../errors.js';
import { LIMITS } from '../validation/yaml-source.js';

/** The package root (where questions/ and templates/ ship), from dist/ or src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      statSync(join(dir, 'questions', 'cap-ptce.yaml'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new UserError("Installation incomplète : le dossier « questions/ » de cap-ptce est introuvable. Réinstallez avec « npm install ».", ExitCode.usage);
}

export function defaultGridPath(): string {
  return join(packageRoot(), 'questions', 'cap-ptce.yaml');
}

export function templatePath(name: string): string {
  return join(packageRoot(), 'templates', name);
}

export function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export class FileTooLargeError extends UserError {
  constructor(path: string, size: number, maxBytes: number) {
    super(
      `${path} : fichier trop volumineux (${(size / 1024 / 1024).toFixed(1)} Mo, limite ${maxBytes / 1024 / 1024} Mo). Une grille ou des réponses tiennent en quelques dizaines de Ko.`,
      ExitCode.invalid,
    );
  }
}

/** Reads a user's text file, refusing what is missing, a folder, or too large to be a grid. */
export function readUserFile(path: string, what = 'fichier', maxBytes: number = LIMITS.maxBytes): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(`${path} est un dossier, pas un ${what}.`, ExitCode.usage);
    size = st.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${capitalize(what)} introuvable : ${path}. Vérifiez le chemin (dossier courant : ${process.cwd()}).`, ExitCode.usage);
    if (code === 'EACCES') throw new UserError(`Lecture refusée : ${path}. Vérifiez les droits du fichier.`, ExitCode.usage);
    throw new UserError(`Impossible de lire ${path} (${code ?? String(error)}).`, ExitCode.usage);
  }
  if (size > maxBytes) throw new FileTooLargeError(path, size, maxBytes);
  return readFileSync(path, 'utf8');
}

/** Writes a file so that readers see the old content or the new one, never a half-written file. */
export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, content, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`Dossier introuvable pour écrire ${path}. Créez-le ou choisissez un autre chemin.`, ExitCode.usage);
    if (code === 'EACCES' || code === 'EROFS') throw new UserError(`Écriture refusée : ${path}. Choisissez un dossier où vous pouvez écrire.`, ExitCode.usage);
    throw error;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Where a command may write a file the user named: never a folder, never an existing file unless
 * `force`. `example` is a file name to suggest in the folder case.
 */
export function checkNewFileTarget(target: string, options: { force?: boolean; example: string; reason?: string }): void {
  const shown = displayPath(target);
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    return; // nothing there yet
  }
  if (isDir) throw new UserError(`${shown} est un dossier : indiquez un nom de fichier (ex. --out ${join(shown, options.example).split('\\').join('/')}).`, ExitCode.usage);
  if (options.force) return;
  throw new UserError(`${shown} existe déjà : il n'est pas remplacé${options.reason ? `, ${options.reason}` : ''}.`, ExitCode.usage, [
    'Choisissez un autre fichier avec --out, ou ajoutez --force pour le remplacer.',
  ]);
}

/** A path as the user would type it: relative to the current folder when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}
