#!/usr/bin/env node
// Every speed and memory target of cap-ptce in one run, as ratios to a baseline measured in the
// same run (absolute times vary between machines and with load; ratios much less).
//   npm run build && node bench/run.mjs [runs]        (default 15 runs per command; BENCH_RUNS too)
// Start-up figures: median wall time of `runs` interleaved runs; ratio to `node -e 0`, as the median
// of paired runs (each run divided by `node -e 0`'s run of the same round).
// Workshops, large grids: the same, with as many rounds (at least 3), ratio to one report / to the 1k grid.
// Peak memory: maximum resident set size (/usr/bin/time), ratio to `node -e 0`'s.
// Hostile inputs: one run each, with a 30 s cap (the target is 2 s).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cap-ptce.js');
const work = mkdtempSync(join(tmpdir(), 'cap-ptce-bench-'));
const answers = join(root, 'examples', 'projet-emergent.yaml');
const YAML = require('yaml');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
const ratio = (x) => `${x.toFixed(2).padStart(5)} ×`;
const verdict = (value, max) => (value <= max ? `ok (≤ ${max})` : `AU-DESSUS (cible ≤ ${max})`);

function timeOnce(args, { cwd = work, timeout = 60_000 } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const t = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error?.code === 'ETIMEDOUT') return { ms: t, timedOut: true, status: null };
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.slice(1).join(' ')} : code ${r.status}\n${r.stderr}`);
  return { ms: t, timedOut: false, status: r.status };
}

// A real terminal (node-pty, a dev dependency), for `report` as a person runs it.
let pty;
try {
  pty = require('node-pty');
} catch {
  pty = undefined;
}
function timePty(args) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const p = pty.spawn(process.execPath, args, { cols: 100, rows: 40, cwd: work, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm-256color' } });
    p.onData(() => {});
    p.onExit(({ exitCode }) => {
      const t = Number(process.hrtime.bigint() - start) / 1e6;
      if (exitCode !== 0) reject(new Error(`${args.join(' ')} (terminal) : code ${exitCode}`));
      else resolvePromise(t);
    });
  });
}

/** Interleaved runs of several commands, so that a slow moment of the machine hits them all alike. */
async function interleaved(commands, n) {
  const samples = commands.map(() => []);
  for (const c of commands) (c.pty ? await timePty(c.args) : timeOnce(c.args)); // warm the file cache
  for (let i = 0; i < n; i++) {
    for (const [k, c] of commands.entries()) samples[k].push(c.pty ? await timePty(c.args) : timeOnce(c.args).ms);
  }
  // Ratios as medians of paired runs: each run divided by the first command's run of the same
  // round. This machine's speed moves by a third from one minute to the next; a ratio of two
  // medians could take them from different moments (±0.2 from one run of the bench to the next).
  const ratios = samples.map((s) => median(s.map((t, i) => t / samples[0][i])));
  return { times: samples.map(median), ratios };
}

function peakKb(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return Number(r.stderr.trim().split('\n').pop());
}

// ───────────────────────────── inputs ─────────────────────────────

const answersText = readFileSync(answers, 'utf8');
const answersDoc = YAML.parse(answersText);
const values = ['pas-aborde', 'en-reflexion', 'engage', 'acquis', 'ne-sait-pas'];

/** n participants: the example answers, each with its own name, some values and notes changed. */
function workshopDir(n) {
  const dir = join(work, `atelier-${n}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const doc = structuredClone(answersDoc);
    doc.respondent = `Participant ${i + 1}, structure ${i % 7}`;
    let k = 0;
    for (const a of Object.values(doc.answers)) {
      if (typeof a.value === 'string' && values.includes(a.value)) a.value = values[(i + k) % 4];
      if (k % 3 === i % 3) a.note = `Note du participant ${i + 1} sur ce point (${k}).`;
      k++;
    }
    writeFileSync(join(dir, `p${String(i).padStart(4, '0')}.yaml`), YAML.stringify(doc));
  }
  return dir;
}

