// Checks a schema-valid grid for what the schema cannot say: unique ids, references that
// resolve, conditions that look only backwards, coherent scales and levels.
import { closingDate, isPast } from '../model/calls.js';
import { conditionQuestionIds } from '../model/conditions.js';
import { fullQuestionId, indexGrid, maxScoreOf, type GridIndex, type QuestionRef } from '../model/grid-index.js';
import type { Choice, Condition, Grid } from '../model/schema.js';
import { didYouMean } from '../text/suggest.js';
import { checkPaths } from './check-paths.js';
import type { PathDiagnostic, PathSegment } from './yaml-source.js';
import type { DiagnosticCode } from './codes.js';

export interface CheckGridOptions {
  /** ISO date (AAAA-MM-JJ) against which programme dates are judged. */
  today: string;
}

const CHOICE_TYPES = new Set(['scale', 'single', 'multi']);

function error(code: DiagnosticCode, path: PathSegment[], message: string, atKey = false): PathDiagnostic {
  return { severity: 'error', code, path, message, atKey };
}

function checkUnique(items: readonly { id: string }[], basePath: PathSegment[], what: string, out: PathDiagnostic[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      out.push(error('DUPLICATE_ID', [...basePath, i, 'id'], `identifiant « ${item.id} » déjà utilisé par ${what} n° ${first + 1} : chaque ${what} doit avoir son propre id`));
    } else seen.set(item.id, i);
  });
}

function checkChoices(choices: readonly Choice[], path: PathSegment[], scored: boolean, out: PathDiagnostic[]): void {
  checkUnique(choices, path, 'choix', out);
  if (choices.length < 2) {
    out.push(error('ANSWER_SET_TOO_SMALL', path, `${choices.length} choix seulement : un jeu de réponses en demande au moins deux`));
  }
  if (scored && maxScoreOf(choices) === null) {
    out.push(error('ANSWER_SET_NO_SCORE', path, 'aucun choix ne porte de score : donnez un score (0, 1, 2…) à au moins un choix pour une question de type scale'));
  }
}

interface ConditionContext {
  index: GridIndex;
  /** Questions a condition here may look at: for a question's `when`, only earlier ones. */
  before?: number;
  out: PathDiagnostic[];
}

function checkCondition(condition: Condition, path: PathSegment[], ctx: ConditionContext): void {
  const { index, out } = ctx;
  for (const { q, path: sub } of conditionQuestionIds(condition)) {
    const leafPath = [...path, ...sub];
    const ref = index.byId.get(q);
    if (!ref) {
      out.push(error('UNKNOWN_QUESTION', [...leafPath, 'q'], `la question « ${q} » n'existe pas${didYouMean(q, index.byId.keys())}`));
      continue;
    }
    if (ctx.before !== undefined && ref.order >= ctx.before) {
      out.push(error('FORWARD_REFERENCE', [...leafPath, 'q'], `la condition regarde « ${q} », qui est posée ${ref.order === ctx.before ? 'au même moment' : 'plus loin'} : une condition ne peut porter que sur une question posée avant`));
    }
    checkLeaf(leafOf(condition, sub), ref, leafPath, out);
  }
}

function leafOf(condition: Condition, path: PathSegment[]): Condition {
  let c: unknown = condition;
  for (const seg of path) c = (c as Record<string | number, unknown>)[seg];
  return c as Condition;
}

