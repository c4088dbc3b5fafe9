// The calls as a dated timeline, read on a date in 2026, and the région: ACTE and its 60 % only
// in Hauts-de-France, one line pointing elsewhere to the Région and the CRESS.
import { describe, expect, it } from 'vitest';
import { answersFor, markdownOf, reportOn } from './helpers.js';

const CURRENT_CALL = "Pour trouver l'appel en cours : la CRESS de votre région, la cellule régionale d'animation des PTCE, et les pages PTCE du ministère de l'Économie (economie.gouv.fr).";
const rural = { 'perimetre.type-territoire': { value: ['zrr'] }, 'structure-porteuse.forme': { value: 'association' }, 'acteurs.composition': { value: ['ess'] } };

/** The « Appels et dispositifs » section of a Markdown report. */
function callsSection(md: string): string {
  const start = md.indexOf('## Appels et dispositifs');
  const end = md.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  return md.slice(start, end < 0 ? undefined : end);
}

describe('a report dated 27 November 2026', () => {
  const data = reportOn(answersFor(rural, { name: 'Coopérer en Lozère', territory: 'Mende (48)' }), '2026-11-27');
  const md = markdownOf(data);
  const calls = callsSection(md);

  it('shows the 2021 call as closed, and the later calls, closed too, in date order', () => {
    const national = data.programmes.filter((p) => p.id.startsWith('ami-'));
    expect(national.map((p) => [p.id, p.status])).toEqual([
      ['ami-ptce-emergents-2021', 'closed'],
      ['ami-ptce-phase-2-2022', 'closed'],
      ['ami-ptce-2023', 'closed'],
      ['ami-ptce-2025', 'closed'],
    ]);
    expect(calls).toContain('### AMI « PTCE émergents » (2021), phases 1 et 2');
    expect(calls).toContain("- **État :** Clos (dépôt jusqu'en mai 2023)");
    expect(calls).toContain('  - novembre 2021 : annonce des lauréats de la phase 2');
    expect(calls).toContain("### AMI PTCE 2023\n\n- **Porté par :** État (secrétariat d'État chargé de l'économie sociale et solidaire et de la vie associative)\n- **État :** Clos (dépôt jusqu'au 31 juillet 2023)");
    expect(calls).toContain('1,5 million d\'euros : 15 PTCE, 100 000 euros par structure sur deux ans');
    expect(calls).toContain('### AMI « Financer le développement des PTCE » (2025)');
    expect(calls).toContain('500 000 euros au total pour 8 PTCE lauréats');
    // a closed call is never presented as the frame of an application
    expect(calls).not.toMatch(/D'après vos réponses :.*(Correspond|Correspondait)/);
    expect(calls).toContain("Il n'est plus le cadre d'une candidature");
  });

  it('always ends the section with where to find the current call', () => {
    expect(data.programmeNotes.at(-1)).toBe(`Les appels de l'État changent chaque année. ${CURRENT_CALL}`);
    expect(calls.trimEnd().endsWith(CURRENT_CALL)).toBe(true);
  });

  it('derives the région from the territory, and gives no ACTE outside Hauts-de-France', () => {
    expect(data.project.region).toEqual({ id: 'occitanie', label: 'Occitanie', derivedFrom: 'Mende (48)' });
    expect(md).toContain('- **Région :** Occitanie (déduite du territoire indiqué)');
    expect(data.programmes.map((p) => p.id)).not.toContain('acte-hdf');
    expect(md).not.toContain('ACTE —');
    expect(md).not.toMatch(/60 ?%/);
    expect(data.findings.map((f) => f.rule)).not.toContain('territoire-acte-60');
    expect(calls).toContain('Les Régions ont leurs propres dispositifs (ACTE n\'existe qu\'en Hauts-de-France) : demandez à votre Région et à la CRESS de votre région');
    // the rural zoning still matters for the State's 2025 call
    expect(data.findings.map((f) => f.rule)).toContain('territoire-prioritaire-ami-2025');
  });

  it('an answered région wins over the territory, and an unknown région shows no ACTE either', () => {
    const answered = reportOn(answersFor({ ...rural, 'perimetre.region': { value: 'bretagne' } }, { territory: 'Arras (62)' }));
    expect(answered.project.region).toEqual({ id: 'bretagne', label: 'Bretagne', derivedFrom: null });
    expect(answered.programmes.map((p) => p.id)).not.toContain('acte-hdf');
    const unknown = reportOn(answersFor(rural, { territory: 'Communauté de communes du Pays de Bocage (42 communes)' }));
    expect(unknown.project.region).toBeNull();
    expect(unknown.programmes.map((p) => p.id)).not.toContain('acte-hdf');
  });
});

describe('a project in Hauts-de-France', () => {
  const data = reportOn(answersFor(rural, { territory: 'Pays du Ternois (62)' }), '2026-11-27');
  const md = markdownOf(data);

  it('gets ACTE with the seed’s wording: the subsidy « peut aller jusqu’à 60 % », never « porté à »', () => {
    const acte = data.programmes.find((p) => p.id === 'acte-hdf')!;
    expect(acte.funding.map((f) => f.rate)).toEqual([50, 60]);
    expect(md).toContain("peut aller jusqu'à 60 % pour les projets de coopération développés dans les territoires ruraux ou les quartiers prioritaires de la politique de la ville");
    expect(md).toContain('« Plafond à 60% pour les projets de coopération développés dans les territoires ruraux ou les quartiers prioritaires de la politique de la ville »');
    expect(md).not.toMatch(/porté à 60/);
    expect(md).not.toContain('Les Régions ont leurs propres dispositifs');
    expect(callsSection(md).trimEnd().endsWith(CURRENT_CALL)).toBe(true);
  });

  it('speaks of ACTE phases, not a ladder, and says the criteria are cap-ptce’s proposal', () => {
    expect(md).toContain("### Phase d'accompagnement (repère ACTE) :");
    expect(md).not.toMatch(/\d sur \d\)/);
    expect(md).toContain('Les critères qui situent vos réponses dans une phase sont une proposition de cap-ptce, pas ceux de la Région.');
  });
});

