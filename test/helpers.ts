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

export async function runInProcess(args: string[], overrides: Partial<Io> = {}): Promise<CliResult> {
  const io = memoryIo(overrides);
  const code = await run(['node', 'cap-ptce', ...args], io);
  return { code, ...io.text() };
}

export function runSpawned(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
