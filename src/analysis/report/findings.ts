// What the grid's rules say about these answers (with their sources), and the programmes and
// calls that fit, dated against today. A programme with `shownWhen` (a scheme of one région) only
// appears when its condition holds; closed calls come after the current ones, as a dated timeline,
// and the grid's `programmeNotes` end the section (the last says where the current call is found).
import { closingDate, isPast, programmeStatus } from '../../model/calls.js';
import { evaluateCondition, type AnswerMap } from '../../model/conditions.js';
import type { GridIndex } from '../../model/grid-index.js';
import type { Severity } from '../../model/schema.js';
import { frenchDate } from '../../text/french.js';
import { sourceRef } from './answers.js';
import { SEVERITY_LABELS, type FindingReport, type ProgrammeReport, type Ref } from './types.js';

/** The programmes the report may show for these answers (a regional scheme only in its région). */
export function visibleProgrammeIds(index: GridIndex, answers: AnswerMap): Set<string> {
  return new Set(index.grid.programmes.filter((p) => p.shownWhen === undefined || evaluateCondition(p.shownWhen, answers, index)).map((p) => p.id));
}

/** The grid's closing lines of the calls section whose condition holds. */
export function buildProgrammeNotes(index: GridIndex, answers: AnswerMap): string[] {
  return index.grid.programmeNotes.filter((n) => n.when === undefined || evaluateCondition(n.when, answers, index)).map((n) => n.text);
}

/** The rules whose condition holds, most severe first. */
export function buildFindings(index: GridIndex, answers: AnswerMap): FindingReport[] {
  const grid = index.grid;
  const programmeRef = (id: string): Ref => {
    const p = grid.programmes.find((x) => x.id === id);
    return { id, label: p?.name ?? id };
  };
  const labels = { ...SEVERITY_LABELS, ...grid.severityLabels };
  const visible = visibleProgrammeIds(index, answers);
  const severityOrder: Severity[] = ['blocking', 'warning', 'info', 'ok'];
  return grid.rules
    .filter((rule) => evaluateCondition(rule.when, answers, index))
    .map((rule) => ({
      rule: rule.id,
      title: rule.title,
      severity: rule.severity,
      severityLabel: labels[rule.severity],
      message: rule.message,
      advice: rule.advice ?? null,
      source: sourceRef(rule.source),
      programmes: (rule.programmes ?? []).filter((id) => visible.has(id)).map(programmeRef),
      dossier: rule.dossier ?? null,
    }))
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
}

/** Every programme of the grid: status on `today`, whether it fits, what to check; fitting and open first. */
export function buildProgrammes(index: GridIndex, answers: AnswerMap, today: string): ProgrammeReport[] {
  const grid = index.grid;
  const stageLabel = (id: string): Ref => ({ id, label: grid.stages.find((s) => s.id === id)?.label ?? id });
  const visible = visibleProgrammeIds(index, answers);
  const programmes: ProgrammeReport[] = grid.programmes.filter((p) => visible.has(p.id)).map((p) => {
    const status = programmeStatus(p, today);
    const fits = p.fits === undefined ? null : evaluateCondition(p.fits, answers, index);
    const advice: string[] = [];
    const closing = closingDate(p);
    if (status === 'closed') {
      const when = p.closes
        ? ` : le dépôt était possible jusqu'${p.closes.length === 7 ? 'en' : 'au'} ${frenchDate(p.closes)}`
        : closing
          ? ` (au plus tard ${closing.length === 7 ? 'en' : 'le'} ${frenchDate(closing)})`
          : '';
      advice.push(`Cet appel est clos${when}. Il n'est plus le cadre d'une candidature : il sert de repère sur ce que l'État a demandé.`);
    } else if (p.source?.year !== undefined && p.source.year < Number(today.slice(0, 4))) {
      advice.push(`Informations datant de ${p.source.year} : vérifiez les conditions en vigueur auprès de l'organisme avant de déposer une demande.`);
    }
    if (status === 'upcoming') advice.push(`Ouverture prévue le ${frenchDate(p.opens!)}.`);
    const fitsLabel =
      fits === null
        ? "À vérifier avec l'organisme"
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
      closesText: p.closes ? `dépôt jusqu'${p.closes.length === 7 ? 'en' : 'au'} ${frenchDate(p.closes)}` : null,
      calendar: (p.calendar ?? []).map((c) => ({ date: c.date, dateLabel: frenchDate(c.date), label: c.label, past: isPast(c.date, today) })),
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
  // Current calls and schemes first (those that fit first); closed calls after, oldest first.
  const fitOrder = (p: ProgrammeReport): number => (p.closed ? 3 : p.fits === true ? 0 : p.fits === null ? 1 : 2);
  const firstDate = (p: ProgrammeReport): string => p.opens ?? p.calendar[0]?.date ?? p.closes ?? '';
  // ISO dates sort as plain strings; localeCompare would load ICU's collator (≈ 12 ms at start-up).
  const compareIso = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  programmes.sort((a, b) => fitOrder(a) - fitOrder(b) || (a.closed && b.closed ? compareIso(firstDate(a), firstDate(b)) : 0));
  return programmes;
}
