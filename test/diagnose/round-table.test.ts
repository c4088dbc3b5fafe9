// The round table (`diagnose --participants … --dir …`) as a facilitator lives it, through a real
// pseudo-terminal driving the built CLI: three participants, one divergence with a group position,
// Ctrl-C and resume, then `report` on the folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnswersFile } from '../../src/model/schema.js';
import { parseParticipants, scaleKeys, scaleLegend } from '../../src/questionnaire/round-table.js';
import { validateText } from '../../src/validation/validate.js';
import { runInProcess } from '../helpers.js';
import { KEY, Session, ptyWorkspace } from './pty.js';
import { fixturePath, loadFixtureGrid } from './fixtures.js';

const index = loadFixtureGrid();
const mini = fixturePath('mini.yaml');
const PEOPLE = 'Claire,Mehdi,Sophie';

const ws = ptyWorkspace('cap-ptce-table-');

function start(): Session {
  const s = new Session(['diagnose', '--participants', PEOPLE, '--dir', 'atelier', '--grid', mini], { cwd: ws.dir, bin: ws.bin });
  ws.sessions.push(s);
  return s;
}

/** A participant's file as `report` reads it: always valid. */
function read(name: string): AnswersFile {
  const result = validateText(readFileSync(join(ws.dir, 'atelier', `${name}.yaml`), 'utf8'), `${name}.yaml`, { today: '2026-11-27', expect: 'answers', grid: index });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.answers!;
}

