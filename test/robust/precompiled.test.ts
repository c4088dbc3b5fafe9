// The packaged templates run precompiled in dist/ (Handlebars runtime only) and give exactly what
// the same templates compiled at run time give (in-process, from src/). `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const require = createRequire(import.meta.url);
const example = join(repoRoot, 'examples', 'projet-emergent.yaml');
const atelier = join(repoRoot, 'examples', 'atelier');

describe('precompiled templates', () => {
  it('every templates/*.hbs is precompiled into dist/, one file each, made from the shipped text', () => {
    const templates = readdirSync(join(repoRoot, 'templates')).filter((n) => n.endsWith('.hbs'));
    expect(templates.length).toBeGreaterThan(5);
    for (const name of [...templates, 'style.css']) {
      const built = require(join(repoRoot, 'dist', 'lib', 'templates', `${name}.cjs`)) as { raw: string; spec: { compiler: [number, string] } };
      expect(built.spec.compiler[0], name).toBe(8);
      expect(built.raw, name).toBe(readFileSync(join(repoRoot, 'templates', name), 'utf8'));
    }
  });

  it('a template edited after the build is compiled from its new text, not taken from the build', () => {
    const work = mkdtempSync(join(tmpdir(), 'cap-ptce-tpl-'));
    try {
      // A copy of the package whose report template differs from the one that was precompiled.
      for (const dir of ['bin', 'dist', 'questions', 'templates']) cpSync(join(repoRoot, dir), join(work, dir), { recursive: true });
      cpSync(join(repoRoot, 'package.json'), join(work, 'package.json'));
      const template = join(work, 'templates', 'report.md.hbs');
      writeFileSync(template, `Modèle modifié pour {{project.name}}\n${readFileSync(template, 'utf8')}`);
      const r = spawnSync(process.execPath, [join(work, 'bin', 'cap-ptce.js'), 'report', example], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith('Modèle modifié pour Ternois en commun\n')).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
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
