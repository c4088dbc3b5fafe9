// File IO at the edge: reading user files with limits, atomic writes (temp file, every byte
// checked, fsync, rename), checks of where a command may write, and folder scans that survive
// unreadable entries. Every failure a user can cause becomes a French UserError.
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, UserError } from '../errors.js';
import { safeName } from '../text/safe-name.js';
import { LIMITS } from '../validation/limits.js';

export { safeName } from '../text/safe-name.js';

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

/**
 * A path as the user would type it: relative to the current folder when that is shorter, and
 * safe to print (control characters made visible: see safeName). For messages and labels only.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return safeName(rel && !rel.startsWith('..') && rel.length < path.length ? rel : path);
}

/** What a special file is, in words, for messages (null for a regular file or a folder). */
function specialKind(st: Stats | Dirent): string | null {
  if (st.isFIFO()) return 'un tube nommé (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'un périphérique';
  if (st.isSocket()) return 'une socket';
  return null;
}

export class FileTooLargeError extends UserError {
  constructor(path: string, size: number, maxBytes: number) {
    super(
      `${safeName(path)} : fichier trop volumineux (${size > maxBytes ? `plus de ${maxBytes / 1024 / 1024} Mo` : `${(size / 1024 / 1024).toFixed(1)} Mo`}). Une grille ou des réponses tiennent en quelques dizaines de Ko.`,
      ExitCode.invalid,
    );
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function readError(path: string, what: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const shown = safeName(path);
  if (code === 'ENOENT') return new UserError(`${capitalize(what)} introuvable : ${shown}. Vérifiez le chemin (dossier courant : ${safeName(process.cwd())}).`, ExitCode.usage);
  if (code === 'EACCES' || code === 'EPERM') return new UserError(`Lecture refusée (${code}) : ${shown}. Vérifiez les droits du fichier.`, ExitCode.usage);
  if (code === 'ELOOP') return new UserError(`${shown} : trop de liens symboliques en boucle (ELOOP).`, ExitCode.usage);
  return new UserError(`Impossible de lire ${shown} (${code ?? String(error)}).`, ExitCode.usage);
}

/** The chunk `readBounded` reads into, allocated once. */
const READ_CHUNK = 64 * 1024;
let readBuffer: Buffer | undefined;

/**
 * Reads at most `maxBytes` bytes of a regular file. The bound is on the bytes actually read, not
 * on `stat`'s size: /proc files say 0 and grow, a file may grow while read. Folders, devices and
 * FIFOs are refused before they are opened (opening a FIFO blocks; /dev/zero never ends).
 */
export function readBounded(path: string, what: string, maxBytes: number, headBytes = 0): { text: string; truncated: boolean; head?: string } {
  let fd: number | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(`${safeName(path)} est un dossier, pas un ${what}.`, ExitCode.usage);
    const kind = specialKind(st);
    if (kind) throw new UserError(`${safeName(path)} est ${kind}, pas un ${what} : cap-ptce ne lit que des fichiers ordinaires.`, ExitCode.usage);
    // O_NONBLOCK: should a FIFO replace the file between stat and open, open does not hang.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const fst = fstatSync(fd);
    const kind2 = specialKind(fst);
    if (kind2 || fst.isDirectory()) throw new UserError(`${safeName(path)} est ${kind2 ?? 'un dossier'}, pas un ${what}.`, ExitCode.usage);
    // Most files fit in the first chunk: decoded from the shared buffer, with no copy (a workshop
    // reads hundreds of files of a few kilobytes).
    const chunk = (readBuffer ??= Buffer.allocUnsafe(READ_CHUNK));
    let first = 0;
    for (;;) {
      const n = readSync(fd, chunk, first, Math.min(chunk.length - first, maxBytes + 1 - first), null);
      if (n === 0) break;
      first += n;
      if (first === chunk.length || first > maxBytes) break;
      // A regular file read up to the size fstat gave: at its end, no read of 0 bytes to learn it.
      // (The size only ends the reading early; the bound stays on bytes read: /proc says 0.)
      if (fst.isFile() && first === fst.size) break;
    }
    // `head`: the first `headBytes` bytes decoded alone, as a read of that many bytes gives them.
    const head = headBytes > 0 ? chunk.toString('utf8', 0, Math.min(first, headBytes)) : undefined;
    if (first < chunk.length && first <= maxBytes) {
      const text = chunk.toString('utf8', 0, first);
      return { text, truncated: false, head: first <= headBytes ? text : head };
    }
    const chunks: Buffer[] = [Buffer.from(chunk.subarray(0, first))];
    let total = first;
    while (total <= maxBytes) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, maxBytes + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
    }
    if (total > maxBytes) return { text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'), truncated: true, head };
    return { text: Buffer.concat(chunks, total).toString('utf8'), truncated: false, head };
  } catch (error) {
    throw readError(path, what, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a user's text file, refusing what is missing, a folder, a special file, or too large to be a grid. */
export function readUserFile(path: string, what = 'fichier', maxBytes: number = LIMITS.maxBytes): string {
  const { text, truncated } = readBounded(path, what, maxBytes);
  if (truncated) throw new FileTooLargeError(path, maxBytes + 1, maxBytes);
  return text;
}

/**
 * A file of a folder read once: its first `headBytes` bytes decoded alone (to sniff its format)
 * and its whole text, unless larger than a user file may be (then read again, and refused, by
 * `readUserFile`). Null when it cannot be read. A workshop folder's files were read twice.
 * The head is the first chunk read (64 KiB): any smaller file is its own head, decoded once
 * (with a 4 KiB head, every answers file of more than 4 KiB was decoded twice).
 */
export function readWithHead(path: string, headBytes = READ_CHUNK): { head: string; text: string | undefined } | null {
  try {
    const { text, truncated, head } = readBounded(path, 'fichier', LIMITS.maxBytes, headBytes);
    return { head: head ?? text, text: truncated ? undefined : text };
  } catch {
    return null;
  }
}

// ───────────────────────────── writing ─────────────────────────────

/** Writes part of a buffer to a file descriptor; returns the bytes written (fs.writeSync's contract). */
export type WriteChunk = (fd: number, buffer: Buffer, offset: number, length: number) => number;

const defaultWriteChunk: WriteChunk = (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length);

export interface WriteOptions {
  /** For tests: a write that fails or writes short, as on a full disk. */
  write?: WriteChunk;
  /**
   * The content the file must still have for the write to go ahead (null: the file must not
   * exist). Guards against another process having changed it since we last read or wrote it.
   */
  expect?: string | null;
}

/** Raised when a file changed under us (see WriteOptions.expect); nothing was written. */
export class FileChangedError extends UserError {}

const TEMP_TAG = '.cap-ptce-';
const cleanedDirs = new Set<string>();

function tempName(target: string): string {
  const rand = Math.random().toString(36).slice(2, 8);
  return join(dirname(target), `.${basename(target)}${TEMP_TAG}${hostname().replace(/[^\w-]/g, '')}-${process.pid}-${rand}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files a killed cap-ptce left in a folder: ours by name, from this machine,
 * whose process is gone (or older than a day, whatever the machine). Best effort, once per
 * folder and process.
 */
export function cleanStaleTemps(dir: string, now = Date.now()): string[] {
  if (cleanedDirs.has(dir)) return [];
  cleanedDirs.add(dir);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const host = hostname().replace(/[^\w-]/g, '');
  for (const name of names) {
    const m = /\.cap-ptce-([\w-]*)-(\d+)-[a-z0-9]+\.tmp$/.exec(name);
    if (!m || !name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      const sameHost = m[1] === host;
      const stale = sameHost ? Number(m[2]) !== process.pid && !processAlive(Number(m[2])) : now - st.mtimeMs > 24 * 3600 * 1000;
      if (stale) {
        unlinkSync(path);
        removed.push(path);
      }
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** The French message for a failed write; exit 1, and the old file is said to be intact. */
export function writeError(path: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const shown = safeName(displayPath(path));
  const kept = "rien n'a été remplacé, l'ancien fichier (s'il existait) est intact";
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`Disque plein (${code}) : ${shown} n'a pas pu être écrit ; ${kept}. Libérez de la place, puis relancez.`, ExitCode.invalid);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`Écriture refusée (${code}) : ${shown} ; ${kept}. Choisissez un dossier où vous pouvez écrire, ou vérifiez les droits.`, ExitCode.invalid);
    case 'EFBIG':
      return new UserError(`Fichier trop gros pour ce disque ou pour la limite de taille de cette session (EFBIG) : ${shown} n'a pas pu être écrit ; ${kept}. Écrivez ailleurs ou levez la limite (ulimit -f), puis relancez.`, ExitCode.invalid);
    case 'EROFS':
      return new UserError(`Système de fichiers en lecture seule (EROFS) : ${shown} ne peut pas y être écrit ; ${kept}. Choisissez un autre dossier.`, ExitCode.invalid);
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`Dossier introuvable pour écrire ${shown} (${code}). Créez-le ou choisissez un autre chemin.`, ExitCode.invalid);
    default:
      return new UserError(`Impossible d'écrire ${shown} (${code ?? String(error)}) ; ${kept}.`, ExitCode.invalid);
  }
}

/**
 * Where a write to `path` really goes: a symlink is written through (its target is replaced, the
 * link stays). Refuses what is not a regular file: a folder, a device, a FIFO, a dangling link.
 */
export function resolveWriteTarget(path: string): { target: string; existing: Stats | null } {
  const abs = resolve(path);
  let lst: Stats;
  try {
    lst = lstatSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { target: abs, existing: null };
    throw writeError(abs, error);
  }
  let target = abs;
  let st = lst;
  if (lst.isSymbolicLink()) {
    try {
      target = realpathSync(abs);
      st = statSync(target);
    } catch {
      throw new UserError(`${safeName(displayPath(abs))} est un lien symbolique vers un fichier qui n'existe pas : cap-ptce ne le suit pas. Supprimez le lien ou choisissez un autre fichier.`, ExitCode.usage);
    }
  }
  if (st.isDirectory()) throw new UserError(`${safeName(displayPath(abs))} est un dossier : indiquez un nom de fichier.`, ExitCode.usage);
  const kind = specialKind(st);
  if (kind) throw new UserError(`${safeName(displayPath(abs))} est ${kind} : cap-ptce n'écrit que dans des fichiers ordinaires. Choisissez un fichier avec --out.`, ExitCode.usage);
  return { target, existing: st };
}

/**
 * Writes a file so that readers see the old content or the new one, never a half-written file:
 * a temp file next to it, every byte checked, fsync, then rename. A symlink is written through;
 * an existing file keeps its permissions. On any failure the temp file is removed, the old file
 * stays, and a French UserError says why (exit 1).
 */
export function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): void {
  const write = options.write ?? defaultWriteChunk;
  const { target, existing } = resolveWriteTarget(path);
  cleanStaleTemps(dirname(target));
  if (options.expect !== undefined) checkUnchanged(target, options.expect);
  const tmp = tempName(target);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, existing ? existing.mode & 0o777 : 0o666);
    created = true;
    // The umask may have narrowed the mode asked at open: an existing file's is restored exactly.
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
    const bytes = Buffer.from(content, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      const n = write(fd, bytes, offset, bytes.length - offset);
      // A write that makes no progress is a full disk that did not say so.
      if (!(n > 0)) throw Object.assign(new Error('écriture incomplète'), { code: 'ENOSPC' });
      offset += n;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.expect !== undefined) checkUnchanged(target, options.expect);
    renameSync(tmp, target);
    created = false;
    syncDir(dirname(target));
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
    }
    throw writeError(path, error);
  }
}

