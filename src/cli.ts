// Declares the commands and hands a typed options object to one function per command. The only
// place where the process exits. Heavy modules are imported inside actions so that `--version`
// and `validate` stay fast.
import { Argument, Command, CommanderError, Option } from 'commander';
import { commandHelpAfter, PROGRAM_HELP_AFTER } from './commands/help-texts.js';
import { DomainError, ExitCode, UserError, type DomainErrorKind } from './errors.js';
import type { Io } from './io/io.js';
import { processIo } from './io/io.js';
import { yieldHelperThreads } from './io/helper-threads.js';
import { safeMessage } from './text/safe-name.js';
import { didYouMean } from './text/suggest.js';

declare const __VERSION__: string | undefined;

function version(): string {
  return typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
}

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export function buildProgram(baseIo: Io, setExit: (code: number) => void): Command {
  // The Io the commands get: the preAction hook adjusts it (--quiet, --out -) before the action runs.
  // Copied with its getters, not their values: the terminal's width is read when text is drawn.
  const io: Io = Object.defineProperties({}, Object.getOwnPropertyDescriptors(baseIo)) as Io;
  const program = new Command();
  program
    .name('cap-ptce')
    .description("Autodiagnostic guidé pour préparer un Pôle Territorial de Coopération Économique (grille CAP PTCE)")
    .version(version(), '-V, --version', 'affiche la version')
    .helpOption('-h, --help', "affiche l'aide")
    .helpCommand(false)
    .option('-q, --quiet', 'seulement les erreurs : ni résumé, ni chemins écrits, ni conseils')
    .configureOutput(commanderOutput(baseIo))
    .addHelpText('after', PROGRAM_HELP_AFTER)
    .exitOverride()
    .showSuggestionAfterError(true)
    .hook('preAction', async (_program, command) => {
      const { applyProjectSettings } = await import('./commands/project-settings.js');
      await applyProjectSettings(command, io, baseIo);
    });

  program
    .command('diagnose')
    .description('questionnaire guidé, entrée par entrée, puis rapport de préparation')
    .option('-g, --grid <fichier>', 'grille de questions (par défaut : la grille CAP PTCE intégrée)')
    .option('--entries <ids>', 'seulement ces entrées, séparées par des virgules (ex. objectifs,acteurs)', list)
    .option('--answers <fichier>', 'fichier de réponses', 'cap-ptce-reponses.yaml')
    .option('-o, --out <fichier>', 'rapport Markdown', 'cap-ptce-rapport.md')
    .option('--resume', 'reprendre le fichier de réponses existant sans poser la question')
    .option('--parcours <id>', 'parcours court de la grille (ex. essentiel : une dizaine de minutes)')
    .option('--participants <prénoms>', 'table ronde : les participants, séparés par des virgules (ex. "Claire,Mehdi,Sophie")')
    .option('--dir <dossier>', 'table ronde : le dossier des fichiers de réponses, un par personne (par défaut : atelier)')
    .action(async (options, command: Command) => {
      if (options.participants !== undefined) {
        // The round table writes one file per participant in --dir: --answers and --out do not apply.
        const given = ['answers', 'out'].filter((o) => command.getOptionValueSource(o) === 'cli');
        if (given.length > 0) throw new UserError(`--${given[0]} ne s’applique pas à la table ronde : ses fichiers vont dans --dir (un par personne), la synthèse aussi.`, ExitCode.usage);
        const { runRoundTable } = await import('./commands/round-table.js');
        setExit(await runRoundTable(options, io));
        return;
      }
      if (options.dir !== undefined) throw new UserError('--dir sert à la table ronde : ajoutez --participants "Claire,Mehdi,Sophie", ou choisissez le fichier de réponses avec --answers.', ExitCode.usage);
      const { runDiagnose } = await import('./commands/diagnose.js');
      setExit(await runDiagnose(options, io));
    });

  program
    .command('report')
    .description("rapport de préparation à partir d'un ou plusieurs fichiers de réponses")
    .argument('<réponses...>', 'fichiers de réponses (ou un dossier)')
    .option('-g, --grid <fichier>', 'grille de questions (par défaut : la grille CAP PTCE intégrée)')
    .addOption(new Option('-f, --format <format>', 'format du rapport').choices(['md', 'json', 'html', 'csv']).default('md'))
    .option('-o, --out <fichier>', 'fichier où écrire le rapport')
    .option('--template <fichier>', 'modèle Handlebars à utiliser à la place du modèle intégré')
    .option('--full', 'rapport complet : autres actions, détail par entrée, dossier de candidature, méthode')
    .option('--force', "remplacer le fichier --out s'il existe")
    .option('--anonymous', 'remplace le nom de chaque participant par « Participant A, B, C… »')
    .action(async (files: string[], options) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport(files, options, io));
    });

  program
    .command('validate')
    .description('vérifie des grilles et des fichiers de réponses (sans fichier : la grille intégrée)')
    .argument('[fichiers...]', 'grilles (format: cap-ptce/grid@1) et réponses (format: cap-ptce/answers@1)')
    .addOption(new Option('-f, --format <format>', 'format de sortie').choices(['text', 'json', 'github']).default('text'))
    .option('-g, --grid <fichier>', 'grille de référence pour les fichiers de réponses (par défaut : la grille intégrée)')
    .option('--strict', 'les avertissements comptent comme des erreurs')
    .action(async (files: string[], options) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(files, options, io));
    });

  program
    .command('grid')
    .description('la grille en fiche de travail imprimable, ou en questionnaire hors ligne (--format form)')
    .option('-g, --grid <fichier>', 'grille de questions (par défaut : la grille CAP PTCE intégrée)')
    .option('--entries <ids>', 'seulement ces entrées, séparées par des virgules', list)
    .option('--parcours <id>', 'questionnaire (--format form) : seulement les questions de ce parcours court (ex. essentiel)')
    .addOption(new Option('-f, --format <format>', 'format : md, html (à imprimer) ou form (questionnaire à remplir dans un navigateur)').choices(['md', 'html', 'form']).default('md'))
    .option('-o, --out <fichier>', 'fichier où écrire la fiche')
    .option('--force', "remplacer le fichier --out s'il existe")
    .action(async (options) => {
      const { runGrid } = await import('./commands/grid.js');
      setExit(await runGrid(options, io));
    });

  program
    .command('schema')
    .description('schéma JSON des grilles, des réponses ou de la configuration, pour les éditeurs et la CI')
    .addArgument(new Argument('[type]', 'grid, answers ou config').choices(['grid', 'answers', 'config']).default('grid'))
    .action(async (type: 'grid' | 'answers' | 'config') => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(await runSchema(type, io));
    });

  program
    .command('compare')
    .description('ce qui a bougé entre deux diagnostics du même projet')
    .argument('<avant>', 'fichier de réponses le plus ancien')
    .argument('<après>', 'fichier de réponses le plus récent')
    .option('-g, --grid <fichier>', 'grille de questions (par défaut : la grille CAP PTCE intégrée)')
    .addOption(new Option('-f, --format <format>', 'format').choices(['md', 'json', 'html']).default('md'))
    .option('-o, --out <fichier>', 'fichier où écrire la comparaison')
    .option('--force', "remplacer le fichier --out s'il existe")
    .action(async (before: string, after: string, options) => {
      const { runCompare } = await import('./commands/compare.js');
      setExit(await runCompare(before, after, options, io));
    });

  program
    .command('help')
    .description("affiche l'aide d'une commande")
    .argument('[commande]', 'diagnose, report, validate, grid, schema ou compare')
    .action((name: string | undefined) => {
      if (name === undefined) return void program.outputHelp();
      const target = program.commands.find((c) => c.name() === name && c.name() !== 'help');
      if (!target) {
        const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
        throw new UserError(`Erreur : commande inconnue « ${name} »${didYouMean(name, names)}.\nCommandes : ${names.join(', ')}. Voir « cap-ptce --help ».`, ExitCode.usage);
      }
      target.outputHelp();
    });

  // Each command's help ends with examples and exit codes; its errors point to its own help.
  for (const command of program.commands) {
    command.configureOutput(commanderOutput(baseIo, command.name()));
    command.addHelpText('after', commandHelpAfter(command.name()));
  }
  return program;
}

