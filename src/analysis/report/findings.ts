// What the grid's rules say about these answers (with their sources), and the programmes and
// calls that fit, dated against today.
import { evaluateCondition, type AnswerMap } from '../../model/conditions.js';
import type { GridIndex } from '../../model/grid-index.js';
import type { Severity } from '../../model/schema.js';
import { frenchDate } from '../../text/french.js';
import { sourceRef } from './answers.js';
import { SEVERITY_LABELS, type FindingReport, type ProgrammeReport, type ProgrammeStatus, type Ref } from './types.js';

function programmeStatus(p: { opens?: string; closes?: string; archive?: boolean }, today: string): ProgrammeStatus {
  if (p.archive || (p.closes && p.closes < today)) return 'closed';
  if (p.opens && p.opens > today) return 'upcoming';
  if (p.closes) return 'open';
  return 'ongoing';
}

/** The rules whose condition holds, most severe first. */
export function buildFindings(index: GridIndex, answers: AnswerMap): FindingReport[] {
  const grid = index.grid;
  const programmeRef = (id: string): Ref => {
    const p = grid.programmes.find((x) => x.id === id);
    return { id, label: p?.name ?? id };
  };
  const severityOrder: Severity[] = ['blocking', 'warning', 'info', 'ok'];
  return grid.rules
    .filter((rule) => evaluateCondition(rule.when, answers, index))
    .map((rule) => ({
      rule: rule.id,
      title: rule.title,
      severity: rule.severity,
      severityLabel: SEVERITY_LABELS[rule.severity],
      message: rule.message,
      advice: rule.advice ?? null,
      source: sourceRef(rule.source),
      programmes: (rule.programmes ?? []).map(programmeRef),
      dossier: rule.dossier ?? null,
    }))
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
}

/** Every programme of the grid: status on `today`, whether it fits, what to check; fitting and open first. */
export function buildProgrammes(index: GridIndex, answers: AnswerMap, today: string): ProgrammeReport[] {
  const grid = index.grid;
  const stageLabel = (id: string): Ref => ({ id, label: grid.stages.find((s) => s.id === id)?.label ?? id });
  const programmes: ProgrammeReport[] = grid.programmes.map((p) => {
    const status = programmeStatus(p, today);
    const fits = p.fits === undefined ? null : evaluateCondition(p.fits, answers, index);
    const advice: string[] = [];
    if (status === 'closed') {
      const since = p.closes ? ` depuis le ${frenchDate(p.closes)}` : '';
      advice.push(`Cet appel est clos${since} : vérifiez s'il existe un appel en cours (site de l'organisme, CRESS) avant de préparer un dossier.`);
    } else if (p.source.year !== undefined && p.source.year < Number(today.slice(0, 4))) {
      advice.push(`Informations datant de ${p.source.year} : vérifiez les conditions en vigueur auprès de l'organisme avant de déposer une demande.`);
    }
    if (status === 'upcoming') advice.push(`Ouverture prévue le ${frenchDate(p.opens!)}.`);
    const fitsLabel =
      fits === null
        ? 'À vérifier avec l’organisme'
        : fits
          ? status === 'closed'
            ? 'Correspondait à vos réponses'
            : 'Correspond à vos réponses'
          : 'Ne correspond pas encore à vos réponses';
    return {
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      description: p.description ?? null,
      source: sourceRef(p.source),
      status,
      statusLabel: { closed: 'Clos', open: 'Ouvert', upcoming: 'À venir', ongoing: 'Sans date limite annoncée' }[status],
      closed: status === 'closed',
      opens: p.opens ?? null,
      closes: p.closes ?? null,
      closesLabel: p.closes ? frenchDate(p.closes) : null,
      calendar: (p.calendar ?? []).map((c) => ({ date: c.date, dateLabel: frenchDate(c.date), label: c.label, past: c.date < today })),
      fits,
      fitsLabel,
      funding: (p.funding ?? [])
        .filter((f) => f.when === undefined || evaluateCondition(f.when, answers, index))
        .map((f) => ({ label: f.label, rate: f.rate ?? null })),
      eligibility: p.eligibility ?? [],
      beneficiaries: p.beneficiaries ?? [],
      stages: (p.stages ?? []).map(stageLabel),
      advice,
    };
  });
  const fitOrder = (p: ProgrammeReport): number => (p.fits === true ? 0 : p.fits === null ? 1 : 2) + (p.closed ? 3 : 0);
  programmes.sort((a, b) => fitOrder(a) - fitOrder(b));
  return programmes;
}
