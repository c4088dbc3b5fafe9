// `cap-ptce diagnose` in a real pseudo-terminal at 60, 80 and 120 columns, read through a terminal
// emulator: the welcome screen, the three questions of « Acteurs impliqués » (a scale with its
// examples' lead, long examples and hints; a list of long choices; a number with its unit) and the
// end screen. At every screen: no row wider than the terminal, none wrapped by the terminal, and
// the texts of the grid whole (their words in order, whatever the line breaks); at the end, every
// word on screen is a word of the grid, of cap-ptce's texts or of what was typed (issue 11).
// (`npm test` builds first; alone: `npm run build && npx vitest run test/terminal`.)
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { finishDiagnose } from '../../src/commands/diagnose-finish.js';
import { loadAnswers, loadGrid } from '../../src/io/load.js';
import { memoryIo } from '../../src/io/io.js';
import { buildFlow, firstOpenPosition } from '../../src/questionnaire/flow.js';
import { repoRoot } from '../helpers.js';
import { KEY, Session, ptyWorkspace } from '../diagnose/pty.js';
import { exitCode, expectFits, flat, heldSession, loose, typographyFaults, words } from './screen-words.js';

const ws = ptyWorkspace('cap-ptce-term-diagnose-');
const { index } = loadGrid();
const ref = (id: string) => index.byId.get(id)!;

/** Every word a screen of cap-ptce may show: the grid's, the code's (its messages), what was typed. */
function vocabulary(typed: string[]): Set<string> {
  const texts = [readFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), 'utf8'), ...typed];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.ts')) texts.push(readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(join(repoRoot, 'src'));
  return new Set(words(texts.join('\n')));
}

/** Checks the screen as drawn now: it fits, and each text is there whole. */
async function expectScreen(s: Session, columns: number, texts: string[]): Promise<void> {
  const screen = flat((await expectFits(s, columns)).join('\n'));
  for (const t of texts) expect(screen, `at ${columns} columns`).toContain(flat(t));
}

const WIDTHS = [60, 80, 120];

