// `cap-ptce grid` on the default grid: what a facilitator prints for a workshop.
import { describe, expect, it } from 'vitest';
import { loadGrid } from '../../src/io/load.js';
import { runInProcess } from '../helpers.js';
import { boxes, markdownlint, questionSections } from './helpers.js';

const { grid, index } = loadGrid(undefined, '2026-11-26');
const full = await runInProcess(['grid']);
const sections = questionSections(full.stdout);
const sectionOf = (fullId: string) => {
  const ref = index.byId.get(fullId)!;
  return sections.find((s) => s.number === `${ref.entryIndex + 1}.${ref.questionIndex + 1}`)!;
};

describe('cap-ptce grid (grille intégrée)', () => {
  it('prints the worksheet on stdout and says which grid it used', () => {
    expect(full.code).toBe(0);
    expect(full.stderr).toContain('Grille : grille CAP PTCE intégrée (questions/cap-ptce.yaml)');
    expect(full.stdout.startsWith(`# Fiche de travail : ${grid.title}\n`)).toBe(true);
    expect(full.stdout).toContain(`Source : ${grid.source}.`);
  });

  it('tells participants how to use it, and leaves room for project, participant and date', () => {
    const intro = full.stdout.slice(0, full.stdout.indexOf('\n## 1. '));
    expect(intro).toContain('## Comment utiliser cette fiche en atelier');
    expect(intro).toContain('Chacun remplit sa fiche');
    expect(intro).toContain('vos constats sont-ils partagés ?');
    for (const field of ['Projet', 'Participant·e', 'Date']) expect(intro).toMatch(new RegExp(`^- \\*\\*${field} :\\*\\* …{10,}$`, 'm'));
  });

  it('holds every question of every entrée, numbered as in the report, under its entrée', () => {
    expect(sections).toHaveLength(index.questions.length);
    expect(sections.length).toBeGreaterThanOrEqual(30);
    grid.entries.forEach((entry, e) => {
      const at = full.stdout.indexOf(`\n## ${e + 1}. ${entry.title}\n`);
      expect(at, entry.title).toBeGreaterThan(0);
      const head = full.stdout.slice(at, full.stdout.indexOf('\n### ', at));
      expect(head).toContain(`**Entrée ${e + 1}/${grid.entries.length}** · Source : ${entry.source}`);
      for (const section of entry.dossier) expect(head).toContain(`- ${section}`);
    });
    for (const ref of index.questions) {
      expect(sectionOf(ref.fullId).heading, ref.fullId).toBe(ref.question.text.replace(/[.,;:!]+$/, ''));
    }
  });

  it('lists every example as a box to tick, after its lead, with a box for one of your own', () => {
    let examples = 0;
    for (const ref of index.questions) {
      const { body } = sectionOf(ref.fullId);
      for (const example of ref.question.examples) expect(boxes(body), ref.fullId).toContain(example);
      examples += ref.question.examples.length;
      if (ref.question.examples.length > 0) expect(boxes(body).filter((b) => b.startsWith('Autre : ……'))).toHaveLength(1);
    }
    expect(examples).toBeGreaterThan(60);
    const typologie = sectionOf('acteurs.typologie').body;
    expect(typologie.indexOf('Caractère hétérogène du consortium :')).toBeLessThan(typologie.indexOf('- [ ] Réseaux'));
  });

  it('gives one box per answer of the scale, « Je ne sais pas » and « Non concerné » included', () => {
    const scale = grid.answerSets.avancement!.map((c) => c.label);
    expect(scale).toEqual(['Pas encore abordé', 'En réflexion', 'Engagé, en cours', 'Acquis, formalisé', 'Je ne sais pas', 'Non concerné']);
    for (const ref of index.questions) {
      const answerBoxes = boxes(sectionOf(ref.fullId).body).filter((b) => !ref.question.examples.includes(b) && !b.startsWith('Autre : '));
      if (ref.question.type === 'number' || ref.question.type === 'text') expect(answerBoxes, ref.fullId).toEqual([]);
      else expect(answerBoxes, ref.fullId).toEqual(ref.choices.map((c) => c.label));
    }
    expect(sectionOf('objectifs.constats').body).toContain('Cochez une case :');
    expect(sectionOf('acteurs.composition').body).toContain('Cochez toutes les réponses qui conviennent :');
  });

  it('gives a number question a line to fill, with its unit', () => {
    expect(sectionOf('acteurs.personnes-morales').body).toMatch(/^\*\*Réponse\*\* \(un nombre, au moins 0\) : …{10,} personnes morales$/m);
  });

  it('leaves room for notes under every question: lines that stay separate once rendered', () => {
    for (const s of sections) {
      const notes = s.body.slice(s.body.indexOf('**Précisions à apporter :**'));
      expect(notes, s.number).toMatch(/\*\*Précisions à apporter :\*\*\n\n> …{20,}\n>\n> …{20,}\n>\n> …{20,}\n/);
    }
  });

  it('says in plain French when a conditional question applies', () => {
    expect(sectionOf('structure-porteuse.statuts').body).toContain(
      "**À remplir si**, à la question 5.1 (Quelle est la forme juridique de la structure porteuse de la dynamique ?), la réponse n'est pas « Pas encore de structure porteuse ». Sinon, passez à la question suivante.",
    );
    expect(full.stdout.match(/À remplir si/g)).toHaveLength(index.questions.filter((r) => r.question.when).length);
  });

  it('passes markdownlint with the repository configuration', () => {
    expect(markdownlint(full.stdout)).toEqual([]);
  });
});

describe('cap-ptce grid --entries', () => {
  it('--entries objectifs holds that entrée only, with its place in the whole grid', async () => {
    const r = await runInProcess(['grid', '--entries', 'objectifs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## 1. Objectifs et vision stratégique');
    expect(r.stdout).toContain(`**Entrée 1/${grid.entries.length}**`);
    expect(r.stdout).toContain(`Cette fiche reprend 1 des ${grid.entries.length} entrées de la grille.`);
    expect(r.stdout.match(/^## \d+\. /gm)).toHaveLength(1);
    expect(questionSections(r.stdout).map((s) => s.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(r.stdout).not.toContain('Acteurs impliqués');
  });

  it('keeps the grid order and the grid numbers whatever the order asked', async () => {
    const r = await runInProcess(['grid', '--entries', 'structure-porteuse,acteurs']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^## \d+\. .*$/gm)).toEqual(['## 2. Acteurs impliqués', '## 5. Structure porteuse']);
  });

  it('refuses an unknown entrée, suggests the close one and lists the valid ids (exit 2)', async () => {
    const r = await runInProcess(['grid', '--entries', 'objectif']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Entrée inconnue : « objectif » (vouliez-vous dire « objectifs » ?)');
    expect(r.stderr).toContain(`Entrées de cette grille : ${grid.entries.map((e) => e.id).join(', ')}.`);
  });
});
