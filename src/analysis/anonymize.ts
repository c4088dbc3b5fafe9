// `report --anonymous`: every participant becomes « Participant A, B, C… » before anything is
// built, so that every format (Markdown, HTML and its radar legend, JSON, CSV, the terminal) is
// anonymous by construction rather than by care in each renderer. Names are also replaced inside
// the participants' own words (notes, examples they added, text answers, group positions), and
// file names are dropped (they often carry the name: claire.yaml). Pure.
import type { Answer, AnswersFile, AnswerValue, GroupPosition } from '../model/schema.js';
import { stripControl } from '../text/escape.js';

/** « Participant A » … « Participant Z », then « Participant AA »… */
export function participantLabel(i: number): string {
  let n = i;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Participant ${letters}`;
}

/**
 * The forms of a respondent's name worth looking for in text: the whole string as typed, the part
 * before a comma (« Claire Dufour, Ressourcerie du Ternois » → « Claire Dufour »), and each of its
 * capitalised words of three letters or more (first name, last name, and the halves of a
 * hyphenated one), since notes say « Claire » more often
 * than « Claire Dufour ». Longest first, so that the full name is replaced as one.
 */
export function nameForms(respondent: string): string[] {
  const whole = stripControl(respondent).replace(/\s+/g, ' ').trim();
  if (!whole) return [];
  const person = whole.split(/[,(]/)[0]!.trim();
  const capitalised = (w: string): boolean => w.length >= 3 && /^\p{Lu}/u.test(w);
  // « Jean-Éric » as a whole, and « Jean », « Éric » on their own.
  const words = person.split(/[\s'’]+/).filter(capitalised);
  const parts = person.split(/[\s'’-]+/).filter(capitalised);
  return [...new Set([whole, person, ...words, ...parts].filter(Boolean))].sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Anonymizer {
  /** Label given to each file, in file order. */
  labels: string[];
  /** Replaces every known name in a text. */
  text(s: string): string;
}

/** Built from the respondents in file order: the first file is Participant A, whatever its name. */
export function anonymizer(files: readonly Pick<AnswersFile, 'respondent'>[]): Anonymizer {
  const labels = files.map((_, i) => participantLabel(i));
  const pairs: { form: string; label: string }[] = [];
  files.forEach((f, i) => {
    for (const form of nameForms(f.respondent ?? '')) {
      // A form shared by two people (two « Claire ») goes to the first; both become anonymous anyway.
      if (!pairs.some((p) => p.form.toLocaleLowerCase('fr') === form.toLocaleLowerCase('fr'))) pairs.push({ form, label: labels[i]! });
    }
  });
  // As written and in capitals (« CLAIRE »), but not in lower case: « l'eau claire » is not Claire.
  for (const p of [...pairs]) {
    const upper = p.form.toLocaleUpperCase('fr');
    if (upper !== p.form) pairs.push({ form: upper, label: p.label });
  }
  pairs.sort((a, b) => b.form.length - a.form.length);
  // Whole words only (« Claire » but not « Claireville »), letters with accents included.
  const pattern =
    pairs.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${pairs.map((p) => escapeRegExp(p.form)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const byForm = new Map(pairs.map((p) => [p.form, p.label]));
  return {
    labels,
    text: (s) => (pattern ? s.replace(pattern, (m) => byForm.get(m) ?? m) : s),
  };
}

/** An answer id of the grid (« engage », « pas-aborde »): never a name, left as is. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function value(v: AnswerValue | undefined, a: Anonymizer): AnswerValue | undefined {
  const one = (x: string): string => (SLUG.test(x) ? x : a.text(x));
  if (typeof v === 'string') return one(v);
  if (Array.isArray(v)) return v.map(one);
  return v;
}

function position(p: GroupPosition, a: Anonymizer, labelOf: (name: string) => string): GroupPosition {
  const out: GroupPosition = { ...p };
  if (p.value !== undefined) out.value = value(p.value, a) ?? null;
  if (p.note !== undefined) out.note = a.text(p.note);
  if (p.dissent) out.dissent = p.dissent.map((d) => ({ respondent: labelOf(d.respondent), ...(d.why !== undefined ? { why: a.text(d.why) } : {}) }));
  return out;
}

function answer(ans: Answer, a: Anonymizer, labelOf: (name: string) => string): Answer {
  const out: Answer = { ...ans };
  if (ans.value !== undefined) out.value = value(ans.value, a) ?? null;
  if (ans.examples) out.examples = ans.examples.map((e) => a.text(e));
  if (ans.note !== undefined) out.note = a.text(ans.note);
  if (ans.position) out.position = position(ans.position, a, labelOf);
  return out;
}

/**
 * The files with every participant's name replaced by « Participant A, B, C… » (file order), in
 * their answers too, and their sources emptied (a file name often is a name). Answer ids from the
 * grid are left alone: a name never matches a slug such as « engage ».
 */
export function anonymizeFiles<T extends { answers: AnswersFile; source: string }>(files: readonly T[]): T[] {
  const a = anonymizer(files.map((f) => f.answers));
  const labelOf = (name: string): string => {
    const replaced = a.text(name);
    return replaced === name ? 'un participant' : replaced;
  };
  return files.map((f, i) => {
    const answers: Record<string, Answer> = {};
    for (const [k, v] of Object.entries(f.answers.answers)) answers[k] = answer(v, a, labelOf);
    return { ...f, source: '', answers: { ...f.answers, respondent: a.labels[i]!, answers } };
  });
}
