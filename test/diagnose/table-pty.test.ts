// The diagnose case table (cases.ts) through a real pseudo-terminal driving the built CLI: each
// step becomes the keys a person would press at the prompt it names. Runs without a terminal are
// spawned with pipes. (`npm test` builds first; alone: `npm run build && npx vitest run test/diagnose`.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseArgs, cases, checkOutput, type Step } from './cases.js';
import { KEY, Session, ptyWorkspace } from './pty.js';

const ws = ptyWorkspace('cap-ptce-table-');

/** What each prompt shows, to wait for before pressing keys. */
const PROMPT: Record<Exclude<Step, { interrupt: unknown }>['ask'], string | RegExp> = {
  project: 'Nom du projet',
  scale: 'Où en êtes-vous ?',
  single: 'Votre réponse :',
  boolean: 'Oui ou non ?',
  multi: "Cochez tout ce qui s'applique",
  examples: "Quels exemples s'appliquent",
  text: /Votre réponse(?! :)/,
  number: /Votre réponse(?! :)/,
  note: 'Précisions à apporter',
  resume: 'Que voulez-vous faire ?',
  broken: 'Que voulez-vous faire ?',
};
const RESUME = ['resume', 'review', 'restart'];
const BROKEN = ['restart', 'quit'];
/** Choices in each list of the mini grid before « ← question précédente ». */
const CHOICES: Record<string, number> = { scale: 6, boolean: 2, multi: 3 };

/** Moves down to each position in turn and presses space there. */
async function toggle(s: Session, positions: number[]): Promise<void> {
  let at = 0;
  for (const p of [...positions].sort((a, b) => a - b)) {
    for (; at < p; at++) await s.press(KEY.down);
    await s.press(KEY.space);
  }
  await s.press(KEY.enter);
}

async function play(s: Session, step: Step): Promise<void> {
  if ('interrupt' in step) {
    await s.waitFor(PROMPT[step.at]);
    if (step.interrupt === 'ctrl-c') await s.press(KEY.ctrlC);
    else if (step.interrupt === 'ctrl-d') await s.press('\u0004');
    else s.kill(step.interrupt);
    return;
  }
  switch (step.ask) {
    case 'project': {
      await s.waitFor(PROMPT.project);
      if (step.offered) expect(await s.screen()).toContain(`(${step.offered})`);
      await s.press(step.name, KEY.enter);
      await s.answer('Territoire', step.territory ?? '');
      await s.answer('Votre prénom', step.respondent ?? '');
      return;
    }
    case 'resume':
      return s.choose(PROMPT.resume, RESUME.indexOf(step.pick));
    case 'broken':
      return s.choose(PROMPT.broken, BROKEN.indexOf(step.pick));
    case 'text':
    case 'number':
    case 'note':
      return s.answer(PROMPT[step.ask], step.type);
    case 'multi':
    case 'examples':
      await s.waitFor(PROMPT[step.ask]);
      if ('back' in step) return toggle(s, [CHOICES.multi!]);
      return toggle(s, step.toggle);
    default:
      if ('keep' in step) return s.choose(PROMPT[step.ask], 0);
      // Only on lists nothing is highlighted in yet: the cursor starts on the first choice.
      if ('back' in step) return s.choose(PROMPT[step.ask], CHOICES[step.ask] ?? 3);
      return s.choose(PROMPT[step.ask], step.pick);
  }
}

describe('diagnose through a terminal (the same cases)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    for (const [file, text] of Object.entries(c.files ?? {})) writeFileSync(join(ws.dir, file), text);
    for (const run of c.runs) {
      if (run.tty === false) {
        const r = spawnSync(process.execPath, [ws.bin, ...baseArgs(run)], { cwd: ws.dir, input: '1\n\n', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
        expect(r.status).toBe(run.code);
        checkOutput(run, r.stdout + r.stderr);
        continue;
      }
      const s = new Session(baseArgs(run), { cwd: ws.dir, bin: ws.bin });
      ws.sessions.push(s);
      for (const step of run.steps) await play(s, step);
      expect((await s.waitExit()).exitCode).toBe(run.code);
      checkOutput(run, s.text());
    }
    c.check?.(ws.dir);
  });
});
