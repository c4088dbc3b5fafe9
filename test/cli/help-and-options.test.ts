// The conventions people expect from a command-line tool: help per command with examples and exit
// codes, `help CMD`, errors that point to the command's own help, short options, `--quiet`,
// `--out -` for standard output.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const COMMANDS = ['diagnose', 'report', 'validate', 'grid', 'schema', 'compare'];
const example = join(repoRoot, 'examples', 'projet-emergent.yaml');

describe('help', () => {
  it.each(COMMANDS)('%s --help: options, examples to copy, exit codes', async (command) => {
    const r = await runInProcess([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Utilisation : cap-ptce ${command}`);
    expect(r.stdout).toMatch(/\nExemples :\n {2}(npx|cat) .*cap-ptce/);
    expect(r.stdout).toMatch(/\nCodes de sortie :\n {2}0 /);
    expect(r.stdout).toMatch(/\n {2}2 /);
  });

  it('help CMD prints that command’s help', async () => {
    const viaHelp = await runInProcess(['help', 'report']);
    const viaFlag = await runInProcess(['report', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('help with no command prints the general help, with the common options', async () => {
    const r = await runInProcess(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-q, --quiet');
    expect(r.stdout).toContain('cap-ptce.config.yaml');
  });

  it('help of an unknown command says so, suggests the closest one, exit 2', async () => {
    const r = await runInProcess(['help', 'diagnos']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('commande inconnue « diagnos » (vouliez-vous dire « diagnose » ?)');
  });

  it('an unknown command says so with a suggestion', async () => {
    const r = await runInProcess(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('commande inconnue « valdate »');
    expect(r.stderr).toContain('vouliez-vous dire validate');
  });

  it.each([
    ['report', ['report', '--formt', 'json', example]],
    ['validate', ['validate', '--stict']],
    ['compare', ['compare', example]],
  ])('an error in %s points to that command’s own help', async (command, args) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Voir « cap-ptce ${command} --help ».`);
  });
});

describe('short options, --quiet and --out -', () => {
  it('-f and -o - : the JSON report on standard output, no file written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-out-'));
    const r = await runInProcess(['report', example, '-f', 'json', '-o', '-'], { cwd: dir, stdoutIsTTY: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'cap-ptce/report@1' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out - as a spawned process writes no file named « - »', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-out-'));
    const r = runSpawned(['grid', '--out', '-', '-f', 'md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Objectifs et vision stratégique');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('diagnose refuses --out - and says what to do instead', async () => {
    const r = await runInProcess(['diagnose', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('report');
  });

  it('-g names the grid', async () => {
    const r = await runInProcess(['validate', '-g', join(repoRoot, 'test/fixtures/validate/valid-grid.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 fichier vérifié');
  });

  it('--quiet keeps the result and the errors, drops the rest', async () => {
    const loud = await runInProcess(['report', example]);
    const quiet = await runInProcess(['-q', 'report', example]);
    expect(loud.stderr).toContain('Grille : grille CAP PTCE intégrée');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    const failing = await runInProcess(['report', 'absent.yaml', '--quiet']);
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('absent.yaml');
  });
});
