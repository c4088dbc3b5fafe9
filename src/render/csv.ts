// The action plan as CSV text for LibreOffice Calc and Excel with French settings (see
// analysis/action-plan.ts for the rows and why this format).
import { stringify } from 'csv-stringify/sync';
import { ACTION_PLAN_COLUMNS, actionPlanRows } from '../analysis/action-plan.js';
import type { ReportData } from '../analysis/report.js';
import { stripControlKeepLines } from '../text/escape.js';

/** Text for a cell: no control characters (line breaks kept), no leading formula character. */
export function safeCell(text: string): string {
  const clean = stripControlKeepLines(text).trim();
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** The action plan as CSV text: BOM, header row, `;`, CRLF (see the header comment). */
export function renderActionPlanCsv(data: ReportData): string {
  const rows = actionPlanRows(data).map((row) => ACTION_PLAN_COLUMNS.map((c) => safeCell(row[c])));
  return stringify([[...ACTION_PLAN_COLUMNS], ...rows], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}