describe('round table in one terminal', () => {
  it('three participants, a group position, Ctrl-C and resume, then report on the folder', async () => {
    const s = start();
    const welcome = await s.waitFor('Nom du projet');
    expect(welcome).toContain('7 questions, 3 participants (Claire, Mehdi, Sophie)');
    // Wrapped on word boundaries at the terminal's width (100 columns here).
    expect(welcome).toMatch(/un fichier par\s+personne\s+\(claire\.yaml,\s+mehdi\.yaml,\s+sophie\.yaml\)/);
    expect(welcome.split('\n').every((l) => l.length <= 100)).toBe(true);
    await s.press('Pôle du Val', KEY.enter);
    await s.answer('Territoire', '');

    // The question once, the scale with its keys, then one key each.
    const q1 = await s.waitFor('Claire :');
    expect(q1).toContain('Quels sont les constats de départ ?');
    expect(q1.replace(/\s+/g, ' ')).toContain('0 Pas encore abordé · 1 En réflexion · 2 Engagé, en cours · 3 Acquis, formalisé · ? Je ne sais pas · - Non concerné');
    await s.press('0');
    await s.waitFor('Mehdi :');
    await s.press('x'); // a key that means nothing: said, nothing recorded
    await s.waitFor('Tapez 0, 1, 2, 3, ?, -, ou Entrée.');
    await s.press('3');
    await s.waitFor('Sophie :');
    await s.press(KEY.enter); // as Mehdi
    const spread = await s.waitFor('Noter une position commune ?');
    expect(spread).toContain('Acquis, formalisé (comme la personne précédente)');
    expect(spread.replace(/\s+/g, ' ')).toContain('Claire « Pas encore abordé », Mehdi « Acquis, formalisé », Sophie « Acquis, formalisé »');
    await s.press('o');
    await s.waitFor('Réponse retenue par le groupe');
    await s.press('2');
    await s.answer('La position commune, en quelques mots', 'Diagnostic fait, à partager');
    await s.waitFor('Qui ne partage pas cette position ?');
    await s.press(KEY.down, KEY.space, KEY.enter); // Mehdi
    await s.answer('Pourquoi, Mehdi ?', 'Le diagnostic est voté');
    await s.answer('Précisions à apporter', 'Vu en atelier');

    // A list question: one prompt each, Enter keeps the previous participant's answer.
    await s.waitFor('Claire :');
    await s.choose('Votre réponse :', 0); // Association
    await s.waitFor('Mehdi :');
    await s.choose('Votre réponse :', 0); // as Claire
    await s.waitFor('Sophie :');
    await s.choose('Votre réponse :', 2); // Pas encore constituée
    await s.answer('Précisions à apporter', '');

    // « Statuts » does not apply to Sophie (no structure yet); Ctrl-C at Mehdi's turn.
    const statuts = await s.waitFor('Claire :');
    expect(statuts).toContain("↷ Sophie : sans objet d'après ses réponses");
    await s.press('1');
    await s.waitFor('Mehdi :');
    await s.press(KEY.ctrlC);
    expect((await s.waitExit()).exitCode).toBe(130);
    expect(s.text().replace(/\s+/g, ' ')).toContain(`Pour reprendre : npx cap-ptce diagnose --participants Claire,Mehdi,Sophie --dir atelier --grid ${mini}`);
    expect(s.text()).not.toMatch(/\n\s+at /);

    const claire = read('claire');
    expect(claire.respondent).toBe('Claire');
    expect(claire.project).toEqual({ name: 'Pôle du Val' });
    expect(claire.answers['objectifs.constats']).toMatchObject({ value: 'pas-aborde', note: 'Vu en atelier' });
    expect(claire.answers['objectifs.statuts']).toMatchObject({ value: 'en-reflexion' });
    const position = { value: 'engage', note: 'Diagnostic fait, à partager', dissent: [{ respondent: 'Mehdi', why: 'Le diagnostic est voté' }] };
    for (const name of ['claire', 'mehdi', 'sophie']) expect(read(name).answers['objectifs.constats']!.position).toEqual(position);
    expect(read('sophie').answers['objectifs.constats']!.value).toBe('acquis');
    expect(read('mehdi').answers['objectifs.statuts']).toBeUndefined();

    // The same command resumes where the table stopped: only Mehdi is asked « statuts ».
    const r = start();
    await r.waitFor('Que voulez-vous faire ?');
    await r.press(KEY.enter);
    const resumed = await r.waitFor('Mehdi :');
    expect(resumed).toContain('Reprise à la question « Les statuts de la structure porteuse sont-ils déposés ? »');
    expect(resumed).toContain('✔ Claire : En réflexion (déjà répondu)');
    await r.press('2');
    await r.answer('Précisions à apporter', '');
    // Multiple choice, number, yes/no: Claire answers, the others keep her answer with Enter.
    await r.waitFor('Claire :');
    await r.waitFor('Cochez tout');
    await r.press(KEY.space, KEY.enter);
    await r.waitFor('Mehdi :');
    await r.waitFor('Cochez tout');
    await r.press(KEY.enter);
    await r.waitFor('Sophie :');
    await r.waitFor('Cochez tout');
    await r.press(KEY.enter);
    await r.answer('Précisions à apporter', '');
    // Each turn waits for the participant's name: the previous prompt's echo must not take the key.
    const turn = async (name: string, prompt: string, text: string): Promise<void> => {
      await r.waitFor(`${name} :`);
      await r.answer(prompt, text);
    };
    const pick = async (name: string, downs: number): Promise<void> => {
      await r.waitFor(`${name} :`);
      await r.choose('Oui ou non ?', downs);
    };
    await turn('Claire', 'Votre réponse', '5');
    await turn('Mehdi', 'Votre réponse', '');
    await turn('Sophie', 'Votre réponse', '');
    await r.answer('Précisions à apporter', '');
    await pick('Claire', 0);
    await pick('Mehdi', 0);
    await pick('Sophie', 1);
    await r.answer('Précisions à apporter', '');
    await turn('Claire', 'Votre réponse', 'Né d’un café');
    await turn('Mehdi', 'Votre réponse', '');
    await turn('Sophie', 'Votre réponse', 'Né de la crise');
    const end = await r.waitFor('Pour la projeter');
    expect(end).toContain('Table ronde terminée');
    expect(end).toContain('Synthèse : atelier/cap-ptce-synthese.md (1 question à discuter)');
    expect((await r.waitExit()).exitCode).toBe(0);
    expect(existsSync(join(ws.dir, 'atelier', 'cap-ptce-synthese.md'))).toBe(true);

    expect(read('mehdi').answers['acteurs.composition']!.value).toEqual(['ess']);
    expect(read('sophie').answers['acteurs.nombre']!.value).toBe(5);
    expect(read('sophie').answers['acteurs.charte']!.value).toBe(false);
    expect(read('mehdi').answers['acteurs.histoire']).toEqual(expect.not.objectContaining({ value: expect.anything() }));

    // The synthesis works unchanged, and shows the group position beside the answers.
    const md = await runInProcess(['report', join(ws.dir, 'atelier'), '--grid', mini]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('- **Participants :** Claire');
    expect(md.stdout).toContain('- **Position commune** : Engagé, en cours — Diagnostic fait, à partager\n  - Mehdi ne la partage pas : Le diagnostic est voté');
    const json = JSON.parse((await runInProcess(['report', join(ws.dir, 'atelier'), '--grid', mini, '--format', 'json'])).stdout);
    expect(json.respondents).toEqual(['Claire', 'Mehdi', 'Sophie']);
    expect(json.divergences[0]).toMatchObject({ question: 'objectifs.constats', position: { label: 'Engagé, en cours', dissent: [{ respondent: 'Mehdi', why: 'Le diagnostic est voté' }] } });
    const html = (await runInProcess(['report', join(ws.dir, 'atelier'), '--grid', mini, '--format', 'html'])).stdout;
    expect(html).toContain('<strong>Position commune :</strong> Engagé, en cours — <span class="note">Diagnostic fait, à partager</span><br>Mehdi ne la partage pas');
  });
});

describe('round table: the pure parts', () => {
  it('one file per participant, named after them; two to twenty distinct names', () => {
    expect(parseParticipants(' Claire , Jean-Éric,Zoé Martin ').map((p) => p.fileName)).toEqual(['claire.yaml', 'jean-eric.yaml', 'zoe-martin.yaml']);
    expect(() => parseParticipants('Claire')).toThrow('au moins deux participants');
    expect(() => parseParticipants('Claire,claire')).toThrow('« claire » figure deux fois');
  });

  it('the scale as keys: scored steps from 0, « ? » and « - »', () => {
    const ref = index.byId.get('objectifs.constats')!;
    expect(scaleLegend(scaleKeys(ref)!)).toBe('0\u00A0Pas encore abordé · 1\u00A0En réflexion · 2\u00A0Engagé, en cours · 3\u00A0Acquis, formalisé · ?\u00A0Je ne sais pas · -\u00A0Non concerné');
  });

  it('--answers and --out do not apply to a round table; --dir needs --participants', async () => {
    const a = await runInProcess(['diagnose', '--participants', PEOPLE, '--answers', 'x.yaml']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--answers ne s’applique pas à la table ronde');
    const d = await runInProcess(['diagnose', '--dir', 'atelier']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--dir sert à la table ronde');
  });

  it('without a terminal, says so and writes nothing', async () => {
    const r = await runInProcess(['diagnose', '--participants', PEOPLE, '--dir', join(ws.dir, 'atelier')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('La table ronde pose des questions : lancez-la dans un terminal');
    expect(existsSync(join(ws.dir, 'atelier'))).toBe(false);
  });
});
