// Shared by tests: run the CLI in-process (through the same `run` as bin/) or as a real process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli.js';
import { memoryIo, type Io } from '../src/io/io.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const binPath = fileURLToPath(new URL('../bin/cap-ptce.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Output with the French typography undone (no-break spaces as spaces, one apostrophe), so that
 * tests about content read like the text they look for. The typography itself is tested on the
 * raw output (test/report/typography.test.ts): pass `{ raw: true }` to keep it.
 */
export function plain(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ');
}

export async function runInProcess(args: string[], overrides: Partial<Io> = {}, options: { raw?: boolean } = {}): Promise<CliResult> {
  const io = memoryIo(overrides);
  const code = await run(['node', 'cap-ptce', ...args], io);
  const { stdout, stderr } = io.text();
  return options.raw ? { code, stdout, stderr } : { code, stdout: plain(stdout), stderr: plain(stderr) };
}

export function runSpawned(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; raw?: boolean } = {}): CliResult {
  const r = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (options.raw) return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  return { code: r.status ?? -1, stdout: plain(r.stdout), stderr: plain(r.stderr) };
}
