// `compare` tells a step back (a lower answer) apart from what has become visible (« Je ne sais
// pas » or no answer → an answer) and from what was closed, in Markdown, JSON and HTML.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-compare-causes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function answers(name: string, date: string, values: Record<string, string>): string {
  const lines = ['format: cap-ptce/answers@1', 'grid: { id: cap-ptce, version: 1.0.0 }', 'project: { name: "Val commun" }', `updatedAt: ${date}T10:00:00Z`, 'answers:'];
  for (const [q, v] of Object.entries(values)) lines.push(`  ${q}: { value: ${v} }`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

// One question steps back, one becomes visible from « Je ne sais pas », one from no answer, one is closed.
const before = answers('avant.yaml', '2025-11-20', {
  'gouvernance.formalisation': 'acquis',
  'financement.perennite': 'ne-sait-pas',
  'objectifs.constats': 'en-reflexion',
});
const after = answers('apres.yaml', '2026-11-20', {
  'gouvernance.formalisation': 'engage',
  'financement.perennite': 'pas-aborde',
  'objectifs.constats': 'acquis',
  'actions.indicateurs': 'en-reflexion',
});

describe('compare: step back, became visible, closed', () => {
  it('JSON: three lists, and the new gaps say where they come from', async () => {
    const r = await runInProcess(['compare', before, after, '--format', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.stepsBack.map((c: { question: string; changeLabel: string }) => [c.question, c.changeLabel])).toEqual([['gouvernance.formalisation', "recul d'un cran"]]);
    expect(data.becameVisible.map((v: { question: string; before: string | null; after: string }) => [v.question, v.before, v.after])).toEqual([
      ['financement.perennite', 'Je ne sais pas', 'Pas encore abordé'],
      ['actions.indicateurs', null, 'En réflexion'],
    ]);
    expect(data.gapsClosed.map((g: { question: string }) => g.question)).toEqual(['objectifs.constats']);
    const causes = Object.fromEntries(data.newGaps.map((g: { question: string; cause: string }) => [g.question, g.cause]));
    expect(causes).toEqual({ 'gouvernance.formalisation': 'step-back', 'financement.perennite': 'became-visible', 'actions.indicateurs': 'became-visible' });
    expect(r.stderr).toContain('1 écart comblé, 1 recul, 2 réponses devenues visibles (après « Je ne sais pas » ou sans réponse), 3 réponses modifiées');
  });

  it('Markdown: a step back is listed as such, what became visible is not called a step back', async () => {
    const r = await runInProcess(['compare', before, after]);
    const md = r.stdout;
    const section = (title: string): string => {
      const start = md.indexOf(`## ${title}\n`);
      expect(start, title).toBeGreaterThanOrEqual(0);
      return md.slice(start, md.indexOf('\n## ', start + 3));
    };
    expect(section('Reculs')).toContain("**3.2 La gouvernance est-elle formalisée ou non formalisée ?** : Acquis, formalisé → Engagé, en cours (recul d'un cran) ; action : Finaliser et faire vivre la gouvernance formalisée");
    expect(section('Reculs')).not.toContain('6.4');
    expect(section('Devenu visible')).toContain('**6.4 La démarche prépare-t-elle son autonomie financière à moyen terme ?** : Je ne sais pas → Pas encore abordé ; action : Se poser la question');
    expect(section('Devenu visible')).toContain('pas de réponse → En réflexion');
    expect(section('Devenu visible')).toContain("Ce n'est pas un recul");
    expect(section('Écarts comblés')).toContain('(question 1.1) : En réflexion → Acquis, formalisé');
    expect(section('Autres nouveaux écarts')).toContain('Aucun autre nouvel écart.');
    expect(md).toContain('- **Reculs** (réponse plus basse qu\'avant) **:** 1');
  });

  it('HTML: the same three sections', async () => {
    const r = await runInProcess(['compare', before, after, '--format', 'html']);
    const html = r.stdout;
    const at = (s: string): number => html.indexOf(s);
    expect(at('>Reculs</h2>')).toBeGreaterThan(0);
    expect(at('>Devenu visible</h2>')).toBeGreaterThan(at('>Reculs</h2>'));
    expect(html).toMatch(/<li>3\.2 La gouvernance est-elle formalisée ou non formalisée \? \(Acquis, formalisé → Engagé, en cours, recul d(’|&#x27;|')un cran\)/);
    expect(html).toMatch(/<li>6\.4 La démarche prépare-t-elle son autonomie financière à moyen terme \? \(Je ne sais pas → Pas encore abordé\)/);
    expect(html.slice(at('>Reculs</h2>'), at('>Devenu visible</h2>'))).not.toContain('6.4');
  });
});
