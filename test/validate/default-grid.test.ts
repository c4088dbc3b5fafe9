import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderSchema } from '../../src/commands/schema.js';
import { indexGrid } from '../../src/model/grid-index.js';
import { validateGridText } from '../../src/validation/validate.js';
import { repoRoot, runSpawned } from '../helpers.js';

const gridPath = join(repoRoot, 'questions/cap-ptce.yaml');
const gridText = readFileSync(gridPath, 'utf8');

// The CAP PTCE table of the seed (Institut Godin), word for word: the heart of the default grid.
const SEED_TABLE: { entry: string; question: string; examples: string[]; lead?: string }[] = [
  {
    entry: 'objectifs',
    question: "Quels sont les constats de départ ? Sur quoi s'appuient ces constats ? Sont-ils partagés ?",
    examples: ['Diagnostics territoriaux', 'Expériences des parties prenantes', 'Consultations territoriales'],
  },
  {
    entry: 'objectifs',
    question: 'Des axes thématiques ou de développement ont-ils été identifiés ? Comment ces axes ont-ils été identifiés ?',
    examples: ['Circuits courts alimentaires', 'Mobilité durable', 'Environnement', 'Services de proximité', 'Parcours emploi formation'],
  },
  {
    entry: 'objectifs',
    question: 'La dynamique apporte-t-elle des réponses nouvelles aux besoins du territoire et aux aspirations de ses habitants ?',
    examples: [
      'Liens entre les constats et les axes / actions / projets',
      'Expérimentations et / ou diffusion d\'innovations',
      'Partenariats de recherche',
      'Participation des acteurs socio-économiques et des habitants',
    ],
  },
  {
    entry: 'objectifs',
    question: 'En quoi la dynamique participe-t-elle au développement et à la création d\'activités et d\'emplois durables ?',
    examples: [
      'Création ou développement à destination des habitants ou des acteurs locaux',
      'Logiques de coopération et de non concurrence',
      'Emplois non délocalisables',
      'Circuits courts territorialisés',
      'Eco-activités',
    ],
  },
  {
    entry: 'objectifs',
    question: 'La dynamique concoure-t-elle à valoriser le territoire ? A renforcer l\'identité du territoire ?',
    examples: [
      'Appui sur les ressources du territoire',
      'Mise en avant de savoir-faire, de compétences propres au territoire',
      'Valorisation/préservation du patrimoine (naturel, culturel, bâti...)',
    ],
  },
  {
    entry: 'acteurs',
    question: 'Quelle est la typologie, la nature des acteurs qui sont associés à la dynamique ? Quelles sont leurs compétences, leurs expertises ?',
    lead: 'Caractère hétérogène du consortium :',
    examples: [
      'Acteurs socio-économiques locaux (entreprises, associations, structures d\'insertion...)',
      'Réseaux',
      'Collectivités',
      'Organismes de recherche, d\'enseignement et de formation',
      'Habitants',
    ],
  },
  {
    entry: 'gouvernance',
    question: 'Quelles sont les espaces d\'implication des membres ?',
    examples: [
      'Instances de pilotage de la dynamique globale',
      'Groupes de pilotage et d\'orientation des thématiques',
      'Groupes de travail techniques',
      'Réunions collectives restreintes ou élargies',
      'Mise en place d\'espaces d\'expression ou de débat (Préciser les participants)',
    ],
  },
  {
    entry: 'gouvernance',
    question: 'La gouvernance est-elle formalisée ou non formalisée ?',
    examples: ['Instance juridique', 'Structuration en comités (préciser la fréquence...)', 'Convention entre acteurs', 'Charte'],
  },
  {
    entry: 'perimetre',
    question: 'Quel est le territoire couvert par l\'action ? Quelles sont ses caractéristiques ?',
    examples: ['Pertinence du territoire d\'intervention au regard de ses spécificités, de ses atouts et faiblesses'],
  },
  {
    entry: 'perimetre',
    question: 'La dynamique s\'appuie-t-elle sur les ressources du territoire ?',
    examples: ['Liens avec le tissu économique et social du territoire', 'Mobilisation et coordination des acteurs / initiatives / dispositifs'],
  },
];

