// `cap-ptce report EXAMPLE` in a real pseudo-terminal at 60, 80 and 120 columns, read through a
// terminal emulator (what the person sees): no row wider than the terminal, none wrapped by the
// terminal, and every word of the report whole and in order on the screen (issue 11).
// (`npm test` builds first; alone: `npm run build && npx vitest run test/terminal`.)
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';
import { Session, ptyWorkspace } from '../diagnose/pty.js';
import { expectFits, loose, markdownWords, screenWords, waitForOutput, words } from './screen-words.js';

const ws = ptyWorkspace('cap-ptce-term-report-');

const EXAMPLES = ['examples/projet-emergent.yaml', 'examples/projet-structure.yaml', 'examples/atelier'];
const WIDTHS = [60, 80, 120];

describe('report on a terminal: wrapped on word boundaries at its width', () => {
  for (const example of EXAMPLES) {
    it(`${example} at ${WIDTHS.join(', ')} columns: every word of the report whole, in order`, async () => {
      const now = (): Date => new Date();
      const md = await runInProcess(['report', example, '--format', 'md'], { now });
      expect(md.code).toBe(0);
      // The messages around the report on a terminal: the grid's line before it, the hint to save it after.
      const view = await runInProcess(['report', example], { now, stdoutIsTTY: true, columns: 10_000 });
      const messages = view.stderr.trimEnd().split('\n');
      const hint = messages.pop()!;
      expect(hint).toContain('Pour enregistrer');
      for (const columns of WIDTHS) {
        const s = new Session(['report', example], { bin: ws.bin, cols: columns });
        ws.sessions.push(s);
        // The last words first: the exit can be reported before the last output is read.
        await waitForOutput(s, loose(hint, true));
        expect((await s.waitExit()).exitCode).toBe(0);
        const rows = await expectFits(s, columns);
        // The report's words (its tables as drawn: a box from 80 columns, a list below), between the messages.
        const expected = [...words(messages.join('\n')), ...markdownWords(md.stdout, columns >= 80 ? 'columns' : 'rows'), ...words(hint)];
        expect(screenWords(rows), `${example} at ${columns} columns`).toEqual(expected);
      }
    });
  }
});
