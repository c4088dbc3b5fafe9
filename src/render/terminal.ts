// Markdown rendered for a terminal (marked-terminal), with column widths fitted to the tables
// cap-ptce writes. Pure apart from the lazy import: Markdown and a width in, text out.
import { stripAnsi } from '../text/escape.js';
import { MIN_WIDTH, TABLE_MIN_COLUMNS, tablesAsLists, wrapTerminal } from '../text/terminal-text.js';

/**
 * Markdown rendered for a terminal with marked-terminal (imported here, lazily: it costs about
 * 330 ms). Fixes the upstream bug that prints inline Markdown raw in tight list items.
 */
export async function renderForTerminal(markdown: string, columns = 80, color = true): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const width = Math.max(40, Math.min(columns, 120));
  const marked = new Marked();
  // marked-terminal does not wrap list items on word boundaries: it renders unwrapped, and
  // wrapTerminal wraps every line at the terminal's width, list items under their text.
  marked.use(markedTerminal({ width: 10_000, reflowText: false, tab: 2, emoji: false, tableOptions: tableOptions(markdown, width) }));
  marked.use({
    renderer: {
      // marked-terminal prints the text of a tight list item as is (`**gras**`): parse its inline tokens.
      text(token) {
        if (typeof token === 'object' && 'tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          return this.parser.parseInline(token.tokens);
        }
        return false;
      },
    },
  });
  // Below 80 columns a table would cut words in its cells: it is shown as a list instead.
  const source = columns < TABLE_MIN_COLUMNS ? tablesAsLists(markdown) : markdown;
  const rendered = wrapTerminal(await marked.parse(source), Math.max(MIN_WIDTH, columns));
  // marked-terminal colours through its own chalk, whatever NO_COLOR says: strip them here.
  return color ? rendered : stripAnsi(rendered);
}

/**
 * Column widths for the tables cap-ptce writes, which are wider than most terminals with long
 * entrée titles: titles and long cells wrap. A user's template may have any table: defaults then.
 * (marked-terminal applies one set of options to every table of a document.)
 */
function tableOptions(markdown: string, width: number): Record<string, unknown> {
  const compact = { style: { compact: true } };
  const fit = (fixed: number[], minFirst = 18): Record<string, unknown> => {
    const first = Math.max(minFirst, width - (fixed.length + 2) - fixed.reduce((a, b) => a + b, 0));
    return { ...compact, wordWrap: true, colWidths: [first, ...fixed] };
  };
  // The report's synthesis table: bar + score, level, coverage, « Je ne sais pas » (headers wrap on narrow terminals).
  if (/^\| Entrée \| Repère \| Niveau \| Couverture \| /m.test(markdown)) return fit(width >= 100 ? [20, 17, 12, 13] : [20, 14, 12, 9]);
  // A workshop synthesis: group score, level, one column per participant, spread.
  const workshop = /^\| Entrée \| Groupe \| Niveau \|(.*) Écart \|$/m.exec(markdown);
  if (workshop) {
    const people = workshop[1]!.split('|').map((c) => c.trim()).filter(Boolean);
    // group score, level (« construction » fits), spread; participants share what the title leaves
    const fixed = [8, 14, 8];
    const room = width - (fixed.length + people.length + 2) - fixed.reduce((a, b) => a + b, 0) - 16;
    const each = people.length > 0 ? Math.max(9, Math.min(16, Math.floor(room / people.length))) : 9;
    return fit([8, 14, ...people.map(() => each), 8], 14);
  }
  // A comparison: entrée (or question), before, after, change.
  if (/^\| (Entrée|Question) \| Avant \| Après \| Évolution \|$/m.test(markdown)) {
    const side = Math.max(12, Math.floor((width - 5 - 11 - 22) / 2));
    return fit([side, side, 11], 18);
  }
  return compact;
}