function checkLeaf(leaf: Condition, ref: QuestionRef, path: PathSegment[], out: PathDiagnostic[]): void {
  const type = ref.question.type;
  const ids = ref.choices.map((c) => c.id);
  const needChoice = (id: string, ...key: PathSegment[]): void => {
    if (!ids.includes(id)) {
      out.push(error('UNKNOWN_CHOICE', [...path, ...key], `« ${id} » n'est pas une réponse de ${ref.fullId}${didYouMean(id, ids)} (réponses : ${ids.join(', ') || 'aucune'})`));
    }
  };
  const mismatch = (key: string, expected: string): void => {
    out.push(error('CONDITION_TYPE', [...path, key], `« ${key} » s'applique à une question de type ${expected}, or ${ref.fullId} est de type ${type}`));
  };
  if ('is' in leaf) {
    if (!CHOICE_TYPES.has(type)) mismatch('is', 'scale ou single');
    else needChoice(leaf.is, 'is');
  } else if ('in' in leaf) {
    if (!CHOICE_TYPES.has(type)) mismatch('in', 'scale ou single');
    else leaf.in.forEach((id, i) => needChoice(id, 'in', i));
  } else if ('includes' in leaf) {
    if (type !== 'multi') mismatch('includes', 'multi');
    else needChoice(leaf.includes, 'includes');
  } else if ('countAtLeast' in leaf) {
    if (type !== 'multi') mismatch('countAtLeast', 'multi');
  } else if ('atLeast' in leaf) {
    if (type !== 'scale' && type !== 'single') mismatch('atLeast', 'scale ou single');
    else {
      needChoice(leaf.atLeast, 'atLeast');
      const c = ref.choices.find((x) => x.id === leaf.atLeast);
      if (c && typeof c.score !== 'number') out.push(error('CONDITION_TYPE', [...path, 'atLeast'], `« ${leaf.atLeast} » n'a pas de score : atLeast compare des scores`));
    }
  } else if ('gte' in leaf || 'lt' in leaf) {
    if (type !== 'number') mismatch('gte' in leaf ? 'gte' : 'lt', 'number');
  }
}

function checkQuestions(grid: Grid, index: GridIndex, out: PathDiagnostic[]): void {
  const usedSets = new Set<string>();
  grid.entries.forEach((entry, e) => {
    const ePath: PathSegment[] = ['entries', e];
    if (entry.questions.length === 0) {
      out.push(error('EMPTY_ENTRY', [...ePath, 'questions'], `l'entrée « ${entry.id} » n'a aucune question : ajoutez-en une ou retirez l'entrée`));
    }
    checkUnique(entry.questions, [...ePath, 'questions'], 'question', out);
    entry.questions.forEach((question, q) => {
      const qPath: PathSegment[] = [...ePath, 'questions', q];
      const ref = index.byId.get(fullQuestionId(entry, question));
      const hasChoices = CHOICE_TYPES.has(question.type);
      if (hasChoices && question.answers === undefined) {
        out.push(error('MISSING_ANSWERS', qPath, `question de type ${question.type} sans réponses : ajoutez « answers: » (un jeu de réponses comme « avancement », ou une liste de choix)`));
      } else if (!hasChoices && question.answers !== undefined) {
        out.push(error('UNEXPECTED_ANSWERS', [...qPath, 'answers'], `une question de type ${question.type} n'a pas de choix : retirez « answers: » ou changez le type`, true));
      } else if (typeof question.answers === 'string') {
        usedSets.add(question.answers);
        if (!(question.answers in grid.answerSets)) {
          out.push(error('UNKNOWN_ANSWER_SET', [...qPath, 'answers'], `jeu de réponses « ${question.answers} » introuvable${didYouMean(question.answers, Object.keys(grid.answerSets))} (définis : ${Object.keys(grid.answerSets).join(', ') || 'aucun'})`));
        }
      } else if (Array.isArray(question.answers)) {
        checkChoices(question.answers, [...qPath, 'answers'], question.type === 'scale', out);
      }
      if (question.type === 'scale' && typeof question.answers === 'string') {
        const set = grid.answerSets[question.answers];
        if (set && maxScoreOf(set) === null) {
          out.push(error('ANSWER_SET_NO_SCORE', [...qPath, 'answers'], `le jeu « ${question.answers} » n'a aucun score : une question scale a besoin de scores`));
        }
      }
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
        out.push(error('SCHEMA_RANGE', [...qPath, 'max'], `max (${question.max}) est inférieur à min (${question.min})`));
      }
      if (!ref) return;
      const ids = ref.choices.map((c) => c.id);
      const checkAnswerKey = (key: string, path: PathSegment[]): void => {
        if (hasChoices && ref.choices.length > 0 && !ids.includes(key)) {
          out.push(error('UNKNOWN_CHOICE', path, `« ${key} » n'est pas une réponse de ${ref.fullId}${didYouMean(key, ids)} (réponses : ${ids.join(', ')})`, true));
        }
      };
      for (const key of Object.keys(question.hints ?? {})) checkAnswerKey(key, [...qPath, 'hints', key]);
      if (question.gap && !('title' in question.gap)) {
        for (const key of Object.keys(question.gap)) checkAnswerKey(key, [...qPath, 'gap', key]);
      }
      if (question.target !== undefined) checkAnswerKey(question.target, [...qPath, 'target']);
      if (question.type === 'scale') checkGapLevels(ref, qPath, out);
      if (question.when) checkCondition(question.when, [...qPath, 'when'], { index, before: ref.order, out });
    });
  });
  for (const setId of Object.keys(grid.answerSets)) {
    const set = grid.answerSets[setId]!;
    checkChoices(set, ['answerSets', setId], false, out);
    if (!usedSets.has(setId)) {
      out.push({ severity: 'warning', code: 'UNUSED_ANSWER_SET', path: ['answerSets', setId], atKey: true, message: `le jeu de réponses « ${setId} » n'est utilisé par aucune question` });
    }
  }
  const allIds = new Map<string, string>();
  for (const ref of index.questions) {
    for (const old of ref.question.replaces ?? []) {
      const path: PathSegment[] = ['entries', ref.entryIndex, 'questions', ref.questionIndex, 'replaces'];
      if (index.byId.has(old)) out.push(error('DUPLICATE_ID', path, `« ${old} » est remplacé par ${ref.fullId} mais existe encore dans la grille`));
      const prev = allIds.get(old);
      if (prev) out.push(error('DUPLICATE_ID', path, `« ${old} » est déjà repris par ${prev}`));
      allIds.set(old, ref.fullId);
    }
  }
}

