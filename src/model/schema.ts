// The single source of truth for grid and answers files. TypeScript types and the committed
// JSON Schemas (schema/*.schema.json) are both derived from these zod schemas.
import * as z from 'zod';

import { ANSWERS_FORMAT, GRID_FORMAT } from './formats.js';

export { ANSWERS_FORMAT, GRID_FORMAT } from './formats.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant attendu en minuscules, chiffres et tirets (ex. « mon-id »)');
const fullQuestionId = z
  .string()
  .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'identifiant complet attendu « entree.question » (ex. « objectifs.constats »)');
const text = z.string().min(1, 'texte vide');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ (ex. 2021-06-23)');
// Sources often give only a month (« novembre 2021 »): a calendar date may then be AAAA-MM.
const isoDateOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'date attendue au format AAAA-MM-JJ, ou AAAA-MM quand la source ne donne que le mois (ex. 2021-11)');

export const SourceSchema = z
  .object({
    label: text.describe('Référence lisible : loi, décret, appel, document (ex. « Décret n° 2015-431, art. 1 »)'),
    url: z.string().url().optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    quote: z.string().min(1).optional().describe('La phrase sur laquelle la règle repose, citée mot pour mot depuis la page de `url`'),
  })
  .strict()
  .describe("D'où vient la règle, le programme ou la question : le rapport l'affiche tel quel.");
export type Source = z.infer<typeof SourceSchema>;

export const ChoiceSchema = z
  .object({
    id: slug,
    label: text,
    score: z
      .number()
      .min(0)
      .nullable()
      .optional()
      .describe('Points de la réponse ; null = hors score, compté comme « je ne sais pas »'),
    na: z.boolean().optional().describe('true = « Non concerné » : hors score et hors couverture'),
    description: z.string().optional(),
    codes: z
      .array(z.string().regex(/^[0-9A-Za-z]{1,5}$/, 'code court attendu (ex. « 62 », « 2A », « 974 »)'))
      .optional()
      .describe('Codes qui permettent de déduire ce choix du territoire du projet, écrits entre parenthèses (ex. numéros de département « (62) »)'),
  })
  .strict();
export type Choice = z.infer<typeof ChoiceSchema>;

export const GapAdviceSchema = z
  .object({
    title: text.describe("L'action à mener, formulée comme une action"),
    why: text.describe('Pourquoi ?'),
    how: text.describe('Comment ? Étapes concrètes, un exemple'),
  })
  .strict();
export type GapAdvice = z.infer<typeof GapAdviceSchema>;

