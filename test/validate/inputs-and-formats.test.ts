// validate as CI scripts and editors call it: glob patterns expanded by the tool (quoted, as on
// Windows shells), `-` for standard input, missing files reported among the other problems,
// `--format json` as one object, `--format github` ending with a summary, `--quiet`.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, runSpawned, repoRoot } from '../helpers.js';

const fixtures = join(repoRoot, 'test/fixtures/validate');
const validGrid = readFileSync(join(fixtures, 'valid-grid.yaml'), 'utf8');
const unknownKey = readFileSync(join(fixtures, 'schema-unknown-key.yaml'), 'utf8');

let dir: string;
beforeAll(() => {
  // A maintainer's repository: grids in questions/, one of them with two problems.
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-inputs-'));
  mkdirSync(join(dir, 'questions'));
  writeFileSync(join(dir, 'questions', 'b-bonne.yaml'), validGrid);
  writeFileSync(join(dir, 'questions', 'a-fautive.yaml'), unknownKey.replace('id: mini', 'id: Mini'));
  writeFileSync(join(dir, 'questions', 'notes.txt'), 'pas une grille');
});

interface JsonOutput {
  format: string;
  summary: { files: number; errors: number; warnings: number };
  files: { file: string; kind: string | null; diagnostics: { line: number; col: number; code: string; severity: string }[] }[];
}

describe('validate: globs, folders and standard input', () => {
  it('expands a quoted pattern itself, in name order', async () => {
    const r = await runInProcess(['validate', '--format', 'json', 'questions/*.yaml'], { cwd: dir });
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(out.files.map((f) => f.file)).toEqual(['questions/a-fautive.yaml', 'questions/b-bonne.yaml']);
    expect(r.code).toBe(1);
  });

  it('the same pattern as a spawned process, from the folder it is typed in', () => {
    const r = runSpawned(['validate', 'questions/b-*.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 fichier vérifié : aucun problème.');
  });

  it('a pattern with no match and a missing file are diagnostics among the others; the rest is still checked; exit 2', async () => {
    const r = await runInProcess(['validate', 'absent.yaml', 'questions/b-bonne.yaml', 'grilles/*.yaml', 'questions/a-fautive.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^absent\.yaml:1:1 {2}error FILE_NOT_FOUND {2}\(fichier\): fichier introuvable : absent\.yaml/));
    expect(lines).toContainEqual(expect.stringMatching(/^grilles\/\*\.yaml:1:1 {2}error FILE_NOT_FOUND .*aucun fichier ne correspond au motif grilles\/\*\.yaml/));
    expect(lines.filter((l) => l.startsWith('questions/a-fautive.yaml:')).length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toContain('4 fichiers vérifiés');
  });

  it('reads `-` from standard input (in-process and spawned)', async () => {
    const inProcess = await runInProcess(['validate', '-'], { readStdin: async () => unknownKey });
    expect(inProcess.code).toBe(1);
    expect(inProcess.stdout).toContain('(entrée standard):24:9  error SCHEMA_UNKNOWN_KEY');
    const spawned = runSpawned(['validate', '-'], { input: validGrid });
    expect(spawned.code).toBe(0);
    expect(spawned.stderr).toContain('1 fichier vérifié : aucun problème.');
  });

  it('refuses `-` given twice', async () => {
    const r = await runInProcess(['validate', '-', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ne peut être donné qu’une fois');
  });

  it('a folder stands for the YAML files directly in it', async () => {
    const r = await runInProcess(['validate', 'questions'], { cwd: dir });
    expect(r.stderr).toContain('2 fichiers vérifiés');
  });
});

describe('validate output formats', () => {
  it('json: {format, summary, files}, files by name and diagnostics by line', async () => {
    const r = await runInProcess(['validate', '--format', 'json', 'questions/b-bonne.yaml', 'questions/a-fautive.yaml', 'absent.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(out.format).toBe('cap-ptce/validate@1');
    expect(out.summary).toEqual({ files: 3, errors: out.files.flatMap((f) => f.diagnostics).length, warnings: 0 });
    expect(out.files.map((f) => [f.file, f.kind])).toEqual([
      ['absent.yaml', null],
      ['questions/a-fautive.yaml', 'grid'],
      ['questions/b-bonne.yaml', 'grid'],
    ]);
    const faulty = out.files[1]!.diagnostics;
    expect(faulty.length).toBeGreaterThanOrEqual(2);
    const positions = faulty.map((d) => d.line * 1000 + d.col);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(out.files[2]!.diagnostics).toEqual([]);
    expect(r.stderr).toBe('');
  });

  it('github: annotations, then a summary notice as the last line', async () => {
    const r = await runInProcess(['validate', '--format', 'github', 'questions/*.yaml'], { cwd: dir });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=questions\/a-fautive\.yaml,line=\d+,col=\d+,title=cap-ptce /);
    expect(lines.at(-1)).toMatch(/^::notice title=cap-ptce validate::2 fichiers vérifiés : \d+ erreurs\.$/);
    const clean = await runInProcess(['validate', '--format', 'github', 'questions/b-bonne.yaml'], { cwd: dir });
    expect(clean.stdout).toBe('::notice title=cap-ptce validate::1 fichier vérifié : aucun problème.\n');
  });

  it('--quiet (-q): the problems only, no summary', async () => {
    const clean = await runInProcess(['validate', '-q', 'questions/b-bonne.yaml'], { cwd: dir });
    expect(clean).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const faulty = await runInProcess(['validate', '--quiet', 'questions/a-fautive.yaml'], { cwd: dir });
    expect(faulty.code).toBe(1);
    expect(faulty.stdout).toContain('SCHEMA_UNKNOWN_KEY');
    expect(faulty.stderr).toBe('');
  });
});
