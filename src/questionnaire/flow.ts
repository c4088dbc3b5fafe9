// The questionnaire's logic, with no prompts and no file system: which questions are asked for the
// selected entrées, which apply given the answers so far, where "next" and "back" lead, where a
// resumed session starts, the progress, and how an answer changes the answers file. Pure.
import { hasValue } from '../model/answer-value.js';
import { Document, isMap } from 'yaml';
import { currentQuestionId, answerValueProblem } from '../validation/check-answers.js';
import { isApplicable } from '../model/conditions.js';
import type { GridIndex, QuestionRef } from '../model/grid-index.js';
import { ANSWERS_FORMAT } from '../model/formats.js';
import type { Answer, AnswersFile, Entry } from '../model/schema.js';
import { didYouMean } from '../text/suggest.js';
import { selectPath } from '../model/paths.js';
import { DomainError } from '../errors.js';

/** The questions asked in one session: the selected entrées, in grid order. */
export interface Flow {
  index: GridIndex;
  entries: Entry[];
  /** Questions of the selected entrées, in asking order. A position is an index in this list. */
  refs: QuestionRef[];
}

/**
 * Builds the flow for `--entries` (all entrées when absent or empty). An unknown id is a usage
 * error that lists the valid ids.
 */
export function buildFlow(index: GridIndex, entryIds?: readonly string[], pathId?: string): Flow {
  const all = index.grid.entries;
  const valid = all.map((e) => e.id);
  const wanted = [...new Set((entryIds ?? []).map((s) => s.trim()).filter(Boolean))];
  const unknown = wanted.filter((id) => !valid.includes(id));
  if (unknown.length > 0) {
    const first = unknown[0]!;
    const label = unknown.length === 1 ? `Entrée inconnue : « ${first} »` : `Entrées inconnues : ${unknown.map((u) => `« ${u} »`).join(', ')}`;
    throw new DomainError('invalid-option', `${label}${didYouMean(first, valid)}. Entrées de cette grille : ${valid.join(', ')}.`, [`Exemple : cap-ptce diagnose --entries ${valid.slice(0, 2).join(',')}`], {
      option: 'entries',
      unknown,
      valid,
    });
  }
  let entries = wanted.length === 0 ? [...all] : all.filter((e) => wanted.includes(e.id));
  const ids = new Set(entries.map((e) => e.id));
  let refs = index.questions.filter((q) => ids.has(q.entry.id));
  if (pathId !== undefined) {
    // A short path (core/paths.ts): only its questions, and only the entrées that keep one.
    const inPath = new Set(selectPath(index, pathId).refs.map((r) => r.fullId));
    refs = refs.filter((r) => inPath.has(r.fullId));
    entries = entries.filter((e) => refs.some((r) => r.entry.id === e.id));
  }
  return { index, entries, refs };
}

export function answerOf(file: AnswersFile, fullId: string): Answer | undefined {
  return file.answers[fullId];
}

/** The question has a value that fits it (a value the grid no longer accepts does not count). */
export function isAnswered(ref: QuestionRef, file: AnswersFile): boolean {
  const answer = answerOf(file, ref.fullId);
  return hasValue(answer) && answerValueProblem(ref, answer!.value) === null;
}

/**
 * Still to be asked on resume: never seen, or holding a value the grid no longer accepts. A
 * question the person chose to leave blank (an entry with no value) is not open.
 */
export function isOpen(ref: QuestionRef, file: AnswersFile): boolean {
  const answer = answerOf(file, ref.fullId);
  if (!answer) return true;
  if (!hasValue(answer)) return false;
  return answerValueProblem(ref, answer.value) !== null;
}

export function isApplicableAt(flow: Flow, pos: number, file: AnswersFile): boolean {
  const ref = flow.refs[pos];
  if (!ref) return false;
  return isApplicable(ref.fullId, file.answers, flow.index);
}

export interface Step {
  /** The next position to ask, or null when the questionnaire is over. */
  pos: number | null;
  /** Positions passed over because their condition is false, to show the user. */
  skipped: number[];
}

/** The next applicable question after `from` (use -1 to start from the beginning). */
export function nextStep(flow: Flow, from: number, file: AnswersFile): Step {
  const skipped: number[] = [];
  for (let pos = from + 1; pos < flow.refs.length; pos++) {
    if (isApplicableAt(flow, pos, file)) return { pos, skipped };
    skipped.push(pos);
  }
  return { pos: null, skipped };
}

/** The applicable question before `from`, or null when `from` is the first one. */
export function previousPosition(flow: Flow, from: number, file: AnswersFile): number | null {
  for (let pos = from - 1; pos >= 0; pos--) {
    if (isApplicableAt(flow, pos, file)) return pos;
  }
  return null;
}