/** Conditions are data: a tree of all/any/not over leaves that look at one question. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { q: string; is: string }
  | { q: string; in: string[] }
  | { q: string; includes: string }
  | { q: string; atLeast: string }
  | { q: string; answered: boolean }
  | { q: string; gte: number }
  | { q: string; lt: number }
  | { q: string; countAtLeast: number };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    z.object({ q: fullQuestionId, is: slug }).strict(),
    z.object({ q: fullQuestionId, in: z.array(slug).min(1) }).strict(),
    z.object({ q: fullQuestionId, includes: slug }).strict(),
    z.object({ q: fullQuestionId, atLeast: slug }).strict(),
    z.object({ q: fullQuestionId, answered: z.boolean() }).strict(),
    z.object({ q: fullQuestionId, gte: z.number() }).strict(),
    z.object({ q: fullQuestionId, lt: z.number() }).strict(),
    z.object({ q: fullQuestionId, countAtLeast: z.number().int().min(0) }).strict(),
  ]),
);

export const QUESTION_TYPES = ['scale', 'single', 'multi', 'text', 'number', 'boolean'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QuestionSchema = z
  .object({
    id: slug.describe('Identifiant court ; l’identifiant complet est « entree.question »'),
    text: text.describe('La question telle qu’elle est affichée (coquilles de la source corrigées)'),
    sourceText: z.string().min(1).optional().describe('Le texte de la source mot pour mot, coquilles comprises (questions du tableau CAP PTCE)'),
    sourceExamples: z.array(text).optional().describe('Les exemples de la source mot pour mot, quand l’affichage les corrige'),
    source: SourceSchema.optional().describe('D’où vient la question ; une question ajoutée le dit, avec le texte dont elle part'),
    examplesLead: z.string().optional().describe('Phrase qui introduit les exemples (ex. « Caractère hétérogène du consortium : »)'),
    examples: z.array(text).default([]).describe('« Exemples / précisions à apporter »'),
    help: z.string().optional().describe('Précision affichée sous la question'),
    type: z.enum(QUESTION_TYPES),
    answers: z
      .union([slug, z.array(ChoiceSchema)])
      .optional()
      .describe("Identifiant d'un jeu de réponses partagé, ou liste de choix (scale, single, multi)"),
    min: z.number().optional().describe('Valeur minimale (type number)'),
    max: z.number().optional().describe('Valeur maximale (type number)'),
    unit: z.string().optional(),
    weight: z.number().positive().default(1),
    priority: z.number().int().min(1).max(5).default(3).describe("Importance de la question selon les experts (1 = la plus importante)"),
    target: slug.optional().describe('Réponse visée ; en dessous, un écart est signalé (par défaut : la réponse au score le plus haut)'),
    hints: z.record(z.string(), text).optional().describe('Repère de maturité, par identifiant de réponse'),
    gap: z
      .union([GapAdviceSchema, z.record(z.string(), GapAdviceSchema)])
      .optional()
      .describe('Conseil quand la réponse est sous la cible ; ou un conseil par identifiant de réponse'),
    when: ConditionSchema.optional().describe('La question ne se pose que si la condition est vraie'),
    after: z
      .array(z.string().min(1))
      .optional()
      .describe("Prérequis : questions (identifiant complet « entree.question ») ou règles (identifiant) dont l'action vient avant celle de cette question"),
    replaces: z.array(z.string()).optional().describe('Anciens identifiants complets, pour reprendre les réponses après un renommage'),
    dossier: z.array(text).optional().describe("Sections du dossier AMI nourries par cette question (par défaut : celles de l'entrée)"),
  })
  .strict();
export type Question = z.infer<typeof QuestionSchema>;

export const EntrySchema = z
  .object({
    id: slug,
    title: text,
    source: text.describe("D'où vient cette entrée (CAP PTCE, dossier AMI, décret…)"),
    intro: z.string().optional(),
    dossier: z.array(text).default([]).describe('Sections du dossier de candidature AMI que cette entrée nourrit'),
    weight: z.number().positive().default(1),
    questions: z.array(QuestionSchema),
  })
  .strict();
export type Entry = z.infer<typeof EntrySchema>;

export const LevelSchema = z
  .object({
    id: slug,
    min: z.number().min(0).max(100),
    label: text,
    description: z.string().optional(),
    byEngaged: z
      .object({ none: text.optional(), one: text.optional(), several: text.optional() })
      .strict()
      .optional()
      .describe(
        "Phrase du niveau selon le nombre de réponses engagées ou acquises (la moitié de l'échelle ou plus) : aucune (none), une (one), plusieurs (several) ; à défaut, description. La phrase ne doit pas contredire les réponses affichées à côté.",
      ),
  })
  .strict();
export type Level = z.infer<typeof LevelSchema>;

export const CriterionSchema = z.object({ label: text, when: ConditionSchema }).strict();
/** @public The model's vocabulary, for code that handles one part of a grid. */
export type Criterion = z.infer<typeof CriterionSchema>;

export const StageSchema = z
  .object({
    id: slug,
    label: text,
    description: text,
    criteria: z.array(CriterionSchema).default([]).describe('Toutes vraies : les réponses pointent vers ce stade'),
    next: z.string().optional().describe('Ce qui mène au stade suivant, en une phrase'),
    programmes: z.array(slug).optional().describe('Programmes qui accompagnent ce stade'),
  })
  .strict();
/** @public The model's vocabulary, for code that handles one part of a grid. */
export type Stage = z.infer<typeof StageSchema>;

