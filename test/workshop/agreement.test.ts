// Workshop « points d'accord » separate shared strengths (everyone at the target) from shared gaps
// (everyone below it): through examples/atelier, in the Markdown synthesis, JSON and HTML.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, repoRoot } from '../helpers.js';

const files = ['claire', 'mehdi', 'sophie'].map((n) => join(repoRoot, 'examples/atelier', `${n}.yaml`));

function section(md: string, heading: string, level = '###'): string {
  const start = md.indexOf(`${level} ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + heading.length + level.length + 2);
  const end = rest.search(level === '##' ? /\n## / : /\n##/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe("workshop points d'accord", () => {
  it('Markdown: strengths and gaps under their own headings, never mixed', async () => {
    const r = await runInProcess(['report', ...files]);
    expect(r.code).toBe(0);
    const accord = section(r.stdout, "Points d'accord", '##');
    const strengths = section(accord, 'Forces partagées');
    const gaps = section(accord, 'Écarts partagés');
    expect(strengths).toContain('**4.1 Quel est le territoire couvert');
    expect(strengths).toContain('— Acquis, formalisé');
    expect(strengths).not.toMatch(/— (Pas encore abordé|En réflexion|Engagé, en cours)/);
    expect(gaps).toContain('**8.4 Les innovations de la dynamique sont-elles capitalisées et diffusées ?** — Pas encore abordé');
    expect(gaps).toContain('**7.3 La dynamique valorise-t-elle son impact durable sur le territoire ?** — En réflexion');
    expect(gaps).not.toContain('Acquis, formalisé');
    expect(gaps).toContain('en dessous du niveau visé');
    expect(section(accord, 'Autres réponses communes')).toContain('**8.2 ');
  });

  it('JSON: every point of agreement is in exactly one of the three lists', async () => {
    const r = await runInProcess(['report', ...files, '--format', 'json']);
    // the lists hold question ids; each question, with its answers, is once under workshop.questions
    const w = JSON.parse(r.stdout).workshop as Record<string, string[]> & { questions: { id: string; agreement: string }[] };
    const ids = (k: string): string[] => w[k]!;
    expect(ids('sharedStrengths')).toEqual(['perimetre.territoire']);
    expect(ids('sharedGaps')).toContain('innovation.diffusion');
    expect([...ids('sharedStrengths'), ...ids('sharedGaps'), ...ids('sharedOther')].sort()).toEqual(ids('consensus').sort());
    const agreement = new Map(w.questions.map((q) => [q.id, q.agreement]));
    expect(ids('sharedGaps').map((id) => agreement.get(id))).toEqual(ids('sharedGaps').map(() => 'gap'));
  });

  it('HTML: the same split', async () => {
    const r = await runInProcess(['report', ...files, '--format', 'html']);
    const html = r.stdout;
    const strengths = html.indexOf('<h4>Forces partagées</h4>');
    const gaps = html.indexOf('<h4>Écarts partagés</h4>');
    expect(strengths).toBeGreaterThan(0);
    expect(gaps).toBeGreaterThan(strengths);
    expect(html.slice(strengths, gaps)).toContain('4.1 Quel est le territoire couvert');
    expect(html.slice(strengths, gaps)).not.toContain('8.4 ');
    expect(html.slice(gaps, html.indexOf('</section>', gaps))).toContain('8.4 Les innovations');
  });
});