describe('the default grid questions/cap-ptce.yaml', () => {
  const { grid, diagnostics } = validateGridText(gridText, 'questions/cap-ptce.yaml', '2026-11-26');

  it('is valid, with no error', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(grid).toBeDefined();
  });

  it('starts with the yaml-language-server schema line so editors check it', () => {
    expect(gridText.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/grid.schema.json');
  });

  it('keeps the fixed header of the format', () => {
    const raw = parse(gridText) as Record<string, unknown>;
    expect(raw).toMatchObject({ format: 'cap-ptce/grid@1', id: 'cap-ptce', version: '1.1.0', language: 'fr' });
  });

  it('keeps the ten questions and thirty-seven examples of the CAP PTCE table word for word in sourceText / sourceExamples', () => {
    expect(SEED_TABLE).toHaveLength(10);
    expect(SEED_TABLE.flatMap((row) => row.examples)).toHaveLength(37);
    const index = indexGrid(grid!);
    for (const row of SEED_TABLE) {
      const ref = index.questions.find((q) => q.question.sourceText === row.question);
      expect(ref, row.question).toBeDefined();
      expect(ref!.entry.id).toBe(row.entry);
      expect(ref!.question.sourceExamples ?? ref!.question.examples).toEqual(row.examples);
      if (row.lead) expect(ref!.question.examplesLead).toBe(row.lead);
    }
    expect(index.questions.filter((q) => q.question.sourceText !== undefined)).toHaveLength(10);
    expect(grid!.entries.slice(0, 4).map((e) => e.id)).toEqual(['objectifs', 'acteurs', 'gouvernance', 'perimetre']);
  });

  it('displays those questions with the slide’s slips fixed, and nothing else changed', () => {
    const index = indexGrid(grid!);
    const fixes = (t: string): string =>
      t
        .replace("Quelles sont les espaces", 'Quels sont les espaces')
        .replace('concoure-t-elle', 'concourt-elle')
        .replace("? A renforcer", '? À renforcer')
        .replace(/^Eco-activités$/, 'Éco-activités');
    for (const row of SEED_TABLE) {
      const ref = index.questions.find((q) => q.question.sourceText === row.question)!;
      expect(ref.question.text).toBe(fixes(row.question));
      expect(ref.question.examples).toEqual(row.examples.map(fixes));
    }
    const texts = index.questions.map((q) => q.question.text);
    expect(texts).toContain("Quels sont les espaces d'implication des membres ?");
    expect(texts).toContain("La dynamique concourt-elle à valoriser le territoire ? À renforcer l'identité du territoire ?");
    expect(index.byId.get('objectifs.activites-emplois')!.question.examples).toContain('Éco-activités');
  });

  const seedPath = join(repoRoot, '..', 'shared', 'seeds', '000_d21a3fb992b4a656.txt');
  it.runIf(existsSync(seedPath))('takes those questions and examples from the seed transcript itself', () => {
    const seed = readFileSync(seedPath, 'utf8');
    for (const row of SEED_TABLE) {
      expect(seed).toContain(row.question);
      for (const example of row.examples) expect(seed).toContain(example);
    }
    // And the ACTE funding line the grid quotes is the seed's, word for word.
    expect(seed).toContain('Plafond à 60% pour les projets de coopération développés dans les territoires ruraux ou les quartiers prioritaires de la politique de la ville');
    expect(seed).toContain("LES EPCI à fiscalité propre de + de 15 000 habitants ou regroupements d'EPCI dans la phase d'impulsion et d'émergence d'une dynamique de coopération économique");
  });

  it('says where every entrée, question, rule and programme comes from; added questions say they are added', () => {
    for (const entry of grid!.entries) expect(entry.source.length).toBeGreaterThan(3);
    for (const rule of grid!.rules) expect(rule.source?.label.length ?? 0, rule.id).toBeGreaterThan(3);
    for (const rule of grid!.rules) expect(rule.source?.quote?.length ?? 0, rule.id).toBeGreaterThan(10);
    for (const programme of grid!.programmes) expect(programme.source?.label.length ?? 0, programme.id).toBeGreaterThan(3);
    const index = indexGrid(grid!);
    for (const ref of index.questions) {
      expect(ref.question.source, ref.fullId).toBeDefined();
      if (ref.question.sourceText === undefined) expect(ref.question.source!.label, ref.fullId).toMatch(/^Question ajoutée par cap-ptce/);
    }
    // The header no longer claims that entrées 1–4 are the table word for word.
    expect(grid!.description).not.toMatch(/mot pour mot/);
    expect(grid!.entries.find((e) => e.id === 'acteurs')!.source).toMatch(/ajoutées par cap-ptce/);
    expect(grid!.stages.map((s) => s.label)).toEqual(['Émergence', 'Structuration', 'Développement', 'Essaimage']);
  });

  it('gives every scale question a hint per answer and a gap advice', () => {
    const index = indexGrid(grid!);
    for (const ref of index.questions.filter((q) => q.question.type === 'scale')) {
      const answerIds = ref.choices.filter((c) => !c.na).map((c) => c.id);
      expect(Object.keys(ref.question.hints ?? {}).sort(), ref.fullId).toEqual([...answerIds].sort());
      expect(ref.question.gap, ref.fullId).toBeDefined();
    }
  });
});

describe('the JSON Schemas', () => {
  it.each(['grid', 'answers', 'config'] as const)('schema/%s.schema.json matches `cap-ptce schema %s` (no drift)', (type) => {
    const committed = readFileSync(join(repoRoot, 'schema', `${type}.schema.json`), 'utf8');
    expect(committed).toBe(renderSchema(type));
  });

  it('are printed by the CLI for editors and CI', () => {
    const r = runSpawned(['schema', 'answers']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'Réponses cap-ptce' });
  });
});

describe('the README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  it('documents every diagnostic code and every exit code', async () => {
    const { DIAGNOSTIC_CODES } = await import('../../src/validation/codes.js');
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme).toContain(`| \`${code}\` |`);
    for (const exit of ['| 0 |', '| 1 |', '| 2 |', '| 130 |']) expect(readme).toContain(exit);
  });
  it('gives the two commands a newcomer types', () => {
    expect(readme).toContain('npm install && npx cap-ptce diagnose');
    expect(readme).toContain('npm test');
  });
});