export const SEVERITIES = ['blocking', 'warning', 'info', 'ok'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RuleSchema = z
  .object({
    id: slug,
    title: text,
    severity: z.enum(SEVERITIES),
    when: ConditionSchema.describe('Le constat est signalé quand la condition est vraie'),
    message: text,
    advice: z.string().optional(),
    after: z
      .array(z.string().min(1))
      .optional()
      .describe("Prérequis : questions (identifiant complet) ou règles dont l'action vient avant celle de ce constat"),
    source: SourceSchema.optional().describe('Texte (loi, décret, appel) sur lequel la règle repose ; sans source, validate avertit'),
    programmes: z.array(slug).optional().describe('Programmes concernés par cette règle'),
    dossier: z.string().optional(),
  })
  .strict();
/** @public The model's vocabulary, for code that handles one part of a grid. */
export type Rule = z.infer<typeof RuleSchema>;

export const ProgrammeSchema = z
  .object({
    id: slug,
    name: text,
    issuer: text,
    description: z.string().optional(),
    source: SourceSchema.optional().describe('Page qui décrit l’appel ; sans source, validate avertit'),
    calendar: z.array(z.object({ date: isoDateOrMonth, label: text }).strict()).default([]),
    opens: isoDateOrMonth.optional(),
    closes: isoDateOrMonth.optional().describe('Dernière date de dépôt (ou son mois) ; passée, le programme est présenté comme clos'),
    closedBy: isoDateOrMonth
      .optional()
      .describe("Date (ou mois) à laquelle l'appel est clos au plus tard, par exemple l'annonce des lauréats, quand la source ne donne pas la date limite de dépôt"),
    archive: z
      .boolean()
      .optional()
      .describe("Appel passé gardé pour mémoire dans la chronologie : pas d'avertissement à la validation ; le rapport le dit clos d'après ses dates, ou clos s'il n'en a aucune"),
    shownWhen: ConditionSchema.optional().describe("Le programme n'apparaît dans le rapport que si la condition est vraie (ex. un dispositif d'une seule région)"),
    beneficiaries: z.array(text).default([]),
    eligibility: z.array(text).default([]),
    funding: z
      .array(
        z
          .object({ label: text, rate: z.number().min(0).max(100).optional(), when: ConditionSchema.optional() })
          .strict(),
      )
      .default([]),
    stages: z.array(slug).optional().describe('Stades de maturité visés'),
    fits: ConditionSchema.optional().describe('Le programme correspond au projet quand la condition est vraie'),
  })
  .strict();
/** @public The model's vocabulary, for code that handles one part of a grid. */
export type Programme = z.infer<typeof ProgrammeSchema>;

/** A top-level `$schema` key lets editors find the JSON Schema; it carries no meaning for the tool. */
const schemaKey = z.string().optional().describe('Adresse du schéma JSON, pour les éditeurs (ignorée par cap-ptce)');

export const PathSchema = z
  .object({
    title: text.describe('Nom du parcours, affiché (ex. « Parcours essentiel »)'),
    description: z.string().optional().describe('Ce que le parcours couvre, en une ou deux phrases'),
    minutes: z.number().int().positive().optional().describe('Durée indicative, en minutes'),
    questions: z.array(fullQuestionId).min(1).describe('Les questions du parcours, par identifiant complet « entree.question »'),
  })
  .strict()
  .describe('Un parcours court : un sous-ensemble de questions posées dans l’ordre de la grille');
export type Path = z.infer<typeof PathSchema>;

export const SeverityLabelsSchema = z
  .object({
    blocking: text.default("À réunir avant une demande de soutien de l'État"),
    warning: text.default('Point de vigilance'),
    info: text.default('Repère'),
    ok: text.default('Déjà réuni'),
  })
  .strict()
  .describe('Libellés affichés pour chaque sévérité de constat : des repères de préparation, jamais un verdict');
/** @public Severity labels as a grid declares them (for custom templates and tools). */
export type SeverityLabels = z.infer<typeof SeverityLabelsSchema>;

export const ProgrammeNoteSchema = z
  .object({
    text: text.describe('Phrase affichée à la fin de la section des appels et dispositifs'),
    when: ConditionSchema.optional().describe('La phrase ne s’affiche que si la condition est vraie'),
    source: SourceSchema.optional(),
  })
  .strict();
/** @public A closing line of the calls section, as a grid declares it. */
export type ProgrammeNote = z.infer<typeof ProgrammeNoteSchema>;

export const GridSchema = z
  .object({
    $schema: schemaKey,
    format: z.literal(GRID_FORMAT),
    id: slug,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'version semver attendue (ex. 1.0.0)'),
    title: text,
    source: text,
    language: z.literal('fr'),
    description: z.string().optional(),
    answerSets: z.record(z.string(), z.array(ChoiceSchema)).default({}),
    levels: z.array(LevelSchema).min(1),
    entries: z.array(EntrySchema).min(1),
    stagesIntro: z.string().optional().describe('Ce que sont les stades et d’où viennent leurs critères, affiché avec le stade'),
    stages: z.array(StageSchema).default([]),
    severityLabels: SeverityLabelsSchema.default({
      blocking: "À réunir avant une demande de soutien de l'État",
      warning: 'Point de vigilance',
      info: 'Repère',
      ok: 'Déjà réuni',
    }),
    rules: z.array(RuleSchema).default([]),
    programmes: z.array(ProgrammeSchema).default([]),
    paths: z.record(slug, PathSchema).default({}).describe('Parcours courts, par identifiant (ex. « essentiel ») : `diagnose --parcours ID`'),

    programmeNotes: z
      .array(ProgrammeNoteSchema)
      .default([])
      .describe("Lignes qui terminent la section des appels, dans l'ordre : la dernière dit où trouver l'appel en cours"),
  })
  .strict();
