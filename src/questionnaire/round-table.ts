// The round table (`diagnose --participants "Claire,Mehdi,Sophie" --dir atelier/`), without
// prompts or files: who the participants are and which file is theirs, the one-key scale (0–3,
// « ? », « - »), which question comes next for the group, and what each participant is asked. Each
// participant keeps an ordinary answers file, so `report atelier/` works unchanged. Pure.
import { DomainError } from '../errors.js';
import { isApplicable } from '../model/conditions.js';
import type { QuestionRef } from '../model/grid-index.js';
import type { AnswersFile, Choice } from '../model/schema.js';
import { stripControl } from '../text/escape.js';
import { isOpen, type Flow } from './flow.js';

export interface Participant {
  name: string;
  /** The answers file's name in the folder: « claire.yaml ». */
  fileName: string;
}

/** « claire », « jean-eric » : lower case, no accents, dashes. */
export function slugName(name: string): string {
  return stripControl(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export const MAX_PARTICIPANTS = 20;

/**
 * « Claire, Mehdi,Sophie » → three participants with their file names. Two to twenty distinct
 * names (ignoring case); anything else is a usage error that says how to write the list.
 */
export function parseParticipants(list: string): Participant[] {
  const names = list
    .split(',')
    .map((s) => stripControl(s).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const example = 'Exemple : cap-ptce diagnose --participants "Claire,Mehdi,Sophie" --dir atelier/';
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.toLocaleLowerCase('fr');
    if (seen.has(k)) throw new DomainError('invalid-option', `« ${n} » figure deux fois dans --participants : donnez un nom par personne (ajoutez l’initiale du nom pour deux homonymes).`, [example]);
    seen.add(k);
  }
  if (names.length < 2) throw new DomainError('invalid-option', 'Une table ronde réunit au moins deux participants : séparez leurs prénoms par des virgules.', [example]);
  if (names.length > MAX_PARTICIPANTS) throw new DomainError('invalid-option', `${names.length} participants : une table ronde en compte au plus ${MAX_PARTICIPANTS}. Faites plusieurs tables, puis une synthèse de tous les fichiers.`);
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = slugName(name) || `participant-${i + 1}`;
    let stem = base;
    for (let n = 2; used.has(stem); n++) stem = `${base}-${n}`;
    used.add(stem);
    return { name, fileName: `${stem}.yaml` };
  });
}

/** One key of the scale: the key to press, the answer it gives, its label. */
export interface ScaleKey {
  key: string;
  choice: string;
  label: string;
}

/**
 * The keys of a scale question: its scored steps from the lowest, as 0, 1, 2, 3…, then « ? » for
 * the answer without score (« Je ne sais pas ») and « - » for « Non concerné ». Null when the scale
 * has more than ten steps (one digit each is not possible): the question is then asked as a list.
 */
export function scaleKeys(ref: QuestionRef): ScaleKey[] | null {
  const scored = ref.choices.filter((c): c is Choice & { score: number } => typeof c.score === 'number' && !c.na).sort((a, b) => a.score - b.score);
  if (scored.length === 0 || scored.length > 10) return null;
  const keys: ScaleKey[] = scored.map((c, i) => ({ key: String(i), choice: c.id, label: stripControl(c.label) }));
  const unknown = ref.choices.find((c) => c.score === null && !c.na);
  if (unknown) keys.push({ key: '?', choice: unknown.id, label: stripControl(unknown.label) });
  const na = ref.choices.find((c) => c.na);
  if (na) keys.push({ key: '-', choice: na.id, label: stripControl(na.label) });
  return keys;
}

/** « 0 Pas encore abordé · 1 En réflexion · … · ? Je ne sais pas · - Non concerné » */
export function scaleLegend(keys: readonly ScaleKey[]): string {
  // A no-break space ties each key to its label: a narrow terminal never leaves « 2 » at a line's end.
  return keys.map((k) => `${k.key}\u00A0${k.label}`).join(' · ');
}

/** Whether the question is asked to this participant (its condition holds on their answers). */
export function appliesTo(flow: Flow, pos: number, file: AnswersFile): boolean {
  const ref = flow.refs[pos];
  return ref !== undefined && isApplicable(ref.fullId, file.answers, flow.index);
}

/** Positions asked to at least one participant. */
function askedToSomeone(flow: Flow, pos: number, files: readonly AnswersFile[]): boolean {
  return files.some((f) => appliesTo(flow, pos, f));
}

/** The next question for the group after `from` (-1: the first); null when the round is over. */
export function nextRoundPosition(flow: Flow, from: number, files: readonly AnswersFile[]): number | null {
  for (let pos = from + 1; pos < flow.refs.length; pos++) if (askedToSomeone(flow, pos, files)) return pos;
  return null;
}

/** Where a resumed round table starts: the first question someone still has to answer. */
export function firstOpenRoundPosition(flow: Flow, files: readonly AnswersFile[]): number | null {
  for (let pos = 0; pos < flow.refs.length; pos++) {
    if (files.some((f) => appliesTo(flow, pos, f) && isOpen(flow.refs[pos]!, f))) return pos;
  }
  return null;
}

/** Who is asked this question: those it applies to; on resume, only those without an answer yet. */
export function toAsk(flow: Flow, pos: number, files: readonly AnswersFile[], onlyOpen: boolean): number[] {
  const out: number[] = [];
  files.forEach((f, i) => {
    if (!appliesTo(flow, pos, f)) return;
    if (onlyOpen && !isOpen(flow.refs[pos]!, f)) return;
    out.push(i);
  });
  return out;
}

/** The answers given on the table so far, to count them in messages. */
export function answeredCount(flow: Flow, files: readonly AnswersFile[]): number {
  let n = 0;
  for (const f of files) for (let pos = 0; pos < flow.refs.length; pos++) if (appliesTo(flow, pos, f) && !isOpen(flow.refs[pos]!, f) && f.answers[flow.refs[pos]!.fullId]?.value !== undefined) n++;
  return n;
}
