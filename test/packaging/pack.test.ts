// The package as a user receives it: `npm pack`, then `npm install` of the tarball, offline, in an
// empty folder with an empty npm cache (so any runtime dependency would fail the install), then
// every command through `npx cap-ptce`, including the README's own examples.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load } from 'js-yaml';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

let work: string;
let project: string;
let pack: PackResult;
const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_COLOR: '1',
  npm_config_cache: join(work, 'npm-cache'),
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
});

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, env: env(), encoding: 'utf8', timeout: 120_000 });
}

/**
 * Runs the installed command the way `npx cap-ptce` does: the bin link npm made in
 * node_modules/.bin (npx itself costs seconds per call here, so one test goes through it).
 */
function cap(args: string[], options: { input?: string; npx?: boolean } = {}): { code: number; stdout: string; stderr: string } {
  const [command, prefix] = options.npx ? ['npx', ['cap-ptce']] : [join(project, 'node_modules', '.bin', 'cap-ptce'), []];
  const r = spawnSync(command, [...prefix, ...args], { cwd: project, env: env(), input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cap-ptce-pack-'));
  // `npm test` builds dist/ first; `--ignore-scripts` keeps `npm pack` from building it again.
  if (!existsSync(join(repoRoot, 'dist', 'cli.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], repoRoot);
  expect(packed.status, packed.stderr).toBe(0);
  pack = (JSON.parse(packed.stdout) as PackResult[])[0]!;

  project = join(work, 'mon-projet');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'mon-projet', version: '1.0.0', private: true }));
  const installed = npm(['install', '--offline', join(work, pack.filename)], project);
  expect(installed.status, installed.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships the CLI, its data, the examples and the licence, and nothing from the sources or tests', () => {
    const paths = pack.files.map((f) => f.path);
    for (const needed of ['bin/cap-ptce.js', 'bin/package.json', 'dist/cli.cjs', 'questions/cap-ptce.yaml', 'schema/grid.schema.json', 'schema/answers.schema.json', 'examples/projet-emergent.yaml', 'examples/atelier/claire.yaml', 'LICENSE', 'README.md', 'package.json']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(src|test|bench|scripts|node_modules)\//.test(p))).toEqual([]);
  });

  it('installs offline with no runtime dependency: nothing but cap-ptce lands in node_modules', () => {
    const listed = npm(['ls', '--omit=dev', '--all', '--parseable'], project);
    const packages = listed.stdout.trim().split('\n').map((p) => resolve(p));
    expect(packages).toEqual([resolve(project), resolve(project, 'node_modules', 'cap-ptce')]);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'cap-ptce', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    expect(manifest).toHaveProperty('repository.url');
    expect(manifest).toHaveProperty('bugs.url');
    expect(manifest).toHaveProperty('homepage');
  });

  it('has the size and file count the README states (within a third)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const stated = /\(environ (\d+) ko, (\d+) fichiers\)/.exec(readme);
    expect(stated, 'README: « (environ N ko, M fichiers) »').not.toBeNull();
    const kb = pack.size / 1000;
    expect(kb).toBeGreaterThan(Number(stated![1]) / 1.35);
    expect(kb).toBeLessThan(Number(stated![1]) * 1.35);
    // Chunks come and go as the code grows: the count is stated to within a third too.
    expect(pack.entryCount).toBeGreaterThan(Number(stated![2]) / 1.35);
    expect(pack.entryCount).toBeLessThan(Number(stated![2]) * 1.35);
  });
});