/** Where a resumed session starts: the first applicable question still open, or null when done. */
export function firstOpenPosition(flow: Flow, file: AnswersFile): number | null {
  for (let pos = 0; pos < flow.refs.length; pos++) {
    if (isApplicableAt(flow, pos, file) && isOpen(flow.refs[pos]!, file)) return pos;
  }
  return null;
}

export interface Progress {
  /** 1-based place of the current entrée among the selected ones. */
  entryNumber: number;
  entryCount: number;
  /** 1-based place of the question in its entrée, and the entrée's number of questions. */
  questionNumber: number;
  questionCount: number;
  /** Applicable questions of the selected entrées that have a value that fits. */
  answered: number;
  applicable: number;
  /** Questions of the selected entrées passed over because their condition is false. */
  notApplicable: number;
  /** answered ÷ applicable, as a rounded percentage (100 when nothing applies). */
  percent: number;
}

export function progress(flow: Flow, pos: number, file: AnswersFile): Progress {
  const ref = flow.refs[pos] ?? flow.refs[0];
  const entryNumber = ref ? flow.entries.findIndex((e) => e.id === ref.entry.id) + 1 : 0;
  // Counted within the flow: a short path asks only some of an entrée's questions.
  const sameEntry = ref ? flow.refs.filter((r) => r.entry.id === ref.entry.id) : [];
  const questionCount = sameEntry.length;
  let answered = 0;
  let applicable = 0;
  let notApplicable = 0;
  flow.refs.forEach((r, i) => {
    if (!isApplicableAt(flow, i, file)) {
      notApplicable++;
      return;
    }
    applicable++;
    if (isAnswered(r, file)) answered++;
  });
  return {
    entryNumber,
    entryCount: flow.entries.length,
    questionNumber: ref ? sameEntry.indexOf(ref) + 1 : 0,
    questionCount,
    answered,
    applicable,
    notApplicable,
    percent: applicable === 0 ? 100 : Math.round((answered / applicable) * 100),
  };
}

/** « Entrée 2/6 · question 3/5 · 4 réponses sur 12 (33 %) · 1 question sans objet » */
export function progressLine(p: Progress): string {
  const parts = [
    `Entrée ${p.entryNumber}/${p.entryCount}`,
    `question ${p.questionNumber}/${p.questionCount}`,
    `${p.answered} ${p.answered > 1 ? 'réponses' : 'réponse'} sur ${p.applicable} (${p.percent} %)`,
  ];
  if (p.notApplicable > 0) parts.push(`${p.notApplicable} ${p.notApplicable > 1 ? 'questions sans objet' : 'question sans objet'}`);
  return parts.join(' · ');
}

export function newAnswersFile(index: GridIndex, now: Date, project: AnswersFile['project'] = {}, respondent?: string): AnswersFile {
  const file: AnswersFile = {
    format: ANSWERS_FORMAT,
    grid: { id: index.grid.id, version: index.grid.version },
    project: { ...project },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    answers: {},
  };
  if (respondent) file.respondent = respondent;
  return file;
}

export type AnswerPatch = {
  /** undefined removes the value (the question left blank on purpose). */
  value?: Answer['value'];
  examples?: string[];
  /** '' or undefined removes the note. */
  note?: string;
};

/**
 * Records (part of) an answer and returns a new answers file; every other answer, including those
 * to questions absent from the grid, is kept as it is.
 */
export function applyAnswer(file: AnswersFile, fullId: string, patch: AnswerPatch, now: Date): AnswersFile {
  const previous = file.answers[fullId] ?? {};
  const next: Answer = { ...previous };
  if ('value' in patch) {
    if (patch.value === undefined || patch.value === null || patch.value === '') delete next.value;
    else next.value = patch.value;
  }
  if ('examples' in patch) {
    if (patch.examples === undefined) delete next.examples;
    else next.examples = [...patch.examples];
  }
  if ('note' in patch) {
    const note = patch.note?.trim();
    if (note) next.note = note;
    else delete next.note;
  }
  next.answeredAt = now.toISOString();
  return { ...file, updatedAt: now.toISOString(), answers: { ...file.answers, [fullId]: next } };
}

export function setProject(file: AnswersFile, project: AnswersFile['project'], respondent: string | undefined, now: Date): AnswersFile {
  const cleaned: AnswersFile['project'] = {};
  if (project.name?.trim()) cleaned.name = project.name.trim();
  if (project.territory?.trim()) cleaned.territory = project.territory.trim();
  const next: AnswersFile = { ...file, project: cleaned, updatedAt: now.toISOString() };
  if (respondent?.trim()) next.respondent = respondent.trim();
  else delete next.respondent;
  return next;
}

