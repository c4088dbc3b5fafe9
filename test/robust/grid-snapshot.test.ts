// The built-in grid ships prevalidated (dist/grid-snapshot.json, made by `npm run build`): it must
// be exactly what parsing and validating questions/cap-ptce.yaml gives, and be set aside as soon
// as the file differs from the one it was made from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromSnapshot, makeSnapshot } from '../../src/validation/grid-snapshot.js';
import { validateGridText } from '../../src/validation/validate.js';
import { repoRoot, runSpawned } from '../helpers.js';

const gridPath = join(repoRoot, 'questions', 'cap-ptce.yaml');
const text = readFileSync(gridPath, 'utf8');
const today = new Date().toISOString().slice(0, 10);
const snapshotText = readFileSync(join(repoRoot, 'dist', 'grid-snapshot.json'), 'utf8');

describe('the built-in grid snapshot', () => {
  it('equals parsing and validating questions/cap-ptce.yaml', () => {
    const parsed = validateGridText(text, 'questions/cap-ptce.yaml', today);
    expect(parsed.grid).toBeDefined();
    const snap = gridFromSnapshot(text, snapshotText, today);
    expect(snap).not.toBeNull();
    expect(snap!.grid).toEqual(parsed.grid);
    expect([...snap!.index.byId.keys()]).toEqual([...parsed.index!.byId.keys()]);
    expect(JSON.parse(snapshotText)).toEqual(JSON.parse(JSON.stringify(makeSnapshot(text, parsed.grid!))));
  });

  it('is set aside when the grid file changed, or the snapshot is damaged', () => {
    expect(gridFromSnapshot(`${text}\n# modifiée\n`, snapshotText, today)).toBeNull();
    expect(gridFromSnapshot(text, '{ pas du JSON', today)).toBeNull();
    expect(gridFromSnapshot(text, null, today)).toBeNull();
    expect(gridFromSnapshot(text, JSON.stringify({ ...JSON.parse(snapshotText), format: 'autre' }), today)).toBeNull();
  });

  it('gives the same validate and report output as the parsed grid would', () => {
    const v = runSpawned(['validate']);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('1 fichier vérifié : aucun problème.');
    const j = runSpawned(['validate', '--format', 'json']);
    const json = JSON.parse(j.stdout) as { summary: { errors: number; warnings: number }; files: { diagnostics: unknown[] }[] };
    expect(json.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(json.files.map((f) => f.diagnostics)).toEqual([[]]);
    const explicit = runSpawned(['report', join(repoRoot, 'examples', 'projet-emergent.yaml'), '--grid', gridPath, '--format', 'json']);
    const snapshot = runSpawned(['report', join(repoRoot, 'examples', 'projet-emergent.yaml'), '--format', 'json']);
    expect(snapshot.code).toBe(0);
    const strip = (s: string): unknown => {
      const data = JSON.parse(s) as Record<string, unknown>;
      delete data.generatedAt;
      delete data.date;
      return data;
    };
    expect(strip(snapshot.stdout)).toEqual(strip(explicit.stdout));
  });
});

import { respondentStyle, seriesStyles } from '../../src/render/radar.js';
describe('respondent styles, computed once', () => {
  it('are those seriesStyles gives, for any number of respondents', () => {
    const all = seriesStyles(Array.from({ length: 300 }, () => ({ kind: 'respondent' as const })));
    for (let i = 0; i < 300; i++) expect(respondentStyle(i)).toEqual(all[i]);
  });
});