/** The built-in grid with every question repeated until the grid has about `n` questions. */
function bigGrid(n) {
  const grid = YAML.parse(readFileSync(join(root, 'questions', 'cap-ptce.yaml'), 'utf8'));
  const count = grid.entries.reduce((s, e) => s + e.questions.filter((q) => q.type === 'scale').length, 0);
  const copies = Math.max(1, Math.round(n / count));
  for (const entry of grid.entries) {
    const base = entry.questions;
    const extra = [];
    for (let c = 1; c < copies; c++) {
      for (const q of base) {
        // Lean copies (the 5 MB file cap holds a 10k grid): a scale question with its text only.
        const copy = { id: `${q.id}-${c}`, text: `${q.text} (${c})`, type: 'scale', answers: 'avancement', weight: 1 };
        if (q.type === 'scale') extra.push(copy);
      }
    }
    entry.questions = [...base, ...extra];
  }
  const total = grid.entries.reduce((s, e) => s + e.questions.length, 0);
  const file = join(work, `grille-${n}.yaml`);
  writeFileSync(file, YAML.stringify(grid, { lineWidth: 0 }));
  return { file, total };
}

function hostileInputs() {
  const files = {};
  let grid = 'format: cap-ptce/grid@1\nid: x\nversion: 1.0.0\n';
  for (let i = 0; i < 50_000; i++) grid += `cle${i}: 1\n`;
  files.keys = join(work, 'cles-inconnues.yaml');
  writeFileSync(files.keys, grid);
  let a = answersText.replace(/^answers:\n/m, 'answers:\n');
  a += Array.from({ length: 100_000 }, (_, i) => `  inconnue.q${i}:\n    value: engage\n`).join('');
  files.ids = join(work, 'reponses-inconnues.yaml');
  writeFileSync(files.ids, a);
  const withNote = (note) => answersText.replace(/note: "Les trois associations[^\n]*"/, `note: "${note}"`);
  files.word = join(work, 'mot-100k.yaml');
  writeFileSync(files.word, withNote(`http://${'a'.repeat(100_000)}`));
  files.word2 = join(work, 'mot-100k-b.yaml');
  writeFileSync(files.word2, withNote('a'.repeat(100_000)));
  files.spaces = join(work, 'espaces.yaml');
  writeFileSync(files.spaces, withNote(`a${' '.repeat(100_000)}x`));
  return files;
}

// ───────────────────────────── measures ─────────────────────────────

