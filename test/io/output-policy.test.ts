// Every command's output policy in one table: what happens on a terminal, through a pipe, with
// --out, and when --out names someone else's file. One table for every document and format, so
// that the commands behave the same way (io/emit.ts decides; the registry gives default paths).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputPolicy, type OutputAction } from '../../src/io/emit.js';
import { repoRoot, runInProcess } from '../helpers.js';

const ex = (p: string): string => join(repoRoot, 'examples', p);

interface Row {
  name: string;
  args: string[];
  /** What a terminal gets without --out. */
  terminal: OutputAction;
  /** The default path, for 'default-file'. */
  defaultPath?: string;
  /** Something every rendering of this document contains. */
  marker: RegExp;
}

const ROWS: Row[] = [
  { name: 'report md', args: ['report', ex('projet-emergent.yaml')], terminal: 'view', marker: /Synthèse/ },
  { name: 'report json', args: ['report', ex('projet-emergent.yaml'), '--format', 'json'], terminal: 'stdout', marker: /"format": "cap-ptce\/report@1"/ },
  { name: 'report html', args: ['report', ex('projet-emergent.yaml'), '--format', 'html'], terminal: 'default-file', defaultPath: 'cap-ptce-rapport.html', marker: /<!doctype html>/i },
  { name: 'report csv', args: ['report', ex('projet-emergent.yaml'), '--format', 'csv'], terminal: 'default-file', defaultPath: 'cap-ptce-plan-actions.csv', marker: /Entrée;Question;Action/ },
  { name: 'workshop md', args: ['report', ex('atelier')], terminal: 'view', marker: /Claire/ },
  { name: 'workshop html', args: ['report', ex('atelier'), '--format', 'html'], terminal: 'default-file', defaultPath: 'cap-ptce-synthese.html', marker: /<!doctype html>/i },
  { name: 'compare md', args: ['compare', ex('suivi/2025.yaml'), ex('suivi/2026.yaml')], terminal: 'view', marker: /Avant/ },
  { name: 'compare json', args: ['compare', ex('suivi/2025.yaml'), ex('suivi/2026.yaml'), '--format', 'json'], terminal: 'stdout', marker: /"format": "cap-ptce\/compare@1"/ },
  { name: 'compare html', args: ['compare', ex('suivi/2025.yaml'), ex('suivi/2026.yaml'), '--format', 'html'], terminal: 'default-file', defaultPath: 'cap-ptce-comparaison.html', marker: /<!doctype html>/i },
  { name: 'grid md', args: ['grid'], terminal: 'view', marker: /Objectifs et vision stratégique/ },
  { name: 'grid html', args: ['grid', '--format', 'html'], terminal: 'default-file', defaultPath: 'fiche-atelier.html', marker: /<!doctype html>/i },
  { name: 'grid form', args: ['grid', '--format', 'form'], terminal: 'default-file', defaultPath: 'questionnaire.html', marker: /<!doctype html>/i },
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-policy-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const files = (): string[] => readdirSync(dir).sort();
/** What Markdown shows only raw: bold markers, table rows. */
const RAW_MARKDOWN = /\*\*\S|^\|.*\|$/m;

describe('one output policy for every command', () => {
  it.each(ROWS)('$name: through a pipe, the document on stdout and nothing written', async (row) => {
    const r = await runInProcess(row.args, { cwd: dir, stdoutIsTTY: false });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(row.marker);
    expect(files()).toEqual([]);
  });

  it.each(ROWS)('$name: on a terminal, as the table says', async (row) => {
    const r = await runInProcess(row.args, { cwd: dir, stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    switch (row.terminal) {
      case 'stdout':
        expect(r.stdout).toMatch(row.marker);
        expect(files()).toEqual([]);
        break;
      case 'view':
        // Rendered for the terminal (no raw Markdown emphasis or table rows), nothing written.
        expect(r.stdout).toMatch(row.marker);
        expect(r.stdout).not.toMatch(RAW_MARKDOWN);
        expect(files()).toEqual([]);
        expect(r.stderr).toMatch(/--out/);
        break;
      case 'default-file':
        // A page or a spreadsheet is not printed on a terminal.
        expect(r.stdout).toBe('');
        expect(files()).toEqual([row.defaultPath]);
        expect(readFileSync(join(dir, row.defaultPath!), 'utf8')).toMatch(row.marker);
        expect(r.stderr).toMatch(new RegExp(`${row.defaultPath!.replace(".", "\\.")}.*\\(chemin par défaut`));
        break;
      default:
        throw new Error(`unexpected ${row.terminal}`);
    }
  });

  it.each(ROWS)('$name: --out FILE writes the file, says where, prints nothing', async (row) => {
    const r = await runInProcess([...row.args, '--out', 'sortie.txt'], { cwd: dir, stdoutIsTTY: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(files()).toEqual(['sortie.txt']);
    expect(readFileSync(join(dir, 'sortie.txt'), 'utf8')).toMatch(row.marker);
    expect(r.stderr).toMatch(/écrite? : .*sortie\.txt/);
  });

  it.each(ROWS)('$name: --out naming someone else’s file keeps it and exits 2', async (row) => {
    writeFileSync(join(dir, 'mien.txt'), 'mes notes\n');
    const r = await runInProcess([...row.args, '--out', 'mien.txt'], { cwd: dir, stdoutIsTTY: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('existe déjà');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'mien.txt'), 'utf8')).toBe('mes notes\n');
    expect(existsSync(join(dir, 'mien.txt.tmp'))).toBe(false);
  });
});

describe('outputPolicy, the table itself', () => {
  it.each([
    ['md', undefined, true, true, 'view'],
    ['md', undefined, true, false, 'view'],
    ['md', undefined, false, true, 'stdout'],
    ['json', undefined, true, false, 'stdout'],
    ['html', undefined, true, true, 'default-file'],
    ['csv', undefined, true, true, 'default-file'],
    ['html', undefined, false, true, 'stdout'],
    ['html', 'page.html', true, true, 'file'],
    ['md', '-', true, true, 'stdout'],
  ] as const)('%s, --out %s, terminal %s, default path %s → %s', (format, out, stdoutIsTTY, hasDefaultPath, expected) => {
    expect(outputPolicy({ format, out, stdoutIsTTY, hasDefaultPath })).toBe(expected);
  });
});
