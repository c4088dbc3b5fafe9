// `cap-ptce compare`: two diagnoses of one project a year apart. The fixtures use a small grid
// whose version 1.1.0 renames « vision.enjeux » into « vision.constats » (replaces) and adds
// « financement.mecenat »; expected deltas computed by hand (scale 0..3, scores out of 100).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCompare } from '../../src/analysis/compare.js';
import { renderTemplateMarkdown } from '../../src/render/markdown.js';
import { loadAnswers, loadGrid } from '../../src/io/load.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { plain, runInProcess } from '../helpers.js';
import { markdownlint } from '../report/helpers.js';
import { FIXTURES, NOW, ROOT, tempDir } from './helpers.js';

const grid11 = loadGrid(join(FIXTURES, 'grille-v1.1.yaml'), '2026-11-26');
const grid10 = loadGrid(join(FIXTURES, 'grille-v1.yaml'), '2026-11-26');
const file = (name: string, grid = grid11) => ({ source: `${name}.yaml`, answers: loadAnswers(join(FIXTURES, `${name}.yaml`), grid.index).answers });
const data = buildCompare(grid11.index, file('avant'), file('apres'), { now: NOW });
const md = plain(renderTemplateMarkdown(data, packagedTemplate('compare.md.hbs')));

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('compare: scores before, after, delta', () => {
  it('per entrée and overall, as computed by hand', () => {
    expect(data.entries.map((e) => [e.id, e.before, e.after, e.delta])).toEqual([
      // enjeux→constats en-reflexion 1/3 → acquis 3/3, axes engage 2/3 both times: 50 → 83
      ['vision', 50, 83, 33],
      // typologie acquis → engage: 100 → 67
      ['acteurs', 100, 67, -33],
      // budget pas-aborde 0 → en-reflexion 1/3; mecenat (new question) engage 2/3: 0 → 50
      ['financement', 0, 50, 50],
    ]);
    // (50 + 100 + 0) / 3 = 50 → (83 + 67 + 50) / 3 = 66.7 → 67
    expect(data.overall).toMatchObject({ before: 50, after: 67, delta: 17 });
    expect(data.entries.map((e) => e.deltaLabel)).toEqual(['+33', '−33', '+50']);
  });

  it('names the stage before and after', () => {
    expect(data.stage).toMatchObject({ before: { label: 'Émergence', reached: true }, after: { label: 'Structuration', reached: true }, changed: true, direction: 'up' });
  });

  it('lists gaps closed and new gaps', () => {
    expect(data.gapsClosed.map((g) => [g.question, g.before, g.after])).toEqual([['vision.constats', 'En réflexion', 'Acquis, formalisé']]);
    expect(data.newGaps.map((g) => [g.question, g.before, g.after])).toEqual([
      ['acteurs.typologie', 'Acquis, formalisé', 'Engagé, en cours'],
      ['financement.mecenat', null, 'Engagé, en cours'],
    ]);
    expect(data.gapsKept).toBe(2); // axes, budget
    expect(data.gapsNotAssessed).toEqual([]);
  });

  it('lists the answers changed, with both notes side by side', () => {
    expect(data.answersChanged.map((c) => [c.question, c.before.label, c.after.label, c.changeLabel])).toEqual([
      ['vision.constats', 'En réflexion', 'Acquis, formalisé', '+2 crans'],
      ['acteurs.nombre', '2 personnes morales', '4 personnes morales', 'autre réponse'],
      ['acteurs.typologie', 'Acquis, formalisé', 'Engagé, en cours', "recul d'un cran"],
      ['financement.budget', 'Pas encore abordé', 'En réflexion', '+1 cran'],
    ]);
    expect(md).toContain(
      "| 1.1 Les constats sont-ils partagés ? | **En réflexion** — Des constats à l'oral seulement. | **Acquis, formalisé** — Diagnostic écrit et présenté en assemblée en mars. | +2 crans |",
    );
  });
});

describe('compare: different grid versions, nothing dropped silently', () => {
  it('carries the renamed question over (replaces) and says so', () => {
    expect(data.versionsDiffer).toBe(true);
    expect(data.renamed).toEqual([{ side: 'before', from: 'vision.enjeux', to: 'vision.constats', number: '1.1', text: 'Les constats sont-ils partagés ?' }]);
    expect(md).toContain('- Avant : vision.enjeux → vision.constats (question 1.1, « Les constats sont-ils partagés ? »)');
  });

  it('lists a question answered in one file only, and an answer out of the grid', () => {
    expect(data.onlyAfter.map((q) => [q.question, q.label])).toEqual([['financement.mecenat', 'Engagé, en cours']]);
    expect(data.onlyBefore).toEqual([]);
    expect(data.unmatched.before).toEqual([{ key: 'acteurs.ancienne-question', value: 'oui' }]);
    expect(md).toContain('## Réponses présentes seulement après\n\n- **3.2 Des entreprises contribuent-elles ?** — Engagé, en cours');
    expect(md).toContain('## Réponses hors grille (avant)');
  });

  it('read with the older grid, the newer ids are listed out of the grid, not lost', () => {
    const old = buildCompare(grid10.index, file('avant', grid10), file('apres', grid10), { now: NOW });
    expect(old.unmatched.after.map((u) => u.key)).toEqual(['vision.constats', 'financement.mecenat']);
    expect(old.onlyBefore.map((q) => q.question)).toEqual(['vision.enjeux']);
  });
});

