// The pieces behind the pseudo-terminal tests: how prompts wrap their texts (at the width the
// terminal has when they are drawn), and that the screen reading of these tests does see a cut word.
import { PassThrough } from 'node:stream';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { choiceName, listPageSize, listTheme, promptTheme } from '../../src/prompts/theme.js';
import { labelledCommand, messageWithCommand, wrapHanging } from '../../src/text/terminal-text.js';
import { frenchProseKeeping } from '../../src/text/typography.js';
import { markdownWords, screenWords, words } from './screen-words.js';

const HELP = "Plusieurs réponses possibles. La loi ESS (art. 9) associe aux entreprises de l'ESS des entreprises, des collectivités, des centres de recherche.";

/** An output stream whose size can change, like a terminal window resized. */
function terminal(columns: number, rows = 40): PassThrough & { columns: number; rows: number } {
  return Object.assign(new PassThrough(), { columns, rows });
}

describe('text after a prefix someone else draws', () => {
  it('wraps under itself, no line past the width, every word whole', () => {
    const wrapped = wrapHanging(HELP, 40, 2);
    const lines = wrapped.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    // The first line follows the « ? » prefix: with it, no line passes 40 columns.
    expect(['? ' + lines[0], ...lines.slice(1)].every((l) => stringWidth(l) <= 40)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true);
    expect(words(wrapped)).toEqual(words(HELP));
  });
});

describe('the prompts theme', () => {
  it('wraps the message at the width of the moment: a resized terminal is followed at the next redraw', () => {
    const output = terminal(60);
    const { style } = promptTheme({ output });
    const narrow = style.message(HELP);
    expect(narrow.split('\n').every((l) => stringWidth(l) <= 58)).toBe(true);
    output.columns = 120;
    const wide = style.message(HELP);
    expect(wide.split('\n').length).toBeLessThan(narrow.split('\n').length);
    expect(words(wide)).toEqual(words(HELP));
  });

  it('wraps descriptions and errors, and the choices of lists under their text after the cursor', () => {
    const output = terminal(50);
    const { style } = listTheme({ output });
    expect(style.description(HELP).split('\n').every((l) => stringWidth(l) <= 50)).toBe(true);
    expect(style.error(HELP).split('\n').every((l) => stringWidth(l) <= 50)).toBe(true);
    const name = choiceName("Centres de recherche, établissements d'enseignement supérieur et de recherche, organismes de formation", { output }, 3);
    // « ❯◯ » then a space before the first line; the others under the text.
    expect(['❯◯ ' + name.split('\n')[0], ...name.split('\n').slice(1)].every((l) => stringWidth(l) <= 50)).toBe(true);
    expect(name.split('\n').slice(1).every((l) => l.startsWith('   '))).toBe(true);
  });

  it('shows every choice of a list at once when the screen has room, wrapped lines counted', () => {
    const names = ['un\ndeux', 'trois', 'quatre\ncinq\nsix', 'sept', 'huit', 'neuf'];
    expect(listPageSize(names, { output: terminal(60, 40) })).toBe(9);
    // A short screen: the list scrolls rather than push the prompt off the screen.
    expect(listPageSize([...names, ...names], { output: terminal(60, 24) })).toBe(14);
    expect(listPageSize(['a', 'b'], { output: terminal(60, 40) })).toBe(7);
  });
});

describe('reading the words of a screen', () => {
  it('a word cut at the end of a line no longer matches the text it comes from', () => {
    expect(screenWords(['Pôle Territorial de Coopération Éco', 'nomique'])).not.toEqual(words('Pôle Territorial de Coopération Économique'));
    expect(screenWords(['Pôle Territorial de Coopération', 'Économique'])).toEqual(words('Pôle Territorial de Coopération Économique'));
  });

  it('a box table is read column by column, like its Markdown', () => {
    const box = ['┌──────────┬──────┐', '│ Entrée   │ Note │', '├──────────┼──────┤', '│ Mode de  │ 17 % │', '│ gouver-  │      │', '│ nance    │      │', '│ Réseaux  │ 50 % │', '└──────────┴──────┘'];
    const md = '| Entrée | Note |\n| --- | --- |\n| Mode de gouvernance | 17 % |\n| Réseaux | 50 % |';
    expect(screenWords(box)).not.toEqual(markdownWords(md, 'columns'));
    box[4] = '│ gouvernance │      │';
    box[5] = '│          │      │';
    expect(screenWords(box)).toEqual(markdownWords(md, 'columns'));
    expect(markdownWords(md, 'rows')).toEqual(words('Entrée Note Mode de gouvernance 17 % Réseaux 50 %'));
  });
});

describe('messages with a path or a command in them', () => {
  it('French typography on the prose, the path and the command kept as typed', () => {
    const path = 'mes réponses ; v2 ?.yaml';
    expect(frenchProseKeeping(`Interrompu : 2 réponses enregistrées dans ${path}.`, [path])).toBe(`Interrompu\u00A0: 2 réponses enregistrées dans ${path}.`);
  });

  it('the command on a line of its own when the label and it do not fit, never cut', () => {
    const command = 'npx cap-ptce diagnose --resume --answers cap-ptce-reponses-claire.yaml';
    expect(labelledCommand('Pour reprendre :', command, 120)).toBe(`Pour reprendre : ${command}`);
    expect(labelledCommand('Pour reprendre :', command, 60)).toBe(`Pour reprendre :\n${command}`);
    const told = messageWithCommand('Interrompu : 12 réponses enregistrées dans cap-ptce-reponses-claire.yaml.', 'Pour reprendre :', command, 60, ['cap-ptce-reponses-claire.yaml']);
    const lines = told.split('\n');
    expect(lines.at(-1)).toBe(command);
    expect(lines.slice(0, -1).every((l) => stringWidth(l) <= 60)).toBe(true);
    expect(told).toContain('Interrompu\u00A0: 12');
  });
});
