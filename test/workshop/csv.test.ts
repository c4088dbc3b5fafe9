// The action plan (`report … --format csv`) as LibreOffice Calc and Excel in French read it: UTF-8
// with a BOM, `;`, CRLF, quoting by csv-stringify. Parsed back with a strict RFC 4180 reader.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_PLAN_COLUMNS } from '../../src/analysis/action-plan.js';
import { renderActionPlanCsv, safeCell } from '../../src/render/csv.js';
import { buildReport } from '../../src/analysis/report.js';
import { runInProcess } from '../helpers.js';
import { answersFile, miniGrid } from '../report/helpers.js';
import { ATELIER, atelierSynthesis, NOW, parseCsv, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const BOM = '\uFEFF';

function rows(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const [header, ...body] = parseCsv(csv.slice(1));
  expect(header).toEqual([...ACTION_PLAN_COLUMNS]);
  for (const r of body) expect(r).toHaveLength(ACTION_PLAN_COLUMNS.length);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('action plan of the workshop (examples/atelier)', () => {
  const data = atelierSynthesis();
  const plan = rows(renderActionPlanCsv(data));

  it('has one row per action: gaps, then questions to discuss, then to clarify', () => {
    expect(plan).toHaveLength(data.gaps.length + data.workshop.divergences.length + data.clarify.length);
    expect(plan.slice(0, data.gaps.length).map((r) => r['Priorité'])).toEqual(data.gaps.map((g) => String(g.priority)));
    expect(plan.slice(data.gaps.length).map((r) => r['Priorité'])).toEqual(data.workshop.divergences.map(() => 'À discuter'));
    expect(plan[0]).toMatchObject({
      Entrée: 'Structure porteuse',
      Question: '5.3 La gouvernance du PTCE est-elle démocratique, avec la participation active des parties prenantes ?',
      Action: 'Définir qui décide et comment',
      'Section du dossier AMI': 'Mode de gouvernance ; Description de la structure porteuse dont les statuts',
      Responsable: '',
      Échéance: '',
      Statut: '',
    });
  });

  it('turns a divergence into a discussion with everyone’s answer and note', () => {
    const first = plan[data.gaps.length]!;
    expect(first.Action).toBe('Confronter les points de vue sur la question 7.2');
    expect(first.Pourquoi).toContain('3 crans d\'écart');
    expect(first.Comment).toContain('Mehdi Benali : Acquis, formalisé (Les indicateurs du contrat de territoire');
    expect(first.Comment!.split('\n')).toHaveLength(4); // the how, then one line per participant
  });

  it('keeps accents, uses `;` and CRLF between records', () => {
    const csv = renderActionPlanCsv(data);
    expect(csv.split('\r\n')[0]).toBe(`${BOM}Entrée;Question;Action;Pourquoi;Comment;Priorité;Section du dossier AMI;Responsable;Échéance;Statut`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(plan.some((r) => r.Entrée === 'Moyens financiers et financement prévisionnel')).toBe(true);
  });
});

describe('one answers file: a note with ; quotes and a line break round-trips', () => {
  const note = 'Voir « la CRESS » ; puis "le DLA"\nDeuxième ligne ; fin';
  const data = buildReport(miniGrid().index, [answersFile({ 'vision.axes': { value: 'ne-sait-pas', note }, 'financement.budget': { value: 'pas-aborde' } })], { now: NOW });
  const plan = rows(renderActionPlanCsv(data));

  it('puts the note of a question to clarify back exactly as written', () => {
    const clarify = plan.find((r) => r.Action === 'Éclaircir la question 1.2')!;
    expect(clarify.Priorité).toBe('À éclaircir');
    expect(clarify.Pourquoi).toBe(`Réponse « Je ne sais pas » : ce n'est pas un écart, mais un point à vérifier avec les partenaires.\nPrécisions : ${note}`);
    expect(clarify.Comment).toBe('Regardez ce que les partenaires font déjà ensemble.');
  });

  it('quotes the fields that need it, and only those', () => {
    const csv = renderActionPlanCsv(data);
    expect(csv).toContain('"Réponse « Je ne sais pas » : ce n\'est pas un écart, mais un point à vérifier avec les partenaires.\nPrécisions : Voir « la CRESS » ; puis ""le DLA""\nDeuxième ligne ; fin"');
    expect(csv).toContain(';Construire un budget;Le dossier le demande.;');
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('Construire un budget')).toBe('Construire un budget');
  });
});

describe('report --format csv (CLI)', () => {
  it('prints the plan when piped, writes it with --out, never over an existing file without --force', async () => {
    const piped = await runInProcess(['report', ATELIER, '--format', 'csv']);
    expect(piped.code).toBe(0);
    expect(rows(piped.stdout).length).toBeGreaterThan(10);

    const out = join(dir, 'plan.csv');
    const first = await runInProcess(['report', ATELIER, '--format', 'csv', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Plan d'action écrit : .*plan\.csv, \d+ actions/);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);

    // the team fills « Responsable »: a second run does not replace their work
    writeFileSync(out, `${piped.stdout}rempli par l'équipe\r\n`);
    const again = await runInProcess(['report', ATELIER, '--format', 'csv', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("l'équipe a peut-être rempli les colonnes Responsable, Échéance et Statut");
    expect(readFileSync(out, 'utf8')).toContain("rempli par l'équipe");
    const forced = await runInProcess(['report', ATELIER, '--format', 'csv', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
  });

  it('in a terminal, writes the default file rather than printing CSV', async () => {
    const r = await runInProcess(['report', join(ATELIER, 'claire.yaml'), '--format', 'csv'], { cwd: dir, stdoutIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cap-ptce-plan-actions.csv');
    expect(rows(readFileSync(join(dir, 'cap-ptce-plan-actions.csv'), 'utf8')).length).toBeGreaterThan(5);
  });

  it('--template does not apply to CSV', async () => {
    const r = await runInProcess(['report', ATELIER, '--format', 'csv', '--template', 'x.hbs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('le CSV a une forme fixe');
  });
});
