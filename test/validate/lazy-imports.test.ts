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

// Prompts are for diagnose only. The terminal renderer (src/render/terminal-markdown.ts, found in
// the bundle by its entity table's « frac34 ») is for a report shown on a terminal only: a report to
// a pipe or a file never parses it.
const prompts = /node_modules\/@inquirer\//;
const terminalRenderer = /frac34/;

describe('start-up stays light', () => {
  it.each([
    ['--version', () => staticGraph(join(dist, 'cli.js')), [prompts, terminalRenderer]],
    ['validate', () => staticGraph(chunkFor('validate'), staticGraph(join(dist, 'cli.js'))), [prompts, terminalRenderer]],
    // `report` is bundled apart (dist/report/index.js, scripts/build.mjs).
    ['report', () => staticGraph(join(dist, 'report', 'index.js'), staticGraph(join(dist, 'cli.js'))), [terminalRenderer]],
  ])('%s loads neither @inquirer/prompts nor the terminal renderer', (_, graph, heavy) => {
    const files = [...graph()];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of heavy) expect(code, `${file} bundles ${pattern}`).not.toMatch(pattern);
    }
  });

  it('the terminal renderer is in the build, in a file of its own next to report', () => {
    const files = readdirSync(join(dist, 'report')).filter((f) => terminalRenderer.test(readFileSync(join(dist, 'report', f), 'utf8')));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dist, 'report', 'index.js'), 'utf8')).toContain(`import("./${files[0]}")`);
  });
});
