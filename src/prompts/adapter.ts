// The one adapter over @inquirer/prompts (imported lazily: it costs ~120 ms at start-up). Each
// function asks one thing, in French, and returns a value or a navigation action. Every text that
// comes from a grid or an answers file is stripped of control characters and ANSI escapes, and
// every text is wrapped on word boundaries at the terminal's width (theme.ts).
import { styleText } from 'node:util';
import type { QuestionRef } from '../model/grid-index.js';
import type { Choice } from '../model/schema.js';
import { stripControl } from '../text/escape.js';
import { choiceName, HANG, listPageSize, listTheme, promptTheme } from './theme.js';

/** Passed to every prompt: a signal to cancel it (SIGTERM, SIGHUP…), and streams for tests. */
export interface AskContext {
  signal?: AbortSignal;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export type Asked<T> =
  | { kind: 'answer'; value: T }
  /** « ← question précédente » */
  | { kind: 'back' }
  /** Left blank on purpose (text and number questions). */
  | { kind: 'skip' };

export interface AskOptions {
  /** Offer « ← question précédente » (not on the first question). */
  canGoBack: boolean;
}

export const BACK_LABEL = '← question précédente';
const BACK = '__back__';
const ADD_OWN = '__add_own__';
/** What to type in a text or number answer to go back. */
export const BACK_KEY = '<';

type Prompts = typeof import('@inquirer/prompts');
let prompts: Promise<Prompts> | undefined;
function load(): Promise<Prompts> {
  prompts ??= import('@inquirer/prompts');
  return prompts;
}

/** Every prompt clears itself when done or cancelled: no half-drawn prompt stays on screen. */
function context(ctx: AskContext): AskContext & { clearPromptOnDone: boolean } {
  return { ...ctx, clearPromptOnDone: true };
}

function label(text: string): string {
  return stripControl(text).trim();
}

function choiceDescription(ref: QuestionRef, choice: Choice): string | undefined {
  const hint = ref.question.hints?.[choice.id];
  return hint ? label(hint) : undefined;
}

/** A select's choices, labels wrapped under themselves after the cursor; the short form on one line. */
export function selectChoices<T extends { name: string }>(choices: T[], ctx: AskContext): (T & { short: string })[] {
  return choices.map((c) => ({ ...c, name: choiceName(c.name, ctx, HANG.select), short: c.name }));
}

type CheckboxItem = { value: string; name: string; checked?: boolean; description?: string };

/** A list to tick: the same page size, keys and look everywhere; no "select all" shortcut. */
async function tickMany(message: string, items: (CheckboxItem | InstanceType<Awaited<ReturnType<typeof load>>['Separator']>)[], ctx: AskContext): Promise<string[]> {
  const { checkbox, Separator } = await load();
  // Labels wrapped under themselves; the short form (the answer line) stays on one line.
  const choices = items.map((item) => (Separator.isSeparator(item) ? item : { ...item, name: choiceName(item.name, ctx, HANG.checkbox), short: item.name }));
  return checkbox<string>(
    {
      message,
      choices,
      pageSize: listPageSize(choices.map((c) => (Separator.isSeparator(c) ? c.separator : c.name)), ctx),
      loop: false,
      shortcuts: { all: null, invert: null },
      theme: listTheme(ctx),
    },
    context(ctx),
  );
}

async function selectOne<T extends string>(
  message: string,
  choices: { value: T; name: string; description?: string }[],
  current: T | undefined,
  options: AskOptions,
  ctx: AskContext,
): Promise<T | typeof BACK> {
  const { select, Separator } = await load();
  const items: ({ value: T | typeof BACK; name: string; short?: string; description?: string } | InstanceType<typeof Separator>)[] = selectChoices(choices, ctx);
  if (options.canGoBack) items.push(new Separator(' '), ...selectChoices([{ value: BACK as typeof BACK, name: BACK_LABEL }], ctx));
  const known = current !== undefined && choices.some((c) => c.value === current);
  return select<T | typeof BACK>(
    {
      message,
      choices: items,
      pageSize: listPageSize(items.map((c) => (Separator.isSeparator(c) ? c.separator : c.name)), ctx),
      loop: false,
      theme: listTheme(ctx),
      ...(known ? { default: current } : {}),
    },
    context(ctx),
  );
}

/** The answer on the grid's scale (with « Je ne sais pas » and « Non concerné » when the set has them). */
export async function askScale(ref: QuestionRef, current: string | undefined, options: AskOptions, ctx: AskContext = {}): Promise<Asked<string>> {
  const choices = ref.choices.map((c) => ({ value: c.id, name: label(c.label), description: choiceDescription(ref, c) }));
  const value = await selectOne('Où en êtes-vous ?', choices, current, options, ctx);
  return value === BACK ? { kind: 'back' } : { kind: 'answer', value };
}

/** One choice among the question's choices. */
export async function askSingle(ref: QuestionRef, current: string | undefined, options: AskOptions, ctx: AskContext = {}): Promise<Asked<string>> {
  const choices = ref.choices.map((c) => ({ value: c.id, name: label(c.label), description: choiceDescription(ref, c) }));
  const value = await selectOne('Votre réponse :', choices, current, options, ctx);
  return value === BACK ? { kind: 'back' } : { kind: 'answer', value };
}

/** Any number of the question's choices (none is an answer too). */
export async function askMulti(ref: QuestionRef, current: string[] | undefined, options: AskOptions, ctx: AskContext = {}): Promise<Asked<string[]>> {
  const { Separator } = await load();
  const ticked = new Set(current ?? []);
  const items: ({ value: string; name: string; checked?: boolean; description?: string } | InstanceType<typeof Separator>)[] = ref.choices.map((c) => ({
    value: c.id,
    name: label(c.label),
    checked: ticked.has(c.id),
    description: choiceDescription(ref, c),
  }));
  if (options.canGoBack) items.push(new Separator(' '), { value: BACK, name: `${BACK_LABEL} (cochez-la puis Entrée)` });
  const values = await tickMany("Cochez tout ce qui s'applique, puis Entrée :", items, ctx);
  if (values.includes(BACK)) return { kind: 'back' };
  return { kind: 'answer', value: values };
}

function textMessage(message: string, options: AskOptions): string {
  const help = options.canGoBack ? `Entrée vide pour passer, « ${BACK_KEY} » pour revenir` : 'Entrée vide pour passer';
  return `${message} ${styleText('dim', `(${help})`)}`;
}

/** Free text; an empty answer leaves the question blank. */
export async function askText(ref: QuestionRef, current: string | undefined, options: AskOptions, ctx: AskContext = {}): Promise<Asked<string>> {
  void ref;
  const { input } = await load();
  const raw = await input(
    {
      theme: promptTheme(ctx),
      message: textMessage('Votre réponse', options),
      ...(current ? { default: current, prefill: 'editable' as const } : {}),
    },
    context(ctx),
  );
  const value = raw.trim();
  if (options.canGoBack && value === BACK_KEY) return { kind: 'back' };
  return value === '' ? { kind: 'skip' } : { kind: 'answer', value };
}

/** Parses « 12 », « 12,5 », « 1 200 » as a number; null when it is not one. */
export function parseNumberFr(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** A number within the question's bounds; an empty answer leaves the question blank. */
export async function askNumber(ref: QuestionRef, current: number | undefined, options: AskOptions, ctx: AskContext = {}): Promise<Asked<number>> {
  const { input } = await load();
  const q = ref.question;
  const unit = q.unit ? ` (${label(q.unit)})` : '';
  const raw = await input(
    {
      theme: promptTheme(ctx),
      message: textMessage(`Votre réponse${unit}`, options),
      ...(current !== undefined ? { default: String(current) } : {}),
      validate: (text: string) => {
        const t = text.trim();
        if (t === '' || (options.canGoBack && t === BACK_KEY)) return true;
        const n = parseNumberFr(t);
        if (n === null) return 'Un nombre est attendu (ex. 12 ou 12,5).';
        if (q.min !== undefined && n < q.min) return `Au moins ${q.min} attendu.`;
        if (q.max !== undefined && n > q.max) return `Au plus ${q.max} attendu.`;
        return true;
      },
    },
    context(ctx),
  );
  const t = raw.trim();
  if (options.canGoBack && t === BACK_KEY) return { kind: 'back' };
  const n = parseNumberFr(t);
  return n === null ? { kind: 'skip' } : { kind: 'answer', value: n };
}

/** Oui / Non. */
export async function askBoolean(ref: QuestionRef, current: boolean | undefined, options: AskOptions, ctx: AskContext = {}): Promise<Asked<boolean>> {
  void ref;
  const value = await selectOne<'oui' | 'non'>(
    'Oui ou non ?',
    [
      { value: 'oui', name: 'Oui' },
      { value: 'non', name: 'Non' },
    ],
    current === undefined ? undefined : current ? 'oui' : 'non',
    options,
    ctx,
  );
  return value === BACK ? { kind: 'back' } : { kind: 'answer', value: value === 'oui' };
}

/**
 * Which of the question's examples apply: tick them, and add one's own. Examples the person added
 * earlier come back ticked. Returns the examples as stored (grid text, then the person's own).
 */
export async function askExamples(ref: QuestionRef, current: string[] | undefined, ctx: AskContext = {}): Promise<string[]> {
  const { Separator, input } = await load();
  const gridExamples = ref.question.examples;
  const ticked = new Set(current ?? []);
  const own = (current ?? []).filter((e) => !gridExamples.includes(e));
  const items: ({ value: string; name: string; checked?: boolean } | InstanceType<typeof Separator>)[] = [
    ...gridExamples.map((e) => ({ value: e, name: label(e), checked: ticked.has(e) })),
    ...own.map((e) => ({ value: e, name: `${label(e)} (ajouté par vous)`, checked: true })),
    new Separator(' '),
    { value: ADD_OWN, name: '+ ajouter un exemple à vous…' },
  ];
  const lead = ref.question.examplesLead ? `${label(ref.question.examplesLead)} ` : '';
  const chosen = await tickMany(`${lead}Quels exemples s'appliquent à votre projet ?`, items, ctx);
  const result = chosen.filter((v) => v !== ADD_OWN);
  if (chosen.includes(ADD_OWN)) {
    for (;;) {
      const text = (await input({ message: `Votre exemple ${styleText('dim', '(Entrée vide pour terminer)')}`, theme: promptTheme(ctx) }, context(ctx))).trim();
      if (text === '') break;
      if (!result.includes(text)) result.push(text);
    }
  }
  return result;
}

/** An optional note, « précisions à apporter ». Returns '' for none. */
export async function askNote(current: string | undefined, ctx: AskContext = {}): Promise<string> {
  const { input } = await load();
  const raw = await input(
    {
      theme: promptTheme(ctx),
      message: `Précisions à apporter ? ${styleText('dim', '(facultatif, Entrée pour passer)')}`,
      ...(current ? { default: current, prefill: 'editable' as const } : {}),
    },
    context(ctx),
  );
  return raw.trim();
}

export type ResumeChoice = 'resume' | 'review' | 'restart';

export interface ResumeSummary {
  answered: number;
  total: number;
  /** Where « reprendre » leads, shown to the user, or null when every question has an answer. */
  nextQuestion: string | null;
  backupName: string;
}

/** An answers file exists: resume, review from the start, or start afresh (old file kept). */
export async function askResumeOrRestart(summary: ResumeSummary, ctx: AskContext = {}): Promise<ResumeChoice> {
  const { select } = await load();
  const resumeName = summary.nextQuestion
    ? `Reprendre là où je m'étais arrêté (${summary.answered}/${summary.total} réponses)`
    : `Reprendre : toutes les questions ont une réponse, écrire le rapport`;
  return select<ResumeChoice>(
    {
      message: 'Que voulez-vous faire ?',
      choices: selectChoices<{ value: ResumeChoice; name: string; description?: string }>(
        [
          { value: 'resume', name: resumeName, ...(summary.nextQuestion ? { description: `Prochaine question : ${label(summary.nextQuestion)}` } : {}) },
          { value: 'review', name: 'Revoir mes réponses depuis la première question' },
          { value: 'restart', name: 'Recommencer à zéro', description: `L'ancien fichier est gardé en copie : ${label(summary.backupName)}` },
        ],
        ctx,
      ),
      loop: false,
      theme: listTheme(ctx),
    },
    context(ctx),
  );
}

export type BrokenFileChoice = 'restart' | 'quit';

/** The answers file cannot be used as it is: start afresh (old file kept) or stop and fix it. */
export async function askBrokenFile(backupName: string, ctx: AskContext = {}): Promise<BrokenFileChoice> {
  const { select } = await load();
  return select<BrokenFileChoice>(
    {
      message: 'Que voulez-vous faire ?',
      choices: selectChoices<{ value: BrokenFileChoice; name: string; description?: string }>(
        [
          { value: 'restart', name: 'Recommencer avec un nouveau fichier', description: `L'ancien fichier est gardé tel quel : ${label(backupName)}` },
          { value: 'quit', name: "Arrêter ici pour corriger le fichier (rien n'est modifié)" },
        ],
        ctx,
      ),
      loop: false,
      theme: listTheme(ctx),
    },
    context(ctx),
  );
}

export interface ProjectIdentity {
  name: string;
  territory?: string;
  respondent?: string;
}

/** The project: name (required), territory and respondent (optional). */
export async function askProject(current: Partial<ProjectIdentity> = {}, ctx: AskContext = {}): Promise<ProjectIdentity> {
  const { input } = await load();
  const name = await input(
    {
      theme: promptTheme(ctx),
      message: 'Nom du projet (même provisoire) :',
      ...(current.name ? { default: label(current.name) } : {}),
      validate: (v: string) => (v.trim() ? true : 'Donnez un nom, même provisoire (ex. « Pôle coopératif du Val de Bray »).'),
    },
    context(ctx),
  );
  const territory = await input(
    {
      theme: promptTheme(ctx),
      message: `Territoire ${styleText('dim', '(ex. « Pays de Bray (60) », facultatif)')} :`,
      ...(current.territory ? { default: label(current.territory) } : {}),
    },
    context(ctx),
  );
  const respondent = await input(
    {
      theme: promptTheme(ctx),
      message: `Votre prénom ${styleText('dim', '(facultatif, utile en atelier à plusieurs)')} :`,
      ...(current.respondent ? { default: label(current.respondent) } : {}),
    },
    context(ctx),
  );
  const out: ProjectIdentity = { name: name.trim() };
  if (territory.trim()) out.territory = territory.trim();
  if (respondent.trim()) out.respondent = respondent.trim();
  return out;
}

/**
 * What `diagnose` asks through: this module implements it over @inquirer/prompts; in-process tests
 * pass a scripted one (only the terminal prompts are replaced, never the questionnaire).
 */
export interface Prompter {
  askProject: typeof askProject;
  askScale: typeof askScale;
  askSingle: typeof askSingle;
  askMulti: typeof askMulti;
  askText: typeof askText;
  askNumber: typeof askNumber;
  askBoolean: typeof askBoolean;
  askExamples: typeof askExamples;
  askNote: typeof askNote;
  askResumeOrRestart: typeof askResumeOrRestart;
  askBrokenFile: typeof askBrokenFile;
}

/** Whether an error means the prompt was cancelled (Ctrl-C, a signal, a closed terminal). */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.name === 'CancelPromptError');
}

/** The question as shown before its prompts: text, help, examples (with their lead). */
export function formatQuestion(ref: QuestionRef): string {
  const q = ref.question;
  const lines = [styleText('bold', label(q.text))];
  if (q.help) lines.push(styleText('dim', label(q.help)));
  if (q.examples.length > 0) {
    lines.push(q.examplesLead ? `Exemples / précisions à apporter — ${label(q.examplesLead)}` : 'Exemples / précisions à apporter :');
    for (const e of q.examples) lines.push(`  • ${label(e)}`);
  }
  return lines.join('\n');
}

/** The answer as one short line, for the echo after a prompt clears itself. */
export function formatValue(ref: QuestionRef, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'sans réponse';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return `${String(value).replace('.', ',')}${ref.question.unit ? ` ${label(ref.question.unit)}` : ''}`;
  const name = (id: string): string => label(ref.choices.find((c) => c.id === id)?.label ?? id);
  if (Array.isArray(value)) return value.length === 0 ? 'aucun' : value.map((v) => name(String(v))).join(', ');
  if (ref.question.type === 'text') return label(String(value));
  return name(String(value));
}
