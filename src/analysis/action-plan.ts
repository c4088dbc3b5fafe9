// The action plan (`cap-ptce report … --format csv`): one row per action, for a team to share out
// in a spreadsheet. Pure: report data in, CSV text out.
//
// Rows, in this order: the gaps (blocking findings, then questions, as the report ranks them);
// for a workshop synthesis, the questions to discuss (divergences, most divergent first); then the
// questions to clarify (« Je ne sais pas »). « Responsable », « Échéance » and « Statut » are left
// empty for the team.
//
// Format, for LibreOffice Calc and Excel with French settings: UTF-8 with a byte order mark (Excel
// reads UTF-8 only with it), `;` as separator (Excel in French splits on `;`), CRLF line ends.
// Quoting is csv-stringify's (RFC 4180), plus: every field holding a line break is quoted, whatever
// the line break (csv-stringify quotes only the record delimiter). A field that a spreadsheet would
// read as a formula (starting with = + - @ or a tab) gets a leading apostrophe, as OWASP advises
// against CSV injection: grids and answers are user files.
import type { ActionReport, ReportData } from './report.js';
import type { WorkshopData } from './workshop.js';

export const ACTION_PLAN_COLUMNS = [
  'Entrée',
  'Question',
  'Action',
  'Pourquoi',
  'Comment',
  'Priorité',
  'Section du dossier AMI',
  'Responsable',
  'Échéance',
  'Statut',
] as const;

export type ActionPlanRow = Record<(typeof ACTION_PLAN_COLUMNS)[number], string>;


function isWorkshop(data: ReportData): data is WorkshopData {
  return data.kind === 'workshop';
}

function gapRow(g: ActionReport): ActionPlanRow {
  return {
    Entrée: g.entryTitle ?? 'Points de vigilance',
    Question: g.question ? `${g.questionNumber} ${g.questionText}` : '',
    Action: g.advice.title,
    Pourquoi: g.advice.why,
    Comment: g.advice.how,
    Priorité: String(g.priority),
    'Section du dossier AMI': g.dossier.join(' ; '),
    Responsable: '',
    Échéance: '',
    Statut: '',
  };
}

/** The rows of the action plan, in order (see the header comment). */
export function actionPlanRows(data: ReportData): ActionPlanRow[] {
  const rows: ActionPlanRow[] = data.gaps.map(gapRow);
  const questions = new Map(data.entries.flatMap((e) => e.questions).map((q) => [q.id, q]));
  if (isWorkshop(data)) {
    for (const q of data.workshop.divergences) {
      const answers = q.answers
        .filter((a) => a.status !== 'hidden')
        .map((a) => `${a.respondent} : ${a.label ?? 'pas de réponse'}${a.note ? ` (${a.note})` : ''}`)
        .join('\n');
      rows.push({
        Entrée: q.entryTitle,
        Question: `${q.number} ${q.text}`,
        Action: `Confronter les points de vue sur la question ${q.number}`,
        Pourquoi: q.reason ?? '',
        Comment: `Chaque personne explique sa réponse, puis le groupe s'accorde sur ce qui est fait et ce qui reste à faire.\n${answers}`,
        Priorité: 'À discuter',
        'Section du dossier AMI': (questions.get(q.id)?.dossier ?? []).join(' ; '),
        Responsable: '',
        Échéance: '',
        Statut: '',
      });
    }
  }
  for (const c of data.clarify) {
    const q = questions.get(c.question);
    const who = isWorkshop(data) ? "Personne n'a pu répondre sur l'échelle (« Je ne sais pas »)" : 'Réponse « Je ne sais pas »';
    const notes = isWorkshop(data)
      ? (q?.responses ?? []).filter((r) => r.note).map((r) => `${r.respondent} : ${r.note}`).join('\n')
      : c.note;
    rows.push({
      Entrée: c.entryTitle,
      Question: `${c.number} ${c.text}`,
      Action: `Éclaircir la question ${c.number}`,
      Pourquoi: `${who} : ce n'est pas un écart, mais un point à vérifier avec les partenaires.${notes ? `\nPrécisions : ${notes}` : ''}`,
      Comment: c.hint ?? 'Posez la question aux partenaires concernés et notez la réponse dans le fichier de réponses.',
      Priorité: 'À éclaircir',
      'Section du dossier AMI': (q?.dossier ?? []).join(' ; '),
      Responsable: '',
      Échéance: '',
      Statut: '',
    });
  }
  return rows;
}