/** fsync of the folder, so that the rename itself survives a power cut (best effort: not on every OS). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // some filesystems refuse fsync on a folder
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function checkUnchanged(target: string, expected: string | null): void {
  let current: string | null;
  try {
    current = readBounded(target, 'fichier', LIMITS.maxBytes).text;
  } catch (error) {
    if (error instanceof UserError && /introuvable/.test(error.message)) current = null;
    else throw error;
  }
  if (current !== expected) {
    throw new FileChangedError(
      `${safeName(displayPath(target))} a été modifié par un autre programme (un autre « cap-ptce diagnose » ?) depuis la dernière lecture : il n'est pas écrasé.`,
      ExitCode.invalid,
    );
  }
}

// ───────────────────────────── where a command may write ─────────────────────────────

/** True when two paths name the same file (same device and inode), following links. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Checks an output target before anything is read or asked: a regular file or nothing (a symlink
 * counts as its target), in an existing folder, and never one of the inputs.
 */
export function checkOutputTarget(path: string, options: { option?: string; inputs?: readonly string[]; example?: string } = {}): string {
  const option = options.option ?? '--out';
  if (path === '') throw new UserError(`${option} '' : indiquez un nom de fichier (ex. ${option} ${options.example ?? 'cap-ptce-rapport.md'}).`, ExitCode.usage);
  const { target, existing } = resolveWriteTarget(path);
  const shown = safeName(displayPath(resolve(path)));
  for (const input of options.inputs ?? []) {
    if (sameFile(input, target)) {
      throw new UserError(`${shown} (${option}) est aussi un fichier lu par cette commande : il ne peut pas être remplacé par la sortie. Choisissez un autre fichier avec ${option}.`, ExitCode.usage);
    }
  }
  if (!existing) {
    let dirOk = false;
    try {
      dirOk = statSync(dirname(target)).isDirectory();
    } catch {
      dirOk = false;
    }
    if (!dirOk) throw new UserError(`Dossier introuvable pour ${shown} (${option}) : créez-le ou choisissez un autre chemin.`, ExitCode.usage);
  }
  return target;
}

