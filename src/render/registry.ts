// Every document cap-ptce produces, in every format it offers: which packaged templates its
// renderer reads, the renderer, where it goes on a terminal without --out, and how the messages
// name it. Commands look documents up here instead of choosing renderers and paths themselves;
// io/emit.ts applies the output policy to what they render.
import type { CompareData } from '../analysis/compare.js';
import type { FormData } from '../analysis/form.js';
import type { ReportData } from '../analysis/report.js';
import type { WorksheetData } from '../analysis/worksheet.js';
import type { WorkshopData } from '../analysis/workshop.js';
import { renderWorksheetMarkdown, WORKSHEET_TEMPLATE } from '../analysis/worksheet.js';
import { renderActionPlanCsv } from './csv.js';
import { FORM_HTML_TEMPLATE, FORM_SCRIPT, FORM_STYLE, renderFormHtml } from './form.js';
import { COMPARE_HTML_TEMPLATE, compareHtmlInput, renderCompareHtml } from './html-compare.js';
import { HTML_STYLE, REPORT_HTML_TEMPLATE, renderReportHtml, renderWorksheetHtml, WORKSHEET_HTML_TEMPLATE } from './html.js';
import { renderCompareJson, renderReportJson, renderWorkshopJson } from './json.js';
import { DEFAULT_TEMPLATE, renderReportMarkdown, renderTemplateMarkdown } from './markdown.js';

export const WORKSHOP_TEMPLATE = 'workshop.md.hbs';
export const COMPARE_TEMPLATE = 'compare.md.hbs';

/** One document in one format. */
export interface DocumentFormat<D> {
  /** Packaged templates the renderer reads, in the order `render` takes their sources. */
  templates: readonly string[];
  /** Pure: the data and the templates' sources in, the document out; `full`: the complete report (--full) rather than the short one. */
  render(data: D, sources: readonly string[], templateName?: string, options?: { full?: boolean }): string;
  /** Where it goes on a terminal without --out (see io/emit.ts); null: shown on the terminal (md) or printed (json). */
  defaultPath: string | null;
  /** How messages name it, and whether that word is feminine (« écrite »). */
  noun: string;
  feminine: boolean;
  /** Derived from answers files: written with cap-ptce's marker, so that a re-run for the same answers may update it. */
  marked: boolean;
  /** Said after the file is written. */
  afterWrite?: string;
  /** Why an existing file is kept (unmarked documents). */
  keepReason?: string;
}

const PAGE_NOTE = 'Ouvrez-la dans un navigateur pour la projeter ou l’imprimer (A4).';
const PLAN_NOTE = "Il s'ouvre dans LibreOffice Calc ou Excel.";
const PLAN_KEPT = "l'équipe a peut-être rempli les colonnes Responsable, Échéance et Statut";

function actionPlan(): DocumentFormat<ReportData> {
  return {
    templates: [],
    render: (data) => renderActionPlanCsv(data),
    defaultPath: 'cap-ptce-plan-actions.csv',
    noun: "Plan d'action",
    feminine: false,
    marked: false,
    afterWrite: PLAN_NOTE,
    keepReason: PLAN_KEPT,
  };
}

export const DOCUMENTS = {
  report: {
    md: {
      templates: [DEFAULT_TEMPLATE],
      render: (data: ReportData, [t], name, options) => renderReportMarkdown(data, t!, name, options),
      defaultPath: 'cap-ptce-rapport.md',
      noun: 'Rapport',
      feminine: false,
      marked: true,
    },
    json: { templates: [], render: (data: ReportData) => renderReportJson(data), defaultPath: null, noun: 'Rapport', feminine: false, marked: true },
    html: {
      templates: [REPORT_HTML_TEMPLATE, HTML_STYLE],
      render: (data: ReportData, [t, s], _name, options) => renderReportHtml(data, t!, s!, options),
      defaultPath: 'cap-ptce-rapport.html',
      noun: 'Rapport',
      feminine: false,
      marked: true,
      afterWrite: 'Ouvrez-le dans un navigateur pour le projeter ou l’imprimer (A4).',
    },
    csv: actionPlan(),
  },
  workshop: {
    md: {
      templates: [WORKSHOP_TEMPLATE],
      render: (data: WorkshopData, [t], name, options) => renderReportMarkdown(data, t!, name, options),
      defaultPath: 'cap-ptce-synthese.md',
      noun: 'Synthèse',
      feminine: true,
      marked: true,
    },
    json: { templates: [], render: (data: WorkshopData) => renderWorkshopJson(data), defaultPath: null, noun: 'Synthèse', feminine: true, marked: true },
    html: {
      templates: [REPORT_HTML_TEMPLATE, HTML_STYLE],
      render: (data: WorkshopData, [t, s], _name, options) => renderReportHtml(data, t!, s!, options),
      defaultPath: 'cap-ptce-synthese.html',
      noun: 'Synthèse',
      feminine: true,
      marked: true,
      afterWrite: PAGE_NOTE,
    },
    csv: actionPlan(),
  },
  compare: {
    md: {
      templates: [COMPARE_TEMPLATE],
      render: (data: CompareData, [t]) => renderTemplateMarkdown(data, t!, COMPARE_TEMPLATE),
      defaultPath: null,
      noun: 'Comparaison',
      feminine: true,
      marked: true,
    },
    json: { templates: [], render: (data: CompareData) => renderCompareJson(data), defaultPath: null, noun: 'Comparaison', feminine: true, marked: true },
    html: {
      templates: [COMPARE_HTML_TEMPLATE, HTML_STYLE],
      render: (data: CompareData, [t, s]) => renderCompareHtml(compareHtmlInput(data), t!, s!),
      defaultPath: 'cap-ptce-comparaison.html',
      noun: 'Comparaison',
      feminine: true,
      marked: true,
      afterWrite: PAGE_NOTE,
    },
  },
  worksheet: {
    md: {
      templates: [WORKSHEET_TEMPLATE],
      render: (data: WorksheetData, [t]) => renderWorksheetMarkdown(data, t!),
      defaultPath: null,
      noun: 'Fiche',
      feminine: true,
      marked: false,
    },
    html: {
      templates: [WORKSHEET_HTML_TEMPLATE, HTML_STYLE],
      render: (data: WorksheetData, [t, s]) => renderWorksheetHtml(data, t!, s!),
      defaultPath: 'fiche-atelier.html',
      noun: 'Fiche',
      feminine: true,
      marked: false,
      afterWrite: 'Ouvrez-la dans un navigateur pour l’imprimer (A4).',
    },
  },
  form: {
    form: {
      templates: [FORM_HTML_TEMPLATE, FORM_STYLE, FORM_SCRIPT],
      render: (data: FormData, [t, s, js]) => renderFormHtml(data, t!, s!, js!),
      defaultPath: 'questionnaire.html',
      noun: 'Questionnaire',
      feminine: false,
      marked: false,
      afterWrite:
        'Envoyez ce fichier à chaque participant : il s’ouvre dans un navigateur, sans connexion. Chacun renvoie son fichier cap-ptce-reponses-NOM.yaml ; rangez-les dans un dossier, puis : npx cap-ptce report DOSSIER',
    },
  },
} satisfies {
  report: Record<'md' | 'json' | 'html' | 'csv', DocumentFormat<ReportData>>;
  workshop: Record<'md' | 'json' | 'html' | 'csv', DocumentFormat<WorkshopData>>;
  compare: Record<'md' | 'json' | 'html', DocumentFormat<CompareData>>;
  worksheet: Record<'md' | 'html', DocumentFormat<WorksheetData>>;
  form: Record<'form', DocumentFormat<FormData>>;
};