async function main() {
  if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/ manque : lancez « npm run build » d’abord.');
  console.log(`cap-ptce bench (Node ${process.version}, ${runs} exécutions par commande, médianes)\n`);

  const report = (fmt, ...files) => [bin, 'report', ...files, ...(fmt ? ['--format', fmt] : [])];
  const start = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'cap-ptce --version', args: [bin, '--version'], max: 1.25 },
    { name: 'cap-ptce validate (grille intégrée)', args: [bin, 'validate'], max: 1.6 },
    { name: 'cap-ptce report (Markdown, tube)', args: report(null, answers), max: 1.8 },
    ...(pty ? [{ name: 'cap-ptce report (terminal)', args: [bin, 'report', answers, '--force'], pty: true, max: 2.2 }] : []),
    { name: 'cap-ptce report --format html', args: report('html', answers), max: 2.2 },
  ];
  const { times: startTimes, ratios: startRatios } = await interleaved(start, runs);
  console.log('Démarrage (rapport à node -e 0) :');
  for (const [k, c] of start.entries()) {
    const r = startRatios[k];
    console.log(`  ${c.name.padEnd(40)} ${ms(startTimes[k])}  ${ratio(r)}  ${c.max ? verdict(r, c.max) : ''}`);
  }
  if (!pty) console.log('  (terminal : node-pty absent, mesure sautée)');

  console.log('\nMémoire (pic de RSS, rapport à node -e 0) :');
  const memBase = median([0, 1, 2].map(() => peakKb(['-e', '0'])));
  for (const [name, args] of [['cap-ptce report (Markdown)', report(null, answers)], ['cap-ptce report --format html', report('html', answers)]]) {
    const m = median([0, 1, 2].map(() => peakKb(args)));
    console.log(`  ${name.padEnd(40)} ${(m / 1024).toFixed(1).padStart(6)} Mo  ${ratio(m / memBase)}  ${verdict(m / memBase, 1.5)}`);
  }
  console.log(`  (node -e 0 : ${(memBase / 1024).toFixed(1)} Mo)`);

  // Workshops: as many runs as the start-up figures (a ratio of two medians of 5 moved by ±0.15 from
  // one run of the bench to the next; paired medians of 11 still by ±0.1 on this machine).
  const few = Math.max(3, runs);
  console.log(`\nAtelier (médianes de ${few} exécutions et des ${few} rapports par paire ; 100 participants rapportés à un rapport, 1000 à 100 ; par participant : (T100 − T1) / 99) :`);
  const d100 = workshopDir(100);
  const d1000 = workshopDir(1000);
  for (const fmt of ['md', 'html', 'json', 'csv']) {
    const {
      times: [one, hundred],
      ratios: [, r100],
    } = await interleaved([{ args: report(fmt, answers) }, { args: report(fmt, d100) }], few);
    const thousand = median(Array.from({ length: 3 }, () => timeOnce(report(fmt, d1000)).ms));
    // What each participant adds, (T100 − T1) / 99: the figure that stays when start-up shrinks
    // (100 participants ≤ 2 × a report of about 220 ms leaves 2 ms each).
    const each = (hundred - one) / 99;
    const each1000 = (thousand - hundred) / 900;
    console.log(`  ${fmt.padEnd(5)} 1 : ${ms(one)}   100 : ${ms(hundred)} ${ratio(r100)} ${verdict(r100, 2)}   par participant : ${each.toFixed(1).padStart(5)} ms ${verdict(each, 2)}   1000 : ${ms(thousand)} ${ratio(thousand / hundred)} ${verdict(thousand / hundred, 12)} (${each1000.toFixed(1)} ms par participant de 100 à 1000)`);
  }

  console.log(`\nGrandes grilles (médiane de ${few} exécutions, 10k rapporté à 1k) :`);
  const g1 = bigGrid(1000);
  const g10 = bigGrid(10000);
  for (const [name, mk] of [
    ['validate', (g) => [bin, 'validate', g.file]],
    ['report', (g) => [bin, 'report', answers, '--grid', g.file]],
  ]) {
    const {
      times: [a, b],
      ratios: [, r],
    } = await interleaved([{ args: mk(g1) }, { args: mk(g10) }], few);
    console.log(`  ${name.padEnd(9)} ${g1.total} questions : ${ms(a)}   ${g10.total} questions : ${ms(b)}  ${ratio(r)}  ${verdict(r, 12)}`);
  }

  console.log('\nFichiers hostiles (une exécution, plafond 30 s ; cible < 2 s) :');
  const h = hostileInputs();
  const cases = [
    ['validate : grille à 50 000 clés inconnues', [bin, 'validate', h.keys]],
    ['validate : réponses à 100 000 questions inconnues', [bin, 'validate', h.ids]],
    ['report : réponses à 100 000 questions inconnues', report(null, h.ids)],
    ['report : note avec un lien de 100 Ko', report(null, h.word)],
    ['report html : note avec un lien de 100 Ko', report('html', h.word)],
    ['report : note avec un mot de 100 Ko', report(null, h.word2)],
    ['report : note « a » + 100 000 espaces + « x »', report(null, h.spaces)],
    ['report html : note « a » + 100 000 espaces + « x »', report('html', h.spaces)],
  ];
  for (const [name, args] of cases) {
    const r = timeOnce(args, { timeout: 30_000 });
    const shown = r.timedOut ? '  > 30 s' : ms(r.ms);
    console.log(`  ${name.padEnd(52)} ${shown}  ${r.timedOut || r.ms >= 2000 ? 'AU-DESSUS (cible < 2 s)' : 'ok'}`);
  }
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
