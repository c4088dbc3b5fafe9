// Writing a document cap-ptce derives from answers files: the marker that says « written by
// cap-ptce for these answers » (so that a re-run may update the file and nothing else is
// overwritten unasked), the overwrite check, the atomic write.
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { readBounded, resolveWriteTarget, safeName, writeFileAtomic } from './files.js';
import { safeJson } from '../text/safe-name.js';
import { displayPath } from './load.js';

/** The example file name given when --out names a folder. */
const EXAMPLE_NAME = 'cap-ptce-rapport.md';

export type MarkedFormat = 'md' | 'json' | 'html';

const MARKER_PREFIX = 'cap-ptce:report answers=';

function toPosix(p: string): string {
  return sep === '\\' ? p.split(sep).join('/') : p;
}

/**
 * The marker cap-ptce puts in a report it writes: the answers files, relative to the report's
 * folder (so that moving both together keeps it valid). Safe inside an HTML comment.
 */
export function reportMarker(outPath: string, answers: string | readonly string[]): string {
  const dir = dirname(resolve(outPath));
  const list = (typeof answers === 'string' ? [answers] : answers).map((a) => toPosix(relative(dir, resolve(a))) || '.');
  return MARKER_PREFIX + list.map((a) => encodeURI(a).replace(/,/g, '%2C').replace(/-(?=-)/g, '%2D')).join(',');
}

function markerAnswers(marker: string, outPath: string): string[] | null {
  if (!marker.startsWith(MARKER_PREFIX)) return null;
  const dir = dirname(resolve(outPath));
  try {
    return marker
      .slice(MARKER_PREFIX.length)
      .split(',')
      .map((a) => resolve(dir, decodeURI(a.replace(/%2C/g, ',').replace(/%2D/g, '-'))));
  } catch {
    return null;
  }
}

/** The marker found in an existing report (first line of Markdown, `writtenBy` of JSON), if any. */
function existingMarker(text: string): string | null {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const md = /^<!-- (cap-ptce:report [^>]*?) -->\s*$/.exec(firstLine);
  if (md) return md[1]!;
  if (firstLine.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as { writtenBy?: unknown };
      return typeof parsed.writtenBy === 'string' ? parsed.writtenBy : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Adds the marker to a rendered report: an HTML comment on line 1, or `writtenBy` in JSON. */
export function markReport(content: string, marker: string, format: MarkedFormat): string {
  if (format === 'json') {
    const data = JSON.parse(content) as Record<string, unknown>;
    return `${safeJson(JSON.stringify({ ...data, writtenBy: marker }, null, 2))}\n`;
  }
  return `<!-- ${marker} -->\n${content.replace(/^<!-- cap-ptce:report [^\n]*\n/, '')}`;
}

/**
 * Refuses to replace an existing file unless `force`, or unless cap-ptce wrote it for the same
 * answers files. Throws a UserError that says what to do.
 */
export function checkOverwrite(outPath: string, answers: string | readonly string[], force = false): void {
  let isDir = false;
  try {
    isDir = statSync(outPath).isDirectory();
  } catch {
    return; // nothing there yet
  }
  const shown = displayPath(resolve(outPath));
  if (isDir) throw new UserError(`${safeName(shown)} est un dossier : indiquez un nom de fichier pour le rapport (ex. --out ${toPosix(`${safeName(shown)}/${EXAMPLE_NAME}`)}).`, ExitCode.usage);
  resolveWriteTarget(outPath); // devices, FIFOs, dangling links: refused before anything is read
  if (force) return;
  let text = '';
  try {
    // A report weighs tens of kilobytes: a much larger file is not one of ours.
    const read = readBounded(outPath, 'rapport', 5 * 1024 * 1024);
    if (!read.truncated) text = read.text;
  } catch {
    // unreadable: treated as someone else's file
  }
  const marker = existingMarker(text);
  const previous = marker ? markerAnswers(marker, outPath) : null;
  const wanted = (typeof answers === 'string' ? [answers] : answers).map((a) => resolve(a));
  if (previous && previous.length === wanted.length && previous.every((p, i) => p === wanted[i])) return;
  const why = previous ? `a été écrit par cap-ptce pour d'autres réponses (${previous.map((p) => displayPath(p)).join(', ')})` : "n'a pas été écrit par cap-ptce";
  throw new UserError(`${safeName(shown)} existe déjà et ${why} : il n'est pas remplacé.`, ExitCode.usage, [
    'Choisissez un autre fichier avec --out, ou ajoutez --force pour le remplacer.',
  ]);
}

/**
 * Writes a rendered report (Markdown or JSON) atomically, with the cap-ptce marker, after
 * checkOverwrite. Returns the absolute path written.
 */
export function writeReport(outPath: string, content: string, options: { answers: string | readonly string[]; format?: MarkedFormat; force?: boolean }): string {
  const target = resolve(outPath);
  checkOverwrite(target, options.answers, options.force);
  writeFileAtomic(target, markReport(content, reportMarker(target, options.answers), options.format ?? 'md'));
  return target;
}
