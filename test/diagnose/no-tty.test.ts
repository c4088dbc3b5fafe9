// Without a terminal (piped, CI), `diagnose` must not wait for input: it says what to do instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';
import { snapshotCli } from './pty.js';
import { fixturePath } from './fixtures.js';

let dir: string;
let cli: Awaited<ReturnType<typeof snapshotCli>>;
beforeAll(async () => {
  cli = await snapshotCli();
});
afterAll(() => cli?.dispose());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-notty-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('diagnose without a terminal', () => {
  it('piped stdin and stdout: exit 2 at once, in French, pointing to `report`; nothing written', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [cli.bin, 'diagnose', '--grid', fixturePath('mini.yaml')], {
      cwd: dir,
      input: '1\n\n\n',
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toContain('lancez-le dans un terminal');
    expect(r.stderr).toContain('cap-ptce report cap-ptce-reponses.yaml');
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'cap-ptce-reponses.yaml'))).toBe(false);
  });

  it('is refused before anything else, even with an unreadable grid, naming the answers file given', async () => {
    const r = await runInProcess(['diagnose', '--grid', join(dir, 'absente.yaml'), '--answers', 'atelier claire.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cap-ptce report 'atelier claire.yaml'");
    expect(r.stderr).not.toContain('absente');
  });
});
