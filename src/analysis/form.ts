// The offline form (`cap-ptce grid --format form`): what the page shows and what its script needs,
// built from a grid index. Pure: a grid index in, data out. The renderer (src/render/form.ts) turns it
// into one self-contained HTML file; the page's script (templates/form.js) reads `model`, shows or
// hides questions by evaluating their `when` trees (data, never code), keeps the progress in the
// browser's storage and writes a `cap-ptce/answers@1` file.
import type { GridIndex, QuestionRef } from '../model/grid-index.js';
import { pathAddsSentence, selectPath, summarizePath } from '../model/paths.js';
import { buildWorksheet, describeCondition } from './worksheet.js';
import { ANSWERS_FORMAT } from '../model/formats.js';
import type { Condition, QuestionType } from '../model/schema.js';

/** One choice as the page shows it: a radio button or a check box. */
export interface FormChoice {
  id: string;
  label: string;
  description: string | null;
  /** Out of the score (« Je ne sais pas », « Non concerné »): shown apart from the scale. */
  aside: boolean;
}

export interface FormQuestion {
  /** Full id, "entree.question": the key of the answer in the file. */
  id: string;
  /** An id usable in HTML ids: "q-entree-question". */
  domId: string;
  /** "5.2", as in the worksheet and the report. */
  number: string;
  text: string;
  help: string | null;
  type: QuestionType;
  /** When the question applies, in plain French (shown under the question); null when always. */
  condition: string | null;
  examplesLead: string | null;
  examples: { index: number; text: string }[];
  choices: FormChoice[];
  /** For a number question: the input's min and max attributes (as text: 0 is a bound) and its unit. */
  numeric: { min: string | null; max: string | null; unit: string | null } | null;
  /** Flags for the template (Handlebars has no `eq` on strings in every position). */
  isRadio: boolean;
  isMulti: boolean;
  isBoolean: boolean;
  isNumber: boolean;
  isText: boolean;
}

export interface FormEntry {
  id: string;
  domId: string;
  number: number;
  title: string;
  intro: string | null;
  questions: FormQuestion[];
}

/** What the page's script needs, embedded as JSON (see src/render/form.ts for the escaping). */
export interface FormModel {
  format: typeof ANSWERS_FORMAT;
  grid: { id: string; version: string };
  /** localStorage key: one saved state per grid id and version (and path, entrées when chosen). */
  storageKey: string;
  /** The short path written in the answers file (`path:`), as `diagnose --parcours` does; null for the whole grid. */
  path: string | null;
  questions: {
    id: string;
    type: QuestionType;
    when: Condition | null;
    /** Choice ids with their scores, for `atLeast`; na choices count as answers but have no score. */
    choices: { id: string; score: number | null }[];
    examples: string[];
    min: number | null;
    max: number | null;
  }[];
}

export interface FormData {
  title: string;
  grid: { id: string; version: string; source: string; description: string | null };
  entryTotal: number;
  questionCount: number;
  /** Rough time to fill the form, in minutes. */
  minutes: number;
  selection: { count: number } | null;
  /** The short path the form asks (`--parcours`), said at the top; null for the whole grid. */
  path: { id: string; title: string; description: string | null; questionCount: number; adds: string } | null;
  entries: FormEntry[];
  model: FormModel;
}

export interface FormOptions {
  /** Only these entrées (ids), as `grid --entries`. */
  entries?: readonly string[];
  /** Only the questions of this short path of the grid (`--parcours essentiel`). */
  parcours?: string;
}

export const FORM_STORAGE_PREFIX = 'cap-ptce-form';

/**
 * French spacing for what the page shows: a no-break space before « ? ! ; : » and inside « »,
 * so a phone never starts a line with a lone « ? ». The words are left as the grid has them.
 */
export function frenchSpaces(text: string): string {
  return text.replace(/[ \t]+([?!;:»])/g, '\u00a0$1').replace(/«[ \t]+/g, '«\u00a0');
}

/** "objectifs.constats" → "q-objectifs-constats": ids are slugs, so the result is a valid HTML id. */
function domIdOf(fullId: string): string {
  return `q-${fullId.replace(/\./g, '-')}`;
}

