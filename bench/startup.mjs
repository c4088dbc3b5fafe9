#!/usr/bin/env node
// Start-up time of the CLI, as a user feels it: median wall time of N runs of each command,
// and its ratio to `node -e 0` measured in the same run (absolute times vary between machines).
// Usage: npm run build && node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 30);
const bin = fileURLToPath(new URL('../bin/cap-ptce.js', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

const commands = [
  ['node -e 0', ['-e', '0']],
  ['cap-ptce --version', [bin, '--version']],
  ['cap-ptce validate (grille intégrée)', [bin, 'validate']],
];

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Interleave the commands so that a slow moment of the machine hits them all alike.
const samples = commands.map(() => []);
for (const [, args] of commands) timeOnce(args); // warm the file cache
for (let i = 0; i < runs; i++) commands.forEach(([, args], k) => samples[k].push(timeOnce(args)));

const baseline = median(samples[0]);
console.log(`Démarrage, médiane de ${runs} exécutions (Node ${process.version}) :`);
for (const [k, [name]] of commands.entries()) {
  const m = median(samples[k]);
  console.log(`  ${name.padEnd(38)} ${m.toFixed(0).padStart(5)} ms   ${(m / baseline).toFixed(2)} × node -e 0`);
}
