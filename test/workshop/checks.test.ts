// What a facilitator is told when the files do not belong together: different grids are refused
// with the files named (exit 1); different project names and a respondent twice are warnings.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSameGrid, workshopWarnings } from '../../src/analysis/workshop.js';
import { DomainError } from '../../src/errors.js';
import { runInProcess } from '../helpers.js';
import { ATELIER, atelierFiles, ROOT, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('files of different grids', () => {
  it('are refused, exit 1, with every file named and its grid', async () => {
    const other = join(ROOT, 'test/fixtures/report/debut.yaml'); // grid « mini »
    const r = await runInProcess(['report', join(ATELIER, 'claire.yaml'), join(ATELIER, 'mehdi.yaml'), other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Synthèse impossible : ces fichiers ne répondent pas à la même grille');
    expect(r.stderr).toContain(`${join(ATELIER, 'claire.yaml')} et ${join(ATELIER, 'mehdi.yaml')} : grille « cap-ptce » version 1.x`);
    expect(r.stderr).toContain(`${other} : grille « mini » version 1.x`);
    expect(r.stdout).toBe('');
  });

  it('a different major version of the same grid is a different grid', async () => {
    const v2 = join(dir, 'mehdi-v2.yaml');
    writeFileSync(v2, readFileSync(join(ATELIER, 'mehdi.yaml'), 'utf8').replace('version: 1.1.0', 'version: 2.0.0'));
    const r = await runInProcess(['report', join(ATELIER, 'claire.yaml'), v2]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${v2} : grille « cap-ptce » version 2.x`);
    // grouped by grid, files of one grid together (minor versions are compatible)
    let error: unknown;
    try {
      checkSameGrid([
        { source: 'claire.yaml', grid: { id: 'cap-ptce', version: '1.1.0' } },
        { source: 'mehdi-v2.yaml', grid: { id: 'cap-ptce', version: '2.0.0' } },
        { source: 'sophie.yaml', grid: { id: 'cap-ptce', version: '1.2.0' } },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    // The core says what is wrong; cli.ts maps 'invalid-input' to exit 1.
      expect((error as DomainError).kind).toBe('invalid-input');
    expect((error as DomainError).message).toContain('claire.yaml et sophie.yaml : grille « cap-ptce » version 1.x ; mehdi-v2.yaml : grille « cap-ptce » version 2.x');
  });
});

describe('warnings, the synthesis still made', () => {
  it('different project names: a warning naming the names and files', async () => {
    const renamed = join(dir, 'sophie.yaml');
    writeFileSync(renamed, readFileSync(join(ATELIER, 'sophie.yaml'), 'utf8').replace('name: "Bocage en commun"', 'name: "Menuiseries solidaires du Bocage"'));
    const r = await runInProcess(['report', join(ATELIER, 'claire.yaml'), join(ATELIER, 'mehdi.yaml'), renamed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Attention : Les fichiers ne nomment pas le même projet : « Bocage en commun »');
    expect(r.stderr).toContain(`« Menuiseries solidaires du Bocage » (${renamed})`);
    expect(r.stdout).toContain('## Questions à discuter en premier');
  });

  it('the same name in different case or spacing is the same project', () => {
    const files = atelierFiles();
    files[1] = { ...files[1]!, answers: { ...files[1]!.answers, project: { name: '  bocage EN commun ' } } };
    expect(workshopWarnings(files)).toEqual([]);
  });

  it('the same respondent twice: a warning, and the two are told apart', async () => {
    const twice = join(dir, 'claire-bis.yaml');
    copyFileSync(join(ATELIER, 'claire.yaml'), twice);
    const r = await runInProcess(['report', join(ATELIER, 'claire.yaml'), twice, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Attention : Claire Martin répond dans 2 fichiers');
    expect(r.stderr).toContain('ses réponses comptent 2 fois dans la synthèse');
    expect(JSON.parse(r.stdout).respondents).toEqual(['Claire Martin', 'Claire Martin (2)']);
  });
});
