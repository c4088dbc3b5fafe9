// The built-in grid as the build validated it (dist/grid-snapshot.json, written by
// scripts/build.mjs): the default path of every command then parses no YAML and runs no schema.
// Pure: takes the grid file's text and the snapshot's text, returns the grid or null (then the
// caller parses the file as any other). Used only when the file is byte for byte the one the
// snapshot was made from, and when today's checks (programme dates) find nothing to locate.
import { createHash } from 'node:crypto';
import { indexGrid, type GridIndex } from '../model/grid-index.js';
import type { Grid } from '../model/schema.js';
import { checkGrid } from './check-grid.js';

export const SNAPSHOT_FORMAT = 'cap-ptce/grid-snapshot@1';

export interface GridSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** SHA-256 (hex) of the grid file the snapshot was made from. */
  sha256: string;
  grid: Grid;
}

export function gridDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function makeSnapshot(text: string, grid: Grid): GridSnapshot {
  return { format: SNAPSHOT_FORMAT, sha256: gridDigest(text), grid };
}

/** The grid and its index from the snapshot, or null when the snapshot does not apply. */
export function gridFromSnapshot(gridText: string, snapshotText: string | null, today: string): { grid: Grid; index: GridIndex } | null {
  if (!snapshotText) return null;
  let snapshot: GridSnapshot;
  try {
    snapshot = JSON.parse(snapshotText) as GridSnapshot;
  } catch {
    return null;
  }
  if (snapshot?.format !== SNAPSHOT_FORMAT || snapshot.sha256 !== gridDigest(gridText) || !snapshot.grid) return null;
  // Date-dependent checks run today; anything they find is located by the full path.
  if (checkGrid(snapshot.grid, { today }).length > 0) return null;
  return { grid: snapshot.grid, index: indexGrid(snapshot.grid) };
}
