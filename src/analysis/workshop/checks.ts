// Whether the files belong in one synthesis: the same grid (refused otherwise), the same project
// and one file per person (warnings: the facilitator may know better), and labels that tell the
// respondents apart.
import { DomainError } from '../../errors.js';
import type { AnswersFile } from '../../model/schema.js';
import { stripControl } from '../../text/escape.js';
import { joinNames } from '../../text/french.js';
import type { WorkshopFile } from './types.js';

function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}

function key(text: string): string {
  return stripControl(text).normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}

function shown(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/**
 * Refuses files of different grids (id or major version), naming them: exit 1. Takes only what
 * it reads (the source and the `grid` header), so that the command can check before loading the
 * files against a grid.
 */
export function checkSameGrid(files: readonly { source: string; grid: { id: string; version: string } }[]): void {
  // Grouped by the raw header; names cleaned only for the message (they are rarely needed).
  const groups = new Map<string, { grid: { id: string; version: string }; files: string[] }>();
  for (const f of files) {
    const k = `${f.grid.id}@${majorOf(f.grid.version)}`;
    const group = groups.get(k);
    if (group) group.files.push(f.source);
    else groups.set(k, { grid: f.grid, files: [f.source] });
  }
  if (groups.size <= 1) return;
  const list = [...groups.values()].map((g) => ({ label: `grille « ${shown(g.grid.id)} » version ${shown(majorOf(g.grid.version))}.x`, files: g.files.map(shown) }));
  throw new DomainError(
    'invalid-input',
    `Synthèse impossible : ces fichiers ne répondent pas à la même grille (${list.map((g) => `${joinNames(g.files)} : ${g.label}`).join(' ; ')}).`,
    ["Une synthèse réunit les réponses d'un même projet à une même grille : retirez les fichiers d'une autre grille, ou faites une synthèse par grille."],
    { grids: list },
  );
}

/** Labels that tell respondents apart: their name, « Répondant n » without one, « Claire (2) » for a second Claire. */
export function respondentLabels(files: readonly Pick<AnswersFile, 'respondent'>[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f, i) => {
    const name = f.respondent === undefined ? '' : shown(f.respondent);
    const base = name || `Répondant ${i + 1}`;
    const k = key(base);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * Files named by the same key (a project, a respondent): raw names and sources kept, cleaned only
 * for a warning. The key of a name is computed once per distinct name: a workshop's files mostly
 * name the same project.
 */
function groupByName(files: readonly WorkshopFile[], nameOf: (f: WorkshopFile) => string | undefined): Map<string, { name: string; files: string[] }> {
  const groups = new Map<string, { name: string; files: string[] }>();
  const keys = new Map<string, string | null>();
  for (const f of files) {
    const name = nameOf(f);
    if (name === undefined) continue;
    let k = keys.get(name);
    if (k === undefined) {
      k = shown(name) ? key(name) : null;
      keys.set(name, k);
    }
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.files.push(f.source);
    else groups.set(k, { name, files: [f.source] });
  }
  return groups;
}

/** Warnings about files that may not belong together (they do not stop the synthesis). */
export function workshopWarnings(files: readonly WorkshopFile[]): string[] {
  const warnings: string[] = [];
  const projects = groupByName(files, (f) => f.answers.project?.name);
  if (projects.size > 1) {
    const list = [...projects.values()].map((p) => `« ${shown(p.name)} » (${joinNames(p.files.map(shown))})`);
    warnings.push(`Les fichiers ne nomment pas le même projet : ${joinNames(list)}. Vérifiez qu'ils portent bien sur le même projet.`);
  }
  for (const r of groupByName(files, (f) => f.answers.respondent).values()) {
    if (r.files.length > 1) {
      warnings.push(`${shown(r.name)} répond dans ${r.files.length} fichiers (${joinNames(r.files.map(shown))}) : ses réponses comptent ${r.files.length} fois dans la synthèse. Gardez un seul fichier par personne.`);
    }
  }
  // The first file of each source, kept as they are counted (a search per source was quadratic).
  const bySource = new Map<string, { first: WorkshopFile; n: number }>();
  for (const f of files) {
    const seen = bySource.get(f.source);
    if (seen) seen.n++;
    else bySource.set(f.source, { first: f, n: 1 });
  }
  for (const [source, { first, n }] of bySource) {
    if (n > 1 && shown(first.answers.respondent ?? '') === '') {
      warnings.push(`Le fichier ${shown(source)} est donné ${n} fois : ses réponses comptent ${n} fois dans la synthèse.`);
    }
  }
  return warnings;
}