/**
 * Where a command may write a file the user named: never a folder, never an existing file unless
 * `force`. `example` is a file name to suggest in the folder case.
 */
export function checkNewFileTarget(target: string, options: { force?: boolean; example: string; reason?: string }): void {
  const shown = safeName(displayPath(target));
  let st: Stats;
  try {
    st = statSync(target);
  } catch {
    resolveWriteTarget(target); // a dangling link is said clearly
    return; // nothing there yet
  }
  if (st.isDirectory()) throw new UserError(`${shown} est un dossier : indiquez un nom de fichier (ex. --out ${join(shown, options.example).split('\\').join('/')}).`, ExitCode.usage);
  resolveWriteTarget(target);
  if (options.force) return;
  throw new UserError(`${shown} existe déjà : il n'est pas remplacé${options.reason ? `, ${options.reason}` : ''}.`, ExitCode.usage, [
    'Choisissez un autre fichier avec --out, ou ajoutez --force pour le remplacer.',
  ]);
}

// ───────────────────────────── folder scans ─────────────────────────────

export interface FolderScan {
  /** Regular files whose name matches, sorted by name, as paths joined to the folder. */
  files: string[];
  /** Entries left out, with why (a dangling link, an unreadable entry, a special file). */
  skipped: { path: string; reason: string }[];
}

