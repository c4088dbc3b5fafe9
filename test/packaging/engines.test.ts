// package.json's `engines` promises the Node versions the published code runs on. That code is
// dist/, which bundles its dependencies: every package esbuild puts in it must accept every
// version `engines` accepts (e.g. @inquirer wants ^20.17 || ^22.13 || >=23.5).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages (node_modules/<name>) whose files end up in the bundle. */
async function bundledPackages(): Promise<string[]> {
  const result = await build({
    entryPoints: [join(repoRoot, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: join(repoRoot, 'dist-engines-check'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const names = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    names.add(`${input.slice(0, at)}node_modules/${name}`);
  }
  return [...names].sort();
}

describe('engines', () => {
  it('the published package declares no runtime dependency: everything is bundled into dist/', () => {
    expect(pkg.dependencies, 'put it in devDependencies: esbuild bundles it into dist/').toBeUndefined();
  });

  it('accepts only Node versions that every bundled package accepts', async () => {
    const packages = await bundledPackages();
    expect(packages.length).toBeGreaterThan(10);
    const disagreeing: string[] = [];
    for (const dir of packages) {
      const meta = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      const wanted = meta.engines?.node;
      if (wanted && !semver.subset(pkg.engines.node, wanted)) disagreeing.push(`${meta.name}@${meta.version} wants ${wanted}`);
    }
    expect(disagreeing, `engines.node is ${pkg.engines.node}`).toEqual([]);
  });

  it('and runs on the Node these machines have', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
