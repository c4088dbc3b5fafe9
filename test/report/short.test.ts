// Short by default, complete on demand: the default report is what a person reads in five minutes
// (about two A4 pages), `--full` adds the rest and drops nothing, JSON always carries everything.
// Measured on the shipped examples, through the command a person types.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';

/** Words as a word counter counts them: runs of letters or digits (« d'appui », « Hauts-de-France » count once). */
function words(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** The lines of the short report that the full one must hold too (the pointers to --full aside). */
function sharedLines(short: string): string[] {
  return short.split('\n').filter((l) => l.trim() !== '' && !l.includes('--full'));
}

async function md(args: string[]): Promise<string> {
  const r = await runInProcess(['report', ...args]);
  expect(r.code).toBe(0);
  return r.stdout;
}

const EXAMPLES = ['examples/projet-emergent.yaml', 'examples/projet-structure.yaml'];

describe('the default report: about two A4 pages', () => {
  it('examples/projet-emergent.yaml: at most 1,200 words of Markdown', async () => {
    const short = await md(['examples/projet-emergent.yaml']);
    expect(words(short)).toBeLessThanOrEqual(1200);
    // the full one is several times longer: the budget is not met by dropping the substance
    expect(words(await md(['examples/projet-emergent.yaml', '--full']))).toBeGreaterThan(3 * words(short));
  });

  for (const file of EXAMPLES) {
    it(`${file}: header, synthesis, phase hint, six actions with Pourquoi and Comment, points to check, calls that fit`, async () => {
      const short = await md([file]);
      expect(words(short)).toBeLessThanOrEqual(1200);
      expect(short).toMatch(/^# Rapport de préparation PTCE : /);
      expect(short).toContain('- **Avancement du diagnostic :**');
      expect(short).toContain('## Synthèse');
      expect(short).toMatch(/\| 1\. Objectifs et vision stratégique \| [█░]{10} \d+\/100 \|/);
      expect(short).toContain("### Phase d'accompagnement (repère ACTE)");
      const actions = short.split('\n').filter((l) => /^### \d+\. /.test(l));
      expect(actions.map((l) => Number(/^### (\d+)\./.exec(l)![1]))).toEqual([1, 2, 3, 4, 5, 6]);
      expect(short.match(/^- \*\*Pourquoi \?\*\* /gm)).toHaveLength(6);
      expect(short.match(/^- \*\*Comment \?\*\* /gm)).toHaveLength(6);
      expect(short).not.toContain("D'où vient cette action");
      expect(short).toContain('## Appels et dispositifs');
      expect(short).toContain('--full');
      for (const part of ['Annexe : autres actions', '## Points de vigilance', '## Détail par entrée', '## Vers le dossier de candidature', '**Calcul des repères.**']) {
        expect(short).not.toContain(part);
      }
    });

    it(`${file}: --full holds every line of the short report, and the rest`, async () => {
      const short = await md([file]);
      const full = await md([file, '--full']);
      const fullLines = new Set(full.split('\n'));
      const missing = sharedLines(short).filter((l) => !fullLines.has(l));
      expect(missing).toEqual([]);
      for (const part of ['### Annexe : autres actions', '## Points de vigilance', '## Détail par entrée', '## Vers le dossier de candidature', '**Calcul des repères.**', "D'où vient cette action"]) {
        expect(full).toContain(part);
      }
    });
  }

  it('the emerging project keeps its « Je ne sais pas » as points to check', async () => {
    const short = await md(['examples/projet-emergent.yaml']);
    expect(short).toContain('### Questions à éclaircir');
    expect(short).toContain('- **5.4 Une personne référente du dossier est-elle identifiée');
  });

  it('JSON carries everything, with or without --full', async () => {
    const json = await md(['examples/projet-emergent.yaml', '--format', 'json']);
    expect(await md(['examples/projet-emergent.yaml', '--format', 'json', '--full'])).toBe(json);
    const data = JSON.parse(json);
    expect(data.gaps.length).toBeGreaterThan(6);
    expect(data.gaps.filter((g: { annex: boolean }) => g.annex).length).toBe(data.gaps.length - 6);
    expect(data.dossier.length).toBeGreaterThan(0);
    expect(data.entries[0].questions[0]).toHaveProperty('hint');
  });

  it('the HTML page: short by default (radar kept), complete with --full', async () => {
    const short = await md(['examples/projet-emergent.yaml', '--format', 'html']);
    const full = await md(['examples/projet-emergent.yaml', '--format', 'html', '--full']);
    expect(short).toContain('<svg');
    expect(short).toContain('id="ecarts"');
    expect(short).not.toContain('id="detail"');
    expect(short).not.toContain('id="dossier"');
    expect(full).toContain('id="detail"');
    expect(full).toContain('id="dossier"');
    expect(full.length).toBeGreaterThan(2 * short.length);
  });
});

describe('the workshop synthesis: about three pages by default', () => {
  it('examples/atelier: leads with the questions to discuss, at most 2,000 words', async () => {
    const short = await md(['examples/atelier']);
    const h2 = short.split('\n').filter((l) => l.startsWith('## '));
    expect(h2[0]).toBe('## Questions à discuter en premier');
    expect(words(short)).toBeLessThanOrEqual(2000);
    expect(short).toContain('Précisions : ');
    expect(short).not.toContain('## Détail par entrée');
    expect(short.match(/^### \d+\. (?!Question )/gm)).toHaveLength(6);
  });

  it('examples/atelier --full holds every line of the short synthesis, and the detail of each answer', async () => {
    const short = await md(['examples/atelier']);
    const full = await md(['examples/atelier', '--full']);
    const fullLines = new Set(full.split('\n'));
    expect(sharedLines(short).filter((l) => !fullLines.has(l))).toEqual([]);
    expect(full).toContain('## Détail par entrée');
    expect(words(full)).toBeGreaterThan(3 * words(short));
  });
});