/**
 * A scale question words its advice for where the answer stands: starting from nothing is not
 * consolidating. Every scored answer below the target should have its own `gap` block; the report
 * falls back on a nearby level's advice (or a generic one), so this is a warning, not an error.
 */
function checkGapLevels(ref: QuestionRef, qPath: PathSegment[], out: PathDiagnostic[]): void {
  const levels = adviceLevels(ref);
  if (levels.length === 0) return;
  const gap = ref.question.gap;
  const perLevel = gap !== undefined && !('title' in gap) ? (gap as Record<string, unknown>) : null;
  const missing = levels.filter((c) => !perLevel || !(c.id in perLevel));
  if (missing.length === 0) return;
  const names = missing.map((c) => `« ${c.label} » (${c.id})`).join(', ');
  const what =
    gap === undefined
      ? 'aucun conseil « gap »'
      : perLevel
        ? `pas de conseil pour ${missing.length > 1 ? 'les réponses' : 'la réponse'} ${names}`
        : `un seul conseil pour toutes les réponses ${levels.map((c) => `« ${c.label} »`).join(', ')}`;
  out.push({
    severity: 'warning',
    code: 'GAP_LEVEL_MISSING',
    path: gap === undefined ? qPath : [...qPath, 'gap'],
    atKey: gap !== undefined,
    message: `${ref.fullId} : ${what} ; donnez un bloc { title, why, how } par réponse sous la cible (${levels.map((c) => c.id).join(', ')}), pour que le conseil parte de là où en est le projet`,
  });
}

/** The scored answers below a scale question's target: each one calls for its own advice. */
export function adviceLevels(ref: QuestionRef): Choice[] {
  const scored = ref.choices.filter((c) => typeof c.score === 'number' && !c.na);
  const top = maxScoreOf(scored);
  const target = ref.question.target ? scored.find((c) => c.id === ref.question.target) : undefined;
  const targetScore = target ? (target.score as number) : top;
  if (targetScore === null) return [];
  return scored.filter((c) => (c.score as number) < targetScore);
}

