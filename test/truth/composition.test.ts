// A consortium built from the categories of the law (loi ESS art. 9) and of the décret
// (n° 2015-431 art. 3): what the report finds, how it says it, and which sentence it quotes.
import { describe, expect, it } from 'vitest';
import type { FindingReport } from '../../src/analysis/report.js';
import { answersFor, markdownOf, reportOn, verdictsIn } from './helpers.js';

const GATHER = "À réunir avant une demande de soutien de l'État";

function findingsOf(composition: string[], personnesMorales: number, forme = 'association'): FindingReport[] {
  return reportOn(
    answersFor({
      'acteurs.composition': { value: composition },
      'acteurs.personnes-morales': { value: personnesMorales },
      'structure-porteuse.forme': { value: forme },
    }),
  ).findings;
}

const compositionRules = (findings: FindingReport[]): string[] => findings.filter((f) => f.rule.startsWith('composition-')).map((f) => f.rule);

describe('a consortium of an ESS enterprise, a business and « toute autre personne morale »', () => {
  it('offers the law’s « autre personne physique ou morale » as an answer', async () => {
    const { defaultGrid } = await import('./helpers.js');
    const ref = defaultGrid().index.byId.get('acteurs.composition')!;
    expect(ref.choices.map((c) => c.label)).toContain('Autre personne physique ou morale : bailleur social, fondation, chambre consulaire, établissement public…');
    expect(ref.question.source?.quote).toContain('ou toute autre personne physique ou morale');
  });

  it('ESS + business + bailleur social gathers the composition the décret asks for', () => {
    const findings = findingsOf(['ess', 'hors-ess', 'autre-personne'], 3);
    expect(compositionRules(findings)).toEqual(['composition-reunie']);
    const reunie = findings.find((f) => f.rule === 'composition-reunie')!;
    expect(reunie.severityLabel).toBe('Déjà réuni');
    expect(reunie.source.url).toBe('https://www.legifrance.gouv.fr/loda/id/JORFTEXT000030487441');
    expect(reunie.source.quote).toContain('2° Il est constitué de trois personnes morales ou plus');
  });

  it('a grouping of enterprises mostly outside the ESS stands in for the business, as the décret allows', () => {
    expect(compositionRules(findingsOf(['ess', 'groupement-hors-ess', 'collectivite'], 4))).toEqual(['composition-reunie']);
  });

  it.each([
    ['ess', ['hors-ess', 'autre-personne'], 'composition-sans-ess', "dont au moins : une entreprise d'économie sociale et solidaire"],
    ['hors-ess', ['ess', 'autre-personne'], 'composition-sans-entreprise-hors-ess', 'ou un groupement d'],
    ['autre-personne', ['ess', 'hors-ess'], 'composition-sans-autre-acteur', 'ou toute autre personne physique ou morale'],
  ])('without %s: one finding to gather, worded for a request of State support, with its quoted source', (_missing, composition, rule, quoted) => {
    const findings = findingsOf(composition, 3);
    expect(compositionRules(findings)).toEqual([rule]);
    const f = findings.find((x) => x.rule === rule)!;
    expect(f.severity).toBe('blocking');
    expect(f.severityLabel).toBe(GATHER);
    expect(f.message).toContain("Pour répondre à un appel à projets de l'État");
    expect(f.source.quote).toContain(quoted);
    expect(verdictsIn(`${f.title} ${f.message} ${f.advice ?? ''} ${f.severityLabel}`)).toEqual([]);
  });

  it('inhabitants alone do not stand for the other legal person the décret counts', () => {
    expect(compositionRules(findingsOf(['ess', 'hors-ess', 'habitants'], 3))).toEqual(['composition-sans-autre-acteur']);
  });

  it('fewer than three legal persons: to gather, quoting the décret', () => {
    const findings = findingsOf(['ess', 'hors-ess', 'autre-personne'], 2);
    const f = findings.find((x) => x.rule === 'composition-moins-de-trois')!;
    expect(f.severityLabel).toBe(GATHER);
    expect(f.message).toContain('Une dynamique qui émerge peut commencer à moins');
    expect(f.source.quote).toContain('trois personnes morales ou plus');
    expect(compositionRules(findings)).not.toContain('composition-reunie');
  });

  it('a collectivité cannot be the private legal person that answers a State call (décret, 1°)', () => {
    const f = findingsOf(['ess', 'hors-ess', 'collectivite'], 3, 'collectivite-epci').find((x) => x.rule === 'porteuse-collectivite')!;
    expect(f.severityLabel).toBe(GATHER);
    expect(f.source.quote).toBe("1° C'est une personne morale de droit privé");
  });

  it('the report shows each finding with its quoted sentence, and the action as what to gather', () => {
    const md = markdownOf(reportOn(answersFor({ 'acteurs.composition': { value: ['ess', 'autre-personne'] }, 'acteurs.personnes-morales': { value: 3 } })));
    expect(md).toContain(`### ${GATHER} — Une entreprise hors ESS, ou un groupement d'entreprises majoritairement hors ESS`);
    expect(md).toContain(`${GATHER} : une entreprise hors ESS`);
    expect(md).toContain('« dont au moins une entreprise de l\'ESS, une entreprise dont les statuts ne relèvent pas de l\'ESS ou un groupement d\'entreprises');
    expect(verdictsIn(md)).toEqual([]);
  });
});
