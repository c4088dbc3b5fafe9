import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, runSpawned } from '../helpers.js';

// `--format html` as a facilitator types it: one page, written where asked, self-contained.
const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-html-cli-'));
const polygons = (html: string): number => html.match(/<polygon\b/g)?.length ?? 0;

function expectSelfContained(html: string): void {
  expect(html).toMatch(/^<!-- cap-ptce:report [^\n]*\n<!doctype html>/i);
  expect(html).toContain('<html lang="fr">');
  // The only <link> is the empty data: favicon that stops browsers from asking the network for one.
  expect(html).not.toMatch(/<script\b|<link\b(?![^>]*href="data:)|\bsrc="http|url\(http/i);
}

describe('report and compare --format html', () => {
  it('a workshop folder gives one page with a polygon per participant plus the collective one', () => {
    const out = join(dir, 'atelier.html');
    const r = runSpawned(['report', 'examples/atelier', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Synthèse écrite');
    const html = readFileSync(out, 'utf8');
    expectSelfContained(html);
    expect(polygons(html)).toBe(4);
    for (const name of ['Claire Martin', 'Mehdi Benali', 'Sophie Lefèvre']) expect(html).toContain(name);
  });

  it('one answers file gives one polygon, to stdout when piped', async () => {
    const r = await runInProcess(['report', join(repoRoot, 'examples/projet-emergent.yaml'), '--format', 'html']);
    expect(r.code).toBe(0);
    expect(polygons(r.stdout)).toBe(1);
    expect(r.stdout).toContain('Ternois en commun');
  });

  it('compare draws before and after, and keeps the deltas of the Markdown', async () => {
    const args = ['compare', join(repoRoot, 'examples/suivi/2025.yaml'), join(repoRoot, 'examples/suivi/2026.yaml')];
    const html = (await runInProcess([...args, '--format', 'html'])).stdout;
    const json = JSON.parse((await runInProcess([...args, '--format', 'json'])).stdout) as { entries: { title: string; delta: number | null }[] };
    expect(polygons(html)).toBe(2);
    for (const e of json.entries.filter((x) => x.delta !== null && x.delta > 0)) expect(html).toContain(`+${e.delta}`);
  });

  it('--template is refused with html: the page has its own template', async () => {
    const r = await runInProcess(['report', join(repoRoot, 'examples/projet-emergent.yaml'), '--format', 'html', '--template', 'x.hbs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--template ne s'applique qu'au format md");
  });
});
