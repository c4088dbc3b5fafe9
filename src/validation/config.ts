// A project config file's text to a checked config, every problem located (file:line:col, unknown
// keys with « vouliez-vous dire »), exactly as grids are checked. Pure.
import { ConfigSchema, PACKAGE_JSON_KEY } from '../model/config.js';
import type { Config } from '../model/config-names.js';
import { knownKeysAt } from './known-keys.js';
import { schemaIssuesToDiagnostics } from './schema-issues.js';
import { parseYaml, type Diagnostic } from './yaml-source.js';

export interface ConfigResult {
  /** Set when the file holds a config with no error; undefined for a package.json without the key. */
  config?: Config;
  diagnostics: Diagnostic[];
  /** Whether the file holds cap-ptce settings at all (always true for cap-ptce.config.yaml). */
  found: boolean;
}

/**
 * Checks a config file's text. In a package.json (`inPackageJson`), only the `cap-ptce` key is
 * ours: the rest is npm's, and a package.json without that key is simply not a config.
 */
export function validateConfigText(text: string, file: string, inPackageJson = false): ConfigResult {
  const parsed = parseYaml(text, file);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics, found: !inPackageJson };
  const root = parsed.value as Record<string, unknown>;
  if (inPackageJson && (typeof root !== 'object' || root === null || !(PACKAGE_JSON_KEY in root))) return { diagnostics: [], found: false };
  const data = inPackageJson ? root[PACKAGE_JSON_KEY] : root;
  const base = inPackageJson ? [PACKAGE_JSON_KEY] : [];
  // A key with nothing under it (`cap-ptce:` alone) sets nothing.
  const result = ConfigSchema.safeParse(data ?? {});
  if (!result.success) {
    const located = schemaIssuesToDiagnostics(result.error.issues, root, (path) => knownKeysAt(ConfigSchema, path.slice(base.length)), base);
    return { diagnostics: [...parsed.diagnostics, ...located.map(parsed.toDiagnostic)], found: true };
  }
  return { config: result.data, diagnostics: parsed.diagnostics, found: true };
}
