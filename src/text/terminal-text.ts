// Terminal text wrapped on word boundaries at the terminal's width, ANSI colours kept (wrap-ansi,
// string-width). One rule for every screen: diagnose's and the round table's screens, prompts, hints
// and end screen (the prompt adapter passes the width at the time each prompt is drawn).
// A list item keeps its indentation: its continuation lines start under its text, not under its
// bullet. Table lines (box drawing) are left as they are: their column widths are set to fit.
// Pure.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { frenchProse, frenchProseKeeping } from './typography.js';

const ANSI_PREFIX = /^(?:\u001b\[[0-9;]*m)*/;
// Leading spaces, then a bullet (« * », « - », « • », « ◦ », « 1. », « 12) »), then a space.
const LIST_ITEM = /^( *)((?:[*•◦▪-]|\d{1,3}[.)]) +)/;
const TABLE_LINE = /[│┌┐└┘├┤┬┴┼─]/;

/** The smallest width at which text is still worth wrapping (narrower terminals get 20 columns). */
export const MIN_WIDTH = 20;

/** Display width of a line, ANSI escapes and wide characters counted as the terminal does. */
function displayWidth(line: string): number {
  return stringWidth(line);
}

/**
 * Wraps every line of `text` at `width` columns on word boundaries. A word longer than the whole
 * width (a long URL) is the only thing ever cut. Indented lines and list items wrap under their text.
 */
export function wrapTerminal(text: string, width: number): string {
  const columns = Math.max(MIN_WIDTH, Math.floor(width));
  return text
    .split('\n')
    .map((line) => wrapLine(line, columns))
    .join('\n');
}

/**
 * Text drawn after a prefix someone else prints on its first line (a prompt's « ? », a list's
 * cursor « ❯ »): wrapped at `width - hang` columns, continuation lines indented by `hang`, so
 * that they sit under the text and no line passes `width`.
 */
export function wrapHanging(text: string, width: number, hang: number): string {
  const pad = ' '.repeat(hang);
  return wrapTerminal(text, Math.floor(width) - hang)
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/**
 * A label and a command to type: on one line when it fits, else the command on a line of its own.
 * The command itself is never wrapped: a line break inside it would break a copy and paste.
 */
export function labelledCommand(label: string, command: string, width: number): string {
  const line = `${label} ${command}`;
  return displayWidth(line) <= Math.max(MIN_WIDTH, Math.floor(width)) ? line : `${label}\n${command}`;
}

/**
 * A message then what to type next (« Pour reprendre : npx cap-ptce … »): the message in French
 * typography wrapped at the width (`kept`: paths in it, as typed), the command on a line of its own.
 */
export function messageWithCommand(message: string, label: string, command: string, width: number, kept: readonly string[] = []): string {
  return `${wrapTerminal(frenchProseKeeping(message, kept), width)}\n${labelledCommand(frenchProse(label), command, width)}`;
}

function wrapLine(line: string, columns: number): string {
  if (stringWidth(line) <= columns || TABLE_LINE.test(line)) return line;
  // Colours opened before the indentation: moved after it, onto the text.
  const colour = ANSI_PREFIX.exec(line)![0];
  const rest = line.slice(colour.length);
  const item = LIST_ITEM.exec(rest);
  let lead = item ? item[1]! + item[2]! : /^ */.exec(rest)![0];
  // Deep indentation on a narrow terminal: give the text the room instead.
  if (stringWidth(lead) > columns / 2) lead = '';
  const body = rest.slice(lead.length);
  // wrap-ansi closes and reopens colours at each line break, so the continuation lines keep them.
  const wrapped = wrapAnsi(colour + body, columns - stringWidth(lead), { hard: true, trim: true, wordWrap: true });
  const pad = ' '.repeat(stringWidth(lead));
  return wrapped
    .split('\n')
    .map((l, i) => (i === 0 ? lead : pad) + l)
    .join('\n');
}

/** Below this width, Markdown tables are shown as lists in the terminal: their columns would cut words. */
export const TABLE_MIN_COLUMNS = 80;

/** Cells of a Markdown table row (an escaped `\|` is text, not a separator). */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/**
 * Markdown tables rewritten as a header line and one list item per row, cells joined by « · »:
 * every word stays, in reading order, and a narrow terminal wraps it on word boundaries.
 */
export function tablesAsLists(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    const delimiter = lines[i + 1] ?? '';
    if (!header.startsWith('|') || !/^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/.test(delimiter)) {
      out.push(header);
      continue;
    }
    out.push(cells(header).join(' · '), '');
    i += 2;
    // « 1. Objectifs » would open a numbered list inside the item: its dot is escaped.
    for (; i < lines.length && lines[i]!.startsWith('|'); i++) out.push(`- ${cells(lines[i]!).join(' · ').replace(/^(\d+)([.)])/, '$1\\$2')}`);
    out.push('');
    i--;
  }
  return out.join('\n');
}
