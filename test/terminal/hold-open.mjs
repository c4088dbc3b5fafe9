// Runs the CLI (CAP_PTCE_BIN) on this pseudo-terminal, then keeps the terminal open until killed.
// node-pty on Linux may drop the last output of a program that exits right after writing it
// (microsoft/node-pty#72, #726): with the terminal still open, every byte is read. The CLI's exit
// code is told afterwards in an escape sequence the terminal ignores (OSC 777).
import { spawn } from 'node:child_process';

// Ctrl-C reaches every process of the terminal: the CLI handles it, this one waits for the CLI.
process.on('SIGINT', () => {});
const child = spawn(process.execPath, [process.env.CAP_PTCE_BIN, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  process.stdout.write(`\u001b]777;cap-ptce-exit=${code ?? `signal-${signal}`}\u0007`);
  setInterval(() => {}, 60_000);
});