describe('diagnose screens wrapped on word boundaries at the terminal width', () => {
  for (const columns of WIDTHS) {
    it(`welcome, questions with hints, end screen at ${columns} columns`, async () => {
      const typed = ['Pôle coopératif du Val de Bray', 'Pays de Bray (60)', 'Claire', 'Une vingtaine de structures rencontrées', '12'];
      const s = heldSession(['diagnose', '--entries', 'acteurs', '--answers', 'r.yaml', '--out', 'rapport.md'], { cwd: ws.dir, bin: ws.bin, cols: columns });
      ws.sessions.push(s);

      await s.waitFor('Nom du projet');
      await expectScreen(s, columns, [
        'cap-ptce — autodiagnostic de votre projet de Pôle Territorial de Coopération Économique',
        'Répondez au mieux : « Je ne sais pas » est aussi une réponse utile.',
        'Vous pouvez vous arrêter à tout moment (Ctrl-C) et reprendre plus tard là où vous en étiez.',
        'Nom du projet (même provisoire) :',
      ]);
      await s.press(typed[0]!, KEY.enter);
      await s.waitFor('Territoire');
      await expectScreen(s, columns, ['Territoire (ex. « Pays de Bray (60) », facultatif) :']);
      await s.press(typed[1]!, KEY.enter);
      await s.answer(loose('Votre prénom (facultatif, utile en atelier à plusieurs)'), typed[2]!);

      // 2.1: a scale, its examples' lead and examples, and the hint of the highlighted answer.
      const typologie = ref('acteurs.typologie');
      await s.waitFor(loose('Où en êtes-vous ?'));
      await s.waitFor('se déplacer');
      await expectScreen(s, columns, [typologie.question.text, typologie.question.examplesLead!, ...typologie.question.examples, typologie.question.hints!['pas-aborde']!]);
      expect(typographyFaults(await s.lines()), 'a prompt in French typography').toEqual([]);
      expect((await s.lines()).join('\n')).toContain('? Où en êtes-vous\u202F?');
      await s.press(KEY.down, KEY.down);
      await s.waitFor('se déplacer');
      await expectScreen(s, columns, [typologie.question.hints!.engage!]);
      await s.press(KEY.enter);

      await s.waitFor(loose(`${typologie.question.examplesLead} Quels exemples s'appliquent à votre projet ?`));
      await s.waitFor('cocher');
      await expectScreen(s, columns, [`${typologie.question.examplesLead} Quels exemples s'appliquent à votre projet ?`, ...typologie.question.examples]);
      await s.press(KEY.space, KEY.enter);
      await s.answer(loose('Précisions à apporter ? (facultatif, Entrée pour passer)'), typed[3]!);

      // 2.2: a list of long choices and a long help.
      const composition = ref('acteurs.composition');
      await s.waitFor(loose("Cochez tout ce qui s'applique, puis Entrée :"));
      await s.waitFor('cocher');
      await expectScreen(s, columns, [composition.question.text, composition.question.help!, ...composition.choices.map((c) => c.label)]);
      await s.press(KEY.space, KEY.down, KEY.space, KEY.enter);
      await s.answer(loose('Précisions à apporter'), '');

      // 2.3: a number with its unit.
      await s.waitFor(loose('Votre réponse (personnes morales)'));
      await expectScreen(s, columns, [ref('acteurs.personnes-morales').question.help!, 'Votre réponse (personnes morales) (Entrée vide pour passer, « < » pour revenir)']);
      await s.press(typed[4]!, KEY.enter);
      await s.answer(loose('Précisions à apporter'), '');

      expect(await exitCode(s)).toBe(0);
      const rows = await expectFits(s, columns);

      // The end screen: the same text as finishDiagnose gives unwrapped, every word whole and in order.
      const io = memoryIo({ cwd: ws.dir, columns: 10_000, now: () => new Date() });
      const answers = loadAnswers(join(ws.dir, 'r.yaml'), index).answers;
      await finishDiagnose(index, answers, join(ws.dir, 'rapport.md'), join(ws.dir, 'r.yaml'), io);
      const endScreen = words(io.text().stdout);
      const shown = rows.flatMap((r) => words(r));
      const at = shown.lastIndexOf(endScreen[0]!, shown.length - endScreen.length);
      expect(shown.slice(at), `end screen at ${columns} columns`).toEqual(endScreen);

      // French typography on every row, prompts included (their last state: the answers' echoes, the end screen).
      expect(typographyFaults(rows), `typography at ${columns} columns`).toEqual([]);
      expect(rows.join('\n')).toContain('Répondez au mieux\u00A0: «\u00A0Je ne sais pas\u00A0»');

      // Every word on the screen, from the first line to the last, is a whole word of some source.
      const known = vocabulary([...typed, ws.dir]);
      expect(shown.filter((w) => !known.has(w)), `words cut at ${columns} columns`).toEqual([]);
    });
  }

  it('an answers file already there, resumed, then Ctrl-C, at 60 columns', async () => {
    const columns = 60;
    copyFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), join(ws.dir, 'r.yaml'));
    const s = heldSession(['diagnose', '--answers', 'r.yaml'], { cwd: ws.dir, bin: ws.bin, cols: columns });
    ws.sessions.push(s);
    await s.waitFor(loose('Que voulez-vous faire ?'));
    await s.waitFor('se déplacer');
    // The first open question of the example, said in the description of « Reprendre ».
    const flow = buildFlow(index);
    const next = flow.refs[firstOpenPosition(flow, loadAnswers(join(ws.dir, 'r.yaml'), index).answers)!]!;
    await expectScreen(s, columns, ['Un fichier de réponses existe déjà du projet « Ternois en commun » : r.yaml', `Prochaine question : ${next.question.text}`]);
    await s.press(KEY.down, KEY.down);
    await s.waitFor('se déplacer');
    await expectScreen(s, columns, [`L'ancien fichier est gardé en copie :`]);
    await s.press(KEY.up, KEY.up, KEY.enter);
    await s.waitFor(loose('Reprise à la question'));
    await s.waitFor('se déplacer');
    await expectScreen(s, columns, [next.question.text]);
    await s.press(KEY.ctrlC);
    expect(await exitCode(s)).toBe(130);
    const rows = await expectFits(s, columns);
    expect(typographyFaults(rows), 'typography, the message on stderr included').toEqual([]);
    // What was kept, wrapped; the command to resume whole, on its own line.
    expect(flat(rows.join('\n'))).toMatch(/Interrompu : \d+ réponses enregistrées dans r\.yaml\. Pour reprendre :/);
    expect(rows).toContain('npx cap-ptce diagnose --resume --answers r.yaml');
  });

  it('a terminal narrowed during the session: what is drawn afterwards fits the new width', async () => {
    const s = heldSession(['diagnose', '--entries', 'acteurs', '--answers', 'r.yaml', '--out', 'rapport.md'], { cwd: ws.dir, bin: ws.bin, cols: 120 });
    ws.sessions.push(s);
    await s.waitFor('Nom du projet');
    await s.resize(60, 40);
    await s.press('Pôle coopératif du Val de Bray', KEY.enter);
    await s.answer('Territoire', '');
    await s.answer('Votre prénom', '');
    await s.waitFor(loose('Où en êtes-vous ?'));
    await s.waitFor('se déplacer');
    // The rows drawn since the resize (the terminal reflowed the older ones itself).
    const rows = await s.rows();
    const since = rows.slice(rows.map((r) => r.text.includes('✔ Projet')).lastIndexOf(true));
    expect(since.filter((r) => stringWidth(r.text) > 60 || r.wrapped).map((r) => r.text)).toEqual([]);
    const typologie = ref('acteurs.typologie');
    expect(flat(since.map((r) => r.text).join('\n'))).toContain(flat(typologie.question.text));
    expect(flat(since.map((r) => r.text).join('\n'))).toContain(flat(typologie.question.hints!['pas-aborde']!));
    // Narrower during a prompt: its redraws are wrapped at the new width. The program learns the
    // width from SIGWINCH; on a busy machine a key may be read before the signal, and that one
    // redraw still uses the old width: the next ones must fit. A redraw at the old width shows as
    // rows the terminal wrapped itself (a word cut at column 50), not as rows wider than 50.
    await s.resize(50, 40);
    const lastWords = (level: string): RegExp => loose(typologie.question.hints![level]!.split(/\s+/).slice(-3).join(' ').replace(/[^\p{L}\p{N}'’\s-]/gu, ' '));
    let prompt: { text: string; wrapped: boolean }[] = [];
    const fits = (r: { text: string; wrapped: boolean }): boolean => stringWidth(r.text) <= 50 && !r.wrapped;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (attempt > 0) {
        await s.press(KEY.up);
        await s.waitFor(lastWords('pas-aborde'));
      }
      await s.press(KEY.down);
      // The redraw is there when the hint of the choice now under the cursor is.
      await s.waitFor(lastWords('en-reflexion'));
      const after = await s.rows();
      prompt = after.slice(after.map((r) => r.text.includes('Où en êtes-vous')).lastIndexOf(true));
      if (prompt.every(fits)) break;
    }
    expect(prompt.filter((r) => !fits(r)).map((r) => r.text)).toEqual([]);
    expect(flat(prompt.map((r) => r.text).join('\n'))).toContain(flat(typologie.question.hints!['en-reflexion']!));
  });
});

