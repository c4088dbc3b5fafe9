// A file name can hold a newline, ESC or other control characters. Printed raw, it forges a line
// in a CI log (`::error …`) or sends sequences to the terminal. Every command and every format is
// run here with such names (as input, in a folder, as --out) and every output is checked: what is
// printed, and every file written.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const FORGED = 'x\n::error file=forged.yaml,line=1::faux\u001b[2J\u0007\u009b31mz';
const example = readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), 'utf8');

/** Raw control characters (newlines and tabs excepted), or a line the name forged. */
function expectClean(raw: string, where: string): void {
  const text = raw.replace(/\r\n/g, '\n'); // CSV lines end with CRLF (RFC 4180)
  expect(text.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)?.[0], `caractère de contrôle brut dans ${where}`).toBeUndefined();
  for (const line of text.split(/\r?\n/)) expect(line.startsWith('::error file=forged'), `ligne forgée dans ${where}`).toBe(false);
}

let dir: string;
let named: string;
let out: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-noms-'));
  named = join(dir, `${FORGED}.yaml`);
  writeFileSync(named, example);
  const folder = join(dir, 'atelier');
  mkdirSync(folder);
  writeFileSync(join(folder, `${FORGED}.yaml`), example);
  writeFileSync(join(folder, 'mehdi.yaml'), readFileSync(join(repoRoot, 'examples', 'atelier', 'mehdi.yaml'), 'utf8'));
  symlinkSync(join(folder, 'parti'), join(folder, `${FORGED}-lien.yaml`));
  out = join(dir, 'sorties');
  mkdirSync(out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file name with a newline, ESC, BEL and a C1 CSI', () => {
  const cases: [string, () => string[]][] = [
    ['report md', () => ['report', named, '--full']],
    ['report html', () => ['report', named, '--format', 'html']],
    ['report json', () => ['report', named, '--format', 'json']],
    ['report csv', () => ['report', named, '--format', 'csv']],
    ['workshop md', () => ['report', join(dir, 'atelier'), '--full']],
    ['workshop html', () => ['report', join(dir, 'atelier'), '--format', 'html']],
    ['workshop json', () => ['report', join(dir, 'atelier'), '--format', 'json']],
    ['workshop csv', () => ['report', join(dir, 'atelier'), '--format', 'csv']],
    ['compare md', () => ['compare', named, join(repoRoot, 'examples', 'projet-structure.yaml')]],
    ['compare html', () => ['compare', named, join(repoRoot, 'examples', 'projet-structure.yaml'), '--format', 'html']],
    ['compare json', () => ['compare', named, join(repoRoot, 'examples', 'projet-structure.yaml'), '--format', 'json']],
    ['validate folder', () => ['validate', join(dir, 'atelier')]],
    ['validate github', () => ['validate', named, join(dir, 'atelier'), '--format', 'github']],
  ];

  it.each(cases)('is printed escaped: %s', async (_, args) => {
    const r = await runInProcess([...args(), '--out', '-'].filter((a, i, all) => !(a === '--out' && all[0] === 'validate') && !(a === '-' && all[0] === 'validate')));
    expect(r.code, r.stderr).toBeLessThan(2);
    expectClean(r.stdout, 'la sortie');
    expectClean(r.stderr, 'les messages');
    expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
  });

  it.each(['md', 'html', 'json', 'csv'])('is escaped in the file written and in the message saying where (%s, --out named so too)', async (format) => {
    const target = join(out, `${FORGED}.${format}`);
    const r = await runInProcess(['report', named, '--format', format, '--out', target]);
    expect(r.code, r.stderr).toBe(0);
    expectClean(r.stdout + r.stderr, 'les messages');
    const written = readdirSync(out).filter((f) => f.endsWith(`.${format}`));
    expect(written).toHaveLength(1);
    expectClean(readFileSync(join(out, written[0]!), 'utf8'), `le fichier ${format}`);
  });

  it('is escaped in error messages: missing, invalid, special, refused as output', async () => {
    const bad = join(dir, `${FORGED}-invalide.yaml`);
    writeFileSync(bad, 'format: cap-ptce/answers@1\nanswers: [\n');
    const runs = [
      await runInProcess(['report', join(dir, `${FORGED}-absent.yaml`)]),
      await runInProcess(['report', bad]),
      await runInProcess(['validate', bad, join(dir, `${FORGED}-absent.yaml`)]),
      await runInProcess(['report', named, '--out', named, '--force']),
      await runInProcess(['report', named, '--grid', join(dir, `${FORGED}-absent.yaml`)]),
      await runInProcess(['report', named, '--template', join(dir, `${FORGED}-absent.hbs`)]),
      await runInProcess(['grid', '--out', join(dir, 'atelier')]),
      await runInProcess(['compare', named, bad]),
      runSpawned(['diagnose', '--answers', named, '--out', named]),
    ];
    for (const [i, r] of runs.entries()) {
      expect(r.code, `${i}: ${r.stderr}`).toBeGreaterThan(0);
      expect(r.stdout + r.stderr, String(i)).toMatch(/x\\n::error|forged|introuvable|dossier/);
      expectClean(r.stdout, `la sortie ${i}`);
      expectClean(r.stderr, `les messages ${i}`);
    }
  });
});
