// Two `diagnose` on one answers file, and targets checked before the first question.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';
import { fixturePath } from '../diagnose/fixtures.js';
import { KEY, Session, ptyWorkspace } from '../diagnose/pty.js';

const mini = fixturePath('mini.yaml');
const ws = ptyWorkspace('cap-ptce-sessions-');

function start(extra: string[] = []): Session {
  const s = new Session(['diagnose', '--grid', mini, '--answers', join(ws.dir, 'r.yaml'), '--out', join(ws.dir, 'rapport.md'), ...extra], { cwd: ws.dir, bin: ws.bin });
  ws.sessions.push(s);
  return s;
}

describe('targets before the first question', () => {
  it('--answers and --out on the same file: refused at once, nothing asked, nothing written', async () => {
    const same = join(ws.dir, 'x.yaml');
    const r = await runInProcess(['diagnose', '--grid', mini, '--answers', same, '--out', same], { isInteractive: true, stdoutIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(--out) est aussi un fichier lu par cette commande');
    expect(r.stderr).not.toContain('--force');
    expect(r.stdout).toBe('');
  });

  it("--out '' and --answers '' are refused, a FIFO as --out too", async () => {
    for (const args of [['--out', ''], ['--answers', ''], ['--out', '/dev/full']]) {
      const r = await runInProcess(['diagnose', '--grid', mini, ...(args[0] === '--answers' ? [] : ['--answers', join(ws.dir, 'r.yaml')]), ...args], { isInteractive: true, stdoutIsTTY: true });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/indiquez un nom de fichier|périphérique/);
    }
  });
});

describe('two ws.sessions on one answers file', () => {
  it('the second to save is told, nothing is erased, and it can resume from the saved answers', async () => {
    const a = start();
    await a.answer('Nom du projet', 'Pôle du Val');
    await a.answer('Territoire', 'Pays de Bray');
    await a.answer('Votre prénom', 'Anne');
    await a.waitFor('Où en êtes-vous ?');

    // B opens the same file while A is still at work.
    const b = start(['--resume']);
    await b.waitFor('Où en êtes-vous ?');

    // A answers first: its answer is saved.
    await a.press(KEY.down, KEY.down, KEY.enter);
    await a.waitFor("Quels exemples s'appliquent");
    const afterA = readFileSync(join(ws.dir, 'r.yaml'), 'utf8');
    expect(afterA).toContain('value: engage');

    // B answers next: it must not erase A's answer.
    await b.press(KEY.down, KEY.enter);
    const exit = await b.waitExit();
    expect(exit.exitCode).toBe(1);
    const out = b.text();
    expect(out).toContain('a été modifié par un autre programme');
    expect(out).toContain('Pour reprendre depuis les réponses enregistrées');
    expect(out).toContain('npx cap-ptce diagnose --resume');
    expect(readFileSync(join(ws.dir, 'r.yaml'), 'utf8')).toBe(afterA);

    // A goes on as if nothing happened.
    await a.press(KEY.enter);
    await a.answer('Précisions à apporter', '');
    await a.waitFor('Votre réponse :');
    expect(readFileSync(join(ws.dir, 'r.yaml'), 'utf8')).toContain('Pôle du Val');
  });

  it('two round tables on one folder: the second to save is told, nothing is erased', async () => {
    const table = (extra: string[] = []): Session => {
      const s = new Session(['diagnose', '--participants', 'Claire,Mehdi', '--dir', 'atelier', '--grid', mini, ...extra], { cwd: ws.dir, bin: ws.bin });
      ws.sessions.push(s);
      return s;
    };
    const a = table();
    await a.answer('Nom du projet', 'Pôle du Val');
    await a.answer('Territoire', '');
    await a.waitFor('Claire :');
    const claire = join(ws.dir, 'atelier', 'claire.yaml');

    // B resumes the same folder while A is at its first question.
    const b = table(['--resume']);
    await b.waitFor('Claire :');

    await a.press('3'); // saved in claire.yaml
    await a.waitFor('Mehdi :');
    const afterA = readFileSync(claire, 'utf8');
    expect(afterA).toContain('value: acquis');

    await b.press('0'); // would erase A's answer
    const exit = await b.waitExit();
    expect(exit.exitCode).toBe(1);
    expect(b.text()).toContain('a été modifié par un autre programme');
    expect(b.text()).toContain('Pour reprendre depuis les réponses enregistrées');
    expect(b.text()).toContain('npx cap-ptce diagnose --participants Claire,Mehdi --dir atelier');
    expect(b.text()).not.toMatch(/\n\s+at /);
    expect(readFileSync(claire, 'utf8')).toBe(afterA);
  });

  it('a chmod 600 answers file stays 600 after a session saves', async () => {
    const path = join(ws.dir, 'r.yaml');
    const s = start();
    await s.answer('Nom du projet', 'Pôle du Val');
    await s.answer('Territoire', '');
    await s.answer('Votre prénom', '');
    await s.waitFor('Où en êtes-vous ?');
    chmodSync(path, 0o600);
    await s.press(KEY.enter);
    await s.waitFor("Quels exemples s'appliquent");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain('value: pas-aborde');
  });
});
