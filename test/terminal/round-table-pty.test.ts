// The round table (`diagnose --participants … --dir …`) in a real pseudo-terminal at 60, 80 and
// 120 columns, read through a terminal emulator: the welcome screen, the keys' legend, one key per
// participant, a group position (its prompts and the list of who disagrees), the shared note and
// the last screen. No row wider than the terminal, none wrapped by the terminal, the texts whole
// (issue 11). (`npm test` builds first; alone: `npm run build && npx vitest run test/terminal`.)
import { describe, expect, it } from 'vitest';
import { loadGrid } from '../../src/io/load.js';
import { scaleKeys, scaleLegend } from '../../src/questionnaire/round-table.js';
import { KEY, Session, ptyWorkspace } from '../diagnose/pty.js';
import { exitCode, expectFits, flat, heldSession, loose, typographyFaults } from './screen-words.js';

const ws = ptyWorkspace('cap-ptce-term-table-');
const { index } = loadGrid();

async function expectScreen(s: Session, columns: number, texts: string[]): Promise<void> {
  const screen = flat((await expectFits(s, columns)).join('\n'));
  for (const t of texts) expect(screen, `at ${columns} columns`).toContain(flat(t));
}

describe('round table screens wrapped on word boundaries at the terminal width', () => {
  for (const columns of [60, 80, 120]) {
    it(`welcome, keys, group position and last screen at ${columns} columns`, async () => {
      const s = heldSession(['diagnose', '--participants', 'Claire,Mehdi,Sophie', '--dir', 'atelier', '--entries', 'gouvernance'], { cwd: ws.dir, bin: ws.bin, cols: columns });
      ws.sessions.push(s);
      await s.waitFor('Nom du projet');
      await expectScreen(s, columns, [
        'cap-ptce — table ronde : un autodiagnostic à plusieurs, dans un seul terminal',
        "0 à 3 sur l'échelle, « ? » Je ne sais pas, « - » Non concerné, Entrée : comme la personne précédente,",
        'Chaque réponse est enregistrée aussitôt dans atelier/, un fichier par personne (claire.yaml, mehdi.yaml, sophie.yaml).',
      ]);
      await s.press('Pôle coopératif du Val de Bray', KEY.enter);
      await s.answer('Territoire', '');

      const ref = index.byId.get('gouvernance.espaces-implication')!;
      await s.waitFor('Claire :');
      await expectScreen(s, columns, [ref.question.text, ...ref.question.examples, scaleLegend(scaleKeys(ref)!)]);
      await s.press('0');
      await s.waitFor('Mehdi :');
      await s.press('x'); // a key that means nothing: the help, wrapped too
      await s.waitFor(loose('Tapez 0, 1, 2, 3, ?, -, ou Entrée.'));
      await s.press('3');
      await s.waitFor('Sophie :');
      await s.press(KEY.enter);
      await s.waitFor(loose('Noter une position commune ?'));
      await expectScreen(s, columns, [
        'Sophie : Acquis, formalisé (comme la personne précédente)',
        "Les réponses s'écartent d'au moins la moitié de l'échelle : Claire « Pas encore abordé », Mehdi « Acquis, formalisé », Sophie « Acquis, formalisé ».",
      ]);
      await s.press('o');
      await s.waitFor(loose('Réponse retenue par le groupe :'));
      await expectScreen(s, columns, ['Réponse retenue par le groupe : (Entrée : aucune, seulement des mots)']);
      await s.press('2');
      await s.answer(loose('La position commune, en quelques mots'), 'Des groupes de travail existent, les instances restent à créer');
      await s.waitFor(loose('Qui ne partage pas cette position ?'));
      await s.waitFor('cocher');
      await expectScreen(s, columns, ['Qui ne partage pas cette position ? (espace pour cocher, Entrée pour valider)']);
      await s.press(KEY.space, KEY.enter);
      await s.answer(loose('Pourquoi, Claire ?'), '');
      await s.answer(loose('Précisions à apporter'), '');

      // The second question: the same answer for everyone, then the last screen.
      await s.waitFor('Claire :');
      await s.press('1');
      await s.waitFor('Mehdi :');
      await s.press(KEY.enter);
      await s.waitFor('Sophie :');
      await s.press(KEY.enter);
      await s.answer(loose('Précisions à apporter'), '');
      expect(await exitCode(s)).toBe(0);
      await expectScreen(s, columns, ['Table ronde terminée', 'Synthèse : atelier/cap-ptce-synthese.md', 'Pour la projeter : npx cap-ptce report atelier --format html']);
      // French typography on every row: one-key prompts, the group's prompts and the echoes of the answers.
      expect(typographyFaults(await s.lines()), `typography at ${columns} columns`).toEqual([]);
    });
  }
});
