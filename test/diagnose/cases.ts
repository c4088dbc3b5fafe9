// One table of `diagnose` cases, run two ways (as markdownlint-cli2 runs its cases): in-process
// with a scripted prompter (inprocess.test.ts: only the terminal prompts are replaced, the
// questionnaire, files and messages are the real ones) and through a real pseudo-terminal driving
// the built CLI (table-pty.test.ts). A step says what the person does at one prompt, in terms both
// drivers can play: a choice's position, boxes toggled, text typed, an interruption.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AnswersFile } from '../../src/model/schema.js';
import { validateText } from '../../src/validation/validate.js';
import { fixturePath, loadFixtureGrid } from './fixtures.js';

export type SelectPrompt = 'scale' | 'single' | 'boolean';
export type Interruption = 'ctrl-c' | 'ctrl-d' | 'SIGTERM' | 'SIGINT';

export type Step =
  /** Name, territory, first name; `offered`: the name proposed as default. */
  | { ask: 'project'; name: string; territory?: string; respondent?: string; offered?: string }
  /** The n-th choice of a list nothing is highlighted in yet (the first is 0). */
  | { ask: SelectPrompt; pick: number }
  /** Enter on the choice already highlighted: the answer given before. */
  | { ask: SelectPrompt; keep: true }
  /** « ← question précédente » at the end of the list. */
  | { ask: SelectPrompt | 'multi'; back: true }
  /** Boxes toggled (positions), then Enter: boxes ticked before stay ticked unless toggled. */
  | { ask: 'multi' | 'examples'; toggle: number[] }
  /** Text typed then Enter (« < » goes back, nothing leaves the question blank). */
  | { ask: 'text' | 'number' | 'note'; type: string }
  | { ask: 'resume'; pick: 'resume' | 'review' | 'restart' }
  | { ask: 'broken'; pick: 'restart' | 'quit' }
  /** Cut short while the prompt `at` is shown. */
  | { interrupt: Interruption; at: Exclude<Step, { interrupt: Interruption }>['ask'] };

export interface Run {
  /** After `diagnose --grid mini.yaml --answers r.yaml --out rapport.md`, run in the case's folder. */
  args?: string[];
  /** Stdin and stdout are terminals (default) or not. */
  tty?: boolean;
  steps: Step[];
  code: number;
  /** Printed (stdout and stderr together). */
  shows?: (string | RegExp)[];
  hides?: string[];
}

export interface DiagnoseCase {
  name: string;
  /** Files in the folder before the first run. */
  files?: Record<string, string>;
  runs: Run[];
  /** What the folder holds afterwards. */
  check?: (dir: string) => void;
}

export const mini = fixturePath('mini.yaml');
const index = loadFixtureGrid();

export function baseArgs(run: Run): string[] {
  return ['diagnose', '--grid', mini, '--answers', 'r.yaml', '--out', 'rapport.md', ...(run.args ?? [])];
}

/** The answers file as `report` would read it: it must always be valid. */
export function readAnswers(dir: string): AnswersFile {
  const result = validateText(readFileSync(join(dir, 'r.yaml'), 'utf8'), 'r.yaml', { today: '2026-11-26', expect: 'answers', grid: index });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.answers!;
}

const backups = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.bak.yaml'));

/** Answers files the cases start from; test/diagnose/e2e.test.ts uses them too. */
export const OLD = 'format: cap-ptce/answers@1\ngrid: { id: mini-test, version: 1.0.0 }\nproject:\n  name: Ancien projet\nupdatedAt: 2026-11-20T09:30:00.000Z\nanswers:\n  objectifs.constats:\n    value: acquis\n';
export const BROKEN = 'format: cap-ptce/answers@1\ngrid: { id: mini-test, version: 1.0.0 }\nanswers:\n  objectifs.constats: [oops\n';
const OTHER = 'format: cap-ptce/answers@1\ngrid: { id: autre-grille, version: 2.0.0 }\nanswers:\n  x.y: { value: oui }\n';
export const STALE = [
  'format: cap-ptce/answers@1',
  'grid: { id: mini-test, version: 1.0.0 }',
  'project: { name: Val }',
  'answers:',
  '  objectifs.forme:',
  '    value: association',
  '  objectifs.constats:',
  '    value: termine',
  '  ancienne.question:',
  '    value: oui',
  '',
].join('\n');

