// Finding the project config file: from the working folder up to the root, the first folder that
// holds a cap-ptce.config.yaml, or a package.json with a `cap-ptce` key, gives the settings.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { CONFIG_FILE_NAME, type Config } from '../model/config.js';
import { renderDiagnosticText } from '../render/diagnostics.js';
import { validateConfigText } from '../validation/config.js';
import { hasErrors } from '../validation/validate.js';
import { displayPath, fileExists, readUserFile } from './files.js';

export interface LoadedConfig {
  /** The file read (absolute). */
  path: string;
  config: Config;
  /** Paths in the config are relative to its folder: these are resolved. */
  grid?: string;
  outDir?: string;
}

export function findConfig(cwd: string): LoadedConfig | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const [name, inPackageJson] of [
      [CONFIG_FILE_NAME, false],
      ['package.json', true],
    ] as const) {
      const path = join(dir, name);
      if (!fileExists(path)) continue;
      const shown = displayPath(path);
      const result = validateConfigText(readUserFile(path, 'fichier de configuration'), shown, inPackageJson);
      if (!result.found) continue;
      if (hasErrors(result.diagnostics) || !result.config) {
        throw new UserError(
          `Le fichier de configuration ${shown} contient des erreurs. Corrigez-les (ou renommez-le pour travailler sans) :`,
          ExitCode.invalid,
          result.diagnostics.filter((d) => d.severity === 'error').map(renderDiagnosticText),
        );
      }
      const within = (p: string | undefined): string | undefined => (p === undefined ? undefined : isAbsolute(p) ? p : resolve(dir, p));
      return { path, config: result.config, grid: within(result.config.grid), outDir: within(result.config.outDir) };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