/**
 * The files of a folder whose name matches `pattern` (hidden files left out), without aborting
 * on what cannot be read: dangling links, unreadable entries and special files are skipped and
 * listed, so that the caller can say so.
 */
export function scanFolder(dir: string, pattern: RegExp): FolderScan {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new UserError(`Impossible de lire le dossier ${safeName(dir)} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, ExitCode.usage);
  }
  entries = entries.filter((e) => pattern.test(e.name) && !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: FolderScan = { files: [], skipped: [] };
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // A regular file, as the folder itself says (no stat per file); a link, or a type the folder
    // does not say, is looked at through stat.
    let st: Stats | Dirent = entry;
    if (!entry.isFile()) {
      try {
        st = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        let dangling = false;
        try {
          dangling = code === 'ENOENT' && lstatSync(path).isSymbolicLink();
        } catch {
          dangling = false;
        }
        out.skipped.push({ path, reason: dangling ? 'lien symbolique vers un fichier absent' : `illisible (${code ?? String(error)})` });
        continue;
      }
    }
    if (st.isDirectory()) continue;
    const kind = specialKind(st);
    if (kind) {
      out.skipped.push({ path, reason: `${kind}, pas un fichier ordinaire` });
      continue;
    }
    try {
      // A file the user may not read would stop the whole command later: said and skipped here.
      accessSync(path, constants.R_OK);
    } catch (error) {
      out.skipped.push({ path, reason: `illisible (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    out.files.push(path);
  }
  return out;
}