const project: Step = { ask: 'project', name: 'Pôle du Val', territory: 'Pays de Bray', respondent: '' };
const RESUME_LINE = `Pour reprendre : npx cap-ptce diagnose --resume --grid ${mini} --answers r.yaml --out rapport.md`;

export const cases: DiagnoseCase[] = [
  {
    name: 'answer everything: every answer saved, the report written and shown',
    runs: [
      {
        steps: [
          project,
          { ask: 'scale', pick: 2 },
          { ask: 'examples', toggle: [0] },
          { ask: 'note', type: 'Diagnostic partagé en 2025' },
          { ask: 'single', pick: 0 },
          { ask: 'note', type: '' },
          { ask: 'scale', pick: 3 },
          { ask: 'note', type: '' },
          { ask: 'multi', toggle: [0, 2] },
          { ask: 'note', type: '' },
          { ask: 'number', type: '12' },
          { ask: 'note', type: '' },
          { ask: 'boolean', pick: 0 },
          { ask: 'note', type: 'Signée en mars' },
          { ask: 'text', type: 'Né d’un atelier en 2024' },
        ],
        code: 0,
        shows: ['7 questions en 2 entrées', 'Entrée 1/2 · Objectifs et vision stratégique', '✔ Engagé, en cours', '━━ Questionnaire terminé ━━', '7 réponses sur 7 questions.', 'Où en est', 'Rapport complet : rapport.md'],
      },
    ],
    check: (dir) => {
      const done = readAnswers(dir);
      expect(done.project).toEqual({ name: 'Pôle du Val', territory: 'Pays de Bray' });
      expect(done.answers['objectifs.constats']).toMatchObject({ value: 'engage', examples: ['Diagnostics territoriaux'], note: 'Diagnostic partagé en 2025' });
      expect(done.answers['objectifs.statuts']!.value).toBe('acquis');
      expect(done.answers['acteurs.composition']!.value).toEqual(['ess', 'collectivites']);
      expect(done.answers['acteurs.nombre']!.value).toBe(12);
      expect(done.answers['acteurs.charte']).toMatchObject({ value: true, note: 'Signée en mars' });
      expect(done.answers['acteurs.histoire']!.value).toBe('Né d’un atelier en 2024');
      expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toContain('Pôle du Val');
    },
  },
  {
    name: 'Ctrl-C then --resume, going back once: nothing lost, the skipped question said',
    runs: [
      {
        steps: [project, { ask: 'scale', pick: 2 }, { ask: 'examples', toggle: [] }, { ask: 'note', type: '' }, { ask: 'single', pick: 2 }, { ask: 'note', type: '' }, { interrupt: 'ctrl-c', at: 'multi' }],
        code: 130,
        shows: ["↷ Question 3/3 passée, sans objet d'après vos réponses", 'Entrée 2/2 · question 1/4 · 2 réponses sur 6 (33 %) · 1 question sans objet', `Interrompu : 2 réponses enregistrées dans r.yaml. ${RESUME_LINE}`],
        hides: ['    at '],
      },
      {
        args: ['--resume'],
        steps: [
          { ask: 'multi', toggle: [0] },
          { ask: 'note', type: '' },
          { ask: 'number', type: '<' },
          { ask: 'multi', toggle: [] },
          { ask: 'note', type: '' },
          { ask: 'number', type: '12' },
          { ask: 'note', type: '' },
          { ask: 'boolean', pick: 1 },
          { ask: 'note', type: '' },
          { ask: 'text', type: '' },
        ],
        code: 0,
        shows: ['Il contient 2 réponses sur 7 questions, enregistrées le', "Reprise à la question 1 de l'entrée « Acteurs et partenariats »", '5 réponses sur 6 questions (1 question sans objet).', '1 question reste sans réponse : le rapport la signale.'],
        hides: ['Que voulez-vous faire'],
      },
    ],
    check: (dir) => {
      const done = readAnswers(dir);
      expect(done.answers['objectifs.forme']!.value).toBe('pas-encore');
      expect(done.answers['acteurs.composition']!.value).toEqual(['ess']);
      expect(done.answers['acteurs.nombre']!.value).toBe(12);
      expect(done.answers['acteurs.charte']!.value).toBe(false);
      expect(done.answers['acteurs.histoire']?.value).toBeUndefined();
    },
  },
  {
    name: 'an existing file, « recommencer »: the old file kept as a dated backup, its project offered',
    files: { 'r.yaml': OLD },
    runs: [
      {
        steps: [{ ask: 'resume', pick: 'restart' }, { ...project, offered: 'Ancien projet' }, { interrupt: 'SIGTERM', at: 'scale' }],
        code: 130,
        shows: ['Un fichier de réponses existe déjà du projet « Ancien projet »', /Il contient 1 réponse sur 7 questions, enregistrées le 20 novembre 2026 à \d\d:30/, /Ancien fichier gardé : r\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.bak\.yaml/],
      },
    ],
    check: (dir) => {
      expect(backups(dir)).toHaveLength(1);
      expect(readFileSync(join(dir, backups(dir)[0]!), 'utf8')).toBe(OLD);
      expect(readAnswers(dir)).toMatchObject({ project: { name: 'Pôle du Val' }, answers: {} });
    },
  },
  {
    name: 'an existing file, « revoir »: the answers come back highlighted and are kept',
    files: { 'r.yaml': OLD },
    runs: [
      {
        steps: [{ ask: 'resume', pick: 'review' }, { ask: 'scale', keep: true }, { ask: 'examples', toggle: [1] }, { ask: 'note', type: '' }, { interrupt: 'ctrl-c', at: 'single' }],
        code: 130,
        shows: ['✔ Acquis, formalisé', 'Interrompu : 1 réponse enregistrée dans r.yaml.'],
      },
    ],
    check: (dir) => {
      expect(backups(dir)).toEqual([]);
      expect(readAnswers(dir).answers['objectifs.constats']).toMatchObject({ value: 'acquis', examples: ['Consultations territoriales'] });
    },
  },
  {
    name: 'a file that does not parse: told where, « arrêter » changes nothing (exit 1)',
    files: { 'r.yaml': BROKEN },
    runs: [{ steps: [{ ask: 'broken', pick: 'quit' }], code: 1, shows: ['ne peut pas être repris tel quel', /r\.yaml:\d+:\d+ +YAML invalide/, "Rien n'a été modifié"] }],
    check: (dir) => {
      expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(BROKEN);
      expect(readdirSync(dir)).toEqual(['r.yaml']);
    },
  },
  {
    name: 'answers of another grid: « recommencer » starts a new file, the old one kept',
    files: { 'r.yaml': OTHER },
    runs: [
      {
        steps: [{ ask: 'broken', pick: 'restart' }, project, { interrupt: 'SIGINT', at: 'scale' }],
        code: 130,
        shows: [/r\.yaml:2:\d+ +ces réponses appartiennent à la grille « autre-grille », pas à « mini-test »/, 'Interrompu : aucune réponse encore, projet enregistré dans r.yaml'],
      },
    ],
    check: (dir) => {
      expect(backups(dir)).toHaveLength(1);
      expect(readFileSync(join(dir, backups(dir)[0]!), 'utf8')).toBe(OTHER);
      expect(readAnswers(dir)).toMatchObject({ grid: { id: 'mini-test' }, project: { name: 'Pôle du Val' }, answers: {} });
    },
  },
  {
    name: 'values the grid no longer accepts with --resume: told where, a copy kept, asked again',
    files: { 'r.yaml': STALE },
    runs: [
      {
        args: ['--resume'],
        steps: [{ interrupt: 'ctrl-c', at: 'scale' }],
        code: 130,
        shows: [/r\.yaml:8:\d+ +réponse à objectifs\.constats : « termine » n'est pas une réponse possible/, '1 réponse concerne une question absente de cette grille (ancienne.question)', /Copie du fichier tel qu'il était : \S+\.bak\.yaml/, "Reprise à la question 1 de l'entrée « Objectifs et vision stratégique »"],
      },
    ],
    check: (dir) => {
      expect(backups(dir)).toHaveLength(1);
      expect(readFileSync(join(dir, backups(dir)[0]!), 'utf8')).toBe(STALE);
      expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toContain('ancienne.question:');
    },
  },
  {
    name: '--resume without a file: said, then a new session; Ctrl-D ends like Ctrl-C',
    runs: [
      {
        args: ['--resume'],
        steps: [project, { interrupt: 'ctrl-d', at: 'scale' }],
        code: 130,
        shows: ['Aucun fichier de réponses à reprendre (r.yaml) : le diagnostic commence.', 'Interrompu : aucune réponse encore, projet enregistré dans r.yaml. Pour reprendre : npx cap-ptce diagnose --resume'],
      },
    ],
    check: (dir) => expect(readAnswers(dir).project.name).toBe('Pôle du Val'),
  },
  {
    name: 'interrupted before the first answer: no file written',
    runs: [{ steps: [{ interrupt: 'ctrl-c', at: 'project' }], code: 130, shows: ['Interrompu avant la première réponse : aucun fichier écrit.'] }],
    check: (dir) => expect(existsSync(join(dir, 'r.yaml'))).toBe(false),
  },
  {
    name: 'no terminal: exit 2 at once, pointing to `report`, nothing written',
    runs: [{ tty: false, steps: [], code: 2, shows: ['lancez-le dans un terminal', 'cap-ptce report r.yaml'] }],
    check: (dir) => expect(readdirSync(dir)).toEqual([]),
  },
  {
    name: 'a report file cap-ptce did not write: refused before the first question (exit 2)',
    files: { 'rapport.md': '# Mes notes à moi\n' },
    runs: [{ steps: [], code: 2, shows: ['il n\'est pas remplacé', '--out cap-ptce-rapport-2.md'], hides: ['Nom du projet', 'Votre projet'] }],
    check: (dir) => expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toBe('# Mes notes à moi\n'),
  },
  {
    name: 'every question answered already, --resume: straight to the report',
    files: {
      'r.yaml': [
        'format: cap-ptce/answers@1',
        'grid: { id: mini-test, version: 1.0.0 }',
        'project: { name: Val }',
        'answers:',
        '  objectifs.constats: { value: acquis }',
        '  objectifs.forme: { value: pas-encore }',
        '  acteurs.composition: { value: [ess] }',
        '  acteurs.nombre: { value: 3 }',
        '  acteurs.charte: { value: true }',
        '  acteurs.histoire: { value: Un atelier }',
        '',
      ].join('\n'),
    },
    runs: [{ args: ['--resume'], steps: [], code: 0, shows: ['6 réponses sur 6 questions (1 question sans objet).', 'Rapport complet : rapport.md'] }],
    check: (dir) => expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toContain('Val'),
  },
];

/** Checks what a run printed against the case. */
export function checkOutput(run: Run, output: string): void {
  for (const s of run.shows ?? []) {
    // Messages are wrapped at the terminal's width: compared whatever the line breaks.
    if (typeof s === 'string') expect(output.replace(/\s+/g, ' ')).toContain(s.replace(/\s+/g, ' '));
    else expect(output).toMatch(s);
  }
  for (const s of run.hides ?? []) expect(output).not.toContain(s);
}
