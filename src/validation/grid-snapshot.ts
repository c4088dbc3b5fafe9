// The built-in grid as the build validated it (dist/grid-snapshot.json, written by
// scripts/build.mjs): the default path of every command then parses no YAML and runs no schema.
// Pure: takes the grid file's text and the snapshot's text, returns the grid or null (then the
// caller parses the file as any other). Used only when the file is the very text the snapshot was
// made from (compared whole: no hashing library to load), and when today's checks (calls closed
// since the build) find nothing to locate.
import { indexGrid, type GridIndex } from '../model/grid-index.js';
import type { Grid } from '../model/schema.js';
import { checkGridToday } from './check-grid.js';

export const SNAPSHOT_FORMAT = 'cap-ptce/grid-snapshot@2';

export interface GridSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** The grid file the snapshot was made from, whole. */
  source: string;
  grid: Grid;
}

export function makeSnapshot(text: string, grid: Grid): GridSnapshot {
  return { format: SNAPSHOT_FORMAT, source: text, grid };
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
  if (snapshot?.format !== SNAPSHOT_FORMAT || snapshot.source !== gridText || !snapshot.grid) return null;
  // Date-dependent checks run today; anything they find is located by the full path.
  if (checkGridToday(snapshot.grid, today).length > 0) return null;
  return { grid: snapshot.grid, index: indexGrid(snapshot.grid) };
}