describe('npx cap-ptce, installed from the tarball', () => {
  it('--version (through npx itself) and --help', () => {
    const version = cap(['--version'], { npx: true });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
    const help = cap(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['diagnose', 'report', 'validate', 'grid', 'schema', 'compare']) expect(help.stdout).toContain(command);
  });

  it('diagnose: its help, and without a terminal a message pointing to report (exit 2)', () => {
    const help = cap(['diagnose', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--answers');
    const noTty = cap(['diagnose']);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain('report');
    expect(noTty.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('validate, report, grid, schema and compare on the shipped grid and examples', () => {
    const examples = join(project, 'node_modules', 'cap-ptce', 'examples');
    expect(cap(['validate']).code).toBe(0);
    expect(cap(['validate', join(examples, 'projet-emergent.yaml')]).code).toBe(0);
    const report = cap(['report', join(examples, 'projet-emergent.yaml')]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('# Rapport de préparation PTCE');
    const grid = cap(['grid']);
    expect(grid.code).toBe(0);
    expect(grid.stdout).toContain('Objectifs et vision stratégique');
    const schema = cap(['schema', 'answers']);
    expect(JSON.parse(schema.stdout)).toMatchObject({ $id: 'urn:cap-ptce:schema:answers@1' });
    const compare = cap(['compare', join(examples, 'suivi', '2025.yaml'), join(examples, 'suivi', '2026.yaml')]);
    expect(compare.code).toBe(0);
    expect(compare.stdout.length).toBeGreaterThan(200);
  });

  it("runs the README's examples as written, once the examples are copied as the README says", { timeout: 120_000 }, () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('cp -r node_modules/cap-ptce/examples .');
    cpSync(join(project, 'node_modules', 'cap-ptce', 'examples'), join(project, 'examples'), { recursive: true });
    // A maintainer's grids folder, started from the embedded grid as the README advises.
    mkdirSync(join(project, 'questions'), { recursive: true });
    cpSync(join(project, 'node_modules', 'cap-ptce', 'questions', 'cap-ptce.yaml'), join(project, 'questions', 'cap-ptce.yaml'));
    mkdirSync(join(project, 'schema'), { recursive: true });

    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const lines = blocks.flatMap((b) => b.split('\n')).map((l) => l.replace(/\s+#\s.*$/, '').trim()).filter((l) => l.startsWith('npx cap-ptce '));
    // Lines about files the reader has to make first (their own answers, template) are skipped;
    // diagnose needs a terminal and is run above.
    const runnable = lines.filter((line) => {
      if (/^npx cap-ptce diagnose\b/.test(line)) return false;
      const inputs = line.split(/\s+/).filter((t, i, all) => /\.(ya?ml|hbs)$/.test(t) && !/^(--out|-o|--answers)$/.test(all[i - 1] ?? ''));
      return inputs.every((t) => {
        const path = t.replace(/^'|'$/g, '');
        return path.includes('*') ? globSync(path, { cwd: project }).length > 0 : existsSync(join(project, path));
      });
    });
    expect(runnable.length).toBeGreaterThanOrEqual(12);
    const path = `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`;
    for (const line of runnable) {
      const r = spawnSync('bash', ['-c', line.replace(/^npx /, '')], { cwd: project, env: { ...env(), PATH: path }, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      const out = /(?:--out|-o|>)\s+(\S+)/.exec(line)?.[1];
      if (out === '-') expect(r.stdout.length, `${line} prints the document`).toBeGreaterThan(100);
      else if (out) expect(existsSync(join(project, out)), `${line} writes ${out}`).toBe(true);
    }
  });

  it("the README's schema line, resolved from a grid in questions/ as editors resolve it, finds a schema that accepts the grid", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(\S+grid\.schema\.json)$/m.exec(readme);
    expect(modeline).not.toBeNull();
    const gridFile = join(project, 'questions', 'ma-grille.yaml');
    mkdirSync(dirname(gridFile), { recursive: true });
    const gridText = readFileSync(join(project, 'node_modules', 'cap-ptce', 'questions', 'cap-ptce.yaml'), 'utf8').replace(/^# yaml-language-server:.*\n/, `${modeline![0]}\n`);
    writeFileSync(gridFile, gridText);
    // yaml-language-server resolves a relative $schema against the YAML file's own folder.
    const schemaPath = resolve(dirname(gridFile), modeline![1]!);
    expect(schemaPath).toBe(join(project, 'node_modules', 'cap-ptce', 'schema', 'grid.schema.json'));
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(load(gridText)), JSON.stringify(validate.errors)).toBe(true);
    expect(cap(['validate', 'questions/ma-grille.yaml']).code).toBe(0);
  });
});

describe('bin/ without a build', () => {
  it('says in French to run npm run build, without a stack trace', () => {
    const dir = join(work, 'clone-sans-dist');
    // A clone: bin/ as it is (the shim and the package.json that makes it CommonJS), no dist/.
    mkdirSync(dir, { recursive: true });
    cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'cap-ptce.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run build');
    expect(r.stderr).not.toContain('MODULE_NOT_FOUND');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
