// `cap-ptce grid --out`: the worksheet goes to a file, never over someone's file without --force.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain, runInProcess, runSpawned } from '../helpers.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('cap-ptce grid --out', () => {
  it('writes the worksheet to the file, says where, and prints nothing on stdout', async () => {
    const r = await runInProcess(['grid', '--entries', 'objectifs', '--out', 'fiche.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Fiche écrite : .*fiche\.md \(5 questions, 1 entrée\)/);
    const written = plain(readFileSync(join(dir, 'fiche.md'), 'utf8'));
    expect(written).toMatch(/^# Fiche de travail : /);
    expect(written).toContain('### 1.5 ');
    expect(readdirSync(dir)).toEqual(['fiche.md']); // no temporary file left behind
  });

  it('does not replace an existing file without --force, and does with it', async () => {
    const target = join(dir, 'fiche.md');
    writeFileSync(target, 'Notes de la réunion du 12 mars\n');
    const refused = await runInProcess(['grid', '--out', 'fiche.md'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('fiche.md existe déjà : il n\'est pas remplacé.');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('Notes de la réunion du 12 mars\n');

    const forced = await runInProcess(['grid', '--out', 'fiche.md', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(plain(readFileSync(target, 'utf8'))).toMatch(/^# Fiche de travail : /);
  });

  it('refuses a folder as --out, and says to give a file name', async () => {
    mkdirSync(join(dir, 'atelier'));
    const r = await runInProcess(['grid', '--out', 'atelier', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('est un dossier : indiquez un nom de fichier');
    expect(existsSync(join(dir, 'atelier', 'fiche-atelier.md'))).toBe(false);
  });
});

describe('the built CLI (npm run build)', () => {
  it('node bin/cap-ptce.js grid writes the worksheet to a file a facilitator can print', () => {
    const r = runSpawned(['grid', '--entries', 'objectifs,acteurs', '--out', 'fiche-atelier.md'], { cwd: dir });
    expect(r.stderr).toContain('Grille : grille CAP PTCE intégrée');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Fiche écrite : ');
    const written = plain(readFileSync(join(dir, 'fiche-atelier.md'), 'utf8'));
    expect(written).toContain('## 1. Objectifs et vision stratégique');
    expect(written).toContain('## 2. Acteurs impliqués');
    expect(written).toContain('- [ ] Je ne sais pas');
  });
});
