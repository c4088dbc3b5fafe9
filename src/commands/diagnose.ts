// `cap-ptce diagnose`: the guided questionnaire. Wires the pure flow (questionnaire/flow.ts), the prompts
// (prompts/adapter.ts) and the files. The answers file is rewritten atomically after every answer,
// so that Ctrl-C, SIGTERM, a closed terminal or a crash at any prompt loses nothing.
import { accessSync, constants, copyFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import {
  adoptGrid,
  answersToYaml,
  withParcours,
  applyAnswer,
  buildFlow,
  carryOverRenamed,
  firstOpenPosition,
  newAnswersFile,
  nextStep,
  previousPosition,
  progress,
  progressLine,
  setProject,
  summarize,
  type AnswerPatch,
  type Flow,
} from '../questionnaire/flow.js';
import type { GridIndex, QuestionRef } from '../model/grid-index.js';
import type { AnswersFile } from '../model/schema.js';
import { stripControl } from '../text/escape.js';
import { frenchDateTime, plural } from '../text/french.js';
import { messageWithCommand, wrapTerminal } from '../text/terminal-text.js';
import { frenchProseKeeping } from '../text/typography.js';
import { validateText } from '../validation/validate.js';
import type { Diagnostic } from '../validation/yaml-source.js';
import { checkOutputTarget, fileExists, FileChangedError, readUserFile, safeName, writeFileAtomic } from '../io/files.js';
import type { Io, SessionEvent, SignalSource } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';
import { formatQuestion, formatValue, isPromptCancel, type AskContext, type Asked, type Prompter } from '../prompts/adapter.js';
import { afterChoice, answersFileState, openingStep } from '../questionnaire/resume.js';

export const DEFAULT_ANSWERS = 'cap-ptce-reponses.yaml';
export const DEFAULT_OUT = 'cap-ptce-rapport.md';

export interface DiagnoseOptions {
  grid?: string;
  entries?: string[];
  answers?: string;
  out?: string;
  resume?: boolean;
  /** A short path of the grid (`paths:`), e.g. « essentiel ». */
  parcours?: string;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The process's signals; on SIGHUP the terminal is gone, and writing to it must not crash. */
const processSignals: SignalSource = {
  on: (event, handler) => process.on(event, handler),
  off: (event, handler) => process.removeListener(event, handler),
};

function onHangup(): void {
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

/** Quotes a path for a shell command line only when it needs it. */
function shellArg(s: string): string {
  const clean = stripControl(s);
  return /^[\w@%+=:,./-]+$/.test(clean) ? clean : `'${clean.replace(/'/g, `'\\''`)}'`;
}

export function resumeCommand(options: DiagnoseOptions): string {
  const parts = ['npx', 'cap-ptce', 'diagnose', '--resume'];
  if (options.grid) parts.push('--grid', shellArg(options.grid));
  if (options.entries && options.entries.length > 0) parts.push('--entries', shellArg(options.entries.join(',')));
  if (options.parcours) parts.push('--parcours', shellArg(options.parcours));
  if (options.answers && options.answers !== DEFAULT_ANSWERS) parts.push('--answers', shellArg(options.answers));
  if (options.out && options.out !== DEFAULT_OUT) parts.push('--out', shellArg(options.out));
  return parts.join(' ');
}

/** `cap-ptce-reponses.2026-11-26T10-00-00.bak.yaml`, next to the file; never an existing name. */
export function backupPath(path: string, now: Date, exists: (p: string) => boolean = fileExists): string {
  const ext = extname(path) || '.yaml';
  const stem = basename(path, extname(path));
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  for (let n = 1; ; n++) {
    const candidate = join(dirname(path), `${stem}.${stamp}${n > 1 ? `-${n}` : ''}.bak${ext}`);
    if (!exists(candidate)) return candidate;
  }
}

/** When an answers file was last saved, as French writes it (the raw text, cleaned, when it is not a date). */
function savedAt(iso: string | undefined): string | null {
  return frenchDateTime(iso) ?? (iso ? stripControl(iso) : null);
}

function located(d: Diagnostic): string {
  return `${stripControl(d.file)}:${d.line}:${d.col}  ${stripControl(d.message)}`;
}

/**
 * Fails before the first question (and before anything is read), not after, when a file cannot be
 * written where asked: `''`, a folder, a device or FIFO, a dangling link, one of the inputs, or a
 * folder without write access.
 */
function checkTarget(given: string | undefined, path: string, option: string, inputs: string[], cwd: string): void {
  const example = option === '--out' ? DEFAULT_OUT : DEFAULT_ANSWERS;
  const target = checkOutputTarget(given === '' ? '' : path, { option, inputs, example });
  try {
    accessSync(dirname(target), constants.W_OK);
  } catch {
    throw new UserError(`Écriture refusée dans le dossier de ${safeName(displayPath(path, cwd))} (${option}) : choisissez un dossier où vous pouvez écrire.`, ExitCode.usage);
  }
}

class Interrupted extends Error {
  constructor() {
    super('interrompu');
    this.name = 'AbortPromptError';
  }
}

class Session {
  private readonly controller = new AbortController();
  private readonly handlers = new Map<SessionEvent, () => void>();
  private readonly signals: SignalSource;
  private readonly answersPath: string;
  private readonly outPath: string;
  private adapter!: Prompter;
  private index!: GridIndex;
  private flow!: Flow;
  private file: AnswersFile | null = null;
  /** Whether this session has written the answers file. */
  private saved = false;
  /** The answers file's content as this session last read or wrote it (null: absent). */
  private onDisk: string | null = null;
  /** Whether an answers file was already there (kept untouched until the first save). */
  private existed = false;
  private lastEntryShown = -1;
  /** The project of a file the person chose to start afresh from, offered as defaults. */
  private previousIdentity: { name?: string; territory?: string; respondent?: string | undefined } = {};

  constructor(
    private readonly options: DiagnoseOptions,
    private readonly io: Io,
  ) {
    this.answersPath = resolve(io.cwd, options.answers ?? DEFAULT_ANSWERS);
    this.outPath = resolve(io.cwd, options.out ?? DEFAULT_OUT);
    this.signals = io.signals ?? processSignals;
  }

  /** A path as the person would type it, from the folder the command runs in. */
  private shown(path: string): string {
    return displayPath(path, this.io.cwd);
  }

  private get ctx(): AskContext {
    return { signal: this.controller.signal };
  }

  /**
   * Prints text in French typography, wrapped on word boundaries at the terminal's width of the
   * moment (lists keep their indent). Paths and commands (the session's files, and `verbatim`)
   * stay as they are typed.
   */
  private say(text = '', ...verbatim: string[]): void {
    const kept = [this.answersPath, this.shown(this.answersPath), this.outPath, this.shown(this.outPath), ...verbatim];
    this.io.stdout(`${wrapTerminal(frenchProseKeeping(text, kept), this.io.columns)}\n`);
  }

  /** Signals abort the current prompt; the answers on disk are already complete. */
  installSignalHandlers(): void {
    for (const sig of SIGNALS) {
      const handler = (): void => {
        if (sig === 'SIGHUP' && this.signals === processSignals) onHangup();
        this.controller.abort(sig);
      };
      this.handlers.set(sig, handler);
      this.signals.on(sig, handler);
    }
    this.handlers.set('beforeExit', this.onBeforeExit);
    this.signals.on('beforeExit', this.onBeforeExit);
  }

  /**
   * Ctrl-D closes the prompt's input: the event loop then empties with the prompt still pending,
   * and Node would exit 0 without a word. Cancelling the prompt there gives the usual ending.
   */
  private readonly onBeforeExit = (): void => {
    this.controller.abort('EOF');
  };

  removeSignalHandlers(): void {
    for (const [event, handler] of this.handlers) this.signals.off(event, handler);
    this.handlers.clear();
  }

  /**
   * Saves the answers, unless the file changed since this session last read or wrote it (another
   * `diagnose` on the same file): then nothing is overwritten and the person is told how to resume.
   */
  private save(file: AnswersFile): void {
    const kept = withParcours(file, this.options.parcours);
    const content = answersToYaml(kept, this.index);
    try {
      writeFileAtomic(this.answersPath, content, { expect: this.onDisk });
    } catch (error) {
      if (!(error instanceof FileChangedError)) throw error;
      throw new UserError(error.message, ExitCode.invalid, [
        "Cette réponse-ci n'a pas été enregistrée ; celles déjà dans le fichier sont intactes.",
        `Pour reprendre depuis les réponses enregistrées (une seule session à la fois) : ${resumeCommand(this.options)}`,
      ]);
    }
    this.onDisk = content;
    this.file = kept;
    this.saved = true;
  }

  private record(ref: QuestionRef, patch: AnswerPatch): void {
    this.save(applyAnswer(this.file!, ref.fullId, patch, this.io.now()));
  }

  private checkNotAborted(): void {
    if (this.controller.signal.aborted) throw new Interrupted();
  }

  async run(): Promise<number> {
    // Every path the person gives is relative to the folder the command runs in (io.cwd).
    const gridPath = this.options.grid === undefined ? undefined : resolve(this.io.cwd, this.options.grid);
    const grid = gridPath === undefined ? [] : [gridPath];
    checkTarget(this.options.answers, this.answersPath, '--answers', grid, this.io.cwd);
    checkTarget(this.options.out, this.outPath, '--out', [this.answersPath, ...grid], this.io.cwd);
    const loaded = loadGrid(gridPath, todayIso(this.io.now()));
    this.index = loaded.index;
    this.flow = buildFlow(this.index, this.options.entries, this.options.parcours);
    if (this.flow.refs.length === 0) {
      throw new UserError("Les entrées choisies ne contiennent aucune question : choisissez-en d'autres avec --entries.", ExitCode.usage);
    }
    const { checkReportTarget } = await import('./diagnose-finish.js');
    await checkReportTarget(this.outPath, this.answersPath);
    this.adapter = this.io.prompter ?? (await import('../prompts/adapter.js'));

    this.welcome(loaded.isDefault ? null : loaded.path);

    let start: 'open' | 'beginning' = 'beginning';
    this.existed = fileExists(this.answersPath);
    const opening = this.existed ? null : openingStep('absent', this.options.resume === true);
    if (this.existed) {
      const outcome = await this.openExisting();
      if (typeof outcome === 'number') return outcome;
      start = outcome;
    } else if (opening?.step === 'start' && opening.told) {
      this.say(`Aucun fichier de réponses à reprendre (${this.shown(this.answersPath)}) : le diagnostic commence.`);
      this.say();
    }

    if (!this.file || !this.file.project.name) await this.askIdentity();

    let pos: number | null;
    if (start === 'open') {
      pos = firstOpenPosition(this.flow, this.file!);
      if (pos !== null) {
        const ref = this.flow.refs[pos]!;
        this.say(`Reprise à la question ${ref.questionIndex + 1} de l'entrée « ${stripControl(ref.entry.title)} ».`);
      }
    } else {
      const step = nextStep(this.flow, -1, this.file!);
      this.showSkipped(step.skipped);
      pos = step.pos;
    }

    while (pos !== null) {
      this.checkNotAborted();
      const ref = this.flow.refs[pos]!;
      const answered = await this.askOne(pos, ref);
      if (answered === 'back') {
        pos = previousPosition(this.flow, pos, this.file!);
        continue;
      }
      const step = nextStep(this.flow, pos, this.file!);
      this.showSkipped(step.skipped);
      pos = step.pos;
    }
    return this.finish();
  }

  private welcome(gridPath: string | null): void {
    const grid = this.index.grid;
    const n = this.flow.refs.length;
    const minutes = Math.max(5, Math.round((n * 0.75) / 5) * 5);
    const entries = this.flow.entries.length;
    this.say(`cap-ptce — autodiagnostic de votre projet de Pôle Territorial de Coopération Économique`);
    this.say(`Grille : ${stripControl(grid.title)} (version ${stripControl(grid.version)})${gridPath ? ` — ${this.shown(gridPath)}` : ' — grille intégrée'}`, gridPath ? this.shown(gridPath) : '');
    this.say();
    const path = this.options.parcours ? grid.paths[this.options.parcours] : undefined;
    if (path) {
      this.say(`${stripControl(path.title)} : ${plural(n, 'question', 'questions')} sur les ${this.index.questions.length} de la grille, environ ${path.minutes ?? minutes} minutes.`);
      if (path.description) this.say(stripControl(path.description));
    } else this.say(`${plural(n, 'question', 'questions')} en ${plural(entries, 'entrée', 'entrées')}, environ ${minutes} minutes.`);
    this.say(`Répondez au mieux : « Je ne sais pas » est aussi une réponse utile.`);
    this.say(`Chaque réponse est enregistrée aussitôt dans ${this.answersPath}`);
    this.say(`Vous pouvez vous arrêter à tout moment (Ctrl-C) et reprendre plus tard là où vous en étiez.`);
    this.say(`À la fin, le rapport est écrit dans ${this.shown(this.outPath)}.`);
    this.say();
  }

  /** An answers file is there: read it, say what it holds, and resume, review or restart. */
  private async openExisting(): Promise<'open' | 'beginning' | number> {
    const shown = this.shown(this.answersPath);
    const text = readUserFile(this.answersPath, 'fichier de réponses');
    this.onDisk = text;
    const result = validateText(text, shown, { today: todayIso(this.io.now()), expect: 'answers', grid: this.index });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const state = answersFileState({ exists: true, readable: result.answers !== undefined && result.answers !== null, otherGrid: errors.some((d) => d.code === 'GRID_MISMATCH' || d.code === 'GRID_VERSION') });
    const opening = openingStep(state, this.options.resume === true);

    if (opening.step === 'ask-broken') {
      this.say(`Le fichier de réponses ${shown} ne peut pas être repris tel quel :`);
      for (const d of errors) this.say(`  ${located(d)}`, stripControl(d.file));
      this.say();
      const backup = backupPath(this.answersPath, this.io.now());
      const next = afterChoice(await this.adapter.askBrokenFile(this.shown(backup), this.ctx), false);
      if (next.start === 'stop') {
        this.say(`Rien n'a été modifié. Corrigez le fichier (détail : cap-ptce validate ${shellArg(shown)}) puis relancez, ou choisissez « Recommencer ».`, shellArg(shown));
        return ExitCode.invalid;
      }
      this.makeBackup(backup);
      this.file = null;
      return 'beginning';
    }

    const moved = carryOverRenamed(result.answers!, this.index);
    let file = moved.file;
    const summary = summarize(file, this.index);
    const project = file.project.name ? ` du projet « ${stripControl(file.project.name)} »` : '';
    const date = savedAt(file.updatedAt);
    this.say(`Un fichier de réponses existe déjà${project} : ${shown}`);
    this.say(`Il contient ${summary.answered} ${summary.answered > 1 ? 'réponses' : 'réponse'} sur ${summary.total} questions${date ? `, enregistrées le ${date}` : ''}.`);

    for (const w of result.diagnostics.filter((d) => d.code === 'GRID_VERSION')) this.say(`  ${located(w)}`, stripControl(w.file));
    for (const m of moved.moved) this.say(`  La réponse à « ${stripControl(m.from)} » est reprise pour la question renommée « ${m.to} ».`);
    if (summary.unknown.length > 0) {
      this.say(`  ${plural(summary.unknown.length, 'réponse concerne une question absente', 'réponses concernent des questions absentes')} de cette grille (${summary.unknown.map(stripControl).join(', ')}) : elles restent dans le fichier, hors du rapport.`);
    }
    const invalid = errors.filter((d) => d.code === 'INVALID_ANSWER');
    if (invalid.length > 0) {
      this.say(`  ${plural(invalid.length, 'réponse ne correspond', 'réponses ne correspondent')} plus à la grille ; ces questions vous seront reposées :`);
      for (const d of invalid) this.say(`    ${located(d)}`, stripControl(d.file));
    }
    const needsBackup = invalid.length > 0 || moved.moved.length > 0 || file.grid.version !== this.index.grid.version;
    this.say();

    const backup = backupPath(this.answersPath, this.io.now());
    let choice: 'resume' | 'review' | 'restart';
    if (opening.step === 'resume') {
      choice = 'resume';
    } else {
      const next = firstOpenPosition(this.flow, file);
      choice = await this.adapter.askResumeOrRestart(
        {
          answered: summary.answered,
          total: summary.total,
          nextQuestion: next === null ? null : this.flow.refs[next]!.question.text,
          backupName: this.shown(backup),
        },
        this.ctx,
      );
    }
    const next = afterChoice(choice, needsBackup);
    if (!next.keep) {
      this.makeBackup(backup);
      this.file = null;
      this.previousIdentity = { ...file.project, respondent: file.respondent };
      return 'beginning';
    }
    if (next.backup === 'copy') this.makeBackup(backup, "Copie du fichier tel qu'il était");
    file = adoptGrid(file, this.index);
    this.file = file;
    if (file !== result.answers) this.save(file);
    return next.start === 'open' ? 'open' : 'beginning';
  }

  private makeBackup(path: string, lead = 'Ancien fichier gardé'): void {
    let target = path;
    for (;;) {
      try {
        copyFileSync(this.answersPath, target, constants.COPYFILE_EXCL);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new UserError(`Impossible de garder une copie de ${this.shown(this.answersPath)} (${(error as NodeJS.ErrnoException).code ?? String(error)}) : rien n'a été modifié.`, ExitCode.usage);
        }
        target = backupPath(this.answersPath, this.io.now());
      }
    }
    this.say(`${lead} : ${this.shown(target)}`, this.shown(target));
  }

  private async askIdentity(): Promise<void> {
    this.say('Votre projet');
    const current = this.file
      ? { ...this.file.project, respondent: this.file.respondent }
      : this.previousIdentity;
    const identity = await this.adapter.askProject(
      {
        ...(current.name ? { name: current.name } : {}),
        ...(current.territory ? { territory: current.territory } : {}),
        ...(current.respondent ? { respondent: current.respondent } : {}),
      },
      this.ctx,
    );
    const now = this.io.now();
    const base = this.file ?? newAnswersFile(this.index, now);
    this.save(setProject(base, { name: identity.name, territory: identity.territory }, identity.respondent, now));
    this.say(`  ✔ Projet « ${stripControl(identity.name)} »${identity.territory ? ` (${stripControl(identity.territory)})` : ''} — enregistré dans ${this.shown(this.answersPath)}`);
  }

  private showEntryHeader(ref: QuestionRef): void {
    if (ref.entryIndex === this.lastEntryShown) return;
    this.lastEntryShown = ref.entryIndex;
    const number = this.flow.entries.findIndex((e) => e.id === ref.entry.id) + 1;
    const title = `Entrée ${number}/${this.flow.entries.length} · ${stripControl(ref.entry.title)}`;
    this.say();
    this.say(`━━ ${title} ━━`);
    if (ref.entry.intro) this.say(stripControl(ref.entry.intro));
    if (ref.entry.dossier.length > 0) {
      this.say(`Nourrit le dossier de candidature AMI : ${ref.entry.dossier.map((s) => `« ${stripControl(s)} »`).join(', ')}`);
    }
  }

  private showSkipped(positions: number[]): void {
    for (const pos of positions) {
      const ref = this.flow.refs[pos]!;
      this.showEntryHeader(ref);
      const text = stripControl(ref.question.text);
      // Shortened at a word's end, never inside a word.
      const short = text.length > 60 ? `${text.slice(0, 60).replace(/\s+\S*$/, '')}…` : text;
      this.say(`↷ Question ${ref.questionIndex + 1}/${ref.entry.questions.length} passée, sans objet d'après vos réponses : « ${short} »`);
    }
  }

  private async askValue(ref: QuestionRef, canGoBack: boolean): Promise<Asked<unknown>> {
    const a = this.adapter;
    const v = this.file!.answers[ref.fullId]?.value;
    const opts = { canGoBack };
    switch (ref.question.type) {
      case 'scale':
        return a.askScale(ref, typeof v === 'string' ? v : undefined, opts, this.ctx);
      case 'single':
        return a.askSingle(ref, typeof v === 'string' ? v : undefined, opts, this.ctx);
      case 'multi':
        return a.askMulti(ref, Array.isArray(v) ? v : undefined, opts, this.ctx);
      case 'text':
        return a.askText(ref, typeof v === 'string' ? v : undefined, opts, this.ctx);
      case 'number':
        return a.askNumber(ref, typeof v === 'number' ? v : undefined, opts, this.ctx);
      case 'boolean':
        return a.askBoolean(ref, typeof v === 'boolean' ? v : undefined, opts, this.ctx);
    }
  }

  /** Asks one question (answer, examples, note), saving after each. */
  private async askOne(pos: number, ref: QuestionRef): Promise<'done' | 'back'> {
    this.showEntryHeader(ref);
    this.say();
    this.say(progressLine(progress(this.flow, pos, this.file!)));
    this.say(formatQuestion(ref));

    const canGoBack = previousPosition(this.flow, pos, this.file!) !== null;
    const asked = await this.askValue(ref, canGoBack);
    if (asked.kind === 'back') return 'back';
    if (asked.kind === 'skip') {
      this.record(ref, { value: undefined });
      this.say("  ✔ Sans réponse pour l'instant.");
    } else {
      this.record(ref, { value: asked.value as AnswerPatch['value'] });
      this.say(`  ✔ ${formatValue(ref, asked.value)}`);
    }

    const answer = this.file!.answers[ref.fullId]!;
    const choice = typeof answer.value === 'string' ? ref.choices.find((c) => c.id === answer.value) : undefined;
    // Examples say what the answer rests on: not asked after « Non concerné » or « Je ne sais pas ».
    const outOfScope = choice !== undefined && (choice.na === true || choice.score === null);
    if (ref.question.examples.length > 0 && asked.kind === 'answer' && !outOfScope) {
      const examples = await this.adapter.askExamples(ref, answer.examples, this.ctx);
      this.record(ref, { examples });
      this.say(`  ✔ Exemples retenus : ${examples.length === 0 ? 'aucun' : examples.map(stripControl).join(' ; ')}`);
    }
    if (ref.question.type !== 'text') {
      const note = await this.adapter.askNote(this.file!.answers[ref.fullId]?.note, this.ctx);
      this.record(ref, { note });
      if (note) this.say(`  ✔ Précisions : ${stripControl(note)}`);
    }
    return 'done';
  }

  private async finish(): Promise<number> {
    const file = this.file!;
    const p = progress(this.flow, 0, file);
    this.say();
    this.say(`━━ Questionnaire terminé ━━`);
    const na = p.notApplicable > 0 ? ` (${plural(p.notApplicable, 'question sans objet', 'questions sans objet')})` : '';
    this.say(`${p.answered} ${p.answered > 1 ? 'réponses' : 'réponse'} sur ${p.applicable} questions${na}.`);
    if (p.answered < p.applicable) {
      const left = p.applicable - p.answered;
      this.say(`${plural(left, 'question reste sans réponse : le rapport la signale', 'questions restent sans réponse : le rapport les signale')}.`);
    }
    this.checkNotAborted();
    const { finishDiagnose } = await import('./diagnose-finish.js');
    await finishDiagnose(this.index, file, this.outPath, this.answersPath, this.io);
    return ExitCode.ok;
  }

  /** What is printed when the session is cut short: what was kept, then the command to go on. */
  interruptedMessage(columns: number): string {
    const shown = this.shown(this.answersPath);
    const resume = resumeCommand(this.options);
    const tell = (message: string, label: string, command: string): string => messageWithCommand(message, label, command, columns, [shown]);
    if (this.file && (this.saved || this.existed)) {
      const n = this.index ? summarize(this.file, this.index).answered : 0;
      const kept = n === 0 ? 'aucune réponse encore, projet enregistré' : plural(n, 'réponse enregistrée', 'réponses enregistrées');
      return tell(`Interrompu : ${kept} dans ${shown}.`, 'Pour reprendre :', resume);
    }
    if (this.existed) return tell(`Interrompu : rien n'a été modifié, vos réponses restent dans ${shown}.`, 'Pour reprendre :', resume);
    return tell('Interrompu avant la première réponse : aucun fichier écrit.', 'Pour commencer :', 'npx cap-ptce diagnose');
  }
}

export async function runDiagnose(options: DiagnoseOptions, io: Io): Promise<number> {
  if (!io.isInteractive) {
    const answers = shellArg(options.answers ?? DEFAULT_ANSWERS);
    throw new UserError(
      "cap-ptce diagnose pose des questions : lancez-le dans un terminal (ici, l'entrée ou la sortie n'est pas un terminal, rien n'a été demandé).",
      ExitCode.usage,
      [`Pour produire un rapport à partir d'un fichier de réponses : npx cap-ptce report ${answers}`, `Pour vérifier un fichier de réponses : npx cap-ptce validate ${answers}`],
    );
  }
  const session = new Session(options, io);
  session.installSignalHandlers();
  try {
    return await session.run();
  } catch (error) {
    if (!isPromptCancel(error)) throw error;
    io.stderr(`${session.interruptedMessage(io.columns)}\n`);
    return ExitCode.interrupted;
  } finally {
    session.removeSignalHandlers();
  }
}