function checkLevels(grid: Grid, out: PathDiagnostic[]): void {
  checkUnique(grid.levels, ['levels'], 'niveau', out);
  grid.levels.forEach((level, i) => {
    if (i === 0 && level.min !== 0) {
      out.push(error('LEVELS_START', ['levels', 0, 'min'], `le premier niveau doit commencer à 0 (trouvé ${level.min}) : sinon un score bas n'a pas de niveau`));
    }
    const prev = grid.levels[i - 1];
    if (prev && level.min <= prev.min) {
      out.push(error('LEVELS_NOT_ASCENDING', ['levels', i, 'min'], `seuil ${level.min} pas plus haut que celui du niveau précédent « ${prev.id} » (${prev.min}) : rangez les niveaux par seuil croissant`));
    }
  });
}

function checkStagesRulesProgrammes(grid: Grid, index: GridIndex, today: string, out: PathDiagnostic[]): void {
  const programmeIds = grid.programmes.map((p) => p.id);
  const stageIds = grid.stages.map((s) => s.id);
  const needProgramme = (id: string, path: PathSegment[]): void => {
    if (!programmeIds.includes(id)) out.push(error('UNKNOWN_PROGRAMME', path, `programme « ${id} » introuvable${didYouMean(id, programmeIds)}`));
  };
  checkUnique(grid.stages, ['stages'], 'stade', out);
  grid.stages.forEach((stage, s) => {
    stage.criteria.forEach((criterion, c) => checkCondition(criterion.when, ['stages', s, 'criteria', c, 'when'], { index, out }));
    stage.programmes?.forEach((id, i) => needProgramme(id, ['stages', s, 'programmes', i]));
  });
  checkUnique(grid.rules, ['rules'], 'règle', out);
  grid.rules.forEach((rule, r) => {
    checkCondition(rule.when, ['rules', r, 'when'], { index, out });
    rule.programmes?.forEach((id, i) => needProgramme(id, ['rules', r, 'programmes', i]));
  });
  checkUnique(grid.programmes, ['programmes'], 'programme', out);
  grid.programmes.forEach((programme, p) => {
    programme.stages?.forEach((id, i) => {
      if (!stageIds.includes(id)) out.push(error('UNKNOWN_STAGE', ['programmes', p, 'stages', i], `stade « ${id} » introuvable${didYouMean(id, stageIds)}`));
    });
    if (programme.fits) checkCondition(programme.fits, ['programmes', p, 'fits'], { index, out });
    if (programme.shownWhen) checkCondition(programme.shownWhen, ['programmes', p, 'shownWhen'], { index, out });
    programme.funding.forEach((f, i) => {
      if (f.when) checkCondition(f.when, ['programmes', p, 'funding', i, 'when'], { index, out });
    });
    // A month-only closing date (AAAA-MM) covers its whole month.
    if (programme.opens && programme.closes && programme.opens.slice(0, programme.closes.length) > programme.closes) {
      out.push(error('PROGRAMME_DATES', ['programmes', p, 'closes'], `date de clôture ${programme.closes} antérieure à l'ouverture ${programme.opens}`));
    }
    out.push(...closedProgramme(programme, p, today));
  });
  grid.programmeNotes.forEach((note, n) => {
    if (note.when) checkCondition(note.when, ['programmeNotes', n, 'when'], { index, out });
  });
}

function closedProgramme(programme: Grid['programmes'][number], p: number, today: string): PathDiagnostic[] {
  const closing = closingDate(programme);
  if (!closing || !isPast(closing, today) || programme.archive) return [];
  return [
    {
      severity: 'warning',
      code: 'PROGRAMME_CLOSED',
      path: ['programmes', p, programme.closes ? 'closes' : 'closedBy'],
      message: `« ${programme.name} » est clos depuis ${closing} : le rapport le présentera comme clos ; ajoutez l'appel en cours s'il existe, ou marquez celui-ci « archive: true » s'il est gardé pour mémoire`,
    },
  ];
}

