// Writes the system refuses, for real: a file-size limit (`ulimit -f`, RLIMIT_FSIZE) lets the first
// write through in part, then refuses the rest (EFBIG), as a disk filling up does; a folder without
// write rights gives EACCES. The old file must stay whole, the person be told in French, exit 1.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../helpers.js';

const example = join(repoRoot, 'examples', 'projet-emergent.yaml');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-limite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The built CLI under a file-size limit of `kb` kilobytes. */
function limited(kb: number, args: string[]): { code: number; stderr: string } {
  const quoted = [process.execPath, binPath, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('bash', ['-c', `ulimit -f ${kb} && exec ${quoted}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe('a write the system refuses', () => {
  it.each(['md', 'html'])('report --out over an existing file (%s): the old file stays, EFBIG said, exit 1', (format) => {
    const target = join(dir, `rapport.${format}`);
    writeFileSync(target, 'ancien rapport\n');
    const r = limited(4, ['report', example, '--full', '--format', format, '--out', target, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Fichier trop gros pour ce disque ou pour la limite de taille de cette session (EFBIG)');
    expect(r.stderr).toContain("l'ancien fichier (s'il existait) est intact");
    expect(r.stderr).not.toContain('Erreur inattendue');
    expect(readFileSync(target, 'utf8')).toBe('ancien rapport\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  // A folder the user may not write in: EACCES from the system itself. Root writes everywhere, so
  // as root the command runs as « nobody » (runuser), when that user and tool exist.
  const asNobody = process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0 : false;
  it.runIf(process.getuid?.() !== 0 || asNobody)('a folder without write rights: EACCES named, exit 1, the old file intact', () => {
    const target = join(dir, 'rapport.md');
    writeFileSync(target, 'ancien rapport\n');
    chmodSync(target, 0o644);
    chmodSync(dir, 0o755);
    if (!asNobody) chmodSync(dir, 0o555);
    const cmd = [process.execPath, binPath, 'report', example, '--out', target, '--force'];
    const r = asNobody ? spawnSync('runuser', ['-u', 'nobody', '--', ...cmd], { encoding: 'utf8', timeout: 60_000 }) : spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', timeout: 60_000 });
    chmodSync(dir, 0o755);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('Écriture refusée (EACCES)');
    expect(r.stderr).not.toContain('Erreur inattendue');
    expect(readFileSync(target, 'utf8')).toBe('ancien rapport\n');
  });

  it('the same report under a roomy limit is written whole', () => {
    const target = join(dir, 'rapport.md');
    const r = limited(4096, ['report', example, '--full', '--out', target]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('# Rapport de préparation PTCE');
  });
});
