import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// `--version` and `validate` must start fast: the prompt and terminal-rendering libraries may only
// be reached through dynamic import(). Checked on the built bundle, which is what users run.
const dist = join(repoRoot, 'dist');

function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/^import\s[^;]*?from\s*["'](\.[^"']+)["']|^import\s*["'](\.[^"']+)["']/gm)) {
    staticGraph(join(dirname(entry), (m[1] ?? m[2])!), seen);
  }
  return seen;
}

function chunkFor(command: string): string {
  const name = readdirSync(join(dist, 'chunks')).find((f) => f.startsWith(`${command}-`));
  if (!name) throw new Error(`no chunk for ${command}: run npm run build`);
  return join(dist, 'chunks', name);
}

const heavy = [/node_modules\/@inquirer\//, /node_modules\/marked\//, /node_modules\/marked-terminal\//];

describe('start-up stays light', () => {
  it.each([
    ['--version', () => staticGraph(join(dist, 'cli.js'))],
    ['validate', () => staticGraph(chunkFor('validate'), staticGraph(join(dist, 'cli.js')))],
  ])('%s loads neither @inquirer/prompts nor marked', (_, graph) => {
    const files = [...graph()];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of heavy) expect(code, `${file} bundles ${pattern}`).not.toMatch(pattern);
    }
  });
});
