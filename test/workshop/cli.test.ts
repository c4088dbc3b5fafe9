// `cap-ptce report` with several files or a folder, as a facilitator runs it: one command, the
// questions to discuss first, a synthesis to project; in-process, then once with the built CLI.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plain, runInProcess, runSpawned } from '../helpers.js';
import { markdownlint } from '../report/helpers.js';
import { ATELIER, PEOPLE, ROOT, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('report FOLDER', () => {
  it('takes every answers file in it, sorted, like the files listed one by one', async () => {
    const folder = await runInProcess(['report', ATELIER]);
    const listed = await runInProcess(['report', ...PEOPLE.map((p) => join(ATELIER, `${p}.yaml`))]);
    expect(folder.code).toBe(0);
    expect(folder.stdout).toBe(listed.stdout);
    expect(folder.stdout).toContain(`- **Participants :** Claire Martin (fichier ${join(ATELIER, 'claire.yaml')}) ; Mehdi Benali`);
    expect(folder.stderr).toContain("Synthèse de 3 participants : 7 questions à discuter, 12 points d'accord.");
  });

  it('says which files it leaves aside (a grid, another YAML), and ignores other extensions', async () => {
    const folder = join(dir, 'atelier');
    mkdirSync(folder);
    for (const p of PEOPLE) copyFileSync(join(ATELIER, `${p}.yaml`), join(folder, `${p}.yaml`));
    copyFileSync(join(ROOT, 'test/workshop/fixtures/grille-v1.yaml'), join(folder, 'grille.yml'));
    writeFileSync(join(folder, 'notes.yaml'), 'titre: compte rendu\n');
    writeFileSync(join(folder, 'LISEZMOI.txt'), 'rien\n');
    const r = await runInProcess(['report', folder, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Ignoré : ${join(folder, 'grille.yml')} (format « cap-ptce/grid@1 », pas un fichier de réponses)`);
    expect(r.stderr).toContain(`Ignoré : ${join(folder, 'notes.yaml')} (pas de ligne « format: », pas un fichier de réponses)`);
    expect(r.stderr).not.toContain('LISEZMOI');
    expect(JSON.parse(r.stdout).respondents).toEqual(['Claire Martin', 'Mehdi Benali', 'Sophie Lefèvre']);
  });

  it('a folder without answers files is a usage error that names it', async () => {
    const empty = join(dir, 'vide');
    mkdirSync(empty);
    const r = await runInProcess(['report', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Aucun fichier de réponses (.yaml, .yml) dans le dossier ${empty}.`);
  });

  it('a folder with one answers file gives that file’s report', async () => {
    const one = join(dir, 'seule');
    mkdirSync(one);
    copyFileSync(join(ATELIER, 'claire.yaml'), join(one, 'claire.yaml'));
    const r = await runInProcess(['report', one]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Rapport de préparation PTCE : Bocage en commun');
  });
});

describe('writing the synthesis', () => {
  it('--out writes it, marked as cap-ptce’s for these answers, and a re-run may update it', async () => {
    const out = join(dir, 'synthese.md');
    const r = await runInProcess(['report', ATELIER, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Synthèse écrite :');
    const text = plain(readFileSync(out, 'utf8'));
    expect(text.split('\n')[0]).toMatch(/^<!-- cap-ptce:report answers=\S*examples\/atelier -->$/);
    expect(text).toContain('## Questions à discuter en premier');
    expect((await runInProcess(['report', ATELIER, '--out', out])).code).toBe(0);
  });

  it('in a terminal, shows it and writes nothing without --out', async () => {
    writeFileSync(join(dir, 'cap-ptce-synthese.md'), 'à moi\n');
    const r = await runInProcess(['report', ATELIER], { cwd: dir, stdoutIsTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Pour enregistrer cette synthèse : --out FICHIER.md');
    expect(readFileSync(join(dir, 'cap-ptce-synthese.md'), 'utf8')).toBe('à moi\n');
    expect(r.stdout).toContain('Questions à discuter en premier');
    // the per-participant table fits an 80-column terminal
    const table = r.stdout.split('\n').filter((l) => /^[│┌├└]/.test(l));
    expect(table.length).toBeGreaterThan(10);
    for (const line of table) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('Claire');
  });
});

describe('the built CLI (dist/)', () => {
  it('report examples/atelier: the questions to discuss come first, lint-clean', async () => {
    const r = runSpawned(['report', 'examples/atelier']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Grille : grille CAP PTCE intégrée');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe("# Synthèse d'atelier PTCE : Bocage en commun");
    expect(lines.find((l) => l.startsWith('## '))).toBe('## Questions à discuter en premier');
    expect(r.stdout).toContain('- **Participants :** Claire Martin (fichier examples/atelier/claire.yaml) ; Mehdi Benali (fichier examples/atelier/mehdi.yaml) ; Sophie Lefèvre (fichier examples/atelier/sophie.yaml)');
    expect(await markdownlint({ 'atelier.md': r.stdout })).toEqual([]);
  });
});
