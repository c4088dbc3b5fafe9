#!/usr/bin/env node
// What a command loads before its first line of output, with the size each package or source
// folder brings: dist/cli.cjs, dist/project-settings.cjs and the command's own file (a CommonJS
// file, dist/<command>.cjs, whole) or ES module (dist/esm/<command>.js and the chunks it imports
// statically). Libraries of dist/lib/ load on first use and are not counted. Reads dist/meta.json:
//   CAP_PTCE_META=1 npm run build && node scripts/what-loads.mjs report
import { readFileSync } from 'node:fs';

const meta = JSON.parse(readFileSync(new URL('../dist/meta.json', import.meta.url), 'utf8'));
const wanted = process.argv[2] ?? 'cli';
const outputs = meta.outputs;
const names = Object.keys(outputs);
const start = names.find((o) => o === `dist/${wanted}.cjs` || o === `dist/esm/${wanted}.js`);
if (!start) throw new Error(`pas de sortie pour ${wanted} : ${Object.keys(outputs).join(' ')}`);
const seen = new Set();
const visit = (o) => {
  if (seen.has(o)) return;
  seen.add(o);
  for (const i of outputs[o].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
};
visit(start);
if (wanted !== 'cli') {
  visit('dist/cli.cjs');
  visit('dist/project-settings.cjs');
}
const byOwner = new Map();
let total = 0;
for (const o of seen) {
  for (const [input, { bytesInOutput }] of Object.entries(outputs[o].inputs)) {
    const owner = input.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1').replace(/^src\/([^/]+)\/.*$/, 'src/$1');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
    total += bytesInOutput;
  }
}
console.log(`${wanted} : ${seen.size} fichiers, ${(total / 1024).toFixed(0)} Ko`);
for (const [owner, bytes] of [...byOwner].sort((a, b) => b[1] - a[1])) console.log(`${(bytes / 1024).toFixed(1).padStart(8)} Ko  ${owner}`);
