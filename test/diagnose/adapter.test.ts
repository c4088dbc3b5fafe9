// The prompt adapter, one prompt at a time through @inquirer/testing: what the person sees, what
// each key gives back.
import { render } from '@inquirer/testing';
import { plain } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import {
  askBoolean,
  askExamples,
  askMulti,
  askNote,
  askNumber,
  askResumeOrRestart,
  askScale,
  askSingle,
  askText,
  formatQuestion,
  isPromptCancel,
  parseNumberFr,
  type AskContext,
} from '../../src/prompts/adapter.js';
import { loadFixtureGrid } from './fixtures.js';

const index = loadFixtureGrid();
const hostile = loadFixtureGrid('hostile.yaml');
const ref = (id: string) => index.byId.get(id)!;

/** render() drives a prompt function `(config, context)`; the adapter's functions take the context last. */
function prompt<T>(ask: (ctx: AskContext) => Promise<T>) {
  return (_config: object, ctx?: AskContext) => ask(ctx ?? {});
}

describe('scale', () => {
  it('shows the grid scale with « Je ne sais pas », « Non concerné » and a way back, in French', async () => {
    const { answer, events, getScreen } = await render(prompt((ctx) => askScale(ref('objectifs.constats'), undefined, { canGoBack: true }, ctx)), {});
    const screen = plain(getScreen());
    for (const label of ['Où en êtes-vous ?', 'Pas encore abordé', 'Acquis, formalisé', 'Je ne sais pas', 'Non concerné', '← question précédente', 'se déplacer', 'valider']) {
      expect(screen).toContain(label);
    }
    expect(screen).not.toContain('navigate');
    events.keypress('down');
    events.keypress('down');
    expect(plain(getScreen())).toContain('Les constats sont étayés et en cours de partage.'); // the grid's hint for « engagé »
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'engage' });
  });

  it('comes back on the answer already given, and offers no way back on the first question', async () => {
    const { answer, events, getScreen } = await render(prompt((ctx) => askScale(ref('objectifs.constats'), 'acquis', { canGoBack: false }, ctx)), {});
    expect(plain(getScreen())).toMatch(/❯ Acquis, formalisé/);
    expect(plain(getScreen())).not.toContain('question précédente');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'acquis' });
  });

  it('« ← question précédente » returns a navigation action, not an answer', async () => {
    const { answer, events } = await render(prompt((ctx) => askSingle(ref('objectifs.forme'), undefined, { canGoBack: true }, ctx)), {});
    for (let i = 0; i < 3; i++) events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'back' });
  });

  it('a signal cancels the prompt with an error the command recognises', async () => {
    const controller = new AbortController();
    const { answer } = await render(prompt((ctx) => askScale(ref('objectifs.constats'), undefined, { canGoBack: false }, { ...ctx, signal: controller.signal })), {});
    controller.abort('SIGTERM');
    const error = await answer.catch((e: unknown) => e);
    expect(isPromptCancel(error)).toBe(true);
  });
});

