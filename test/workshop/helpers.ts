// Shared by the workshop tests: the default grid, the three participants of examples/atelier, the
// small grids of test/workshop/fixtures, and a strict CSV reader to parse the action plan back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAnswers, loadGrid, type LoadedGrid } from '../../src/io/load.js';
import { buildWorkshop, type WorkshopData, type WorkshopFile } from '../../src/analysis/workshop.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/workshop/fixtures');
export const ATELIER = join(ROOT, 'examples/atelier');
export const NOW = new Date('2026-11-26T10:00:00Z');
export const PEOPLE = ['claire', 'mehdi', 'sophie'] as const;

let grid: LoadedGrid | undefined;
export function defaultGrid(): LoadedGrid {
  grid ??= loadGrid(join(ROOT, 'questions/cap-ptce.yaml'), '2026-11-26');
  return grid;
}

export function atelierFiles(): WorkshopFile[] {
  return PEOPLE.map((p) => ({ source: `examples/atelier/${p}.yaml`, answers: loadAnswers(join(ATELIER, `${p}.yaml`), defaultGrid().index).answers }));
}

let atelier: WorkshopData | undefined;
export function atelierSynthesis(): WorkshopData {
  atelier ??= buildWorkshop(defaultGrid().index, atelierFiles(), { now: NOW });
  return atelier;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-atelier-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A strict RFC 4180 reader (csv-parse is not a dependency): `;` separator, CRLF between records,
 * fields quoted with `"` and `""` inside. Throws on anything else: a bare quote in an unquoted
 * field, a lone LF or CR between records, text after a closing quote.
 */
export function parseCsv(text: string, delimiter = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('guillemet non refermé');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`guillemet dans un champ sans guillemets (position ${i})`);
        field += text[i++];
      }
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      if (i >= n) return rows;
      continue;
    }
    throw new Error(`fin de ligne ou séparateur attendu en position ${i} (${JSON.stringify(text.slice(i, i + 10))})`);
  }
}
