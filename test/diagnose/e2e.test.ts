// `cap-ptce diagnose` as a person lives it, through a real pseudo-terminal driving the built CLI
// (`npm test` builds first; alone: `npm run build && npx vitest run test/diagnose`).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnswersFile } from '../../src/model/schema.js';
import { validateText } from '../../src/validation/validate.js';
import { KEY, Session, ptyWorkspace } from './pty.js';
import { BROKEN, OLD, STALE } from './cases.js';
import { fixturePath, loadFixtureGrid } from './fixtures.js';

const index = loadFixtureGrid();
const mini = fixturePath('mini.yaml');

const ws = ptyWorkspace('cap-ptce-diagnose-');

function start(extra: string[] = [], grid = mini): Session {
  const s = new Session(['diagnose', '--grid', grid, '--answers', join(ws.dir, 'r.yaml'), '--out', join(ws.dir, 'rapport.md'), ...extra], { cwd: ws.dir, bin: ws.bin });
  ws.sessions.push(s);
  return s;
}

/** The answers file as `report` would read it: it must always be valid. */
function readAnswers(path = join(ws.dir, 'r.yaml')): AnswersFile {
  const result = validateText(readFileSync(path, 'utf8'), 'r.yaml', { today: '2026-11-26', expect: 'answers', grid: index });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.answers!;
}

async function giveProject(s: Session): Promise<void> {
  await s.answer('Nom du projet', 'Pôle du Val');
  await s.answer('Territoire', 'Pays de Bray');
  await s.answer('Votre prénom', '');
}

/** First question in full: « Engagé » on the scale, the first example ticked, a note. */
async function answerConstats(s: Session): Promise<void> {
  await s.choose('Où en êtes-vous ?', 2);
  await s.waitFor("Quels exemples s'appliquent");
  await s.press(KEY.space, KEY.enter);
  await s.answer('Précisions à apporter', 'Diagnostic partagé en 2025');
}

