// `cap-ptce diagnose --participants "Claire,Mehdi,Sophie" --dir atelier/`: the round table. One
// terminal, the question asked once, each participant's answer in turn with one key, an optional
// shared note; where the answers spread by half the scale or more, an optional group position.
// Each participant's answers file (atelier/claire.yaml…) is rewritten atomically after every
// answer, so Ctrl-C, SIGTERM or a closed terminal lose nothing and the same command resumes;
// `report atelier/` then gives the synthesis, unchanged. The logic is in questionnaire/round-table.ts.
import { copyFileSync, constants, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { spreadsWidely, withGroupPosition } from '../analysis/group-position.js';
import type { GridIndex, QuestionRef } from '../model/grid-index.js';
import type { AnswersFile, Dissent, GroupPosition } from '../model/schema.js';
import { adoptGrid, answersToYaml, applyAnswer, buildFlow, carryOverRenamed, newAnswersFile, progress, setProject, withParcours, type AnswerPatch, type Flow } from '../questionnaire/flow.js';
import {
  answeredCount,
  appliesTo,
  firstOpenRoundPosition,
  nextRoundPosition,
  parseParticipants,
  scaleKeys,
  scaleLegend,
  toAsk,
  type Participant,
} from '../questionnaire/round-table.js';
import { stripControl } from '../text/escape.js';
import { messageWithCommand, wrapTerminal } from '../text/terminal-text.js';
import { frenchProseKeeping } from '../text/typography.js';
import { validateText } from '../validation/validate.js';
import { fileExists, FileChangedError, readUserFile, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/io.js';
import { displayPath, loadGrid, todayIso } from '../io/load.js';
import type { AskContext } from '../prompts/adapter.js';
import { listTheme, promptTheme } from '../prompts/theme.js';
import { backupPath } from './diagnose.js';

export const DEFAULT_ROUND_TABLE_DIR = 'atelier';

export interface RoundTableOptions {
  participants: string;
  dir?: string;
  grid?: string;
  entries?: string[];
  parcours?: string;
  resume?: boolean;
}

type Adapter = typeof import('../prompts/adapter.js');
type OneKey = typeof import('../prompts/one-key.js');

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function shellArg(s: string): string {
  const clean = stripControl(s);
  return /^[\w@%+=:,./-]+$/.test(clean) ? clean : `'${clean.replace(/'/g, `'\\''`)}'`;
}

export function roundTableCommand(options: RoundTableOptions, participants: readonly Participant[]): string {
  const parts = ['npx', 'cap-ptce', 'diagnose', '--participants', shellArg(participants.map((p) => p.name).join(',')), '--dir', shellArg(options.dir ?? DEFAULT_ROUND_TABLE_DIR)];
  if (options.grid) parts.push('--grid', shellArg(options.grid));
  if (options.entries && options.entries.length > 0) parts.push('--entries', shellArg(options.entries.join(',')));
  if (options.parcours) parts.push('--parcours', shellArg(options.parcours));
  return parts.join(' ');
}

class RoundTable {
  private readonly controller = new AbortController();
  private readonly handlers = new Map<string, () => void>();
  private readonly dir: string;
  private readonly participants: Participant[];
  private adapter!: Adapter;
  private keys!: OneKey;
  private index!: GridIndex;
  private flow!: Flow;
  private files: AnswersFile[] = [];
  /** Each file as this table last read or wrote it (null: absent), checked before each save. */
  private readonly onDisk: (string | null)[] = [];
  private saved = false;
  private lastEntryShown = -1;

  constructor(
    private readonly options: RoundTableOptions,
    private readonly io: Io,
  ) {
    this.participants = parseParticipants(options.participants);
    this.dir = resolve(io.cwd, options.dir ?? DEFAULT_ROUND_TABLE_DIR);
  }

  private get ctx(): AskContext {
    return { signal: this.controller.signal };
  }

  /**
   * Prints text in French typography, wrapped on word boundaries at the terminal's width (lines
   * keep their indent). The folder, the files and `verbatim` (commands) stay as they are typed.
   */
  private say(text = '', ...verbatim: string[]): void {
    const dir = displayPath(this.dir);
    const kept = [dir, `${dir}/`, ...this.participants.map((p) => p.fileName), ...verbatim];
    this.io.stdout(`${wrapTerminal(frenchProseKeeping(text, kept), this.io.columns)}\n`);
  }

  private pathOf(i: number): string {
    return join(this.dir, this.participants[i]!.fileName);
  }

  installSignalHandlers(): void {
    for (const sig of SIGNALS) {
      const handler = (): void => {
        if (sig === 'SIGHUP') {
          process.stdout.on('error', () => {});
          process.stderr.on('error', () => {});
        }
        this.controller.abort(sig);
      };
      this.handlers.set(sig, handler);
      process.on(sig, handler);
    }
    process.on('beforeExit', this.onBeforeExit);
  }

  private readonly onBeforeExit = (): void => {
    this.controller.abort('EOF');
  };

  removeSignalHandlers(): void {
    for (const [sig, handler] of this.handlers) process.removeListener(sig, handler);
    this.handlers.clear();
    process.removeListener('beforeExit', this.onBeforeExit);
  }

  private save(i: number, file: AnswersFile): void {
    const kept = withParcours(file, this.options.parcours);
    const content = answersToYaml(kept, this.index);
    try {
      // As diagnose does: another session (a second table, a diagnose) on the same file is not erased.
      writeFileAtomic(this.pathOf(i), content, { expect: this.onDisk[i] ?? null });
    } catch (error) {
      if (!(error instanceof FileChangedError)) throw error;
      throw new UserError(error.message, ExitCode.invalid, [
        "Cette réponse-ci n'a pas été enregistrée ; celles déjà dans les fichiers sont intactes.",
        `Pour reprendre depuis les réponses enregistrées (une seule table à la fois sur ce dossier) : ${roundTableCommand(this.options, this.participants)}`,
      ]);
    }
    this.onDisk[i] = content;
    this.files[i] = kept;
    this.saved = true;
  }

  private record(i: number, ref: QuestionRef, patch: AnswerPatch): void {
    this.save(i, applyAnswer(this.files[i]!, ref.fullId, patch, this.io.now()));
  }

  private checkNotAborted(): void {
    if (this.controller.signal.aborted) {
      const e = new Error('interrompu');
      e.name = 'AbortPromptError';
      throw e;
    }
  }

  private prepareDir(): void {
    const shown = displayPath(this.dir);
    try {
      if (!statSync(this.dir).isDirectory()) throw new UserError(`${shown} existe et n’est pas un dossier : choisissez un dossier avec --dir (ex. --dir atelier/).`, ExitCode.usage);
      return;
    } catch (error) {
      if (error instanceof UserError) throw error;
    }
    try {
      mkdirSync(this.dir);
    } catch (error) {
      throw new UserError(`Impossible de créer le dossier ${shown} (${(error as NodeJS.ErrnoException).code ?? String(error)}) : créez-le ou choisissez-en un autre avec --dir.`, ExitCode.usage);
    }
  }

  async run(): Promise<number> {
    const loaded = loadGrid(this.options.grid === undefined ? undefined : resolve(this.io.cwd, this.options.grid), todayIso(this.io.now()));
    this.index = loaded.index;
    this.flow = buildFlow(this.index, this.options.entries, this.options.parcours);
    if (this.flow.refs.length === 0) throw new UserError('Les entrées choisies ne contiennent aucune question : choisissez-en d’autres avec --entries.', ExitCode.usage);
    this.prepareDir();
    [this.adapter, this.keys] = await Promise.all([import('../prompts/adapter.js'), import('../prompts/one-key.js')]);

    this.welcome();
    const existing = this.participants.map((_, i) => fileExists(this.pathOf(i)));
    let resuming = false;
    if (existing.some(Boolean)) {
      const outcome = await this.openExisting(existing);
      if (typeof outcome === 'number') return outcome;
      resuming = outcome;
    }
    if (!this.files.every(Boolean) || !this.files[0]?.project.name) await this.askIdentity();

    let pos = resuming ? firstOpenRoundPosition(this.flow, this.files) : nextRoundPosition(this.flow, -1, this.files);
    if (resuming && pos !== null) this.say(`Reprise à la question « ${stripControl(this.flow.refs[pos]!.question.text)} ».`);
    let onlyOpen = resuming;
    while (pos !== null) {
      this.checkNotAborted();
      await this.askQuestion(pos, onlyOpen);
      onlyOpen = false;
      pos = nextRoundPosition(this.flow, pos, this.files);
    }
    return this.finish();
  }

  private welcome(): void {
    const grid = this.index.grid;
    const n = this.flow.refs.length;
    const minutes = Math.max(10, Math.round((n * (0.5 + 0.25 * this.participants.length)) / 5) * 5);
    this.say('cap-ptce — table ronde : un autodiagnostic à plusieurs, dans un seul terminal');
    this.say(`Grille : ${stripControl(grid.title)} (version ${stripControl(grid.version)})`);
    const path = this.options.parcours ? grid.paths[this.options.parcours] : undefined;
    this.say(`${path ? `${stripControl(path.title)} : ` : ''}${n} ${n > 1 ? 'questions' : 'question'}, ${this.participants.length} participants (${this.participants.map((p) => p.name).join(', ')}), environ ${minutes} minutes.`);
    this.say('Chaque question est posée une fois ; chacun répond à son tour d’une touche :');
    this.say('  0 à 3 sur l’échelle, « ? » Je ne sais pas, « - » Non concerné, Entrée : comme la personne précédente,');
    this.say('  Retour arrière : corriger la réponse de la personne précédente.');
    this.say(`Chaque réponse est enregistrée aussitôt dans ${displayPath(this.dir)}/, un fichier par personne (${this.participants.map((p) => p.fileName).join(', ')}).`);
    this.say('Ctrl-C pour s’arrêter : la même commande reprend là où vous en étiez.');
    this.say();
  }

  /** Some files are there: resume them (by default), or start afresh with copies kept. */
  private async openExisting(existing: boolean[]): Promise<boolean | number> {
    const found: (AnswersFile | null)[] = [];
    const broken: number[] = [];
    existing.forEach((exists, i) => {
      if (!exists) {
        found.push(null);
        return;
      }
      const shown = displayPath(this.pathOf(i));
      const text = readUserFile(this.pathOf(i), 'fichier de réponses');
      this.onDisk[i] = text;
      const result = validateText(text, shown, { today: todayIso(this.io.now()), expect: 'answers', grid: this.index });
      const fatal = !result.answers || result.diagnostics.some((d) => d.severity === 'error' && (d.code === 'GRID_MISMATCH' || d.code === 'GRID_VERSION'));
      if (fatal) {
        broken.push(i);
        found.push(null);
      } else found.push(adoptGrid(carryOverRenamed(result.answers!, this.index).file, this.index));
    });
    const total = found.reduce((n, f) => n + (f ? Object.values(f.answers).filter((a) => a.value !== undefined).length : 0), 0);
    this.say(`Le dossier ${displayPath(this.dir)} contient déjà les réponses de ${found.map((f, i) => (f ? this.participants[i]!.name : null)).filter(Boolean).join(', ') || 'personne'} (${total} ${total > 1 ? 'réponses' : 'réponse'}).`);
    for (const i of broken) this.say(`  ${displayPath(this.pathOf(i))} ne peut pas être repris tel quel (détail : npx cap-ptce validate ${shellArg(displayPath(this.pathOf(i)))}) : il sera gardé en copie.`, displayPath(this.pathOf(i)), shellArg(displayPath(this.pathOf(i))));
    let restart = false;
    if (!this.options.resume) {
      const { select } = await import('@inquirer/prompts');
      restart =
        (await select<'resume' | 'restart'>(
          {
            message: 'Que voulez-vous faire ?',
            choices: this.adapter.selectChoices<{ value: 'resume' | 'restart'; name: string; description?: string }>(
              [
                { value: 'resume', name: 'Reprendre là où la table s’était arrêtée' },
                { value: 'restart', name: 'Recommencer à zéro', description: 'Les fichiers actuels sont gardés en copie, datée, dans le même dossier.' },
              ],
              this.ctx,
            ),
            loop: false,
            theme: listTheme(this.ctx),
          },
          { ...this.ctx, clearPromptOnDone: true },
        )) === 'restart';
    }
    const now = this.io.now();
    this.participants.forEach((p, i) => {
      const keep = !restart && found[i];
      if (existing[i] && !keep) this.backup(i);
      const base = keep ? found[i]! : newAnswersFile(this.index, now, found.find(Boolean)?.project ?? {}, p.name);
      this.files[i] = base;
    });
    // Everyone's file exists from now on, with the same project.
    this.participants.forEach((p, i) => {
      if (!existing[i] || restart || !found[i]) this.save(i, setProject(this.files[i]!, this.files.find((f) => f?.project.name)?.project ?? {}, p.name, now));
    });
    return !restart;
  }

  private backup(i: number): void {
    const target = backupPath(this.pathOf(i), this.io.now());
    copyFileSync(this.pathOf(i), target, constants.COPYFILE_EXCL);
    this.say(`Copie gardée : ${displayPath(target)}`, displayPath(target));
  }

  private async askIdentity(): Promise<void> {
    const { input } = await import('@inquirer/prompts');
    const theme = promptTheme(this.ctx);
    const current = this.files.find((f) => f?.project.name)?.project ?? {};
    this.say('Votre projet');
    const name = await input(
      {
        message: 'Nom du projet (même provisoire) :',
        theme,
        ...(current.name ? { default: stripControl(current.name) } : {}),
        validate: (v: string) => (v.trim() ? true : 'Donnez un nom, même provisoire (ex. « Pôle coopératif du Val de Bray »).'),
      },
      { ...this.ctx, clearPromptOnDone: false },
    );
    const territory = await input(
      { message: 'Territoire (facultatif) :', theme, ...(current.territory ? { default: stripControl(current.territory) } : {}) },
      { ...this.ctx, clearPromptOnDone: false },
    );
    const now = this.io.now();
    const project = { name: name.trim(), ...(territory.trim() ? { territory: territory.trim() } : {}) };
    this.participants.forEach((p, i) => {
      this.save(i, setProject(this.files[i] ?? newAnswersFile(this.index, now), project, p.name, now));
    });
    this.say(`  ✔ Projet « ${stripControl(project.name)} » — un fichier par personne dans ${displayPath(this.dir)}`);
  }

  private showEntryHeader(ref: QuestionRef): void {
    if (ref.entryIndex === this.lastEntryShown) return;
    this.lastEntryShown = ref.entryIndex;
    const number = this.flow.entries.findIndex((e) => e.id === ref.entry.id) + 1;
    this.say();
    this.say(`━━ Entrée ${number}/${this.flow.entries.length} · ${stripControl(ref.entry.title)} ━━`);
  }

  private label(ref: QuestionRef, value: unknown): string {
    return this.adapter.formatValue(ref, value);
  }

  /** The question once; each participant in turn; then a group position where needed, and the note. */
  private async askQuestion(pos: number, onlyOpen: boolean): Promise<void> {
    const ref = this.flow.refs[pos]!;
    this.showEntryHeader(ref);
    this.say();
    const p = progress(this.flow, pos, this.files[0]!);
    this.say(`Question ${pos + 1}/${this.flow.refs.length} · entrée ${p.entryNumber}/${p.entryCount}, question ${p.questionNumber}/${p.questionCount}`);
    this.say(this.adapter.formatQuestion(ref));
    const who = toAsk(this.flow, pos, this.files, onlyOpen);
    this.files.forEach((f, i) => {
      if (!appliesTo(this.flow, pos, f)) this.say(`  ↷ ${this.participants[i]!.name} : sans objet d’après ses réponses`);
      else if (!who.includes(i)) this.say(`  ✔ ${this.participants[i]!.name} : ${this.label(ref, f.answers[ref.fullId]?.value)} (déjà répondu)`);
    });

    const keys = ref.question.type === 'scale' ? scaleKeys(ref) : null;
    if (keys) {
      this.say(scaleLegend(keys));
      const byKey = Object.fromEntries(keys.map((k) => [k.key, { value: k.choice, label: k.label }]));
      for (let w = 0; w < who.length; ) {
        this.checkNotAborted();
        const i = who[w]!;
        const prevValue = w > 0 ? this.files[who[w - 1]!]!.answers[ref.fullId]?.value : this.files[i]!.answers[ref.fullId]?.value;
        const prev = keys.find((k) => k.choice === prevValue);
        const answer = await this.keys.askKey(
          {
            message: `${this.participants[i]!.name} :`,
            keys: byKey,
            enter: prev ? { value: prev.choice, label: prev.label } : undefined,
            canGoBack: w > 0,
            help: `Tapez ${keys.map((k) => k.key).join(', ')}${prev ? ', ou Entrée' : ''}.`,
          },
          this.ctx,
        );
        if (answer.kind === 'back') {
          w--;
          continue;
        }
        this.record(i, ref, { value: answer.value });
        w++;
      }
      await this.offerPosition(ref, pos);
    } else {
      for (let w = 0; w < who.length; w++) {
        this.checkNotAborted();
        const i = who[w]!;
        this.say(`${this.participants[i]!.name} :`);
        const own = this.files[i]!.answers[ref.fullId]?.value;
        // Enter keeps the previous participant's answer, as with the scale (not for free text: each their own words).
        const previous = w > 0 && ref.question.type !== 'text' ? this.files[who[w - 1]!]!.answers[ref.fullId]?.value : undefined;
        const current = own ?? previous;
        const asked = await this.askValue(ref, current);
        if (asked.kind === 'answer') this.record(i, ref, { value: asked.value as AnswerPatch['value'] });
        else this.record(i, ref, { value: undefined });
        this.say(`  ✔ ${this.participants[i]!.name} : ${this.label(ref, this.files[i]!.answers[ref.fullId]?.value)}`);
      }
    }
    if (ref.question.type !== 'text') await this.askSharedNote(ref, pos);
  }

  private async askValue(ref: QuestionRef, current: unknown): ReturnType<Adapter['askScale']> {
    const a = this.adapter;
    const opts = { canGoBack: false };
    switch (ref.question.type) {
      case 'scale':
        return a.askScale(ref, typeof current === 'string' ? current : undefined, opts, this.ctx);
      case 'single':
        return a.askSingle(ref, typeof current === 'string' ? current : undefined, opts, this.ctx);
      case 'multi':
        return a.askMulti(ref, Array.isArray(current) ? current : undefined, opts, this.ctx) as never;
      case 'text':
        return a.askText(ref, typeof current === 'string' ? current : undefined, opts, this.ctx);
      case 'number':
        return a.askNumber(ref, typeof current === 'number' ? current : undefined, opts, this.ctx) as never;
      case 'boolean':
        return a.askBoolean(ref, typeof current === 'boolean' ? current : undefined, opts, this.ctx) as never;
    }
  }

  /** Where the answers spread by half the scale or more: the group may record a common position. */
  private async offerPosition(ref: QuestionRef, pos: number): Promise<void> {
    const asked = this.files.map((f, i) => ({ f, i })).filter(({ f }) => appliesTo(this.flow, pos, f));
    const values = asked.map(({ f }) => {
      const v = f.answers[ref.fullId]?.value;
      return typeof v === 'string' ? v : undefined;
    });
    if (!spreadsWidely(ref, values)) return;
    if (asked.some(({ f }) => f.answers[ref.fullId]?.position)) return; // recorded before a resume
    const spread = asked.map(({ f, i }) => `${this.participants[i]!.name} « ${this.label(ref, f.answers[ref.fullId]?.value)} »`).join(', ');
    this.say(`Les réponses s’écartent d’au moins la moitié de l’échelle : ${spread}.`);
    if (!(await this.keys.askYesNo('Noter une position commune ? o : oui, n : non', this.ctx))) return;
    const keys = scaleKeys(ref)!;
    const chosen = await this.keys.askKey(
      {
        message: 'Réponse retenue par le groupe :',
        keys: Object.fromEntries(keys.map((k) => [k.key, { value: k.choice, label: k.label }])),
        enter: { value: '', label: 'aucune, seulement des mots' },
        canGoBack: false,
        help: `Tapez ${keys.map((k) => k.key).join(', ')}, ou Entrée pour n’en retenir aucune.`,
      },
      this.ctx,
    );
    const note = await this.keys.askLine('La position commune, en quelques mots', this.ctx);
    const names = asked.map(({ i }) => this.participants[i]!.name);
    const dissenting = await this.keys.askWho('Qui ne partage pas cette position ? (espace pour cocher, Entrée pour valider)', names, this.ctx);
    const dissent: Dissent[] = [];
    for (const d of dissenting) {
      const name = names[d]!;
      const why = await this.keys.askLine(`Pourquoi, ${name} ?`, this.ctx);
      dissent.push({ respondent: name, ...(why ? { why } : {}) });
    }
    const position: GroupPosition = {};
    if (chosen.kind === 'answer' && chosen.value) position.value = chosen.value;
    if (note) position.note = note;
    if (dissent.length > 0) position.dissent = dissent;
    if (Object.keys(position).length === 0) {
      this.say('  Aucune position notée.');
      return;
    }
    // The same position in every participant's file: each file stays complete on its own.
    asked.forEach(({ i }) => this.save(i, withGroupPosition(this.files[i]!, ref.fullId, position)));
    this.say('  ✔ Position commune enregistrée dans le fichier de chacun.');
  }

  private async askSharedNote(ref: QuestionRef, pos: number): Promise<void> {
    const asked = this.files.map((f, i) => ({ f, i })).filter(({ f }) => appliesTo(this.flow, pos, f));
    const current = asked.map(({ f }) => f.answers[ref.fullId]?.note).find((n) => n);
    const note = await this.adapter.askNote(current, this.ctx);
    for (const { i } of asked) this.record(i, ref, { note });
    if (note) this.say(`  ✔ Précisions communes : ${stripControl(note)}`);
  }

  private async finish(): Promise<number> {
    this.say();
    this.say('━━ Table ronde terminée ━━');
    const n = answeredCount(this.flow, this.files);
    this.say(`${n} ${n > 1 ? 'réponses' : 'réponse'} enregistrées, un fichier par personne :`);
    this.participants.forEach((p, i) => this.say(`  ${p.name} : ${displayPath(this.pathOf(i))}`, displayPath(this.pathOf(i))));
    this.checkNotAborted();
    const [{ prepareReport }, { writeReport }] = await Promise.all([import('./report.js'), import('../io/report-file.js')]);
    const quiet: Io = { ...this.io, stderr: () => {} };
    const rendered = prepareReport([this.dir], this.options.grid === undefined ? {} : { grid: this.options.grid }, quiet);
    const target = join(this.dir, 'cap-ptce-synthese.md');
    let written: string | null = null;
    try {
      written = writeReport(target, rendered.content, { answers: [this.dir], format: 'md' });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.say(`Synthèse non écrite : ${error.message}`);
    }
    const data = rendered.data as { workshop?: { divergences: unknown[] } };
    if (written) this.say(`Synthèse : ${displayPath(written)}${data.workshop ? ` (${data.workshop.divergences.length} ${data.workshop.divergences.length > 1 ? 'questions' : 'question'} à discuter)` : ''}`, displayPath(written));
    const project = `npx cap-ptce report ${shellArg(displayPath(this.dir))} --format html`;
    this.say(`Pour la projeter : ${project}`, project);
    return ExitCode.ok;
  }

  /** What is printed when the table is cut short: what was kept, then the command to go on. */
  interruptedMessage(columns: number): string {
    const resume = roundTableCommand(this.options, this.participants);
    if (!this.saved) return messageWithCommand('Interrompu avant la première réponse : aucun fichier écrit.', 'Pour commencer :', resume, columns);
    const n = this.index && this.flow ? answeredCount(this.flow, this.files.filter(Boolean)) : 0;
    const dir = displayPath(this.dir);
    return messageWithCommand(`Interrompu : ${n} ${n > 1 ? 'réponses enregistrées' : 'réponse enregistrée'} dans ${dir}.`, 'Pour reprendre :', resume, columns, [dir]);
  }
}

export async function runRoundTable(options: RoundTableOptions, io: Io): Promise<number> {
  if (!io.isInteractive) {
    throw new UserError(
      'La table ronde pose des questions : lancez-la dans un terminal (ici, l’entrée ou la sortie n’est pas un terminal, rien n’a été demandé).',
      ExitCode.usage,
      [`Pour la synthèse de fichiers de réponses : npx cap-ptce report ${shellArg(options.dir ?? DEFAULT_ROUND_TABLE_DIR)}`],
    );
  }
  const table = new RoundTable(options, io);
  table.installSignalHandlers();
  try {
    return await table.run();
  } catch (error) {
    const { isPromptCancel } = await import('../prompts/adapter.js');
    if (!isPromptCancel(error)) throw error;
    io.stderr(`${table.interruptedMessage(io.columns)}\n`);
    return ExitCode.interrupted;
  } finally {
    table.removeSignalHandlers();
  }
}
