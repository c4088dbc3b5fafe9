import { describe, expect, it } from 'vitest';
import { runInProcess, runSpawned } from './helpers.js';

// The documented exit codes and the French help, as a user meets them.
describe('cap-ptce, the command itself', () => {
  it('prints its help in French and exits 0 when asked', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Utilisation : cap-ptce \[options\] \[commande\]/);
    expect(r.stdout).toContain('Commandes :');
    expect(r.stdout).not.toMatch(/\b(Usage|Commands|choices|default):/);
  });

  it('without a command, shows the help and exits 2 (usage error)', async () => {
    const r = await runInProcess([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Utilisation : cap-ptce');
  });

  it('translates choice lists in the help of a command', async () => {
    const r = await runInProcess(['report', '--help']);
    expect(r.stdout).toMatch(/\(choix : "md", "json", "html",\s+"csv",\s+par défaut : "md"\)/);
  });

  it('an invalid choice is a usage error naming the valid ones', async () => {
    const r = await runInProcess(['validate', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('valeur « xml » invalide pour « -f, --format <format> »');
  });

  it('prints the version of package.json from the built CLI', () => {
    const r = runSpawned(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
