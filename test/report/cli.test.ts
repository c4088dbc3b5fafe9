// `cap-ptce report` as a user runs it: in-process through run() for the file rules, and the
// built CLI spawned on the shipped examples (`npm test` builds first; alone: npm run build).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { plain } from '../helpers.js';
import { FIXTURES, markdownlint, ROOT, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
let answers: string;
let grid: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  answers = join(dir, 'reponses.yaml');
  grid = join(dir, 'grille.yaml');
  copyFileSync(join(FIXTURES, 'debut.yaml'), answers);
  copyFileSync(join(FIXTURES, 'grid.yaml'), grid);
});
afterEach(() => cleanup());

/** `cap-ptce report …` in-process; the typography undone unless `raw`. */
async function report(args: string[], overrides: Parameters<typeof memoryIo>[0] = {}, raw = false) {
  const io = memoryIo({ cwd: dir, ...overrides });
  const code = await run(['node', 'cap-ptce', 'report', ...args], io);
  const { stdout, stderr } = io.text();
  return raw ? { code, stdout, stderr } : { code, stdout: plain(stdout), stderr: plain(stderr) };
}

describe('report --out', () => {
  it('writes the report atomically, marked as cap-ptce’s for these answers', async () => {
    const out = join(dir, 'rapport.md');
    const r = await report([answers, '--grid', grid, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Rapport écrit :');
    const text = plain(readFileSync(out, 'utf8'));
    expect(text.split('\n')[0]).toBe('<!-- cap-ptce:report answers=reponses.yaml -->');
    expect(text.split('\n')[1]).toBe('# Rapport de préparation PTCE : Les Communs du Val');
    expect(await markdownlint({ 'rapport.md': text })).toEqual([]);
  });

  it('refuses to overwrite a file it did not write, unless --force', async () => {
    const out = join(dir, 'notes-du-projet.md');
    writeFileSync(out, '# Mes notes\n\nÀ garder.\n');
    const refused = await report([answers, '--grid', grid, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("existe déjà et n'a pas été écrit par cap-ptce : il n'est pas remplacé");
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('# Mes notes\n\nÀ garder.\n');

    const forced = await report([answers, '--grid', grid, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Rapport de préparation PTCE');
  });

  it('replaces its own report for the same answers, not one made from other answers', async () => {
    const out = join(dir, 'rapport.md');
    expect((await report([answers, '--grid', grid, '--out', out])).code).toBe(0);
    // same answers, run again: updated without --force
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('Les Communs du Val', 'Les Communs du Val (v2)'));
    expect((await report([answers, '--grid', grid, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Les Communs du Val (v2)');

    // other answers: refused, and the message says whose report it is
    const other = join(dir, 'autre.yaml');
    copyFileSync(join(FIXTURES, 'mature.yaml'), other);
    const refused = await report([other, '--grid', grid, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("a été écrit par cap-ptce pour d'autres réponses");
    expect(readFileSync(out, 'utf8')).toContain('Les Communs du Val (v2)');
  });

  it('applies the same rule to JSON reports', async () => {
    const out = join(dir, 'rapport.json');
    expect((await report([answers, '--grid', grid, '--format', 'json', '--out', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.format).toBe('cap-ptce/report@1');
    expect(json.writtenBy).toBe('cap-ptce:report answers=reponses.yaml');
    expect((await report([answers, '--grid', grid, '--format', 'json', '--out', out])).code).toBe(0);
  });

  it('refuses a folder as --out', async () => {
    const r = await report([answers, '--grid', grid, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('est un dossier');
  });
});

describe('report without --out', () => {
  it('prints Markdown on stdout when it is not a terminal, and says which grid it used', async () => {
    const r = await report([answers, '--grid', grid]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Rapport de préparation PTCE : Les Communs du Val\n')).toBe(true);
    expect(r.stdout).not.toContain('cap-ptce:report');
    expect(existsSync(join(dir, 'cap-ptce-rapport.md'))).toBe(false);
  });

  it('in a terminal: shows the short report and writes nothing', async () => {
    const r = await report([answers, '--grid', grid], { stdoutIsTTY: true, isInteractive: true, columns: 100 });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'cap-ptce-rapport.md'))).toBe(false);
    expect(r.stderr).toContain('Pour enregistrer ce rapport : --out FICHIER.md ; --full pour le rapport complet');
    const shown = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(shown).toContain('Pourquoi ?');
    expect(shown).not.toContain('**');
    expect(shown).not.toContain('<!--');
    expect(shown).not.toContain('Détail par entrée');
    const full = await report([answers, '--grid', grid, '--full'], { stdoutIsTTY: true, columns: 100 });
    expect(full.stdout).toContain('Détail par entrée');
    expect(existsSync(join(dir, 'cap-ptce-rapport.md'))).toBe(false);
  });

  it('in a terminal: a leftover cap-ptce-rapport.md (someone else\'s, or of other answers) never stops the view', async () => {
    writeFileSync(join(dir, 'cap-ptce-rapport.md'), 'à moi\n');
    const r = await report([answers, '--grid', grid], { stdoutIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Les Communs du Val');
    expect(readFileSync(join(dir, 'cap-ptce-rapport.md'), 'utf8')).toBe('à moi\n');
  });

  it('prints JSON with --format json', async () => {
    const r = await report([answers, '--grid', grid, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'cap-ptce/report@1', overall: { score: 22 } });
  });
});

describe('report: what is not (yet) possible is said plainly', () => {
  it('a missing answers file is a usage error that names it', async () => {
    const r = await report([join(dir, 'absent.yaml'), '--grid', grid]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('introuvable');
  });

  it('a broken template names the file and the line, exit 1', async () => {
    const tpl = join(dir, 'modele.hbs');
    writeFileSync(tpl, '# {{title}}\n\n{{#each entries}}\n- {{title}}\n');
    const r = await report([answers, '--grid', grid, '--template', tpl]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Le modèle .*modele\.hbs, ligne \d+ ne peut pas être utilisé/);
  });

  it('a user template is used as given', async () => {
    const tpl = join(dir, 'court.hbs');
    writeFileSync(tpl, '# {{title}}\n\nNiveau : {{overall.level.label}} ({{overall.scoreLabel}})\n');
    const r = await report([answers, '--grid', grid, '--template', tpl]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('# Les Communs du Val\n\nNiveau : À amorcer (22/100)\n');
    // the French typography applies to a user template too
    const raw = await report([answers, '--grid', grid, '--template', tpl], {}, true);
    expect(raw.stdout).toBe('# Les Communs du Val\n\nNiveau\u00A0: À amorcer (22/100)\n');
  });
});

describe('the built CLI on the shipped examples', () => {
  const cli = join(ROOT, 'bin/cap-ptce.js');
  const spawn = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
    return { ...r, stdout: plain(r.stdout), stderr: plain(r.stderr) };
  };

  it('prints the emerging project’s report, clean for markdownlint', async () => {
    const r = spawn('report', 'examples/projet-emergent.yaml');
    expect(r.stderr).toContain('Grille : grille CAP PTCE intégrée (questions/cap-ptce.yaml)');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# Rapport de préparation PTCE : Ternois en commun');
    expect(r.stdout).toContain('- **Réponses de :** Claire Dufour, Ressourcerie du Ternois (fichier examples/projet-emergent.yaml)');
    expect(r.stdout).toMatch(/\| 1\. Objectifs et vision stratégique \| [█░]{10} \d+\/100 \|/);
    expect(r.stdout).toContain('### Questions à éclaircir');
    expect(r.stdout).toContain('## Appels et dispositifs');
    expect(r.stdout).not.toContain('\u001b');
    expect(await markdownlint({ 'projet-emergent.md': r.stdout })).toEqual([]);
  });

  it('gives the structured project a higher readiness and a later stage, as JSON', () => {
    const emergent = JSON.parse(spawn('report', 'examples/projet-emergent.yaml', '--format', 'json').stdout);
    const structure = JSON.parse(spawn('report', 'examples/projet-structure.yaml', '--format', 'json').stdout);
    expect(structure.overall.score).toBeGreaterThan(emergent.overall.score);
    const stages = ['emergence', 'structuration', 'developpement', 'essaimage'];
    expect(stages.indexOf(structure.stage.id)).toBeGreaterThan(stages.indexOf(emergent.stage.id));
    // every answer of the examples matches a question of the grid
    expect(emergent.respondents[0].unmatched).toEqual([]);
    expect(structure.respondents[0].unmatched).toEqual([]);
  });
});
