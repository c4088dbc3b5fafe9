// The round table's prompts (imported lazily, like adapter.ts). A one-key prompt: a participant's
// answer is a single key (0–3, « ? », « - »), Enter repeats the previous participant's answer,
// Backspace goes back to the previous participant. The answer stays on screen, so the table sees
// everyone's answers to the question together.
import { styleText } from 'node:util';
import { stripControl } from '../text/escape.js';
import { wrapHanging } from '../text/terminal-text.js';
import { frenchProse } from '../text/typography.js';
import type { AskContext } from './adapter.js';
import { HANG, promptTheme, screenColumns } from './theme.js';

export type KeyAnswer =
  | { kind: 'answer'; value: string }
  /** Backspace: correct the previous participant's answer. */
  | { kind: 'back' };

export interface OneKeyConfig {
  /** « Claire : » */
  message: string;
  /** Key → [value, label shown once chosen]. */
  keys: Record<string, { value: string; label: string }>;
  /** What Enter gives (the previous participant's answer), or none. */
  enter?: { value: string; label: string } | undefined;
  /** Whether Backspace may go back. */
  canGoBack: boolean;
  /** Shown when a key means nothing. */
  help: string;
}

type Core = typeof import('@inquirer/core');
let core: Promise<Core> | undefined;

/** The terminal's width when the prompt is drawn (each redraw reads it again). */
type Drawn = OneKeyConfig & { columns: () => number };

let prompt: Promise<(config: Drawn, context?: AskContext & { clearPromptOnDone?: boolean }) => Promise<KeyAnswer>> | undefined;

function oneKeyPrompt(): NonNullable<typeof prompt> {
  prompt ??= (async () => {
    core ??= import('@inquirer/core');
    const { createPrompt, useState, useKeypress, usePrefix, makeTheme, isEnterKey, isBackspaceKey } = await core;
    return createPrompt<KeyAnswer, Drawn>((config, done) => {
      const [status, setStatus] = useState<'idle' | 'done'>('idle');
      const [shown, setShown] = useState('');
      const [error, setError] = useState<string | undefined>(undefined);
      const theme = makeTheme({});
      const prefix = usePrefix({ status, theme });
      useKeypress((key, rl) => {
        if (status !== 'idle') return;
        const typed = rl.line;
        rl.clearLine(0);
        if (isEnterKey(key)) {
          if (config.enter) {
            setShown(`${config.enter.label} (comme la personne précédente)`);
            setStatus('done');
            done({ kind: 'answer', value: config.enter.value });
          } else setError(config.help);
          return;
        }
        if (isBackspaceKey(key)) {
          if (config.canGoBack) {
            setShown('← retour à la personne précédente');
            setStatus('done');
            done({ kind: 'back' });
          } else setError('C’est la première personne pour cette question.');
          return;
        }
        const ch = typed.slice(-1);
        const hit = config.keys[ch];
        if (hit) {
          setShown(`${ch} ${hit.label}`);
          setStatus('done');
          done({ kind: 'answer', value: hit.value });
        } else if (ch) setError(config.help);
      });
      // Wrapped on word boundaries after the « ? » prefix; the answer stays on screen, wrapped too.
      const width = config.columns();
      const message = styleText('bold', frenchProse(config.message));
      if (status === 'done') return `${prefix} ${wrapHanging(`${message} ${frenchProse(shown)}`, width, HANG.message)}`;
      const enter = config.enter ? styleText('dim', frenchProse(` (Entrée : ${config.enter.label})`)) : '';
      // One column kept free after the text for the cursor.
      return [`${prefix} ${wrapHanging(`${message}${enter}`, width - 1, HANG.message)} `, error ? `${styleText('red', '>')} ${wrapHanging(styleText('red', frenchProse(error)), width, 2)}` : ''];
    });
  })();
  return prompt;
}

/** One participant's answer, one key. */
export async function askKey(config: OneKeyConfig, ctx: AskContext = {}): Promise<KeyAnswer> {
  const ask = await oneKeyPrompt();
  return ask({ ...config, columns: () => screenColumns(ctx) }, { ...ctx });
}

/** « o » oui, « n » or Enter non. */
export async function askYesNo(message: string, ctx: AskContext = {}): Promise<boolean> {
  const answer = await askKey(
    {
      message,
      keys: { o: { value: 'oui', label: 'oui' }, O: { value: 'oui', label: 'oui' }, n: { value: 'non', label: 'non' }, N: { value: 'non', label: 'non' } },
      enter: { value: 'non', label: 'non' },
      canGoBack: false,
      help: 'Tapez « o » pour oui, « n » ou Entrée pour non.',
    },
    ctx,
  );
  return answer.kind === 'answer' && answer.value === 'oui';
}

/** A short line of text (optional): '' when left empty. */
export async function askLine(message: string, ctx: AskContext = {}): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  const raw = await input({ message: `${message} ${styleText('dim', '(facultatif, Entrée pour passer)')}`, theme: promptTheme(ctx) }, { ...ctx, clearPromptOnDone: false });
  return stripControl(raw).trim();
}

/** Who does not share the group position: tick them (none is an answer too). */
export async function askWho(message: string, names: readonly string[], ctx: AskContext = {}): Promise<number[]> {
  const { checkbox } = await import('@inquirer/prompts');
  const picked = await checkbox<number>(
    {
      message,
      choices: names.map((n, i) => ({ value: i, name: wrapHanging(frenchProse(stripControl(n)), screenColumns(ctx), HANG.checkbox), short: stripControl(n) })),
      loop: false,
      shortcuts: { all: null, invert: null },
      theme: {
        style: {
          ...promptTheme(ctx).style,
          keysHelpTip: () => `${styleText('bold', 'espace')} ${styleText('dim', 'cocher')}${styleText('dim', ' • ')}${styleText('bold', 'Entrée')} ${styleText('dim', 'valider')}`,
        },
      },
    },
    { ...ctx, clearPromptOnDone: false },
  );
  return picked;
}