/**
 * Answers stored under an id the grid has renamed (`replaces`) move to the current id, unless that
 * id already has an answer. Answers to questions absent from the grid stay untouched.
 */
export function carryOverRenamed(file: AnswersFile, index: GridIndex): { file: AnswersFile; moved: { from: string; to: string }[] } {
  const moved: { from: string; to: string }[] = [];
  const answers: Record<string, Answer> = {};
  for (const [key, answer] of Object.entries(file.answers)) {
    const id = currentQuestionId(key, index);
    if (id && id !== key && !(id in file.answers) && !(id in answers)) {
      answers[id] = answer;
      moved.push({ from: key, to: id });
    } else {
      answers[key] = answer;
    }
  }
  return moved.length === 0 ? { file, moved } : { file: { ...file, answers }, moved };
}

/** The current grid's id and version, once the answers have been checked against it. */
export function adoptGrid(file: AnswersFile, index: GridIndex): AnswersFile {
  if (file.grid.id === index.grid.id && file.grid.version === index.grid.version) return file;
  return { ...file, grid: { id: index.grid.id, version: index.grid.version } };
}

export interface AnswersSummary {
  /** Questions of the grid with a value that fits. */
  answered: number;
  /** Questions of the grid. */
  total: number;
  /** Keys that name no question of the grid (kept in the file). */
  unknown: string[];
  /** Questions whose stored value the grid no longer accepts (asked again). */
  invalid: string[];
}

export function summarize(file: AnswersFile, index: GridIndex): AnswersSummary {
  let answered = 0;
  const invalid: string[] = [];
  for (const ref of index.questions) {
    const a = file.answers[ref.fullId];
    if (!hasValue(a)) continue;
    if (answerValueProblem(ref, a!.value) === null) answered++;
    else invalid.push(ref.fullId);
  }
  const unknown = Object.keys(file.answers).filter((k) => currentQuestionId(k, index) === undefined);
  return { answered, total: index.questions.length, unknown, invalid };
}

const ANSWER_KEYS = ['value', 'examples', 'note', 'position', 'answeredAt'] as const;

/**
 * The file as saved: it records the short path it was answered on (`--parcours`), so that its
 * report says it is a short one; answered on the whole grid, it records none.
 */
export function withParcours(file: AnswersFile, parcours: string | undefined): AnswersFile {
  if (parcours) return { ...file, path: parcours };
  if (file.path === undefined) return file;
  const { path: _path, ...rest } = file;
  return rest;
}

/**
 * The answers file as YAML, keys in the order of grid-format.md; answers in grid order, then the
 * answers to questions absent from the grid, as they were.
 */
export function answersToYaml(file: AnswersFile, index?: GridIndex): string {
  const ordered: Record<string, unknown> = { format: ANSWERS_FORMAT, grid: { id: file.grid.id, version: file.grid.version } };
  const project: Record<string, string> = {};
  if (file.project?.name !== undefined) project.name = file.project.name;
  if (file.project?.territory !== undefined) project.territory = file.project.territory;
  ordered.project = project;
  if (file.respondent !== undefined) ordered.respondent = file.respondent;
  if (file.path !== undefined) ordered.path = file.path;
  if (file.createdAt !== undefined) ordered.createdAt = file.createdAt;
  if (file.updatedAt !== undefined) ordered.updatedAt = file.updatedAt;

  const keys = Object.keys(file.answers);
  const rank = new Map<string, number>();
  index?.questions.forEach((q) => rank.set(q.fullId, q.order));
  const sorted = [...keys].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || keys.indexOf(a) - keys.indexOf(b));
  const answers: Record<string, Record<string, unknown>> = {};
  for (const key of sorted) {
    const a = file.answers[key]!;
    const out: Record<string, unknown> = {};
    for (const k of ANSWER_KEYS) if (a[k] !== undefined) out[k] = a[k];
    answers[key] = out;
  }
  ordered.answers = answers;

  // Written with YAML 1.1's rules, read back with 1.2's: strings that a 1.1 reader (PyYAML, ajv-cli)
  // would take for a date, a boolean or a number (createdAt: 2026-11-27T14:08:09Z, a note « No »)
  // are quoted, so the file passes the published JSON Schema in common validators.
  const doc = new Document(ordered, { version: '1.1' });
  const grid = doc.get('grid', true);
  if (isMap(grid)) grid.flow = true;
  const header = '# Réponses au diagnostic cap-ptce, enregistrées après chaque réponse.\n# Reprendre : cap-ptce diagnose --resume · Rapport : cap-ptce report <ce fichier>\n';
  return header + doc.toString({ lineWidth: 0 });
}
