// The commands facing hostile or unlucky targets and inputs, in-process and as a real process:
// the output target is checked before anything is read; FIFOs never hang a run; folder scans
// survive dangling links; file names are printed escaped in every validate format.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const example = join(repoRoot, 'examples', 'projet-emergent.yaml');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-targets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

describe('report --out', () => {
  it('never overwrites its own input, even with --force', async () => {
    const a = join(dir, 'a.yaml');
    copyFileSync(example, a);
    const before = readFileSync(a, 'utf8');
    const r = await runInProcess(['report', a, '--out', a, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('est aussi un fichier lu par cette commande');
    expect(readFileSync(a, 'utf8')).toBe(before);
  });

  it("refuses --out '' instead of printing to stdout (report, grid, compare)", async () => {
    for (const args of [['report', example], ['grid'], ['compare', example, example]]) {
      const r = await runInProcess([...args, '--out', '']);
      expect(r.code, args[0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain("--out '' : indiquez un nom de fichier");
    }
  });

  it('refuses a FIFO or /dev/full at once, with or without --force (no hang)', () => {
    const fifo = join(dir, 'tube.md');
    mkfifo(fifo);
    for (const extra of [[], ['--force']]) {
      const r = runSpawned(['report', example, '--out', fifo, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('est un tube nommé (FIFO)');
      for (const device of ['/dev/full', '/dev/null']) {
        const full = runSpawned(['report', example, '--out', device, ...extra]);
        expect(full.code, device).toBe(2);
        expect(full.stderr).toContain('est un périphérique');
      }
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes through a symlink to a report, keeping the link', async () => {
    const real = join(dir, 'vrai.md');
    const link = join(dir, 'rapport.md');
    writeFileSync(real, 'ancien\n');
    symlinkSync(real, link);
    const r = await runInProcess(['report', example, '--out', link, '--force']);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('# Rapport de préparation PTCE');
  });

  it('grid and compare refuse an input as output too', async () => {
    const a = join(dir, 'a.yaml');
    copyFileSync(example, a);
    const c = await runInProcess(['compare', example, a, '--out', a, '--force']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('est aussi un fichier lu');
    const g = join(dir, 'g.yaml');
    copyFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), g);
    const w = await runInProcess(['grid', '--grid', g, '--out', g, '--force']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('est aussi un fichier lu');
  });
});

describe('special inputs', () => {
  it('a FIFO or a device as grid, answers or template is refused, never read', () => {
    const fifo = join(dir, 'g.yaml');
    mkfifo(fifo);
    for (const args of [
      ['validate', fifo],
      ['report', example, '--grid', fifo],
      ['report', fifo],
      ['report', example, '--template', fifo],
      ['validate', '/dev/zero'],
      ['report', '/dev/urandom'],
    ]) {
      const r = runSpawned(args);
      expect(r.code, args.join(' ')).toBe(2);
      // validate reports it as a FILE_NOT_FOUND diagnostic (stdout) among the other files.
      expect(r.stdout + r.stderr).toMatch(/tube nommé \(FIFO\)|périphérique/);
    }
  });
});

describe('folder scans', () => {
  it('a dangling link or a FIFO in a folder is skipped and said, the rest validated and reported', async () => {
    copyFileSync(example, join(dir, 'claire.yaml'));
    copyFileSync(join(repoRoot, 'examples', 'atelier', 'mehdi.yaml'), join(dir, 'mehdi.yaml'));
    symlinkSync(join(dir, 'parti.yaml'), join(dir, 'lien-casse.yaml'));
    mkfifo(join(dir, 'tube.yaml'));
    const v = await runInProcess(['validate', dir]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain(`Ignoré : ${join(dir, 'lien-casse.yaml')} (lien symbolique vers un fichier absent)`);
    expect(v.stderr).toContain(`Ignoré : ${join(dir, 'tube.yaml')} (un tube nommé (FIFO), pas un fichier ordinaire)`);
    expect(v.stderr).toContain('2 fichiers vérifiés');
    const r = runSpawned(['report', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('lien-casse.yaml (lien symbolique vers un fichier absent)');
    expect(JSON.parse(r.stdout).participants ?? JSON.parse(r.stdout).respondents ?? JSON.parse(r.stdout)).toBeTruthy();
    expect(r.stderr).toContain('Synthèse de 2 participants');
  });
});

describe('folder scans: entries that cannot be read', () => {
  it('a link loop (ELOOP) and, when not root, a file without read rights: skipped and said, the rest reported', async () => {
    copyFileSync(example, join(dir, 'claire.yaml'));
    copyFileSync(join(repoRoot, 'examples', 'atelier', 'mehdi.yaml'), join(dir, 'mehdi.yaml'));
    symlinkSync(join(dir, 'boucle.yaml'), join(dir, 'boucle.yaml'));
    // root reads everything: the rights case is only checked for other users (CI runners often are).
    const asUser = process.getuid?.() !== 0;
    if (asUser) {
      copyFileSync(example, join(dir, 'secret.yaml'));
      chmodSync(join(dir, 'secret.yaml'), 0o000);
    }
    const v = await runInProcess(['validate', dir]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain(`Ignoré : ${join(dir, 'boucle.yaml')} (illisible (ELOOP))`);
    if (asUser) expect(v.stderr).toContain(`Ignoré : ${join(dir, 'secret.yaml')} (illisible (EACCES))`);
    expect(v.stderr).toContain('2 fichiers vérifiés');
    const r = await runInProcess(['report', dir, '--format', 'json', '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('boucle.yaml (illisible (ELOOP))');
    expect(r.stderr).toContain('Synthèse de 2 participants');
  });
});

describe('file names in validate output', () => {
  const forged = 'x\n::error file=forged.yaml,line=1::faux\u001b[2J.yaml';

  it.each(['text', 'github', 'json'])('a name with a newline and ESC cannot forge a line or reach the terminal (%s)', async (format) => {
    const path = join(dir, forged);
    writeFileSync(path, 'format: cap-ptce/grid@1\n');
    const r = await runInProcess(['validate', path, '--format', format]);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).not.toContain('\u001b');
    for (const line of r.stdout.split('\n')) expect(line.startsWith('::error file=forged')).toBe(false);
    if (format === 'json') expect(JSON.parse(r.stdout).files[0].file).toBe(path);
    else if (format === 'text') expect(r.stdout).toContain('x\\n::error file=forged.yaml,line=1::faux\\x1b[2J.yaml:1:1');
    else expect(r.stdout).toContain('x\\n%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Afaux\\x1b[2J.yaml,line=1,col=1');
  });
});

describe('reserved keys', () => {
  it('__proto__ in answers or in a grid record is reported as an unknown key, never dropped', async () => {
    const a = join(dir, 'a.yaml');
    writeFileSync(a, `${readFileSync(example, 'utf8')}  __proto__:\n    value: engage\n`);
    const v = await runInProcess(['validate', a]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/a\.yaml:\d+:3 {2}error SCHEMA_UNKNOWN_KEY {2}answers\.__proto__: clé inconnue « __proto__ »/);
    const r = await runInProcess(['report', a]);
    expect(r.code).toBe(1);
    const g = join(dir, 'g.yaml');
    writeFileSync(g, readFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), 'utf8').replace('answerSets:\n', 'answerSets:\n  __proto__: []\n'));
    const vg = await runInProcess(['validate', g]);
    expect(vg.code).toBe(1);
    expect(vg.stdout).toContain('answerSets.__proto__: clé inconnue « __proto__ »');
  });
});
