// The grid as a printable worksheet for workshops (`cap-ptce grid`). Pure: a grid index in, data
// out (buildWorksheet), then data and a template source in, Markdown out (renderWorksheetMarkdown).
//
// Escaping follows the report (render/markdown.ts): the template sees a copy of the data in which
// every string is already escaped for inline Markdown (no ANSI, no HTML, no heading, list or table
// syntax, one line), and it is compiled with `noEscape: true`. The template itself holds the
// Markdown structure; the only structural strings built here are the dotted lines to write on.
import { DomainError } from '../errors.js';
import type { GridIndex, QuestionRef } from '../model/grid-index.js';
import type { Choice, Condition } from '../model/schema.js';
import { didYouMean } from '../text/suggest.js';
import { markdownView } from '../render/markdown.js';
import { COMMON_HELPERS, compileTemplate, lockedHandlebars, tidyMarkdown, type LockedHandlebars } from '../render/templating.js';
import { stripControl } from '../text/escape.js';
import { frenchMarkdown } from '../text/typography.js';

export const WORKSHEET_TEMPLATE = 'worksheet.md.hbs';

/** A line to write on, short enough to fit an A4 page and a Markdown viewer without wrapping. */
export const WRITING_LINE = '…'.repeat(36);
/** A short line to write on, after a label (« Projet : …… »). */
export const SHORT_LINE = '…'.repeat(24);

export interface WorksheetOptions {
  /** Only these entrées (ids), in grid order; all when absent or empty. */
  entries?: readonly string[];
}

export interface WorksheetQuestion {
  /** Full id, "entree.question". */
  id: string;
  /** "5.2": entrée and question positions in the whole grid, as in the report. */
  number: string;
  text: string;
  help: string | null;
  /** When the question applies, in plain French; null when it always applies. */
  condition: string | null;
  examplesLead: string | null;
  examples: string[];
  /** What to do with the boxes: « Cochez une case : »; null for a line to fill. */
  instruction: string | null;
  /** Labels of the boxes to tick (scale, single, multi, boolean). */
  choices: string[];
  /** For a number question: what to write, e.g. « un nombre, au moins 0 », and its unit. */
  fill: { label: string; unit: string | null } | null;
  /** A text question: lines to write the answer on. */
  isText: boolean;
  /** AMI application sections this question feeds when they differ from its entrée's. */
  dossier: string[];
}

export interface WorksheetEntry {
  id: string;
  /** Place in the whole grid, 1-based. */
  number: number;
  title: string;
  source: string;
  intro: string | null;
  dossier: string[];
  questions: WorksheetQuestion[];
}

export interface WorksheetData {
  kind: 'worksheet';
  title: string;
  grid: { id: string; version: string; source: string; description: string | null };
  /** Entrées in the whole grid, for « Entrée k/n ». */
  entryTotal: number;
  questionCount: number;
  /** When --entries selected some: « 1 entrée sur 8 » and their titles. */
  selection: { count: number; titles: string[] } | null;
  /** Labels of the answers that stay out of the score, to explain them in the intro. */
  unknownLabel: string | null;
  naLabel: string | null;
  /** Rough time for one participant to fill the sheet, in minutes. */
  minutes: number;
  entries: WorksheetEntry[];
  /** Lines to write on (not escaped: they are not user text). */
  lines: { writing: string; short: string };
}

/**
 * The worksheet's content. An unknown id in `entries` is a usage error listing the valid ids.
 */