export type Grid = z.infer<typeof GridSchema>;

export const AnswerValueSchema = z.union([z.string(), z.array(z.string()), z.number(), z.boolean(), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const DissentSchema = z
  .object({
    respondent: z.string().describe('Qui ne partage pas la position commune'),
    why: z.string().optional().describe('Pourquoi, en ses mots'),
  })
  .strict();
export type Dissent = z.infer<typeof DissentSchema>;

export const GroupPositionSchema = z
  .object({
    value: AnswerValueSchema.optional().describe('La réponse retenue par le groupe (identifiant de réponse)'),
    note: z.string().optional().describe('La position commune, en quelques mots'),
    dissent: z.array(DissentSchema).optional().describe('Qui ne la partage pas, et pourquoi'),
  })
  .strict()
  .describe('Position commune d’un atelier en table ronde, la même dans le fichier de chaque participant');
export type GroupPosition = z.infer<typeof GroupPositionSchema>;

export const AnswerSchema = z
  .object({
    value: AnswerValueSchema.optional().describe('Identifiant de réponse, liste (multi), texte, nombre ou booléen'),
    examples: z.array(z.string()).optional().describe('Exemples qui s’appliquent, et ceux ajoutés par la personne'),
    note: z.string().optional().describe('Précisions à apporter'),
    position: GroupPositionSchema.optional(),
    answeredAt: z.string().optional(),
  })
  .strict();
export type Answer = z.infer<typeof AnswerSchema>;

export const AnswersFileSchema = z
  .object({
    $schema: schemaKey,
    format: z.literal(ANSWERS_FORMAT),
    grid: z.object({ id: slug, version: z.string() }).strict(),
    project: z
      .object({ name: z.string().optional(), territory: z.string().optional() })
      .strict()
      .default({}),
    respondent: z.string().optional(),
    path: slug.optional().describe('Parcours court suivi (ex. « essentiel ») ; absent : la grille complète'),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    answers: z.record(z.string(), AnswerSchema).default({}),
  })
  .strict();
export type AnswersFile = z.infer<typeof AnswersFileSchema>;

// `$id` names each schema without claiming a web address: no public host serves them yet, and
// editors find them through a relative path into node_modules/cap-ptce/schema/ (see README).
export const GRID_SCHEMA_ID = 'urn:cap-ptce:schema:grid@1';
export const ANSWERS_SCHEMA_ID = 'urn:cap-ptce:schema:answers@1';

export function jsonSchema(schema: z.ZodType, id: string, title: string, description: string): object {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return { $schema, $id: id, title, description, ...rest };
}

export function gridJsonSchema(): object {
  return jsonSchema(GridSchema, GRID_SCHEMA_ID, 'Grille cap-ptce', 'Grille de questions cap-ptce (format: cap-ptce/grid@1) : entrées, questions, échelles, repères, règles et programmes.');
}

export function answersJsonSchema(): object {
  return jsonSchema(AnswersFileSchema, ANSWERS_SCHEMA_ID, 'Réponses cap-ptce', 'Fichier de réponses à une grille cap-ptce (format: cap-ptce/answers@1), écrit par « cap-ptce diagnose ».');
}
