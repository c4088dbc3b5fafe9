#!/usr/bin/env node
// Only a shim: the CLI is bundled into dist/ (`npm run build`). The two checks below turn the
// usual first-run failures (an old Node, a clone not yet built) into a French sentence that says
// what to do, instead of a syntax error or an ERR_MODULE_NOT_FOUND stack trace.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  process.stderr.write(`cap-ptce demande Node.js 20.17 ou plus récent (installé : ${process.version}).\nInstallez une version maintenue de Node.js (22 ou 24, https://nodejs.org/fr), puis recommencez.\n`);
  process.exit(2);
}

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("cap-ptce n'est pas construit : le dossier dist/ est absent.\nLancez « npm run build » dans le dossier de cap-ptce (« npm install » le fait aussi), puis recommencez.\n");
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
