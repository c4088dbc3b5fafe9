// report's inputs as scripts give them: `-` for standard input, glob patterns expanded by the tool.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

const exampleText = readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), 'utf8');

describe('report: standard input and patterns', () => {
  it('reads the answers from `-` (in-process)', async () => {
    const r = await runInProcess(['report', '-'], { readStdin: async () => exampleText });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Rapport de préparation PTCE : Ternois en commun');
  });

  it('reads them from a pipe, as a spawned process, and writes JSON to stdout', () => {
    const r = runSpawned(['report', '-', '-f', 'json', '-o', '-'], { input: exampleText });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'cap-ptce/report@1' });
  });

  it('a broken file on stdin is located under the name (entrée standard)', async () => {
    const r = await runInProcess(['report', '-'], { readStdin: async () => exampleText.replace('format: cap-ptce/answers@1', 'format: cap-ptce/answers@1\nprojet: x') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(entrée standard):');
  });

  it('expands a quoted pattern into a workshop synthesis of the files it matches', async () => {
    const r = await runInProcess(['report', 'examples/atelier/*.yaml', '-f', 'json'], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Synthèse de 3 participants');
    expect(JSON.parse(r.stdout)).toBeTypeOf('object');
  });

  it('a pattern that matches nothing is a usage error naming it', async () => {
    const r = await runInProcess(['report', 'atelier/*.yaml'], { cwd: repoRoot });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Aucun fichier de réponses ne correspond au motif atelier/*.yaml');
  });
});
