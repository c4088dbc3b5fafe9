// What a person reads on a terminal, compared with the text it comes from. A word cut at the end
// of a line (« Éco|nomique ») becomes two runs of letters on the screen, so the screen's words no
// longer match the source's: comparing runs of letters and digits, in reading order, finds every
// cut. Box tables are read column by column (a cell's text wraps inside its column), and so is
// the Markdown table they are drawn from.
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { expect } from 'vitest';
import { plain } from '../helpers.js';
import { Session } from '../diagnose/pty.js';

/** Runs of letters and digits: « d'appui » is « d », « appui »; a cut word is two runs. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const BOX_TOP = /^\s*┌/;
const BOX_BOTTOM = /^\s*└/;
const BOX_RULE = /^\s*[├┌└]/;

/** The words of screen rows in reading order; a box table's words column by column. */
export function screenWords(rows: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!BOX_TOP.test(rows[i]!)) {
      out.push(...words(rows[i]!));
      continue;
    }
    const columns: string[][] = [];
    for (i++; i < rows.length && !BOX_BOTTOM.test(rows[i]!); i++) {
      if (BOX_RULE.test(rows[i]!)) continue;
      rows[i]!
        .split('│')
        .slice(1, -1)
        .forEach((cell, c) => (columns[c] ??= []).push(cell));
    }
    for (const column of columns) out.push(...words(column.join(' ')));
  }
  return out;
}

/** The cells of a Markdown table row (`\|` is text). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
}

/**
 * The words of a Markdown document in the order a terminal shows them: a table column by column
 * when it is drawn as a box, row by row when it is shown as a list (narrow terminals).
 */
export function markdownWords(markdown: string, tables: 'columns' | 'rows'): string[] {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const isTable = lines[i]!.startsWith('|') && /^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/.test(lines[i + 1] ?? '');
    if (!isTable) {
      out.push(...words(lines[i]!));
      continue;
    }
    const rows = [cells(lines[i]!)];
    for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(cells(lines[i]!));
    i--;
    if (tables === 'rows') for (const row of rows) out.push(...words(row.join(' ')));
    else for (let c = 0; c < rows[0]!.length; c++) for (const row of rows) out.push(...words(row[c] ?? ''));
  }
  return out;
}

/**
 * Starts the CLI `bin` on a pseudo-terminal through hold-open.mjs, which keeps the terminal open
 * after the CLI ends so that its last output is never lost; `exitCode` then reads how it ended.
 */
export function heldSession(args: string[], options: { bin: string; cwd?: string; cols: number }): Session {
  return new Session(args, { ...options, bin: fileURLToPath(new URL('./hold-open.mjs', import.meta.url)), env: { CAP_PTCE_BIN: options.bin } });
}

/** The CLI's exit code, once everything it printed has been read (see heldSession). */
export async function exitCode(session: Session, timeout = 30_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const told = /\u001b\]777;cap-ptce-exit=([^\u0007]*)\u0007/.exec(session.raw);
    if (told) return Number(told[1]);
    if (Date.now() - started > timeout) throw new Error(`the CLI has not ended after ${timeout} ms. Output:\n${session.text()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A text as a pattern that matches it whatever the line breaks and indentation between its words. */
export function loose(text: string, atEnd = false): RegExp {
  const pattern = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(atEnd ? `${pattern}\\s*$` : pattern);
}

/** The text as one line: what the screen says whatever the line breaks (no-break spaces as spaces). */
export function flat(text: string): string {
  return plain(text).replace(/\s+/g, ' ').trim();
}

/**
 * The screen must not depend on the terminal's own wrapping: no row wider than `columns`, and
 * no row the terminal carried over from a line the program wrote too wide (that cuts a word).
 * Returns the rows' text.
 */
export async function expectFits(session: Session, columns: number): Promise<string[]> {
  const rows = await session.rows();
  const tooWide = rows.filter((r) => stringWidth(r.text) > columns).map((r) => r.text);
  const carried = rows.flatMap((r, i) => (r.wrapped ? [`${rows[i - 1]?.text ?? ''}⏎${r.text}`] : []));
  expect(tooWide, `rows wider than ${columns} columns`).toEqual([]);
  expect(carried, `rows wrapped by the terminal at ${columns} columns (the program wrote past the edge)`).toEqual([]);
  return rows.map((r) => r.text);
}

/**
 * French typography on the screen as drawn: no ordinary space before « ; : ! ? » or « », none
 * after « (they are no-break ones, so that no line starts with a lone « ? »). Returns the rows that break it.
 */
export function typographyFaults(rows: readonly string[]): string[] {
  return rows.filter((r) => / [;:!?»]|« /.test(r));
}
