// Short paths (« parcours ») through a grid: a grid's top-level `paths:` map names subsets of its
// questions (`diagnose --parcours essentiel`, `grid --format form --parcours essentiel`). Pure:
// selecting a path, the grid restricted to it (what a short-path report is computed on), what the
// full grid adds (validation/check-paths.ts checks the references).
import { DomainError } from '../errors.js';
import { indexGrid, type GridIndex, type QuestionRef } from './grid-index.js';
import type { AnswersFile, Entry, Grid, Path } from './schema.js';
import { didYouMean } from '../text/suggest.js';

export interface SelectedPath {
  id: string;
  path: Path;
  /** The path's questions, in the grid's order (not the order the path lists them in). */
  refs: QuestionRef[];
}

/** The ids of the grid's paths, in file order. */
export function pathIds(grid: Pick<Grid, 'paths'>): string[] {
  return Object.keys(grid.paths ?? {});
}

/**
 * The path `id` of the grid, its questions in grid order. An unknown id is a usage error that
 * names the paths the grid has (with « vouliez-vous dire »). Ids that name no question are left
 * out here: `validate` reports them.
 */
export function selectPath(index: GridIndex, id: string, command = 'diagnose'): SelectedPath {
  const ids = pathIds(index.grid);
  const path = Object.hasOwn(index.grid.paths ?? {}, id) ? index.grid.paths[id] : undefined;
  if (!path) {
    const known = ids.length === 0 ? 'cette grille ne déclare aucun parcours (clé « paths: »)' : `parcours de cette grille : ${ids.join(', ')}`;
    throw new DomainError('invalid-option', `Parcours inconnu : « ${id} »${didYouMean(id, ids)} ; ${known}.`, ids.length > 0 ? [`Exemple : cap-ptce ${command} --parcours ${ids[0]}`] : []);
  }
  const wanted = new Set(path.questions);
  return { id, path, refs: index.questions.filter((q) => wanted.has(q.fullId)) };
}

/**
 * The grid cut down to a path: only its questions, entrées without any left out. A short-path
 * report is computed on it, so that coverage and scores speak of the questions asked, not of a
 * full grid mostly left blank. Rules, stages and programmes stay: they read whatever is answered.
 */
export function restrictToPath(index: GridIndex, id: string): GridIndex {
  const wanted = new Set(selectPath(index, id).refs.map((r) => r.fullId));
  const entries: Entry[] = [];
  for (const entry of index.grid.entries) {
    const questions = entry.questions.filter((q) => wanted.has(`${entry.id}.${q.id}`));
    if (questions.length > 0) entries.push({ ...entry, questions });
  }
  return indexGrid({ ...index.grid, entries });
}

export interface PathSummary {
  id: string;
  title: string;
  description: string | null;
  minutes: number | null;
  /** Questions of the path, and of the full grid. */
  questionCount: number;
  fullCount: number;
  /** What the full grid adds: per entrée, its title and how many of its questions the path leaves out. */
  adds: { id: string; title: string; count: number; whole: boolean }[];
}

/** What a report says about a short path: its name, and what the full grid adds. */
export function summarizePath(index: GridIndex, id: string): PathSummary {
  const selected = selectPath(index, id);
  const inPath = new Set(selected.refs.map((r) => r.fullId));
  const adds: PathSummary['adds'] = [];
  for (const entry of index.grid.entries) {
    const left = entry.questions.filter((q) => !inPath.has(`${entry.id}.${q.id}`)).length;
    if (left > 0) adds.push({ id: entry.id, title: entry.title, count: left, whole: left === entry.questions.length });
  }
  return {
    id,
    title: selected.path.title,
    description: selected.path.description ?? null,
    minutes: selected.path.minutes ?? null,
    questionCount: selected.refs.length,
    fullCount: index.questions.length,
    adds,
  };
}

/** « La grille complète ajoute 17 questions : Financement (4 questions), … » */
export function pathAddsSentence(summary: PathSummary): string {
  const extra = summary.fullCount - summary.questionCount;
  if (extra === 0) return 'Ce parcours couvre toute la grille.';
  const parts = summary.adds.map((a) => `${a.title} (${a.whole ? "toute l'entrée, " : ''}${a.count} ${a.count > 1 ? 'questions' : 'question'})`);
  return `La grille complète ajoute ${extra} ${extra > 1 ? 'questions' : 'question'} : ${parts.join(', ')}.`;
}

/** What a report carries about the short path its answers followed (`shortPath` in every format). */
export interface ReportPath extends PathSummary {
  /** « La grille complète ajoute … », ready to print. */
  sentence: string;
}

export interface PathBasis {
  /** The grid the report is computed on: the path's questions only, or the whole grid. */
  index: GridIndex;
  shortPath: ReportPath | null;
  /** Said on stderr: files that followed different paths (the report then uses the whole grid). */
  warning: string | null;
}

/**
 * The grid a report is computed on, from the `path` the answers files record: when they all
 * followed the same path of this grid, the grid restricted to it (and what the full grid adds);
 * otherwise the whole grid.
 */
export function pathBasis(index: GridIndex, files: readonly Pick<AnswersFile, 'path'>[]): PathBasis {
  const paths = [...new Set(files.map((f) => f.path ?? ''))];
  const id = paths.length === 1 ? paths[0]! : '';
  const known = (p: string): boolean => p !== '' && Object.hasOwn(index.grid.paths ?? {}, p);
  if (paths.length > 1) {
    const named = paths.filter(Boolean).map((p) => `« ${p} »`).join(', ');
    return { index, shortPath: null, warning: `Les participants n'ont pas suivi le même parcours (${named}${paths.includes('') ? ', grille complète' : ''}) : la synthèse porte sur toute la grille.` };
  }
  if (!known(id)) {
    return { index, shortPath: null, warning: id ? `Parcours « ${id} » inconnu de cette grille : le rapport porte sur toute la grille.` : null };
  }
  const summary = summarizePath(index, id);
  return { index: restrictToPath(index, id), shortPath: { ...summary, sentence: pathAddsSentence(summary) }, warning: null };
}

/**
 * The answers a short-path report reads: those to the path's questions (and to questions the grid
 * no longer has, still reported as such). Answers to the grid's other questions, from an earlier
 * full run, stay in the file but are not « hors grille ».
 */
export function trimToPath<T extends Pick<AnswersFile, 'answers'>>(file: T, full: GridIndex, basis: PathBasis): T {
  if (!basis.shortPath) return file;
  const answers: AnswersFile['answers'] = {};
  for (const [key, answer] of Object.entries(file.answers)) {
    const id = full.byId.has(key) ? key : full.replaced.get(key);
    if (id !== undefined && !basis.index.byId.has(id)) continue;
    answers[key] = answer;
  }
  return { ...file, answers };
}
