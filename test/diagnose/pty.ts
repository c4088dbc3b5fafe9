// Drives the built CLI through a real pseudo-terminal (node-pty), as a person would: keys in,
// screen out. Waits poll the output with generous timeouts: a loaded 2-core machine must not make
// the tests flaky, and no fixed sleep is ever an assertion.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { binPath, plain, repoRoot } from '../helpers.js';

export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  space: ' ',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

const WAIT_MS = 20_000;

/**
 * A private copy of the built CLI (bin/, dist/, and the questions/ and templates/ it reads), so
 * that a rebuild by someone else in the same tree (`npm run build` empties dist/ first) cannot
 * pull files from under a running test. Lives in test-artifacts/ (ignored by git).
 */
export async function snapshotCli(): Promise<{ bin: string; dispose(): void }> {
  const started = Date.now();
  for (;;) {
    if (!existsSync(join(repoRoot, 'dist', 'cli.cjs'))) {
      if (Date.now() - started > 60_000) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
    } else {
      mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
      const dir = mkdtempSync(join(repoRoot, 'test-artifacts', 'diagnose-cli-'));
      try {
        for (const sub of ['bin', 'dist', 'questions', 'templates']) cpSync(join(repoRoot, sub), join(dir, sub), { recursive: true });
        if (existsSync(join(dir, 'dist', 'cli.cjs'))) return { bin: join(dir, 'bin', 'cap-ptce.js'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
      } catch {
        // a build was emptying dist/ while we copied: try again
      }
      rmSync(dir, { recursive: true, force: true });
      if (Date.now() - started > 60_000) throw new Error('could not copy the built CLI: run `npm run build` first');
    }
    await new Promise((r) => setTimeout(r, 250)); // another build is under way: let it finish
  }
}

/**
 * The set-up every pseudo-terminal test file shares: one private copy of the built CLI for the
 * file, a fresh folder and list of sessions for each test, all disposed of afterwards. Tests read
 * `ws.dir` and `ws.bin` inside their bodies (they change per test and per file).
 */
export function ptyWorkspace(prefix: string): { dir: string; bin: string; sessions: Session[] } {
  const ws = { dir: '', bin: '', sessions: [] as Session[] };
  let cli: Awaited<ReturnType<typeof snapshotCli>> | undefined;
  beforeAll(async () => {
    cli = await snapshotCli();
    ws.bin = cli.bin;
  });
  afterAll(() => cli?.dispose());
  beforeEach(() => {
    ws.dir = mkdtempSync(join(tmpdir(), prefix));
    ws.sessions = [];
  });
  afterEach(() => {
    for (const s of ws.sessions) s.dispose();
    rmSync(ws.dir, { recursive: true, force: true });
  });
  return ws;
}

export interface Exit {
  exitCode: number;
  signal?: number;
}

export class Session {
  private readonly proc: pty.IPty;
  private readonly term: xterm.Terminal;
  private pending: Promise<void> = Promise.resolve();
  /** Everything the program wrote, escape sequences included. */
  raw = '';
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;
  /** Output length at the last drain after exit (see waitFor). */
  private drainedAt = -1;
  /** Waits look at the output printed after the last key sent (raw offset)… */
  private mark = 0;
  /** …past what earlier waits already matched (offset in that output, escapes removed). */
  private consumed = 0;

  constructor(args: string[], options: { cwd?: string; env?: Record<string, string>; bin?: string; cols?: number; rows?: number } = {}) {
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 40;
    this.term = new xterm.Terminal({ cols, rows, scrollback: 10_000, allowProposedApi: true });
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FORCE_COLOR') env[k] = v;
    this.proc = pty.spawn(process.execPath, [options.bin ?? binPath, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? repoRoot,
      env: { ...env, NO_COLOR: '1', TERM: 'xterm-256color', ...options.env },
    });
    this.proc.onData((data) => {
      this.raw += data;
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit((e) => {
        this.exit = e;
        resolve(e);
      });
    });
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Everything printed, without escape sequences, no-break spaces as spaces (see plain()). */
  text(): string {
    return plain(stripVTControlCharacters(this.raw));
  }

  /** Every line of the terminal (scrollback included), as drawn: typography kept. */
  async lines(): Promise<string[]> {
    await this.pending;
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  /**
   * Every row of the terminal (scrollback included), as drawn, and whether the terminal itself
   * wrapped it there: `wrapped` marks a row that continues a line the program wrote wider than the
   * terminal (the text went past the last column and the terminal carried it over, cutting a word).
   */
  async rows(): Promise<{ text: string; wrapped: boolean }[]> {
    await this.pending;
    const buffer = this.term.buffer.active;
    const rows: { text: string; wrapped: boolean }[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      rows.push({ text: line?.translateToString(true) ?? '', wrapped: line?.isWrapped ?? false });
    }
    while (rows.length > 0 && rows.at(-1)!.text === '') rows.pop();
    return rows;
  }

  /** What the screen shows now (the last 40 lines of the terminal), like tmux capture-pane. */
  async screen(): Promise<string> {
    await this.pending;
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return plain(lines.slice(-40).join('\n'));
  }

  /**
   * Waits until `pattern` appears in what was printed since the last key sent (and after what the
   * previous wait matched): a prompt drawn before the key cannot satisfy the wait.
   */
  async waitFor(pattern: string | RegExp, timeout = WAIT_MS): Promise<string> {
    const started = Date.now();
    for (;;) {
      const rest = plain(stripVTControlCharacters(this.raw.slice(this.mark))).slice(this.consumed);
      const found = typeof pattern === 'string' ? (rest.includes(pattern) ? { index: rest.indexOf(pattern), length: pattern.length } : null) : (() => {
        const m = pattern.exec(rest);
        return m ? { index: m.index, length: m[0].length } : null;
      })();
      if (found) {
        this.consumed += found.index + found.length;
        return rest.slice(0, found.index + found.length);
      }
      if (this.exit) {
        // node-pty may report the exit before the last output has been read: let it drain (until
        // nothing new arrives for a moment) before concluding that the text never came.
        if (this.drainedAt !== this.raw.length) {
          this.drainedAt = this.raw.length;
          await new Promise((r) => setTimeout(r, 250));
          continue;
        }
        throw new Error(`exited (${this.exit.exitCode}) before ${String(pattern)} appeared. Output:\n${this.text()}`);
      }
      if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(pattern)}. Output:\n${this.text()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Sends keys and waits until the program has redrawn something in answer. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      const before = this.raw.length;
      this.mark = before;
      this.consumed = 0;
      this.proc.write(key);
      const started = Date.now();
      while (this.raw.length === before) {
        if (this.exit) return;
        if (Date.now() - started > WAIT_MS) throw new Error(`no redraw after key ${JSON.stringify(key)}. Output:\n${this.text()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  /** Types text then Enter, after the prompt showing `prompt` is on screen. */
  async answer(prompt: string | RegExp, text: string): Promise<void> {
    await this.waitFor(prompt);
    if (text) await this.press(text);
    await this.press(KEY.enter);
  }

  /** Picks the n-th choice down (0 = the one highlighted) of the select showing `prompt`. */
  async choose(prompt: string | RegExp, downs: number): Promise<void> {
    await this.waitFor(prompt);
    for (let i = 0; i < downs; i++) await this.press(KEY.down);
    await this.press(KEY.enter);
  }

  /** Resizes the terminal, as a person dragging the window's edge (the program gets SIGWINCH). */
  async resize(cols: number, rows: number): Promise<void> {
    await this.pending;
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  kill(signal: string): void {
    this.proc.kill(signal);
  }

  async waitExit(timeout = WAIT_MS): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${timeout} ms. Output:\n${this.text()}`)), timeout);
    });
    try {
      return await Promise.race([this.exited, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  dispose(): void {
    if (!this.exit) {
      try {
        this.proc.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    this.term.dispose();
  }
}
