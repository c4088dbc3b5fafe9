// The screen at the end of `diagnose`: where the project stands (overall, per entrée, ACTE stage),
// the three next steps, and where the files are. Short on purpose: the complete report is in the
// file; `cap-ptce report` shows the short one again. French typography, wrapped at the width.
// Pure: the report data in, the text out.
import { nextSteps } from '../analysis/report/actions.js';
import type { ReportData } from '../analysis/report/types.js';
import { stripControl } from '../text/escape.js';
import { wrapTerminal } from '../text/terminal-text.js';
import { frenchProse } from '../text/typography.js';

export interface EndScreenOptions {
  /** The answers file and the report written, as the person would type them. */
  answers: string;
  report: string;
  columns: number;
  color: boolean;
}

const NUMBERS = ['', 'La prochaine étape', 'Les deux prochaines étapes', 'Les trois prochaines étapes'];

export function renderEndScreen(data: ReportData, options: EndScreenOptions): string {
  const bold = (s: string): string => (options.color ? `\u001b[1m${s}\u001b[22m` : s);
  const say = (s: string): string => frenchProse(stripControl(s));
  const lines: string[] = [''];

  lines.push(bold(`━━ ${say(`Où en est ${data.title}`)} ━━`));
  if (data.overall.level) lines.push(say(`Niveau de préparation : ${data.overall.level.label}, repère global ${data.overall.scoreLabel}.`));
  else lines.push(say("Pas encore de repère global : aucune question de l'échelle n'a reçu de réponse."));
  for (const e of data.entries) {
    const level = e.level ? ` (${e.level.label})` : '';
    lines.push(`  ${say(`${e.number}. ${e.title} : ${e.scoreLabel}${level}`)}`);
  }
  if (data.stage) lines.push(say(`Phase d'accompagnement (repère ACTE) : ${data.stage.label}.`));

  const steps = nextSteps(data, 3);
  if (steps.length > 0) {
    lines.push('', bold(`━━ ${NUMBERS[steps.length]} ━━`));
    steps.forEach((s, i) => lines.push(`  ${i + 1}. ${say(s)}`));
  }

  // Paths and commands as they are typed: no typography inside them.
  lines.push('', `${say('Réponses :')} ${options.answers}`, `${say('Rapport complet :')} ${options.report}`);
  lines.push(`${say('Pour revoir le rapport court :')} npx cap-ptce report ${shellWord(options.answers)}`);
  return `${wrapTerminal(lines.join('\n'), options.columns)}\n`;
}

/** A path as a shell word: quoted when it holds anything but safe characters. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
