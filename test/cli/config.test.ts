// The project config file, looked up from the working folder upward: cap-ptce.config.yaml, or a
// `cap-ptce` key in package.json. Checked like a grid: every problem at file:line:col.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const fixtureGrid = readFileSync(join(repoRoot, 'test/fixtures/validate/valid-grid.yaml'), 'utf8');
const example = join(repoRoot, 'examples', 'projet-emergent.yaml');

/** A project folder with a grid in grilles/ and a working subfolder two levels down. */
function project(files: Record<string, string>): { root: string; deep: string } {
  const root = mkdtempSync(join(tmpdir(), 'cap-ptce-config-'));
  mkdirSync(join(root, 'grilles'));
  writeFileSync(join(root, 'grilles', 'mini.yaml'), fixtureGrid);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  const deep = join(root, 'ateliers', '2026');
  mkdirSync(deep, { recursive: true });
  return { root, deep };
}

describe('cap-ptce.config.yaml', () => {
  it('found from a subfolder: its grid (relative to the config file) and formats are the defaults', async () => {
    const { deep } = project({ 'cap-ptce.config.yaml': 'grid: grilles/mini.yaml\nformat:\n  validate: json\n  grid: md\n' });
    const validate = await runInProcess(['validate'], { cwd: deep });
    expect(validate.code).toBe(0);
    const out = JSON.parse(validate.stdout) as { files: { file: string; kind: string }[] };
    expect(out.files).toHaveLength(1);
    expect(out.files[0]!.file).toMatch(/grilles[/\\]mini\.yaml$/);
    expect(validate.stderr).toMatch(/Réglages de .*cap-ptce\.config\.yaml : grille .*mini\.yaml, format json\./);

    const grid = await runInProcess(['grid'], { cwd: deep });
    expect(grid.code).toBe(0);
    expect(grid.stdout).toContain('Quels sont les constats de départ ?');
    expect(grid.stdout).not.toContain('Objectifs et vision stratégique');
  });

  it('outDir is where diagnose puts its files by default, and the line about settings says so', async () => {
    const { deep } = project({ 'cap-ptce.config.yaml': 'outDir: diagnostics\n' });
    const r = await runInProcess(['diagnose'], { cwd: deep });
    expect(r.stderr).toMatch(/Réglages de .*cap-ptce\.config\.yaml : dossier .*diagnostics\./);
    // Without a terminal diagnose stops before asking anything (exit 2) and writes nothing.
    expect(r.code).toBe(2);
  });

  it('options typed on the command line win over it', async () => {
    const { deep } = project({ 'cap-ptce.config.yaml': 'format:\n  validate: json\n' });
    const r = await runInProcess(['validate', '-f', 'text', '-g', join(repoRoot, 'questions', 'cap-ptce.yaml')], { cwd: deep });
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(r.stderr).toContain('1 fichier vérifié : aucun problème.');
  });

  it('an unknown key is an error at file:line:col with « vouliez-vous dire », exit 1, before anything runs', async () => {
    const { deep } = project({ 'cap-ptce.config.yaml': '# réglages\ngrids: grilles/mini.yaml\nformat:\n  rapport: html\n' });
    const r = await runInProcess(['report', example], { cwd: deep });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Le fichier de configuration');
    expect(r.stderr).toMatch(/cap-ptce\.config\.yaml:2:1 {2}error SCHEMA_UNKNOWN_KEY .*« grids ».*vouliez-vous dire « grid »/);
    expect(r.stderr).toMatch(/cap-ptce\.config\.yaml:4:3 {2}error SCHEMA_UNKNOWN_KEY .*« rapport ».*vouliez-vous dire « report »/);
  });

  it('a value outside the choices is located too', async () => {
    const { root } = project({ 'cap-ptce.config.yaml': 'format:\n  report: pdf\n' });
    const r = await runInProcess(['schema'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cap-ptce\.config\.yaml:2:11 {2}error SCHEMA_VALUE/);
  });

  it('broken YAML is reported, never a crash', () => {
    const { deep } = project({ 'cap-ptce.config.yaml': 'format: [report\n' });
    const r = runSpawned(['grid'], { cwd: deep });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('YAML_SYNTAX');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a cap-ptce key in package.json', () => {
  it('sets the defaults like the config file', async () => {
    const { deep } = project({ 'package.json': JSON.stringify({ name: 'mon-ptce', private: true, 'cap-ptce': { format: { report: 'json' } } }, null, 2) });
    const r = await runInProcess(['report', example], { cwd: deep });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'cap-ptce/report@1' });
  });

  it('its mistakes are located inside package.json', async () => {
    const { deep } = project({ 'package.json': JSON.stringify({ name: 'mon-ptce', 'cap-ptce': { outdir: 'rapports' } }, null, 2) });
    const r = await runInProcess(['grid'], { cwd: deep });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/package\.json:4:5 {2}error SCHEMA_UNKNOWN_KEY .*« outdir ».*vouliez-vous dire « outDir »/);
  });

  it('a package.json without the key is not a config: the lookup goes on upward', async () => {
    const { root, deep } = project({ 'cap-ptce.config.yaml': 'format:\n  report: json\n' });
    writeFileSync(join(root, 'ateliers', 'package.json'), JSON.stringify({ name: 'autre' }));
    const r = await runInProcess(['report', example], { cwd: deep });
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'cap-ptce/report@1' });
  });

  it('without any config, the built-in defaults apply and nothing is said about settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-noconfig-'));
    const r = await runInProcess(['validate'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Réglages');
  });
});