function formQuestion(ref: QuestionRef, index: GridIndex): FormQuestion {
  const q = ref.question;
  const type = q.type;
  const choices: FormChoice[] =
    type === 'boolean'
      ? [
          { id: 'true', label: 'Oui', description: null, aside: false },
          { id: 'false', label: 'Non', description: null, aside: false },
        ]
      : ref.choices.map((c) => ({ id: c.id, label: frenchSpaces(c.label), description: c.description?.trim() ? frenchSpaces(c.description.trim()) : null, aside: type === 'scale' && (c.na === true || c.score === null) }));
  return {
    id: ref.fullId,
    domId: domIdOf(ref.fullId),
    number: `${ref.entryIndex + 1}.${ref.questionIndex + 1}`,
    text: frenchSpaces(q.text),
    help: q.help?.trim() ? frenchSpaces(q.help.trim()) : null,
    type,
    condition: q.when ? frenchSpaces(describeCondition(q.when, index)) : null,
    examplesLead: q.examplesLead?.trim() ? frenchSpaces(q.examplesLead.trim()) : null,
    examples: (q.examples ?? []).map((text, i) => ({ index: i, text })),
    choices,
    numeric: type === 'number' ? { min: q.min === undefined ? null : String(q.min), max: q.max === undefined ? null : String(q.max), unit: q.unit?.trim() || null } : null,
    isRadio: type === 'scale' || type === 'single' || type === 'boolean',
    isMulti: type === 'multi',
    isBoolean: type === 'boolean',
    isNumber: type === 'number',
    isText: type === 'text',
  };
}

/**
 * The form's content. An unknown id in `entries` is a usage error (the worksheet's, same words).
 */
export function buildForm(index: GridIndex, options: FormOptions = {}): FormData {
  // The worksheet already checks and applies --entries: reuse its selection.
  const sheet = buildWorksheet(index, { entries: options.entries });
  const wanted = new Set(sheet.entries.map((e) => e.id));
  const grid = index.grid;
  // A short path: its questions only (an unknown id is a usage error naming the grid's paths).
  const selected = options.parcours === undefined ? null : selectPath(index, options.parcours, 'grid --format form');
  const inPath = selected ? new Set(selected.refs.map((r) => r.fullId)) : null;
  const entries: FormEntry[] = [];
  grid.entries.forEach((entry, entryIndex) => {
    if (!wanted.has(entry.id)) return;
    entries.push({
      id: entry.id,
      domId: `e-${entry.id}`,
      number: entryIndex + 1,
      title: frenchSpaces(entry.title),
      intro: entry.intro?.trim() ? frenchSpaces(entry.intro.trim()) : null,
      questions: index.questions.filter((r) => r.entryIndex === entryIndex && (!inPath || inPath.has(r.fullId))).map((r) => formQuestion(r, index)),
    });
  });
  if (inPath) {
    for (let i = entries.length - 1; i >= 0; i -= 1) if (entries[i]!.questions.length === 0) entries.splice(i, 1);
  }
  const asked = new Set(entries.flatMap((e) => e.questions.map((q) => q.id)));
  const refs = index.questions.filter((r) => asked.has(r.fullId));
  return {
    title: frenchSpaces(grid.title),
    grid: { id: grid.id, version: grid.version, source: grid.source, description: grid.description?.trim() || null },
    entryTotal: grid.entries.length,
    questionCount: refs.length,
    minutes: selected?.path.minutes ?? (selected ? Math.max(5, Math.round(refs.length / 5) * 5) : sheet.minutes),
    selection: sheet.selection ? { count: sheet.selection.count } : null,
    path: selected ? pathView(index, selected.id, refs.length) : null,
    entries,
    model: {
      format: ANSWERS_FORMAT,
      grid: { id: grid.id, version: grid.version },
      storageKey: `${FORM_STORAGE_PREFIX}:${grid.id}@${grid.version}${selected ? `#${selected.id}` : ''}${sheet.selection ? `:${[...wanted].join(',')}` : ''}`,
      path: selected?.id ?? null,
      questions: refs.map((r) => ({
        id: r.fullId,
        type: r.question.type,
        when: r.question.when ?? null,
        choices: r.question.type === 'boolean' ? [] : r.choices.map((c) => ({ id: c.id, score: typeof c.score === 'number' && !c.na ? c.score : null })),
        examples: r.question.examples ?? [],
        min: r.question.min ?? null,
        max: r.question.max ?? null,
      })),
    },
  };
}

function pathView(index: GridIndex, id: string, questionCount: number): NonNullable<FormData['path']> {
  const summary = summarizePath(index, id);
  return {
    id,
    title: frenchSpaces(summary.title),
    description: summary.description?.trim() ? frenchSpaces(summary.description.trim()) : null,
    questionCount,
    adds: frenchSpaces(pathAddsSentence(summary)),
  };
}
