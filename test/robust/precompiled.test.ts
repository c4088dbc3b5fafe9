// The packaged templates run precompiled in dist/ (Handlebars runtime only) and give exactly what
// the same templates compiled at run time give (in-process, from src/). `npm test` builds first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const example = join(repoRoot, 'examples', 'projet-emergent.yaml');
const atelier = join(repoRoot, 'examples', 'atelier');

describe('precompiled templates', () => {
  it('every templates/*.hbs is precompiled into dist/', () => {
    const bundle = readdirSync(join(repoRoot, 'dist', 'chunks'))
      .map((f) => readFileSync(join(repoRoot, 'dist', 'chunks', f), 'utf8'))
      .concat(readFileSync(join(repoRoot, 'dist', 'cli.js'), 'utf8'))
      .join('\n');
    const templates = readdirSync(join(repoRoot, 'templates')).filter((n) => n.endsWith('.hbs'));
    expect(templates.length).toBeGreaterThan(5);
    // One precompiled spec per template, plus the stylesheet partial (esbuild reprints the sources,
    // so the specs are counted by the compiler version each one carries).
    const specs = bundle.match(/"compiler": \[8, ">= 4\.3\.0"\]/g) ?? [];
    expect(specs.length).toBe(templates.length + 1);
  });

  it.each([
    ['report md', ['report', example]],
    ['report html', ['report', example, '--format', 'html']],
    ['workshop md', ['report', atelier]],
    ['workshop html', ['report', atelier, '--format', 'html']],
    ['worksheet md', ['grid']],
    ['worksheet html', ['grid', '--format', 'html']],
    ['compare md', ['compare', join(repoRoot, 'examples', 'suivi', '2025.yaml'), join(repoRoot, 'examples', 'suivi', '2026.yaml')]],
  ])('%s: the built CLI prints what the run-time compiled templates print', async (_, args) => {
    const now = new Date();
    const inProcess = await runInProcess(args, { now: () => now });
    const spawned = runSpawned(args);
    expect(spawned.code).toBe(0);
    expect(inProcess.code).toBe(0);
    // Dates may differ by a day around midnight; everything else must be identical.
    const stable = (s: string): string => s.replace(/\d{1,2} \p{L}+ \d{4}|\d{4}-\d{2}-\d{2}/gu, 'DATE');
    expect(stable(spawned.stdout)).toBe(stable(inProcess.stdout));
  });
});
