#!/usr/bin/env node
// Two builds of cap-ptce side by side: `report` of one answers file and of each folder given, run
// in turn (interleaved) by each build; medians of wall time and of CPU time (user + system, from
// /usr/bin/time: far less sensitive than wall time to a loaded machine), each folder's time as a
// ratio to one report and per participant, (T − T1) / (files − 1). For a before/after of a change:
//   git clone -s . /tmp/avant && cd /tmp/avant && git checkout <commit> && ln -s "$OLDPWD/node_modules" && npm run build && cd -
//   npm run build && node bench/builds.mjs /tmp/avant . 15 /tmp/atelier-100
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const [before, after, runsArg, ...dirs] = process.argv.slice(2);
if (!before || !after || dirs.length === 0) {
  console.error('usage : node bench/builds.mjs <build avant> <build après> <exécutions> <dossier de réponses>…');
  process.exit(2);
}
const runs = Number(runsArg);
const builds = { avant: join(resolve(before), 'bin', 'cap-ptce.js'), après: join(resolve(after), 'bin', 'cap-ptce.js') };
const one = join(resolve(after), 'examples', 'projet-emergent.yaml');
const cases = [['1', one, 1], ...dirs.map((d) => [d, d, readdirSync(d).filter((f) => /\.ya?ml$/.test(f)).length])];
const wall = {};
const cpu = {};
for (let r = 0; r < runs; r++) {
  for (const [build, bin] of Object.entries(builds)) {
    for (const [name, arg] of cases) {
      const start = process.hrtime.bigint();
      const res = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, 'report', arg], { stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (res.status !== 0) throw new Error(`${build} report ${name} : code ${res.status}\n${res.stderr}`);
      const [user, system] = res.stderr.toString().trim().split('\n').pop().split(' ').map(Number);
      (wall[`${build} ${name}`] ??= []).push(ms);
      (cpu[`${build} ${name}`] ??= []).push((user + system) * 1000);
    }
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const [what, table] of [['temps écoulé', wall], ['temps CPU', cpu]]) {
  console.log(`\n${what} (médianes de ${runs} exécutions entrelacées) :`);
  for (const build of Object.keys(builds)) {
    const base = median(table[`${build} 1`]);
    const parts = cases.slice(1).map(([name, , n]) => {
      const m = median(table[`${build} ${name}`]);
      return `${name} (${n}) : ${m.toFixed(0)} ms, ${(m / base).toFixed(2)} ×, ${((m - base) / (n - 1)).toFixed(2)} ms par participant`;
    });
    console.log(`  ${build.padEnd(6)} un rapport : ${base.toFixed(0)} ms   ${parts.join('   ')}`);
  }
}
