#!/usr/bin/env node
// The offline form: how long `grid --format form` takes, how big the page is, and how fast it
// answers in Chromium, each as a ratio to a baseline measured in the same run.
//   npm run build && node bench/form.mjs [runs]        (default 9 runs)
// - writing: median wall time of `grid --format form` vs `grid --format html` (the printable sheet)
//   and `node -e 0`;
// - in the browser (/usr/bin/chromium, skipped when missing): opening the form (load + script ready)
//   vs opening the printable worksheet (no script), and one keystroke in a note (save to storage,
//   conditions, progress) vs one keystroke in a page without script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 9);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cap-ptce.js');
const work = mkdtempSync(join(tmpdir(), 'cap-ptce-bench-form-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => `${x.toFixed(1).padStart(7)} ms`;

function wall(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} : code ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const commands = {
  'node -e 0': ['-e', '0'],
  'grid --format html': [bin, 'grid', '--format', 'html', '--out', join(work, 'fiche.html'), '--force'],
  'grid --format form': [bin, 'grid', '--format', 'form', '--out', join(work, 'questionnaire.html'), '--force'],
};
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs; i += 1) for (const [k, args] of Object.entries(commands)) times[k].push(wall(args));
const base = median(times['node -e 0']);
const html = median(times['grid --format html']);
console.log(`Écriture (médiane de ${runs} exécutions alternées)`);
for (const k of Object.keys(commands)) {
  const m = median(times[k]);
  console.log(`  ${k.padEnd(22)} ${fmt(m)}   ${(m / base).toFixed(2)} × node -e 0   ${(m / html).toFixed(2)} × grid --format html`);
}
const size = statSync(join(work, 'questionnaire.html')).size;
console.log(`  taille de questionnaire.html : ${(size / 1024).toFixed(0)} Kio (fiche imprimable : ${(statSync(join(work, 'fiche.html')).size / 1024).toFixed(0)} Kio)`);

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`Navigateur : ${CHROMIUM} introuvable, mesures dans le navigateur ignorées.`);
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const plain = join(work, 'plain.html');
  writeFileSync(plain, '<!doctype html><html lang="fr"><body><textarea id="t"></textarea></body></html>');
  const open = async (file, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const start = process.hrtime.bigint();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    if (file.endsWith('questionnaire.html')) await page.waitForFunction(() => document.getElementById('needs-script')?.hidden === true);
    return { page, context, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  };
  const loads = { form: [], sheet: [] };
  const keys = { form: [], plain: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const [k, file] of [['form', join(work, 'questionnaire.html')], ['sheet', join(work, 'fiche.html')]]) {
      const o = await open(file, { width: 390, height: 844 });
      loads[k].push(o.ms);
      await o.context.close();
    }
    // 40 keystrokes in a note (each: storage write, conditions, progress), vs in a bare page.
    for (const [k, file, selector] of [['form', join(work, 'questionnaire.html'), '#q-objectifs-constats-note'], ['plain', plain, '#t']]) {
      const o = await open(file, { width: 390, height: 844 });
      await o.page.focus(selector);
      const start = process.hrtime.bigint();
      await o.page.keyboard.type('Constat partagé avec la communauté de c', { delay: 0 });
      await o.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      keys[k].push(Number(process.hrtime.bigint() - start) / 1e6 / 40);
      await o.context.close();
    }
  }
  await browser.close();
  const [fl, sl] = [median(loads.form), median(loads.sheet)];
  const [fk, pk] = [median(keys.form), median(keys.plain)];
  console.log(`Navigateur (Chromium, 390 px, médiane de ${runs})`);
  console.log(`  ouvrir le questionnaire     ${fmt(fl)}   ${(fl / sl).toFixed(2)} × ouvrir la fiche imprimable (${fmt(sl).trim()})`);
  console.log(`  une frappe dans une note    ${fmt(fk)}   ${(fk / pk).toFixed(2)} × une frappe dans une page sans script (${fmt(pk).trim()})`);
}
rmSync(work, { recursive: true, force: true });