function commanderOutput(io: Io, command?: string) {
  return {
    writeOut: (s: string) => io.stdout(translateHelp(s)),
    writeErr: (s: string) => io.stderr(translateHelp(s)),
    outputError: (s: string, write: (s: string) => void) => write(translateCommanderError(s, command)),
  };
}

const COMMANDER_FR: [RegExp, string][] = [
  [/unknown option '([^']+)'/, "option inconnue « $1 »"],
  [/unknown command '([^']+)'/, 'commande inconnue « $1 »'],
  [/missing required argument '([^']+)'/, 'argument manquant « $1 »'],
  [/option '([^']+)' argument missing/, "l'option « $1 » attend une valeur"],
  [/too many arguments for '([^']+)'. Expected (\d+) arguments? but got (\d+)\./, "trop d'arguments pour « $1 » : $2 attendu(s), $3 reçu(s)"],
  [/option '([^']+)' argument '([^']+)' is invalid. Allowed choices are (.+)\./, "valeur « $2 » invalide pour « $1 » : choix possibles $3"],
  [/command-argument value '([^']+)' is invalid for argument '([^']+)'. Allowed choices are (.+)\./, "valeur « $1 » invalide pour « $2 » : choix possibles $3"],
  [/\(Did you mean (.+)\?\)/, '(vouliez-vous dire $1 ?)'],
];

