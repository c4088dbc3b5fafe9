// Grids and answers for the diagnose tests, loaded the way the CLI loads them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexGrid, type GridIndex } from '../../src/model/grid-index.js';
import { validateGridText } from '../../src/validation/validate.js';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/diagnose/${name}`, import.meta.url));

export function loadFixtureGrid(name = 'mini.yaml'): GridIndex {
  const { grid, diagnostics } = validateGridText(readFileSync(fixturePath(name), 'utf8'), name, '2026-11-26');
  if (!grid) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(diagnostics)}`);
  return indexGrid(grid);
}
