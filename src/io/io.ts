// The process's side effects, handed to commands as one object so that tests can run a command
// in-process and read what it printed.
import type { Prompter } from '../prompts/adapter.js';

/** The events that end a `diagnose` session: `process` itself, or an emitter in tests. */
export type SessionEvent = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'beforeExit';
export interface SignalSource {
  on(event: SessionEvent, handler: () => void): unknown;
  off(event: SessionEvent, handler: () => void): unknown;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdin and stdout are both terminals (prompts need both). */
  isInteractive: boolean;
  /** Whether stdout is a terminal (reports are rendered for it). */
  stdoutIsTTY: boolean;
  /** Terminal width, for rendering. */
  columns: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
  /** Waits until everything written has reached the streams. */
  flush(): Promise<void>;
  /** Reads standard input to its end (`-` as a file name); rejects past `maxBytes`. */
  readStdin(maxBytes: number): Promise<string>;
  /** The prompts (default: @inquirer/prompts through prompts/adapter.ts). */
  prompter?: Prompter;
  /** Where interruptions come from (default: the process's signals). */
  signals?: SignalSource;
}

export function processIo(): Io {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    // Read when asked (diagnose, the round table): touching process.stdin opens a stream on it,
    // ≈ 6 ms of start-up that `report`, `validate` and `--version` never need.
    get isInteractive() {
      return Boolean(process.stdin.isTTY && process.stdout.isTTY);
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // Read when used: a terminal resized during diagnose gets its text wrapped at the new width.
    get columns() {
      return process.stdout.columns || 80;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    flush: () =>
      new Promise<void>((resolve) => {
        // An empty write's callback runs once everything queued before it is flushed.
        process.stdout.write('', () => process.stderr.write('', () => resolve()));
      }),
    readStdin: (maxBytes) => readStream(process.stdin, maxBytes),
  };
}

/** A stream read to its end as UTF-8, refusing more than `maxBytes` (a pipe has no size to check first). */
export function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        stream.removeAllListeners('data');
        stream.pause();
        reject(new StdinTooLargeError(size));
        return;
      }
      chunks.push(buffer);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

export class StdinTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`entrée standard trop volumineuse (plus de ${size} octets)`);
  }
}

/** An Io that records output, for in-process tests. */
export function memoryIo(overrides: Partial<Io> = {}): Io & { out: string[]; err: string[]; text(): { stdout: string; stderr: string } } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    isInteractive: false,
    stdoutIsTTY: false,
    columns: 80,
    env: {},
    cwd: process.cwd(),
    now: () => new Date('2026-11-26T10:00:00Z'),
    flush: async () => {},
    readStdin: async () => '',
    ...overrides,
    out,
    err,
    text: () => ({ stdout: out.join(''), stderr: err.join('') }),
  };
}

/** Colours only on a terminal, and never when the user asked for none (https://no-color.org). */
export function wantsColor(io: Pick<Io, 'env' | 'stdoutIsTTY'>): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.stdoutIsTTY || Boolean(io.env.FORCE_COLOR);
}
