// `cap-ptce report EXAMPLE` in a real pseudo-terminal at 60, 80 and 120 columns, read through a
// terminal emulator (what the person sees): no row wider than the terminal, none wrapped by the
// terminal, and every word of the report whole and in order on the screen (issue 11).
// (`npm test` builds first; alone: `npm run build && npx vitest run test/terminal`.)
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';
import { ptyWorkspace } from '../diagnose/pty.js';
import { exitCode, expectFits, heldSession, markdownWords, screenWords, typographyFaults, words } from './screen-words.js';

const ws = ptyWorkspace('cap-ptce-term-report-');

const EXAMPLES = ['examples/projet-emergent.yaml', 'examples/projet-structure.yaml', 'examples/atelier'];
const WIDTHS = [60, 80, 120];

/** The report as Markdown, and the messages around it on a terminal (the grid's line before, the hint to save it after). */
async function source(example: string): Promise<{ markdown: string; before: string; hint: string }> {
  const now = (): Date => new Date();
  const md = await runInProcess(['report', example, '--format', 'md'], { now });
  expect(md.code).toBe(0);
  const view = await runInProcess(['report', example], { now, stdoutIsTTY: true, columns: 10_000 });
  const messages = view.stderr.trimEnd().split('\n');
  const hint = messages.pop()!;
  expect(hint).toContain('Pour enregistrer');
  return { markdown: md.stdout, before: messages.join('\n'), hint };
}

describe('report on a terminal: wrapped on word boundaries at its width', () => {
  for (const example of EXAMPLES) {
    let sources: ReturnType<typeof source> | undefined;
    for (const columns of WIDTHS) {
      it(`${example} at ${columns} columns: every word of the report whole, in order`, { timeout: 60_000 }, async () => {
        const { markdown, before, hint } = await (sources ??= source(example));
        const s = heldSession(['report', example], { bin: ws.bin, cols: columns });
        ws.sessions.push(s);
        expect(await exitCode(s)).toBe(0);
        const rows = await expectFits(s, columns);
        // The report's words (its tables as drawn: a box from 80 columns, a list below), between the messages.
        const expected = [...words(before), ...markdownWords(markdown, columns >= 80 ? 'columns' : 'rows'), ...words(hint)];
        expect(screenWords(rows), `${example} at ${columns} columns`).toEqual(expected);
        // French typography on every row, the messages before and after the report included.
        expect(typographyFaults(rows), `typography at ${columns} columns`).toEqual([]);
      });
    }
  }
});