describe('other question types', () => {
  it('multi: ticked choices come back as a list; ticking « question précédente » goes back', async () => {
    const first = await render(prompt((ctx) => askMulti(ref('acteurs.composition'), ['collectivites'], { canGoBack: true }, ctx)), {});
    expect(plain(first.getScreen())).toMatch(/◉ Collectivités/);
    expect(plain(first.getScreen())).toContain('espace cocher');
    first.events.keypress('space');
    first.events.keypress('enter');
    await expect(first.answer).resolves.toEqual({ kind: 'answer', value: ['ess', 'collectivites'] });

    const back = await render(prompt((ctx) => askMulti(ref('acteurs.composition'), [], { canGoBack: true }, ctx)), {});
    for (let i = 0; i < 3; i++) back.events.keypress('down');
    back.events.keypress('space');
    back.events.keypress('enter');
    await expect(back.answer).resolves.toEqual({ kind: 'back' });
  });

  it('number: French decimals, bounds and errors in French, « < » to go back, empty to skip', async () => {
    const r = await render(prompt((ctx) => askNumber(ref('acteurs.nombre'), undefined, { canGoBack: true }, ctx)), {});
    expect(plain(r.getScreen())).toContain('« < » pour revenir');
    r.events.type('douze');
    r.events.keypress('enter');
    await r.nextRender();
    expect(plain(r.getScreen())).toContain('Un nombre est attendu');
    for (let i = 0; i < 5; i++) r.events.keypress('backspace');
    r.events.type('600');
    r.events.keypress('enter');
    await r.nextRender();
    expect(plain(r.getScreen())).toContain('Au plus 500 attendu');
    for (let i = 0; i < 3; i++) r.events.keypress('backspace');
    r.events.type('12,5');
    r.events.keypress('enter');
    await expect(r.answer).resolves.toEqual({ kind: 'answer', value: 12.5 });

    const back = await render(prompt((ctx) => askNumber(ref('acteurs.nombre'), undefined, { canGoBack: true }, ctx)), {});
    back.events.type('<');
    back.events.keypress('enter');
    await expect(back.answer).resolves.toEqual({ kind: 'back' });

    const skip = await render(prompt((ctx) => askNumber(ref('acteurs.nombre'), undefined, { canGoBack: true }, ctx)), {});
    skip.events.keypress('enter');
    await expect(skip.answer).resolves.toEqual({ kind: 'skip' });
    expect(parseNumberFr('1 200')).toBe(1200);
  });

  it('text: the answer, trimmed; empty leaves it blank', async () => {
    const r = await render(prompt((ctx) => askText(ref('acteurs.histoire'), undefined, { canGoBack: false }, ctx)), {});
    expect(plain(r.getScreen())).toContain('Entrée vide pour passer');
    r.events.type('  Né d’un atelier  ');
    r.events.keypress('enter');
    await expect(r.answer).resolves.toEqual({ kind: 'answer', value: 'Né d’un atelier' });
  });

  it('boolean: Oui / Non', async () => {
    const r = await render(prompt((ctx) => askBoolean(ref('acteurs.charte'), undefined, { canGoBack: true }, ctx)), {});
    expect(plain(r.getScreen())).toContain('Oui');
    expect(plain(r.getScreen())).toContain('Non');
    r.events.keypress('down');
    r.events.keypress('enter');
    await expect(r.answer).resolves.toEqual({ kind: 'answer', value: false });
  });
});

describe('examples, note, resume', () => {
  it('examples: the grid examples to tick, with their lead and a way to add one’s own', async () => {
    const r = await render(prompt((ctx) => askExamples(ref('objectifs.constats'), ['Mon enquête'], ctx)), {});
    const screen = plain(r.getScreen());
    expect(screen).toContain("Sur quoi s'appuient-ils : Quels exemples s'appliquent à votre projet ?");
    expect(screen).toContain('◯ Diagnostics territoriaux');
    expect(screen).toContain('◉ Mon enquête (ajouté par vous)');
    expect(screen).toContain('ajouter un exemple à vous');
    r.events.keypress('space');
    r.events.keypress('enter');
    await expect(r.answer).resolves.toEqual(['Diagnostics territoriaux', 'Mon enquête']);
  });

  it('note: optional, returns the text typed', async () => {
    const r = await render(prompt((ctx) => askNote(undefined, ctx)), {});
    expect(plain(r.getScreen())).toContain('Précisions à apporter ? (facultatif, Entrée pour passer)');
    r.events.type('Partagé avec la communauté de communes');
    r.events.keypress('enter');
    await expect(r.answer).resolves.toBe('Partagé avec la communauté de communes');
  });

  it('resume or restart: says how many answers, where « reprendre » leads, and that the old file is kept', async () => {
    const r = await render(
      prompt((ctx) => askResumeOrRestart({ answered: 3, total: 7, nextQuestion: 'Qui compose le consortium ?', backupName: 'r.2026-11-26T10-00-00.bak.yaml' }, ctx)),
      {},
    );
    expect(plain(r.getScreen())).toContain("Reprendre là où je m'étais arrêté (3/7 réponses)");
    expect(plain(r.getScreen())).toContain('Prochaine question : Qui compose le consortium ?');
    r.events.keypress('down');
    r.events.keypress('down');
    await r.nextRender();
    expect(plain(r.getScreen())).toContain("L'ancien fichier est gardé en copie : r.2026-11-26T10-00-00.bak.yaml");
    r.events.keypress('enter');
    await expect(r.answer).resolves.toBe('restart');
  });
});

describe('text from a grid never drives the terminal', () => {
  it('question, examples and choice labels are shown without their escape sequences', async () => {
    const q = hostile.byId.get('piege.q1')!;
    const block = formatQuestion(q);
    expect(block).toContain('Question ROUGE et effacée ?');
    expect(block).toContain('Exemple clignotant');
    expect(block).not.toMatch(/\u001b\[(?:31|5|2J)/);
    const r = await render(prompt((ctx) => askSingle(q, undefined, { canGoBack: false }, ctx)), {});
    expect(plain(r.getScreen())).toContain('Choix vers-le-haut');
    expect(r.getScreen({ raw: true })).not.toContain('\u001b[1Avers');
    r.events.keypress('enter');
    await expect(r.answer).resolves.toEqual({ kind: 'answer', value: 'oui' });
  });
});
