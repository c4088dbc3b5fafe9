// What happens between parsing and a command's action: the project config file's defaults,
// `--out -` and `--quiet`. Options typed on the command line always win over the config file.
import type { Command } from 'commander';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { findConfig } from '../io/config.js';
import { displayPath } from '../io/files.js';
import type { Io } from '../io/io.js';
import type { Config } from '../model/config-names.js';

/**
 * Adjusts `command`'s options and the `io` its action receives. `baseIo` stays untouched: cli.ts
 * prints errors through it, so `--quiet` never hides one.
 */
export async function applyProjectSettings(command: Command, io: Io, baseIo: Io): Promise<void> {
  const name = command.name();
  if (name === 'help') return;
  const quiet = Boolean(command.optsWithGlobals().quiet);
  // diagnose talks with a person: its messages (where answers are saved, how to resume) stay.
  if (quiet && name !== 'diagnose') io.stderr = () => {};

  if (command.opts().out === '-') {
    if (name === 'diagnose') {
      throw new UserError("diagnose écrit son rapport dans un fichier : « --out - » n'est pas possible ici. Pour l'avoir sur la sortie standard ensuite : cap-ptce report cap-ptce-reponses.yaml --out -", ExitCode.usage);
    }
    // The document itself on stdout, exactly as when stdout is a pipe: no terminal view, no file.
    command.setOptionValueWithSource('out', undefined, 'cli');
    io.stdoutIsTTY = false;
  }

  const found = await findConfig(baseIo.cwd);
  if (!found) return;
  const used: string[] = [];
  const has = (option: string): boolean => command.options.some((o) => o.attributeName() === option);

  if (found.grid && has('grid') && command.getOptionValueSource('grid') === undefined) {
    command.setOptionValueWithSource('grid', found.grid, 'config');
    used.push(`grille ${displayPath(found.grid)}`);
  }
  const format = found.config.format?.[name as keyof NonNullable<Config['format']>];
  if (format && has('format') && command.getOptionValueSource('format') === 'default') {
    command.setOptionValueWithSource('format', format, 'config');
    used.push(`format ${format}`);
  }
  if (found.outDir && name === 'diagnose') {
    for (const option of ['answers', 'out']) {
      if (command.getOptionValueSource(option) !== 'default') continue;
      command.setOptionValueWithSource(option, join(found.outDir, String(command.getOptionValue(option))), 'config');
    }
    used.push(`dossier ${displayPath(found.outDir)}`);
  }
  if (used.length > 0) io.stderr(`Réglages de ${displayPath(found.path)} : ${used.join(', ')}.\n`);
}
