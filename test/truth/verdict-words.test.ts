// « Des repères, pas des verdicts »: every output format, for every example and for random
// answers, is read as a person reads it, and none of the verdict words appears.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/analysis/report.js';
import { packagedTemplate } from '../../src/io/templates.js';
import type { AnswersFile } from '../../src/model/schema.js';
import { renderReportHtml } from '../../src/render/html.js';
import { renderActionPlanCsv } from '../../src/render/csv.js';
import { renderReportJson } from '../../src/render/json.js';
import { renderForTerminal } from '../../src/render/terminal.js';
import { repoRoot, runInProcess } from '../helpers.js';
import { answersFor, defaultGrid, markdownOf, reportOn, verdictsIn } from './helpers.js';

/** What a person reads in an HTML page: the text, not the tags, styles or class names. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

/** The strings of a JSON document (its values, not its keys): messages and labels. */
function jsonStrings(text: string): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(text));
  return out.join('\n');
}

const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

async function everyFormatOf(data: ReportData, terminal: boolean): Promise<Record<string, string>> {
  const md = markdownOf(data);
  const out: Record<string, string> = {
    md,
    json: jsonStrings(renderReportJson(data)),
    html: htmlText(renderReportHtml(data, packagedTemplate('report.html.hbs'), packagedTemplate('style.css'))),
    csv: renderActionPlanCsv(data),
  };
  if (terminal) out.terminal = stripAnsi(await renderForTerminal(md, 100, false));
  return out;
}

describe('the detector', () => {
  it('finds the words the previous reports used, and lets readiness wording through', () => {
    for (const judged of ['### Point bloquant — Moins de trois', 'Point conforme', 'Composition non conforme', 'un échec', 'Réussi', 'Insuffisant', 'Note : 12/20', 'note globale', 'Un dossier noté 14', '14/20']) {
      expect(verdictsIn(judged), judged).not.toEqual([]);
    }
    for (const fine of ["À réunir avant une demande de soutien de l'État", 'Point de vigilance', 'Repère', 'Déjà réuni', 'Vos précisions : notre collectif', 'Une gestion notable', 'Exemple : une note commune avec l’équipe du contrat de ville.']) {
      expect(verdictsIn(fine), fine).toEqual([]);
    }
  });
});

const examples = join(repoRoot, 'examples');
const singleFiles = ['projet-emergent.yaml', 'projet-structure.yaml', 'atelier/claire.yaml', 'atelier/mehdi.yaml', 'atelier/sophie.yaml', 'suivi/2025.yaml', 'suivi/2026.yaml'];

describe('no verdict word in any output of the examples', () => {
  it('lists every example answers file', () => {
    const found = [
      ...readdirSync(examples).filter((f) => f.endsWith('.yaml')),
      ...['atelier', 'suivi'].flatMap((d) => readdirSync(join(examples, d)).map((f) => `${d}/${f}`)),
    ].sort();
    expect(found).toEqual([...singleFiles].sort());
  });

  it.each(singleFiles)('report %s: md, json, html, csv and the terminal', async (file) => {
    const run = async (args: string[]): Promise<string> => {
      const r = await runInProcess(['report', join(examples, file), ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const md = await run(['--format', 'md']);
    const outputs: Record<string, string> = {
      md,
      json: jsonStrings(await run(['--format', 'json'])),
      html: htmlText(await run(['--format', 'html'])),
      csv: await run(['--format', 'csv']),
      // What `report` shows on a terminal: the same Markdown rendered for it.
      terminal: stripAnsi(await renderForTerminal(md, 100, false)),
    };
    for (const [format, text] of Object.entries(outputs)) {
      expect(text.length, format).toBeGreaterThan(500);
      expect(verdictsIn(text), `${file} en ${format}`).toEqual([]);
    }
  });

  it('the workshop synthesis of examples/atelier, in md, json and html', async () => {
    for (const format of ['md', 'json', 'html']) {
      const r = await runInProcess(['report', join(examples, 'atelier'), '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      const text = format === 'json' ? jsonStrings(r.stdout) : format === 'html' ? htmlText(r.stdout) : r.stdout;
      expect(verdictsIn(text), `atelier en ${format}`).toEqual([]);
    }
  });

  it('compare examples/suivi, in md, json and html', async () => {
    for (const format of ['md', 'json', 'html']) {
      const r = await runInProcess(['compare', join(examples, 'suivi/2025.yaml'), join(examples, 'suivi/2026.yaml'), '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      const text = format === 'json' ? jsonStrings(r.stdout) : format === 'html' ? htmlText(r.stdout) : r.stdout;
      expect(verdictsIn(text), `compare en ${format}`).toEqual([]);
    }
  });

  it('the worksheet of the grid, in md and html', async () => {
    for (const format of ['md', 'html']) {
      const r = await runInProcess(['grid', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(verdictsIn(format === 'html' ? htmlText(r.stdout) : r.stdout), `fiche en ${format}`).toEqual([]);
    }
  });
});

describe('no verdict word for random answers', () => {
  const { index } = defaultGrid();
  /** Random answers to the default grid: any choice, several choices, numbers, some left out. */
  const answers = fc.array(fc.nat(999), { minLength: index.questions.length, maxLength: index.questions.length }).map((picks) => {
    const out: AnswersFile['answers'] = {};
    index.questions.forEach((ref, i) => {
      const pick = picks[i]!;
      if (pick % 7 === 0) return; // unanswered
      const ids = ref.choices.map((c) => c.id);
      if (ref.question.type === 'multi') out[ref.fullId] = { value: ids.filter((_, k) => (pick >> k) & 1) };
      else if (ref.question.type === 'number') out[ref.fullId] = { value: pick % 9 };
      else if (ids.length > 0) out[ref.fullId] = { value: ids[pick % ids.length]! };
    });
    return out;
  });
  const territory = fc.constantFrom('Arras (62)', 'Mende (48)', 'Quartier Lille-Sud', 'Saint-Denis (974)', '');

  it('md, json, html and csv of the report (and the terminal for some)', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answers, territory, fc.constantFrom('2021-06-01', '2023-06-15', '2026-11-27'), async (a, t, date) => {
        const data = reportOn(answersFor(a, { name: 'Projet', territory: t }), date);
        const outputs = await everyFormatOf(data, runs++ % 5 === 0);
        for (const [format, text] of Object.entries(outputs)) expect(verdictsIn(text), format).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
