// The file layer as a hostile or unlucky user meets it: full disk, refused rights, read-only
// disks, symlinks, FIFOs, devices, two writers, permissions, a killed session's temp files.
// ENOSPC and friends come from an injected write function: no root, no tmpfs needed.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  checkOutputTarget,
  cleanStaleTemps,
  FileChangedError,
  FileTooLargeError,
  readUserFile,
  readWithHead,
  safeName,
  scanFolder,
  writeFileAtomic,
  type WriteChunk,
} from '../../src/io/files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error('mkfifo missing');
}

/** What a user sees for an error: its message and exit code. */
function failure(fn: () => void): { message: string; exitCode: number } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return { message: (error as UserError).message, exitCode: (error as UserError).exitCode };
  }
  throw new Error('expected a failure');
}

const temps = (): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('writeFileAtomic on a failing disk', () => {
  const errno = (code: string): WriteChunk => () => {
    throw Object.assign(new Error(code), { code });
  };

  it.each([
    ['ENOSPC', /Disque plein \(ENOSPC\)/],
    ['EACCES', /Écriture refusée \(EACCES\)/],
    ['EROFS', /lecture seule \(EROFS\)/],
  ])('%s: the old answers stay, a French message names it, exit 1, no temp file left', (code, pattern) => {
    const path = join(dir, 'reponses.yaml');
    writeFileSync(path, 'anciennes réponses\n');
    const f = failure(() => writeFileAtomic(path, 'nouvelles réponses\n', { write: errno(code) }));
    expect(f.message).toMatch(pattern);
    expect(f.message).toContain("l'ancien fichier (s'il existait) est intact");
    expect(f.exitCode).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('anciennes réponses\n');
    expect(temps()).toEqual([]);
  });

  it('a short write (disk full without an error) is never renamed over the good file', () => {
    const path = join(dir, 'reponses.yaml');
    writeFileSync(path, 'anciennes réponses\n');
    let calls = 0;
    // Writes half of what it is given once, then nothing: the byte count is what tells.
    const short: WriteChunk = (_fd, _buf, _off, length) => (calls++ === 0 ? Math.floor(length / 2) : 0);
    const f = failure(() => writeFileAtomic(path, 'x'.repeat(10_000), { write: short }));
    expect(f.message).toMatch(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('anciennes réponses\n');
    expect(temps()).toEqual([]);
  });

  it('a write in small pieces (as a pipe or a slow disk does) writes every byte', () => {
    const path = join(dir, 'r.md');
    const content = 'é'.repeat(5000);
    const piecewise: WriteChunk = (fd, buf, off, length) => writeSync(fd, buf, off, Math.min(length, 7));
    writeFileAtomic(path, content, { write: piecewise });
    expect(readFileSync(path, 'utf8')).toBe(content);
  });
});


describe('output targets', () => {
  it('a symlink is written through: the link stays, its target gets the content', () => {
    const real = join(dir, 'vrai.md');
    const link = join(dir, 'lien.md');
    writeFileSync(real, 'avant\n');
    symlinkSync(real, link);
    writeFileAtomic(link, 'après\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('après\n');
  });

  it('a dangling symlink is refused, said clearly', () => {
    const link = join(dir, 'lien.md');
    symlinkSync(join(dir, 'absent.md'), link);
    expect(failure(() => writeFileAtomic(link, 'x')).message).toMatch(/lien symbolique vers un fichier qui n'existe pas/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a FIFO or a device is refused before anything is written or read', () => {
    const fifo = join(dir, 'tube');
    mkfifo(fifo);
    expect(failure(() => writeFileAtomic(fifo, 'x')).message).toMatch(/tube nommé \(FIFO\)/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(failure(() => checkOutputTarget('/dev/null')).message).toMatch(/périphérique/);
    expect(failure(() => checkOutputTarget('/dev/full')).message).toMatch(/périphérique/);
  });

  it('an input is never an output, even through a link; an empty name is refused', () => {
    const input = join(dir, 'a.yaml');
    writeFileSync(input, 'x');
    symlinkSync(input, join(dir, 'b.yaml'));
    expect(failure(() => checkOutputTarget(input, { inputs: [input] })).message).toMatch(/aussi un fichier lu par cette commande/);
    expect(failure(() => checkOutputTarget(join(dir, 'b.yaml'), { inputs: [input] })).message).toMatch(/aussi un fichier lu/);
    expect(failure(() => checkOutputTarget('')).message).toMatch(/--out '' : indiquez un nom de fichier/);
    expect(failure(() => checkOutputTarget(join(dir, 'absent', 'r.md'))).message).toMatch(/Dossier introuvable/);
  });

  it('an existing file keeps its permissions (chmod 600 stays 600)', () => {
    const path = join(dir, 'reponses.yaml');
    writeFileSync(path, 'a');
    chmodSync(path, 0o600);
    writeFileAtomic(path, 'b');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('b');
  });

  it('refuses to overwrite a file that changed since it was read (another session)', () => {
    const path = join(dir, 'reponses.yaml');
    writeFileSync(path, 'ce que j’ai lu');
    writeFileSync(path, 'ce que l’autre session a écrit');
    const error = (() => {
      try {
        writeFileAtomic(path, 'mes réponses', { expect: 'ce que j’ai lu' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FileChangedError);
    expect((error as Error).message).toMatch(/a été modifié par un autre programme/);
    expect(readFileSync(path, 'utf8')).toBe('ce que l’autre session a écrit');
    // A file that must not exist yet (expect: null) but appeared is refused too.
    expect(() => writeFileAtomic(path, 'x', { expect: null })).toThrow(FileChangedError);
    writeFileAtomic(path, 'suite', { expect: 'ce que l’autre session a écrit' });
    expect(readFileSync(path, 'utf8')).toBe('suite');
  });
});

describe('stale temp files', () => {
  it('a killed session’s temp file is removed at the next run; a live one is kept', () => {
    const host = hostname().replace(/[^\w-]/g, '');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = join(dir, `.reponses.yaml.cap-ptce-${host}-${dead}-abc123.tmp`);
    const live = join(dir, `.reponses.yaml.cap-ptce-${host}-${process.ppid}-def456.tmp`);
    const other = join(dir, '.autre.tmp');
    for (const p of [stale, live, other]) writeFileSync(p, 'à moitié');
    expect(cleanStaleTemps(dir)).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('writing a file cleans its folder', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const stale = join(sub, `.r.md.cap-ptce-${hostname().replace(/[^\w-]/g, '')}-999999999-zz.tmp`);
    writeFileSync(stale, '');
    writeFileAtomic(join(sub, 'r.md'), 'ok');
    expect(readdirSync(sub)).toEqual(['r.md']);
  });
});

describe('bounded reads', () => {
  it('refuses devices and FIFOs without hanging or reading without limit', () => {
    const fifo = join(dir, 'grille.yaml');
    mkfifo(fifo);
    expect(failure(() => readUserFile(fifo, 'grille')).message).toMatch(/tube nommé \(FIFO\), pas un grille|FIFO/);
    expect(failure(() => readUserFile('/dev/zero', 'grille')).message).toMatch(/périphérique/);
    expect(failure(() => readUserFile('/dev/urandom', 'fichier de réponses')).message).toMatch(/périphérique/);
  });

  it('stops at the limit on bytes actually read', () => {
    const path = join(dir, 'gros.yaml');
    writeFileSync(path, 'a'.repeat(2000));
    expect(() => readUserFile(path, 'grille', 1000)).toThrow(FileTooLargeError);
    expect(readUserFile(path, 'grille', 2000)).toHaveLength(2000);
  });

  it('reads every byte of files around the read chunk (64 KiB), one after another, multi-byte characters across its edges', () => {
    const chunk = 64 * 1024;
    for (const size of [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 7]) {
      // « é » is two bytes: some land across a chunk edge.
      const text = 'é'.repeat(Math.floor(size / 2)) + 'x'.repeat(size % 2);
      const path = join(dir, `taille-${size}.yaml`);
      writeFileSync(path, text);
      expect(readUserFile(path, 'fichier'), `${size} octets`).toBe(text);
      expect(readUserFile(path, 'fichier', size)).toBe(text);
      if (size > 0) expect(() => readUserFile(path, 'fichier', size - 1)).toThrow(FileTooLargeError);
    }
  });

  it('a folder entry is read once: its head (to find « format: ») as 64 KiB alone give it, and its whole text', () => {
    // Sizes in characters of two bytes: around the head's end, a character cut in two there.
    for (const size of [10, 4097, 32_753, 32_754, 32_755, 70_000]) {
      const text = `format: cap-ptce/answers@1\n${'é'.repeat(size)}`;
      const path = join(dir, `entree-${size}.yaml`);
      writeFileSync(path, text);
      const read = readWithHead(path)!;
      expect(read.text).toBe(text);
      expect(read.head).toBe(Buffer.from(text).subarray(0, 64 * 1024).toString('utf8'));
    }
    expect(readWithHead(join(dir, 'absent.yaml'))).toBeNull();
  });
});

describe('folder scans', () => {
  it('skip and report dangling links and special files instead of aborting', () => {
    writeFileSync(join(dir, 'a.yaml'), 'format: x');
    symlinkSync(join(dir, 'absent.yaml'), join(dir, 'b.yaml'));
    mkfifo(join(dir, 'c.yaml'));
    writeFileSync(join(dir, 'notes.txt'), '');
    const scan = scanFolder(dir, /\.ya?ml$/);
    expect(scan.files).toEqual([join(dir, 'a.yaml')]);
    expect(scan.skipped).toEqual([
      { path: join(dir, 'b.yaml'), reason: 'lien symbolique vers un fichier absent' },
      { path: join(dir, 'c.yaml'), reason: 'un tube nommé (FIFO), pas un fichier ordinaire' },
    ]);
  });
});

describe('safeName', () => {
  it('makes newlines, ESC and other control characters visible', () => {
    expect(safeName('a\nb::error file=x::forged')).toBe('a\\nb::error file=x::forged');
    expect(safeName('\u001b[31mrouge\u001b[0m.yaml')).toBe('\\x1b[31mrouge\\x1b[0m.yaml');
    expect(safeName('tab\there\r')).toBe('tab\\there\\r');
    expect(safeName('Réponses (2026).yaml')).toBe('Réponses (2026).yaml');
  });
});
