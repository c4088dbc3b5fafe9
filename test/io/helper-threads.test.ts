// The commands that compute lower the priority of V8's helper threads, in their own process only:
// the main thread keeps its priority, and run() (which tests call in their process) changes nothing.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot, runInProcess } from '../helpers.js';

/** Each thread of a process (by /proc) and its nice value (field 19 of its stat line). */
function niceOf(pid: number | 'self'): Map<number, number> {
  const out = new Map<number, number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      // After the command name in parentheses: state is field 3, nice field 19.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(task), Number(fields[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

const source = fileURLToPath(new URL('../../src/io/helper-threads.ts', import.meta.url));

describe.runIf(process.platform === 'linux')('helper threads give way to the main thread', () => {
  it('in a process of its own: every thread but the main one at nice 10 (or lower already), the main one as it was', () => {
    // The module as built for the CLI, run in a fresh Node process that reports its threads.
    const { outputFiles } = buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
    const script = `${outputFiles[0]!.text}
      const fs = require('node:fs');
      const before = fs.readFileSync('/proc/self/stat', 'utf8');
      const lowered = module.exports.yieldHelperThreads();
      const threads = {};
      for (const t of fs.readdirSync('/proc/self/task')) {
        const s = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8');
        threads[t] = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]);
      }
      const b = before.slice(before.lastIndexOf(')') + 2).split(' ')[16];
      process.stdout.write(JSON.stringify({ pid: process.pid, lowered, threads, mainBefore: Number(b) }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { pid, lowered, threads, mainBefore } = JSON.parse(r.stdout) as { pid: number; lowered: number; threads: Record<string, number>; mainBefore: number };
    expect(threads[String(pid)]).toBe(mainBefore);
    const helpers = Object.entries(threads).filter(([t]) => Number(t) !== pid);
    expect(helpers.length).toBeGreaterThan(0); // Node starts V8's worker threads with the process
    // Threads start with the priority of the thread that made them: lowered to 10 unless already lower.
    const expected = Math.max(mainBefore, 10);
    expect(lowered).toBe(mainBefore < 10 ? helpers.length : 0);
    for (const [tid, nice] of helpers) expect(nice, `thread ${tid}`).toBe(expected);
  });

  it('the CLI lowers them for a report before it reads anything, and the report is made', async () => {
    // `report -` waits for its answers on standard input: its threads are looked at meanwhile.
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const own = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const expected = Math.max(own, 10);
    const child = spawn(process.execPath, [binPath, 'report', '-'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    let seen: Map<number, number> | undefined;
    for (let i = 0; i < 400 && !seen; i++) {
      const threads = niceOf(child.pid!);
      const helpers = [...threads].filter(([tid]) => tid !== child.pid);
      if (helpers.length > 0 && helpers.every(([, nice]) => nice === expected)) seen = threads;
      else await new Promise((wait) => setTimeout(wait, 25));
    }
    child.stdin.end(readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml')));
    expect(await closed).toBe(0);
    expect(seen, `helper threads at nice ${expected} while the report waited`).toBeDefined();
    // The main thread keeps the priority it was started with (the one of the thread that started it).
    expect(seen!.get(child.pid!)).toBe(own);
    expect(stdout).toContain('# ');
  });

  it('run(), called inside a host process (these tests), leaves the host threads as they were', async () => {
    const before = niceOf('self');
    const r = await runInProcess(['validate']);
    expect(r.code).toBe(0);
    const after = niceOf('self');
    for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid), `thread ${tid}`).toBe(nice);
  });
});