describe('compare: Markdown and JSON', () => {
  it('passes markdownlint (fixtures and examples/suivi)', async () => {
    const suivi = await runInProcess(['compare', join(ROOT, 'examples/suivi/2025.yaml'), join(ROOT, 'examples/suivi/2026.yaml')]);
    expect(suivi.code).toBe(0);
    expect(await markdownlint({ 'evolution.md': md, 'suivi.md': suivi.stdout })).toEqual([]);
  });

  it('the CLI prints JSON with entries: [{ id, before, after, delta }]', async () => {
    const r = await runInProcess(['compare', join(FIXTURES, 'avant.yaml'), join(FIXTURES, 'apres.yaml'), '--grid', join(FIXTURES, 'grille-v1.1.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.format).toBe('cap-ptce/compare@1');
    expect(json.entries.map((e: { id: string; before: number; after: number; delta: number }) => ({ id: e.id, before: e.before, after: e.after, delta: e.delta }))).toEqual([
      { id: 'vision', before: 50, after: 83, delta: 33 },
      { id: 'acteurs', before: 100, after: 67, delta: -33 },
      { id: 'financement', before: 0, after: 50, delta: 50 },
    ]);
    expect(r.stderr).toContain('réponses faites avec la version 1.0.0');
    expect(r.stderr).toContain('Comparaison : repère global 50/100 → 67/100 (+17), 1 écart comblé, 1 recul, 1 réponse devenue visible (après « Je ne sais pas » ou sans réponse), 4 réponses modifiées.');
  });

  it('examples/suivi: a year of progress, the stage moves on', async () => {
    const r = await runInProcess(['compare', join(ROOT, 'examples/suivi/2025.yaml'), join(ROOT, 'examples/suivi/2026.yaml'), '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.overall).toMatchObject({ before: 33, after: 57, delta: 24 });
    expect(json.stage.before.label).toBe('Émergence');
    expect(json.stage.after.label).toBe('Structuration');
    expect(json.gapsClosed.map((g: { rule: string | null; question: string | null }) => g.rule ?? g.question)).toContain('composition-sans-entreprise-hors-ess');
    expect(json.newGaps.map((g: { question: string }) => g.question)).toEqual(['financement.perennite', 'structure-porteuse.statuts', 'financement.participation-collectivites']);
  });

  it('writes with --out, marked, and warns when the order looks reversed', async () => {
    const out = join(dir, 'evolution.md');
    const r = await runInProcess(['compare', join(ROOT, 'examples/suivi/2026.yaml'), join(ROOT, 'examples/suivi/2025.yaml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("l'ordre est peut-être inversé");
    expect(readFileSync(out, 'utf8')).toMatch(/^<!-- cap-ptce:report answers=\S+2026\.yaml,\S+2025\.yaml -->\n/);
    // the same comparison again may replace it; another file is not overwritten
    expect((await runInProcess(['compare', join(ROOT, 'examples/suivi/2026.yaml'), join(ROOT, 'examples/suivi/2025.yaml'), '--out', out])).code).toBe(0);
    const other = await runInProcess(['compare', join(FIXTURES, 'avant.yaml'), join(FIXTURES, 'apres.yaml'), '--grid', join(FIXTURES, 'grille-v1.1.yaml'), '--out', out]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("a été écrit par cap-ptce pour d'autres réponses");
    expect(plain(readFileSync(out, 'utf8'))).toContain('# Évolution du projet PTCE : Bocage en commun');
  });

  it('notes side by side cannot break the table', () => {
    const before = file('avant');
    before.answers = { ...before.answers, answers: { ...before.answers.answers, 'vision.axes': { value: 'en-reflexion', note: 'a | b\n# titre <b>gras</b>' } } };
    const hostile = plain(renderTemplateMarkdown(buildCompare(grid11.index, before, file('apres'), { now: NOW }), packagedTemplate('compare.md.hbs')));
    const row = hostile.split('\n').find((l) => l.startsWith('| 1.2 '))!;
    expect(row).toBe('| 1.2 Des axes sont-ils identifiés ? | **En réflexion** — a \\| b # titre &lt;b&gt;gras&lt;/b&gt; | **Engagé, en cours** | +1 cran |');
  });
});