/** The checks whose result depends on the day (a call closed since): all that a grid validated earlier needs again. */
export function checkGridToday(grid: Grid, today: string): PathDiagnostic[] {
  return grid.programmes.flatMap((programme, p) => closedProgramme(programme, p, today));
}

/** Every rule, programme and question says where it comes from: the report quotes it to the user. */
function checkSources(grid: Grid, index: GridIndex, out: PathDiagnostic[]): void {
  const warn = (path: PathSegment[], what: string): void => {
    out.push({
      severity: 'warning',
      code: 'SOURCE_MISSING',
      path,
      atKey: true,
      message: `${what} sans source : ajoutez « source: { label: "…", url: "…", quote: "…" } » (texte, article ou page dont elle vient), que le rapport cite`,
    });
  };
  grid.rules.forEach((rule, r) => {
    if (!rule.source) warn(['rules', r, 'id'], `la règle « ${rule.id} » est`);
  });
  grid.programmes.forEach((programme, p) => {
    if (!programme.source) warn(['programmes', p, 'id'], `le programme « ${programme.id} » est`);
  });
  for (const ref of index.questions) {
    if (!ref.question.source) warn(['entries', ref.entryIndex, 'questions', ref.questionIndex, 'id'], `la question « ${ref.fullId} » est`);
  }
}

/**
 * Prerequisites (`after`) say which action comes first: constats before axes, the consortium's
 * census before its composition findings. Each one must name a question (full id) or a rule, and
 * they must not loop, or no order would satisfy them.
 */
function checkPrerequisites(grid: Grid, index: GridIndex, out: PathDiagnostic[]): void {
  const ruleIds = grid.rules.map((r) => r.id);
  const nodes = new Map<string, { after: string[]; path: PathSegment[] }>();
  for (const ref of index.questions) {
    nodes.set(ref.fullId, { after: ref.question.after ?? [], path: ['entries', ref.entryIndex, 'questions', ref.questionIndex, 'after'] });
  }
  grid.rules.forEach((rule, r) => {
    if (!nodes.has(rule.id)) nodes.set(rule.id, { after: rule.after ?? [], path: ['rules', r, 'after'] });
  });
  for (const node of nodes.values()) {
    node.after.forEach((id, i) => {
      if (nodes.has(id)) return;
      const candidates = id.includes('.') ? [...index.byId.keys()] : ruleIds;
      out.push(error('UNKNOWN_PREREQUISITE', [...node.path, i], `« ${id} » n'est ni une question (identifiant complet « entree.question ») ni une règle de la grille${didYouMean(id, candidates)}`));
    });
  }
  // Depth-first search; a prerequisite reached again while its own chain is open closes a loop.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, chain: string[]): void => {
    state.set(id, 'open');
    const node = nodes.get(id)!;
    node.after.forEach((next, i) => {
      if (!nodes.has(next)) return;
      if (state.get(next) === 'open') {
        const loop = [...chain.slice(chain.indexOf(next)), id, next];
        out.push(error('PREREQUISITE_CYCLE', [...node.path, i], `prérequis en boucle : ${loop.map((x) => `« ${x} »`).join(' après ')} ; retirez l'un de ces « after » pour qu'un ordre soit possible`));
      } else if (state.get(next) === undefined) visit(next, [...chain, id]);
    });
    state.set(id, 'done');
  };
  for (const id of nodes.keys()) if (!state.has(id)) visit(id, []);
}

/** Semantic checks of a grid that already passed the schema. */
export function checkGrid(grid: Grid, options: CheckGridOptions): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  const index = indexGrid(grid);
  checkUnique(grid.entries, ['entries'], 'entrée', out);
  checkLevels(grid, out);
  checkQuestions(grid, index, out);
  checkStagesRulesProgrammes(grid, index, options.today, out);
  checkPrerequisites(grid, index, out);
  out.push(...checkPaths(grid, index));
  checkSources(grid, index, out);
  return out;
}
