// Finding the project config file: from the working folder up to the root, the first folder that
// holds a cap-ptce.config.yaml, or a package.json with a `cap-ptce` key, gives the settings.
// Only stats and a JSON.parse happen when there is none: the checker (zod) loads when one is found.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { CONFIG_FILE_NAME, PACKAGE_JSON_KEY, type Config } from '../model/config-names.js';
import { displayPath, fileExists, readUserFile } from './files.js';

export interface LoadedConfig {
  /** The file read (absolute). */
  path: string;
  config: Config;
  /** Paths in the config are relative to its folder: these are resolved. */
  grid?: string;
  outDir?: string;
}

/** Whether a package.json carries cap-ptce settings; one that is not valid JSON is npm's business. */
function packageJsonHasKey(text: string): boolean {
  try {
    const data = JSON.parse(text) as unknown;
    return typeof data === 'object' && data !== null && PACKAGE_JSON_KEY in data;
  } catch {
    return false;
  }
}

export async function findConfig(cwd: string): Promise<LoadedConfig | null> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of [CONFIG_FILE_NAME, 'package.json']) {
      const path = join(dir, name);
      if (!fileExists(path)) continue;
      const inPackageJson = name === 'package.json';
      const text = readUserFile(path, 'fichier de configuration');
      if (inPackageJson && !packageJsonHasKey(text)) continue;
      return checkConfig(path, dir, text, inPackageJson);
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function checkConfig(path: string, dir: string, text: string, inPackageJson: boolean): Promise<LoadedConfig> {
  const [{ validateConfigText }, { renderDiagnosticText, sortDiagnostics }] = await Promise.all([import('../validation/config.js'), import('../render/diagnostics.js')]);
  const shown = displayPath(path);
  const result = validateConfigText(text, shown, inPackageJson);
  if (!result.config || result.diagnostics.some((d) => d.severity === 'error')) {
    throw new UserError(
      `Le fichier de configuration ${shown} contient des erreurs. Corrigez-les (ou renommez-le pour travailler sans) :`,
      ExitCode.invalid,
      sortDiagnostics(result.diagnostics.filter((d) => d.severity === 'error')).map(renderDiagnosticText),
    );
  }
  const within = (p: string | undefined): string | undefined => (p === undefined ? undefined : isAbsolute(p) ? p : resolve(dir, p));
  return { path, config: result.config, grid: within(result.config.grid), outDir: within(result.config.outDir) };
}