describe('the same grid read on an earlier date', () => {
  it('a call is closed relative to the report’s date, not for ever', () => {
    const before = reportOn(answersFor(rural, { territory: 'Lille (59)' }), '2023-06-15');
    const byId = new Map(before.programmes.map((p) => [p.id, p.status]));
    expect(byId.get('ami-ptce-2023')).toBe('open');
    expect(byId.get('ami-ptce-emergents-2021')).toBe('closed');
    expect(byId.get('ami-ptce-phase-2-2022')).toBe('closed');
    // what is open comes before the closed calls
    expect(before.programmes.findIndex((p) => p.id === 'ami-ptce-2023')).toBeLessThan(before.programmes.findIndex((p) => p.id === 'ami-ptce-emergents-2021'));
  });
});

describe('nothing the sources do not say', () => {
  it('the EPCI condition of ACTE always says « à fiscalité propre » and the phase; no « dispositif permanent », no co-issuer', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { repoRoot } = await import('../helpers.js');
    const text = readFileSync(join(repoRoot, 'questions/cap-ptce.yaml'), 'utf8');
    const mentions = [...text.matchAll(/[^\n]*15 000 habitants[^\n]*/g)].map((m) => m[0]);
    expect(mentions.length).toBeGreaterThan(0);
    for (const line of mentions) {
      expect(line).toMatch(/à fiscalité propre/);
      expect(line).toMatch(/phase d'impulsion et d'émergence/);
    }
    expect(text).not.toMatch(/dispositif (régional )?permanent/i);
    expect(text).not.toContain('SGAR Hauts-de-France"');
    expect(text).not.toContain('2021-11-30');
  });
});