// Commander's help is in English; its few fixed words are translated here.
function translateHelp(text: string): string {
  return text
    .replace(/^Usage:/gm, 'Utilisation :')
    .replace(/^Options:$/gm, 'Options :')
    .replace(/^Commands:$/gm, 'Commandes :')
    .replace(/^Arguments:$/gm, 'Arguments :')
    .replace(/\[options\]/g, '[options]')
    .replace(/\[command\]/g, '[commande]')
    .replace(/\(choices: /g, '(choix : ')
    .replace(/default: /g, 'par défaut : ');
}

function translateCommanderError(message: string, command?: string): string {
  let out = message.replace(/^error: /, 'Erreur : ');
  for (const [pattern, replacement] of COMMANDER_FR) out = out.replace(pattern, replacement);
  const help = command ? `cap-ptce ${command} --help` : 'cap-ptce --help';
  if (!out.includes('--help')) out = out.replace(/\n?$/, `\nVoir « ${help} ».\n`);
  return out;
}

/** Runs the CLI with the given argv; resolves to the exit code. Never exits the process itself. */
/** The core says what is wrong (DomainError); the exit code is decided here, and only here. */
const DOMAIN_EXIT_CODES: Record<DomainErrorKind, number> = {
  'invalid-input': ExitCode.invalid,
  'invalid-option': ExitCode.usage,
};

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for is a success; help shown because no command was given is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UserError || error instanceof DomainError) {
      io.stderr(`${safeMessage(error.message)}\n`);
      for (const line of error.details) io.stderr(`  ${safeMessage(line)}\n`);
      return error instanceof UserError ? error.exitCode : DOMAIN_EXIT_CODES[error.kind];
    }
    // A file system refusal that escaped the writers (full disk, rights, read-only) is the
    // machine's state, not a bug: said in French, with its code, exit 1.
    const errno = (error as NodeJS.ErrnoException | null)?.code;
    if (errno && ['ENOSPC', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EROFS'].includes(errno)) {
      const { writeError } = await import('./io/files.js');
      const e = writeError((error as NodeJS.ErrnoException).path ?? '?', error);
      io.stderr(`${safeMessage(e.message)}\n`);
      return e.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`Erreur inattendue : ${safeMessage(detail)}\nCe n'est pas de votre fait. Relancez avec CAP_PTCE_DEBUG=1 pour le détail et signalez-le aux mainteneurs.\n`);
    if (io.env.CAP_PTCE_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return ExitCode.usage;
  }
}

const COMPUTING_COMMANDS = new Set(['report', 'compare', 'validate', 'grid']);

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`cap-ptce report … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(ExitCode.ok);
      throw error;
    });
  }
  // The commands that compute (a report, a workshop, a large grid) first make V8's helper threads
  // give way to the main thread (io/helper-threads.ts); --version, help and the questionnaire do not need it.
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  if (command !== undefined && COMPUTING_COMMANDS.has(command)) yieldHelperThreads();
  const io = processIo();
  const code = await run(argv, io);
  await io.flush();
  process.exit(code);
}
