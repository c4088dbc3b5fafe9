// The diagnose case table (cases.ts) in-process: the whole CLI (`run`, as bin/ calls it) in the
// case's folder (Io.cwd), with the scripted prompter and an emitter for signals.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';
import { baseArgs, cases, checkOutput } from './cases.js';
import { scriptedPrompter } from './scripted-prompter.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cap-ptce-inproc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('diagnose in-process (scripted prompts)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    for (const [file, text] of Object.entries(c.files ?? {})) writeFileSync(join(dir, file), text);
    for (const run of c.runs) {
      const scripted = scriptedPrompter(run.steps);
      const tty = run.tty ?? true;
      const r = await runInProcess(baseArgs(run), { isInteractive: tty, stdoutIsTTY: tty, cwd: dir, env: { NO_COLOR: '1' }, columns: 100, prompter: scripted.prompter, signals: scripted.signals });
      const output = r.stdout + r.stderr;
      expect(r.code, output).toBe(run.code);
      expect(scripted.left()).toEqual([]);
      checkOutput(run, output);
      // Every listener diagnose added is gone when it returns.
      for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit']) expect(scripted.signals.listenerCount(event)).toBe(0);
    }
    c.check?.(dir);
  });
});
