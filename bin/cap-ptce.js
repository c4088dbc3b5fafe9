#!/usr/bin/env node
// Only a shim: the CLI is bundled into dist/ (`npm run build`). CommonJS (bin/package.json), like
// dist/cli.cjs: `--version`, `validate` and `report` then run without Node's ES module loader
// (scripts/build.mjs says why). The two checks below turn the usual first-run failures (an old
// Node, a clone not yet built) into a French sentence that says what to do, instead of a syntax
// error or a MODULE_NOT_FOUND stack trace.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  process.stderr.write(`cap-ptce demande Node.js 20.17 ou plus récent (installé : ${process.version}).\nInstallez une version maintenue de Node.js (22 ou 24, https://nodejs.org/fr), puis recommencez.\n`);
  process.exit(2);
}

const entry = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(entry)) {
  process.stderr.write("cap-ptce n'est pas construit : le dossier dist/ est absent.\nLancez « npm run build » dans le dossier de cap-ptce (« npm install » le fait aussi), puis recommencez.\n");
  process.exit(2);
}
require(entry).main(process.argv);
