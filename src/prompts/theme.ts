// How every prompt looks and where its lines break. @inquirer cuts any line longer than the
// terminal at the exact width, in the middle of a word (« Éco|nomique »); it leaves a line that
// fits alone (it only splits on the line breaks it is given). So every text a prompt draws is
// wrapped here on word boundaries, at the width the terminal has when the prompt is drawn:
// messages, descriptions and errors at each redraw (a resized terminal is followed), choices when
// the prompt opens. The wrapping itself is text/terminal-text.ts; this module only knows what
// @inquirer draws before each text (« ? », « ❯ », « ❯◯ »). French typography first (no-break
// spaces before « : ; ? ! » and inside « »), so that no line starts with a lone « ? ».
import { styleText } from 'node:util';
import { wrapHanging, wrapTerminal } from '../text/terminal-text.js';
import { frenchProse } from '../text/typography.js';

/** What a prompt writes to (tests pass their own stream). */
export interface PromptOutput {
  output?: NodeJS.WritableStream;
}

/** The terminal's width now; 80 when the output is not a terminal (as @inquirer does). */
export function screenColumns(ctx: PromptOutput = {}): number {
  const out = (ctx.output ?? process.stdout) as NodeJS.WritableStream & { columns?: number };
  return out.columns && out.columns > 0 ? out.columns : 80;
}

/**
 * How many lines a list shows at once: all its choices, wrapped ones counted by their lines, as
 * long as the prompt (with its message, description and help) still fits on the screen; at least 7.
 */
export function listPageSize(names: readonly string[], ctx: PromptOutput = {}): number {
  const lines = names.reduce((n, name) => n + name.split('\n').length, 0);
  const out = (ctx.output ?? process.stdout) as NodeJS.WritableStream & { rows?: number };
  const rows = out.rows && out.rows > 0 ? out.rows : 24;
  return Math.max(7, Math.min(lines, rows - 10));
}

/** Columns @inquirer draws before a message (« ? ») and before a choice (« ❯ », « ❯◯ »). */
export const HANG = { message: 2, select: 2, checkbox: 3 } as const;

/** A choice's label wrapped under itself, after the cursor (and box) @inquirer draws before it. */
export function choiceName(label: string, ctx: PromptOutput, hang: number): string {
  return wrapHanging(frenchProse(label), screenColumns(ctx), hang);
}

const KEYS_FR: Record<string, string> = { space: 'espace', '⏎': 'Entrée' };
const ACTIONS_FR: Record<string, string> = { navigate: 'se déplacer', select: 'choisir', submit: 'valider', all: 'tout cocher', invert: 'inverser' };

function keysHelpTip(keys: [string, string][]): string {
  return keys
    .map(([key, action]) => {
      const fr = key === 'space' && action === 'select' ? 'cocher' : key === '⏎' && action === 'select' ? 'valider' : (ACTIONS_FR[action] ?? action);
      return `${styleText('bold', KEYS_FR[key] ?? key)} ${styleText('dim', fr)}`;
    })
    .join(styleText('dim', ' • '));
}

/** For every prompt: message and error wrapped at the width of the moment (the default colours kept). */
export function promptTheme(ctx: PromptOutput = {}) {
  return {
    style: {
      message: (text: string) => wrapHanging(styleText('bold', frenchProse(text)), screenColumns(ctx), HANG.message),
      error: (text: string) => `${styleText('red', '>')} ${wrapHanging(styleText('red', frenchProse(text)), screenColumns(ctx), 2)}`,
    },
  };
}

/** For select and checkbox: the same, the choice's description wrapped too, and the key help in French. */
export function listTheme(ctx: PromptOutput = {}) {
  const base = promptTheme(ctx);
  return {
    style: {
      ...base.style,
      description: (text: string) => wrapTerminal(styleText('cyan', frenchProse(text)), screenColumns(ctx)),
      keysHelpTip,
    },
  };
}
