// The short path (`paths:` in a grid, `diagnose --parcours essentiel`): which questions it asks,
// what `validate` says about its references, and what its report says.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answersToYaml, buildFlow, newAnswersFile, progress, withParcours } from '../../src/questionnaire/flow.js';
import { pathBasis, selectPath, summarizePath } from '../../src/model/paths.js';
import { DomainError } from '../../src/errors.js';
import { runInProcess } from '../helpers.js';
import { ROOT, defaultGrid, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The ten questions of the CAP PTCE table (entrées 1 to 4 of the default grid). */
const CAP_PTCE_TEN = [
  'objectifs.constats',
  'objectifs.axes',
  'objectifs.reponses-nouvelles',
  'objectifs.activites-emplois',
  'objectifs.valorisation-territoire',
  'acteurs.typologie',
  'gouvernance.espaces-implication',
  'gouvernance.formalisation',
  'perimetre.territoire',
  'perimetre.ressources',
];

describe('parcours essentiel of the default grid', () => {
  it('asks the ten CAP PTCE questions, the consortium composition and the structure porteuse: 13 questions in grid order', () => {
    const index = defaultGrid().index;
    const flow = buildFlow(index, undefined, 'essentiel');
    const ids = flow.refs.map((r) => r.fullId);
    expect(ids).toHaveLength(13);
    for (const id of CAP_PTCE_TEN) expect(ids).toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['acteurs.composition', 'acteurs.personnes-morales', 'structure-porteuse.forme']));
    expect(ids).toEqual(index.questions.map((q) => q.fullId).filter((id) => ids.includes(id)));
    expect(flow.entries.map((e) => e.id)).toEqual(['objectifs', 'acteurs', 'gouvernance', 'perimetre', 'structure-porteuse']);
    // The progress line counts within the path: the périmètre has 2 questions here, not 3.
    const pos = ids.indexOf('perimetre.ressources');
    const p = progress(flow, pos, { format: 'cap-ptce/answers@1', grid: { id: 'cap-ptce', version: '1.0.0' }, project: {}, answers: {} });
    expect([p.questionNumber, p.questionCount, p.applicable]).toEqual([2, 2, 13]);
    expect(index.questions.length).toBe(32);
  });

  it('an unknown path is a usage error naming the paths, with « vouliez-vous dire »', () => {
    const index = defaultGrid().index;
    expect(() => selectPath(index, 'essentiell')).toThrow(DomainError);
    expect(() => selectPath(index, 'essentiell')).toThrow('Parcours inconnu : « essentiell » (vouliez-vous dire « essentiel » ?) ; parcours de cette grille : essentiel.');
  });

  it('says what the full grid adds', () => {
    const s = summarizePath(defaultGrid().index, 'essentiel');
    expect([s.questionCount, s.fullCount]).toEqual([13, 32]);
    expect(s.adds.map((a) => [a.id, a.count, a.whole])).toEqual([
      ['perimetre', 2, false],
      ['structure-porteuse', 4, false],
      ['financement', 4, true],
      ['actions', 5, true],
      ['innovation', 4, true],
    ]);
  });

  it('files that followed different paths: the whole grid, with a warning', () => {
    const b = pathBasis(defaultGrid().index, [{ path: 'essentiel' }, {}]);
    expect(b.shortPath).toBeNull();
    expect(b.warning).toContain('pas suivi le même parcours');
  });
});

describe('validate checks the paths', () => {
  it('a question id that does not exist: UNKNOWN_QUESTION at its line, with « vouliez-vous dire »', async () => {
    const text = readFileSync(join(ROOT, 'questions/cap-ptce.yaml'), 'utf8').replace('      - objectifs.axes\n', '      - objectifs.axe\n');
    const file = join(dir, 'grille.yaml');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l === '      - objectifs.axe') + 1;
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${line}:9  error UNKNOWN_QUESTION`);
    expect(r.stdout).toContain('le parcours « essentiel » cite la question « objectifs.axe », qui n\'existe pas (vouliez-vous dire « objectifs.axes » ?)');
  });

  it('the same question twice is an error; the default grid is clean', async () => {
    const text = readFileSync(join(ROOT, 'questions/cap-ptce.yaml'), 'utf8').replace('      - objectifs.axes\n', '      - objectifs.axes\n      - objectifs.axes\n');
    const file = join(dir, 'double.yaml');
    writeFileSync(file, text);
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('DUPLICATE_ID');
    expect(r.stdout).toContain('« objectifs.axes » est citée deux fois dans le parcours « essentiel »');
    expect((await runInProcess(['validate'])).code).toBe(0);
  });
});

describe('report on a short-path answers file', () => {
  it('says it is a short path and what the full grid adds, counts only its questions, keeps the rest out', async () => {
    const text = readFileSync(join(ROOT, 'examples/projet-emergent.yaml'), 'utf8').replace(/^respondent:/m, 'path: essentiel\nrespondent:');
    const file = join(dir, 'court.yaml');
    writeFileSync(file, text);
    const md = await runInProcess(['report', file]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('- **Parcours :** Parcours essentiel, un parcours court (13 questions sur les 32 de la grille). La grille complète ajoute 19 questions : ');
    expect(md.stdout).toContain("Moyens financiers et financement prévisionnel (toute l'entrée, 4 questions)");
    expect(md.stdout).toContain('sur 13 posées');
    expect(md.stdout).not.toContain('Réponses hors grille');
    expect(md.stdout).not.toContain('6. Actions');
    const json = JSON.parse((await runInProcess(['report', file, '--format', 'json'])).stdout);
    expect(json.shortPath).toMatchObject({ id: 'essentiel', questionCount: 13, fullCount: 32 });
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(['objectifs', 'acteurs', 'gouvernance', 'perimetre', 'structure-porteuse']);
    const html = (await runInProcess(['report', file, '--format', 'html'])).stdout;
    expect(html).toContain('<dt>Parcours</dt><dd data-short-path="essentiel">Parcours essentiel, un parcours court');
  });
});

describe('the answers file says which path it was answered on', () => {
  it('records `path: essentiel` with --parcours, and drops a former one when the whole grid is answered', () => {
    const { index } = defaultGrid();
    const file = newAnswersFile(index, new Date('2026-11-27T10:00:00Z'));
    const short = answersToYaml(withParcours(file, 'essentiel'), index);
    expect(short).toMatch(/^path: essentiel$/m);
    const whole = answersToYaml(withParcours(withParcours(file, 'essentiel'), undefined), index);
    expect(whole).not.toMatch(/^path:/m);
  });
});
