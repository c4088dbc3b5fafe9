// Markdown rendered for a terminal (src/render/terminal-markdown.ts), with column widths fitted to
// the tables cap-ptce writes. Pure apart from the lazy import: Markdown and a width in, text out.
import { MIN_WIDTH, TABLE_MIN_COLUMNS, tablesAsLists } from '../text/terminal-text.js';

/**
 * Markdown rendered for a terminal `columns` wide, wrapped on word boundaries (colours unless
 * `color` is false). The renderer is imported here, lazily: a report to a pipe or a file never
 * parses it.
 */
export async function renderForTerminal(markdown: string, columns = 80, color = true): Promise<string> {
  const { renderMarkdownForTerminal } = await import('./terminal-markdown.js');
  const width = Math.max(40, Math.min(columns, 120));
  // Below 80 columns a table would cut words in its cells: it is shown as a list instead.
  const source = columns < TABLE_MIN_COLUMNS ? tablesAsLists(markdown) : markdown;
  return renderMarkdownForTerminal(source, {
    width: Math.max(MIN_WIDTH, columns),
    color,
    columnWidths: (header) => tableColumnWidths(header, width),
  });
}

/**
 * Column widths (padding included) for the tables cap-ptce writes, by their header row: they are
 * wider than most terminals with long entrée titles, so titles and long cells wrap. Any other
 * table (a user's template may have any): null, widths fitted to its cells.
 */
function tableColumnWidths(header: string, width: number): number[] | null {
  const fit = (fixed: number[], minFirst = 18): number[] => {
    const first = Math.max(minFirst, width - (fixed.length + 2) - fixed.reduce((a, b) => a + b, 0));
    return [first, ...fixed];
  };
  // The report's synthesis table: bar + score, level, coverage, « Je ne sais pas » (headers wrap on narrow terminals).
  if (/^\| Entrée \| Repère \| Niveau \| Couverture \| /.test(header)) return fit(width >= 100 ? [20, 17, 12, 13] : [20, 14, 12, 9]);
  // A workshop synthesis: group score, level, one column per participant, spread.
  const workshop = /^\| Entrée \| Groupe \| Niveau \|(.*) Écart \|$/.exec(header);
  if (workshop) {
    const people = workshop[1]!.split('|').map((c) => c.trim()).filter(Boolean);
    // group score, level (« construction » fits), spread; participants share what the title leaves
    const fixed = [8, 14, 8];
    const room = width - (fixed.length + people.length + 2) - fixed.reduce((a, b) => a + b, 0) - 16;
    const each = people.length > 0 ? Math.max(9, Math.min(16, Math.floor(room / people.length))) : 9;
    return fit([8, 14, ...people.map(() => each), 8], 14);
  }
  // A comparison: entrée (or question), before, after, change.
  if (/^\| (Entrée|Question) \| Avant \| Après \| Évolution \|$/.test(header)) {
    const side = Math.max(12, Math.floor((width - 5 - 11 - 22) / 2));
    return fit([side, side, 11], 18);
  }
  return null;
}