export function buildWorksheet(index: GridIndex, options: WorksheetOptions = {}): WorksheetData {
  const grid = index.grid;
  const valid = grid.entries.map((e) => e.id);
  const wanted = [...new Set((options.entries ?? []).map((s) => s.trim()).filter(Boolean))];
  const unknown = wanted.filter((id) => !valid.includes(id));
  if (unknown.length > 0) {
    const first = unknown[0]!;
    const label = unknown.length === 1 ? `Entrée inconnue : « ${stripControl(first)} »` : `Entrées inconnues : ${unknown.map((u) => `« ${stripControl(u)} »`).join(', ')}`;
    throw new DomainError('invalid-option', `${label}${didYouMean(first, valid)}. Entrées de cette grille : ${valid.join(', ')}.`, [
      `Exemple : cap-ptce grid --entries ${valid.slice(0, 2).join(',')}`,
    ]);
  }
  const selected = wanted.length === 0 ? null : new Set(wanted);

  const entries: WorksheetEntry[] = [];
  grid.entries.forEach((entry, entryIndex) => {
    if (selected && !selected.has(entry.id)) return;
    const refs = index.questions.filter((r) => r.entryIndex === entryIndex);
    const entryDossier = entry.dossier ?? [];
    entries.push({
      id: entry.id,
      number: entryIndex + 1,
      title: entry.title,
      source: entry.source,
      intro: entry.intro?.trim() || null,
      dossier: entryDossier,
      questions: refs.map((ref) => worksheetQuestion(ref, index, entryDossier)),
    });
  });

  const questionCount = entries.reduce((n, e) => n + e.questions.length, 0);
  const scaleChoices = usedChoices(index, entries);
  return {
    kind: 'worksheet',
    title: grid.title,
    grid: { id: grid.id, version: grid.version, source: grid.source, description: grid.description?.trim() || null },
    entryTotal: grid.entries.length,
    questionCount,
    selection: selected ? { count: entries.length, titles: entries.map((e) => e.title) } : null,
    unknownLabel: scaleChoices.find((c) => c.score === null && !c.na)?.label ?? null,
    naLabel: scaleChoices.find((c) => c.na)?.label ?? null,
    minutes: Math.max(5, Math.round(questionCount / 5) * 5),
    entries,
    lines: { writing: WRITING_LINE, short: SHORT_LINE },
  };
}

function usedChoices(index: GridIndex, entries: WorksheetEntry[]): Choice[] {
  const ids = new Set(entries.flatMap((e) => e.questions.map((q) => q.id)));
  return index.questions.filter((r) => ids.has(r.fullId)).flatMap((r) => r.choices);
}

function worksheetQuestion(ref: QuestionRef, index: GridIndex, entryDossier: readonly string[]): WorksheetQuestion {
  const q = ref.question;
  const own = q.dossier ?? [];
  const sameDossier = own.length === entryDossier.length && own.every((s, i) => s === entryDossier[i]);
  const base: WorksheetQuestion = {
    id: ref.fullId,
    number: numberOf(ref),
    text: q.text,
    help: q.help?.trim() || null,
    condition: q.when ? describeCondition(q.when, index) : null,
    examplesLead: q.examplesLead?.trim() || null,
    examples: q.examples ?? [],
    instruction: null,
    choices: [],
    fill: null,
    isText: false,
    dossier: q.dossier && !sameDossier ? own : [],
  };
  switch (q.type) {
    case 'scale':
      return { ...base, instruction: 'Où en est le projet ? Cochez une case :', choices: ref.choices.map((c) => c.label) };
    case 'single':
      return { ...base, instruction: 'Cochez une réponse :', choices: ref.choices.map((c) => c.label) };
    case 'multi':
      return { ...base, instruction: 'Cochez toutes les réponses qui conviennent :', choices: ref.choices.map((c) => c.label) };
    case 'boolean':
      return { ...base, instruction: 'Cochez une réponse :', choices: ['Oui', 'Non'] };
    case 'number':
      return { ...base, fill: { label: numberLabel(q.min, q.max), unit: q.unit?.trim() || null } };
    case 'text':
      return { ...base, isText: true };
  }
}

function numberLabel(min: number | undefined, max: number | undefined): string {
  const fmt = (n: number): string => n.toLocaleString('fr-FR');
  if (min !== undefined && max !== undefined) return `un nombre de ${fmt(min)} à ${fmt(max)}`;
  if (min !== undefined) return `un nombre, au moins ${fmt(min)}`;
  if (max !== undefined) return `un nombre, au plus ${fmt(max)}`;
  return 'un nombre';
}

function numberOf(ref: QuestionRef): string {
  return `${ref.entryIndex + 1}.${ref.questionIndex + 1}`;
}

// ───────────────────────────── conditions in French ─────────────────────────────

/** The first sentence of a question, enough to recognise it on paper. */
function shortText(text: string): string {
  const one = stripControl(text).replace(/\s+/g, ' ').trim();
  const m = /^.*?[?.!](?=\s|$)/u.exec(one);
  let s = m ? m[0] : one;
  if (s.length > 90) s = `${s.slice(0, 88).replace(/\s+\S*$/u, '')}…`;
  return s;
}