describe('diagnose in a terminal', () => {
  it('answer, Ctrl-C, resume, go back, finish: nothing lost and the report is written', async () => {
    const s = start();
    const welcome = await s.waitFor('Nom du projet');
    expect(welcome).toContain('7 questions en 2 entrées');
    expect(welcome).toContain(`Chaque réponse est enregistrée aussitôt dans ${join(ws.dir, 'r.yaml')}`);
    await s.press('Pôle du Val', KEY.enter);
    await s.answer('Territoire', 'Pays de Bray');
    await s.answer('Votre prénom', '');

    const header = await s.waitFor('Où en êtes-vous ?');
    expect(header).toContain('Entrée 1/2 · Objectifs et vision stratégique');
    expect(header).toContain('« Description des objectifs et vision stratégique du PTCE »');
    expect(header).toContain('Entrée 1/2 · question 1/3 · 0 réponse sur 7 (0 %)');
    expect(header).toContain("Exemples / précisions à apporter — Sur quoi s'appuient-ils :");
    expect(header).toContain('• Diagnostics territoriaux');
    await s.press(KEY.down, KEY.down, KEY.enter);
    await s.waitFor("Quels exemples s'appliquent");
    await s.press(KEY.space, KEY.enter);
    await s.answer('Précisions à apporter', 'Diagnostic partagé en 2025');

    // « Pas encore constituée » makes the next question moot: it is skipped, visibly.
    await s.choose('Votre réponse :', 2);
    await s.answer('Précisions à apporter', '');
    const skipped = await s.waitFor("Cochez tout ce qui s'applique");
    expect(skipped).toContain("↷ Question 3/3 passée, sans objet d'après vos réponses");
    expect(skipped).toContain('Entrée 2/2 · question 1/4 · 2 réponses sur 6 (33 %) · 1 question sans objet');

    // Ctrl-C in the middle of a prompt: one line, exit 130, the prompt erased, the answers on disk.
    await s.press(KEY.space, KEY.ctrlC);
    expect((await s.waitExit()).exitCode).toBe(130);
    const out = s.text();
    // What was kept, then the command to resume on a line of its own (whole, for a copy and paste).
    expect(out).toMatch(/Interrompu : 2 réponses enregistrées dans r\.yaml\.\r?\nPour reprendre :\r?\n/);
    expect(out).toContain(`\nnpx cap-ptce diagnose --resume --grid ${mini} --answers ${join(ws.dir, 'r.yaml')} --out ${join(ws.dir, 'rapport.md')}`);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    const screen = await s.screen();
    expect(screen).not.toContain('Cochez tout');
    expect(screen).not.toContain('espace cocher');
    // The screen ends on what says how to resume (the command, longer than 100 columns, wrapped by the terminal).
    expect(screen.split('\n').slice(-5).join('')).toMatch(/Interrompu : 2 réponses .*Pour reprendre :\s*npx cap-ptce diagnose --resume .*rapport\.md$/);

    const saved = readAnswers();
    expect(saved.project).toEqual({ name: 'Pôle du Val', territory: 'Pays de Bray' });
    expect(saved.answers['objectifs.constats']).toMatchObject({ value: 'engage', examples: ['Diagnostics territoriaux'], note: 'Diagnostic partagé en 2025' });
    expect(saved.answers['objectifs.forme']).toMatchObject({ value: 'pas-encore' });
    expect(saved.answers['acteurs.composition']).toBeUndefined();

    // --resume: straight to the first question without an answer.
    const r = start(['--resume']);
    const resumed = await r.waitFor("Cochez tout ce qui s'applique");
    expect(resumed).toContain('Il contient 2 réponses sur 7 questions, enregistrées le');
    expect(resumed).toContain("Reprise à la question 1 de l'entrée « Acteurs et partenariats »");
    expect(resumed).not.toContain('Que voulez-vous faire');
    await r.press(KEY.space, KEY.down, KEY.down, KEY.space, KEY.enter);
    await r.answer('Précisions à apporter', '');
    // « < » goes back to the previous question, which comes back with its answer ticked.
    await r.answer('Combien de personnes morales', '<');
    await r.waitFor("Cochez tout ce qui s'applique");
    expect(await r.screen()).toMatch(/◉ Structures de l'ESS/);
    await r.press(KEY.enter);
    await r.answer('Précisions à apporter', '');
    await r.answer('Votre réponse', '12');
    await r.answer('Précisions à apporter', '');
    await r.choose('Oui ou non ?', 0);
    await r.answer('Précisions à apporter', 'Signée en mars');
    await r.answer('Votre réponse', 'Né d’un atelier en 2024');
    const end = await r.waitFor('Rapport complet : rapport.md');
    expect(end).toContain('Questionnaire terminé');
    expect(end).toContain('6 réponses sur 6 questions (1 question sans objet).');
    // A short end screen, not the report scrolled past: where the project stands, the next step(s), the files.
    expect(end).not.toContain('Rapport de préparation PTCE');
    expect(end).toContain('━━ Où en est Pôle du Val ━━');
    expect(end).toMatch(/Niveau de préparation : .+, repère global \d+\/100\./);
    expect(end).toMatch(/ {2}1\. Objectifs et vision stratégique : \d+\/100/);
    // The most important next step(s) (here, one: the other answers are solid).
    expect(end).toMatch(/━━ La prochaine étape ━━\r?\n {2}1\. Avancer sur la question « Quels sont les constats de départ \? »/);
    expect(end).toContain(`Réponses : ${join(ws.dir, 'r.yaml')}`);
    expect((await r.waitExit()).exitCode).toBe(0);

    const done = readAnswers();
    expect(done.answers['acteurs.composition']!.value).toEqual(['ess', 'collectivites']);
    expect(done.answers['acteurs.nombre']!.value).toBe(12);
    expect(done.answers['acteurs.charte']).toMatchObject({ value: true, note: 'Signée en mars' });
    expect(done.answers['acteurs.histoire']!.value).toBe('Né d’un atelier en 2024');
    expect(done.answers['objectifs.constats']!.note).toBe('Diagnostic partagé en 2025');
    const report = readFileSync(join(ws.dir, 'rapport.md'), 'utf8');
    expect(report).toContain('Pôle du Val');
    expect(report).toContain('Diagnostic partagé en 2025');
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('%s at a prompt: exit 130 and every answer given is in a valid file', async (signal) => {
    const s = start();
    await giveProject(s);
    await answerConstats(s);
    await s.waitFor('Votre réponse :');
    s.kill(signal);
    expect((await s.waitExit()).exitCode).toBe(130);
    expect(readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const saved = readAnswers();
    expect(saved.project.name).toBe('Pôle du Val');
    expect(saved.answers['objectifs.constats']).toMatchObject({ value: 'engage', examples: ['Diagnostics territoriaux'], note: 'Diagnostic partagé en 2025' });
    if (signal !== 'SIGHUP') expect(s.text()).toContain('Interrompu : 1 réponse enregistrée dans');
  });

  it('Ctrl-D (input closed) at a prompt ends like Ctrl-C: exit 130, said in one line', async () => {
    const s = start();
    await giveProject(s);
    await s.waitFor('Où en êtes-vous ?');
    await s.press('\u0004');
    expect((await s.waitExit()).exitCode).toBe(130);
    expect(s.text().replace(/\s+/g, ' ')).toContain('Interrompu : aucune réponse encore, projet enregistré dans r.yaml. Pour reprendre : npx cap-ptce diagnose --resume');
    expect(readAnswers().project.name).toBe('Pôle du Val');
  });

  it('an existing file: says what it holds; « recommencer » keeps the old file as a dated backup', async () => {
    const old = OLD;
    writeFileSync(join(ws.dir, 'r.yaml'), old);
    const s = start();
    const shown = await s.waitFor('Que voulez-vous faire ?');
    expect(shown).toContain('Un fichier de réponses existe déjà du projet « Ancien projet »');
    expect(shown).toMatch(/Il contient 1 réponse sur 7 questions, enregistrées le 20 novembre 2026 à \d\d:30/);
    await s.choose('Recommencer à zéro', 2);
    const kept = await s.waitFor('Nom du projet');
    const backup = /Ancien fichier gardé : (\S+\.bak\.yaml)/.exec(kept)?.[1];
    expect(backup).toMatch(/r\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.bak\.yaml$/);
    expect(readFileSync(join(ws.dir, backup!.split('/').at(-1)!), 'utf8')).toBe(old);
    expect(await s.screen()).toContain('(Ancien projet)'); // the old name is offered
    await s.press(KEY.ctrlC);
    expect((await s.waitExit()).exitCode).toBe(130);
    expect(readFileSync(join(ws.dir, 'r.yaml'), 'utf8')).toBe(old); // untouched until the first new answer
  });

  it('values the grid no longer accepts: told where (file:line), kept until re-answered, the rest resumed', async () => {
    const old = STALE;
    writeFileSync(join(ws.dir, 'r.yaml'), old);
    const s = start(['--resume']);
    const told = await s.waitFor('Où en êtes-vous ?');
    expect(told).toMatch(/r\.yaml:8:\d+ +réponse à objectifs\.constats : « termine » n'est pas une réponse possible/);
    expect(told).toContain('ces questions vous seront reposées');
    expect(told).toContain('1 réponse concerne une question absente de cette grille (ancienne.question)');
    expect(told).toMatch(/Copie du fichier tel qu'il était : \S+\.bak\.yaml/);
    expect(told).toContain("Reprise à la question 1 de l'entrée « Objectifs et vision stratégique »");
    await s.press(KEY.ctrlC);
    expect((await s.waitExit()).exitCode).toBe(130);
    const backups = readdirSync(ws.dir).filter((f) => f.endsWith('.bak.yaml'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(ws.dir, backups[0]!), 'utf8')).toBe(old);
    const now = readFileSync(join(ws.dir, 'r.yaml'), 'utf8');
    expect(now).toContain('value: termine');
    expect(now).toContain('ancienne.question:');
    expect(now).toContain('value: association');
  });

  it('a file that does not parse: told precisely, and « arrêter » changes nothing (exit 1)', async () => {
    const broken = BROKEN;
    writeFileSync(join(ws.dir, 'r.yaml'), broken);
    const s = start();
    const told = await s.waitFor('Que voulez-vous faire ?');
    expect(told).toContain('ne peut pas être repris tel quel');
    expect(told).toMatch(/r\.yaml:\d+:\d+ +YAML invalide/);
    await s.choose('Arrêter ici pour corriger', 1);
    expect((await s.waitExit()).exitCode).toBe(1);
    expect(s.text()).toContain("Rien n'a été modifié");
    expect(readFileSync(join(ws.dir, 'r.yaml'), 'utf8')).toBe(broken);
    expect(readdirSync(ws.dir)).toEqual(['r.yaml']);
  });

  it('answers of another grid: told which, and « recommencer » starts a new file, the old one kept', async () => {
    const other = 'format: cap-ptce/answers@1\ngrid: { id: autre-grille, version: 2.0.0 }\nanswers:\n  x.y: { value: oui }\n';
    writeFileSync(join(ws.dir, 'r.yaml'), other);
    const s = start();
    const told = await s.waitFor('Que voulez-vous faire ?');
    expect(told).toMatch(/r\.yaml:2:\d+ +ces réponses appartiennent à la grille « autre-grille », pas à « mini-test »/);
    await s.choose('Recommencer avec un nouveau fichier', 0);
    await giveProject(s);
    await s.waitFor('Où en êtes-vous ?');
    await s.press(KEY.ctrlC);
    expect((await s.waitExit()).exitCode).toBe(130);
    const backups = readdirSync(ws.dir).filter((f) => f.endsWith('.bak.yaml'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(ws.dir, backups[0]!), 'utf8')).toBe(other);
    expect(readAnswers()).toMatchObject({ grid: { id: 'mini-test' }, project: { name: 'Pôle du Val' }, answers: {} });
  });

  it('a report file there that cap-ptce did not write: refused before the first question (exit 2)', async () => {
    writeFileSync(join(ws.dir, 'rapport.md'), '# Mes notes à moi\n');
    const s = start();
    expect((await s.waitExit()).exitCode).toBe(2);
    expect(s.text()).toContain("il n'est pas remplacé");
    expect(s.text()).toContain('--out cap-ptce-rapport-2.md');
    expect(s.text()).not.toContain('Nom du projet');
    expect(readFileSync(join(ws.dir, 'rapport.md'), 'utf8')).toBe('# Mes notes à moi\n');
  });

  it('--answers in a folder that does not exist: exit 2 before the first question', async () => {
    const s = new Session(['diagnose', '--grid', mini, '--answers', join(ws.dir, 'absent', 'r.yaml')], { cwd: ws.dir, bin: ws.bin });
    ws.sessions.push(s);
    expect((await s.waitExit()).exitCode).toBe(2);
    expect(s.text()).toContain('Dossier introuvable pour');
    expect(s.text()).not.toContain('Nom du projet');
  });

  it('a grid whose texts carry escape sequences is shown stripped', async () => {
    const s = start([], fixturePath('hostile.yaml'));
    await giveProject(s);
    const shown = await s.waitFor('Votre réponse :');
    expect(s.text()).toContain('Grille : Grille piégée');
    expect(shown).toContain('Entrée 1/1 · Entrée minée');
    expect(shown).toContain('Question ROUGE et effacée ?');
    await s.waitFor('Choix vers-le-haut');
    for (const seq of ['\u001b[2J', '\u001b]0;TITRE-PIRATE', '\u001b[31m', '\u001b[5m', '\u001b[1Avers']) expect(s.raw).not.toContain(seq);
    await s.press(KEY.ctrlC);
    expect((await s.waitExit()).exitCode).toBe(130);
  });

  it('--entries with an unknown id: exit 2 listing the valid ids, before any question', async () => {
    const s = start(['--entries', 'objectifs,acteur']);
    expect((await s.waitExit()).exitCode).toBe(2);
    expect(s.text()).toContain('Entrée inconnue : « acteur » (vouliez-vous dire « acteurs » ?). Entrées de cette grille : objectifs, acteurs.');
    expect(existsSync(join(ws.dir, 'r.yaml'))).toBe(false);
  });
});