/**
 * Says in plain French when a condition holds, naming questions by number and first sentence and
 * answers by label: « à la question 5.1 (Quelle est la forme juridique … ?), la réponse n'est pas
 * « Pas encore de structure porteuse » ». Negations are pushed down to the leaves, so there is
 * never a « il est faux que ». Pure; the result is plain text, to be escaped by the caller.
 */
export function describeCondition(condition: Condition, index: GridIndex): string {
  return describe(condition, index, false, true);
}

function describe(c: Condition, index: GridIndex, negated: boolean, top: boolean): string {
  if ('not' in c) return describe(c.not, index, !negated, top);
  if ('all' in c || 'any' in c) {
    const parts = 'all' in c ? c.all : c.any;
    // De Morgan: not(all) = any(not), not(any) = all(not).
    const conj = ('all' in c) !== negated ? 'et' : 'ou';
    if (parts.length === 1) return describe(parts[0]!, index, negated, top);
    const texts = parts.map((p) => describe(p, index, negated, false));
    const joined = `${texts.slice(0, -1).join(', ')} ${conj} ${texts[texts.length - 1]}`;
    return top ? joined : `(${joined})`;
  }
  const ref = index.byId.get(c.q);
  const subject = ref ? `à la question ${numberOf(ref)} (${shortText(ref.question.text)})` : `à la question ${c.q}`;
  const label = (id: string): string => {
    const choice = ref?.choices.find((x) => x.id === id);
    return `« ${choice ? stripControl(choice.label).trim() : id} »`;
  };
  const unit = ref?.question.unit ? ` ${stripControl(ref.question.unit).trim()}` : '';
  const num = (n: number): string => `${n.toLocaleString('fr-FR')}${unit}`;
  let predicate: string;
  if ('is' in c) predicate = negated ? `la réponse n'est pas ${label(c.is)}` : `la réponse est ${label(c.is)}`;
  else if ('in' in c) {
    const labels = c.in.map(label);
    if (labels.length === 1) predicate = negated ? `la réponse n'est pas ${labels[0]}` : `la réponse est ${labels[0]}`;
    else predicate = negated ? `la réponse n'est ni ${labels.join(' ni ')}` : `la réponse est ${labels.slice(0, -1).join(', ')} ou ${labels[labels.length - 1]}`;
  } else if ('includes' in c) predicate = negated ? `${label(c.includes)} n'est pas coché` : `${label(c.includes)} est coché`;
  else if ('atLeast' in c) predicate = negated ? `la réponse est en deçà de ${label(c.atLeast)}` : `la réponse est ${label(c.atLeast)} ou plus avancée`;
  else if ('answered' in c) predicate = c.answered !== negated ? 'une réponse est donnée' : "aucune réponse n'est donnée";
  else if ('gte' in c) predicate = negated ? `la réponse est inférieure à ${num(c.gte)}` : `la réponse est d'au moins ${num(c.gte)}`;
  else if ('lt' in c) predicate = negated ? `la réponse est d'au moins ${num(c.lt)}` : `la réponse est inférieure à ${num(c.lt)}`;
  else predicate = negated ? `moins de ${c.countAtLeast} réponses sont cochées` : `au moins ${c.countAtLeast} réponses sont cochées`;
  return `${subject}, ${predicate}`;
}

// ───────────────────────────── Markdown ─────────────────────────────

let locked: LockedHandlebars | undefined;

/** The worksheet's Handlebars instance: built-in block helpers and `heading` only, no `log`, no partials. */
function handlebars(): LockedHandlebars {
  locked ??= lockedHandlebars({ heading: COMMON_HELPERS.heading! });
  return locked;
}

/** The data as the template sees it: every string escaped, except the lines to write on. */
export function worksheetView(data: WorksheetData): unknown {
  return { ...(markdownView(data) as object), lines: { ...data.lines } };
}

/** Renders the worksheet through a Handlebars template (templates/worksheet.md.hbs). */
export function renderWorksheetMarkdown(data: WorksheetData, templateSource: string): string {
  const { knownHelpers } = handlebars();
  const template = compileTemplate(handlebars(), templateSource, { noEscape: true, strict: false, knownHelpers, knownHelpersOnly: true, preventIndent: true });
  return frenchMarkdown(tidyMarkdown(template(worksheetView(data), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false })));
}
