// The HTML pages as strings: self-contained (no script, no external resource, a strict CSP), the
// same sections in the same order as the Markdown report, HTML escaping of every user text, the
// workshop numbers, and `cap-ptce grid --format html`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_HTML_TEMPLATE, renderCompareHtml } from '../../src/render/html-compare.js';
import {
  cssString,
  HTML_STYLE,
  renderReportHtml,
  renderWorksheetHtml,
  REPORT_HTML_TEMPLATE,
  safeHref,
  WORKSHEET_HTML_TEMPLATE,
} from '../../src/render/html.js';
import { DEFAULT_TEMPLATE, renderReportMarkdown } from '../../src/render/markdown.js';
import { buildReport, type ReportData } from '../../src/analysis/report.js';
import { respondentEntryScores, workshopSpread } from '../../src/render/html-workshop.js';
import type { WorkshopData } from '../../src/analysis/workshop.js';
import { DISTINCT_RESPONDENT_STYLES, legendSwatch, respondentStyle } from '../../src/render/radar.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { plain, runInProcess } from '../helpers.js';
import { fixtureReport } from '../report/helpers.js';
import { compareInput, defaultGrid, IMG, NOW, ROOT, SCRIPT, singleReport, workshopFiles, workshopOf, workshopReport, worksheet } from './fixtures.js';

const STYLE = packagedTemplate(HTML_STYLE);
// The complete report (--full) unless said otherwise; typography undone (tested in test/report/typography.test.ts).
const report = (data: ReportData, full = true): string => plain(renderReportHtml(data, packagedTemplate(REPORT_HTML_TEMPLATE), STYLE, { full }));
const markdown = (data: ReportData, full = true): string => plain(renderReportMarkdown(data, packagedTemplate(DEFAULT_TEMPLATE), undefined, { full }));

/** Text of the elements `tag`, tags removed and entities decoded (enough for our own markup). */
function texts(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&#x3D;/g, '=')
      .replace(/&#x60;/g, '`')
      .replace(/&amp;/g, '&')
      .trim(),
  );
}
const mdHeadings = (md: string, level: number): string[] =>
  md
    .split('\n')
    .filter((l) => l.startsWith(`${'#'.repeat(level)} `))
    .map((l) => l.slice(level + 1).replace(/\\(.)/g, '$1'));

const singles: [string, () => ReportData][] = [
  ['examples/projet-emergent.yaml', () => singleReport('projet-emergent.yaml')],
  ['examples/projet-structure.yaml', () => singleReport('projet-structure.yaml')],
  ['test/fixtures/report/debut.yaml', () => fixtureReport('debut')],
  ['test/fixtures/report/mature.yaml', () => fixtureReport('mature')],
];

describe('a self-contained page', () => {
  const pages = {
    report: report(singleReport('projet-emergent.yaml')),
    workshop: report(workshopReport()),
    worksheet: renderWorksheetHtml(worksheet(), packagedTemplate(WORKSHEET_HTML_TEMPLATE), STYLE),
    compare: renderCompareHtml(compareInput(), packagedTemplate(COMPARE_HTML_TEMPLATE), STYLE),
  };

  for (const [name, html] of Object.entries(pages)) {
    it(`${name}: doctype, French, UTF-8, viewport, strict CSP, inline CSS with A4 print rules, no script, nothing fetched`, () => {
      expect(html.startsWith('<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
      expect(html).toMatch(/<style>[\s\S]*@page \{\s*size: A4;\s*margin: 15mm;[\s\S]*@media print[\s\S]*<\/style>/);
      expect(html).toMatch(/@top-left \{ content: "[^"]+"/);
      expect(html).not.toMatch(/<script|<img|<iframe|<object|<embed|<link rel="stylesheet"|@import|url\(|@font-face/i);
      // The only addresses are links to sources (in <a href>), never something the page loads.
      expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\s(src|srcset|poster|data|xlink:href)=/i);
      expect(html.match(/<h1\b/g)).toHaveLength(1);
      expect(html.match(/<main>/g)).toHaveLength(1);
    });
  }

  it('templates never print unescaped data: no {{{ }}} anywhere', () => {
    for (const name of [REPORT_HTML_TEMPLATE, WORKSHEET_HTML_TEMPLATE, COMPARE_HTML_TEMPLATE]) {
      const source = readFileSync(join(ROOT, 'templates', name), 'utf8').replace(/\{\{!--[\s\S]*?--\}\}/g, '');
      expect(source, name).not.toContain('{{{');
      expect(source, name).not.toContain('{{&');
    }
  });

  it('table headers have a scope', () => {
    for (const html of Object.values(pages)) expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*\bscope=)[^>]*>/);
  });
});

describe('the report: same content, same order as the Markdown', () => {
  for (const [name, build] of singles) for (const full of [false, true]) {
    it(`${name}${full ? ' --full' : ''}: the h2 and h3 of the page are the ## and ### of the Markdown`, () => {
      const data = build();
      const html = report(data, full);
      const md = markdown(data, full);
      expect(texts(html, 'h2')).toEqual(mdHeadings(md, 2));
      expect(texts(html, 'h3').length).toBe(mdHeadings(md, 3).length);
      // #### are the annex actions and the programmes; the page's other h4 are its questions.
      expect(html.match(/<h4>(?!<span class="qnum">)/g)?.length ?? 0).toBe(mdHeadings(md, 4).length);
      // Priority actions, findings and dossier sections: the same titles in the same order.
      expect(texts(html, 'h3').filter((h) => /^\d+\. /.test(h) && !data.entries.some((e) => h === `${e.number}. ${e.title}`))).toEqual(
        data.priorityActions.map((a) => `${a.priority}. ${a.advice.title}`),
      );
      for (const section of data.dossier) expect(texts(html, 'h3').includes(section.section)).toBe(full);
    });
  }

  it('shows every entrée with its score as text and a bar as wide as the score', () => {
    const data = singleReport('projet-emergent.yaml');
    const html = report(data);
    for (const e of data.entries) {
      expect(html).toMatch(new RegExp(`<tr data-entry="${e.id}">[\\s\\S]*?style="width: ${e.score ?? 0}%"[\\s\\S]*?data-score="${e.score ?? ''}">${e.scoreLabel}<`));
    }
  });

  it('keeps the line breaks of a note (pre-line) and escapes it', () => {
    const files = workshopFiles();
    const data = buildReport(defaultGrid().index, [files[0]!], { now: NOW });
    const html = report(data);
    expect(html).toContain('<span class="note">Constat partagé à l&#x27;oral.\nPas encore écrit &lt;script&gt;alert(1)&lt;/script&gt;</span>');
  });

  it('links only http(s) sources; a javascript: URL of a grid becomes plain text', () => {
    const data = structuredClone(singleReport('projet-emergent.yaml'));
    data.findings[0]!.source.url = 'javascript:alert(1)';
    data.findings[1]!.source.url = 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296?a=1&b=2';
    data.findings[2]!.source.url = 'https://example.org/"onmouseover="alert(1)';
    const html = report(data);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296?a&#x3D;1&amp;b&#x3D;2"');
    expect(html).not.toContain('onmouseover');
    expect(safeHref('https://example.org/a b')).toBeNull();
    expect(safeHref(' http://example.org/x ')).toBe('http://example.org/x');
  });
});

describe('escaping', () => {
  const html = report(workshopReport());

  it('prints hostile names, notes, examples and file names as text', () => {
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain(`<title>Synthèse d&#x27;atelier PTCE : Ternois en commun &lt;script&gt;alert(1)&lt;/script&gt;</title>`);
    expect(html).toContain('julie-&lt;script&gt;alert(1)&lt;/script&gt;.yaml');
  });

  it('escapes the print header for CSS: no quote, backslash, brace or < left to break out', () => {
    const css = cssString('Projet "} body { color: red } </style><script>\\ \n');
    expect(css.slice(1, -1)).not.toMatch(/["{}<>\\](?![0-9a-f]+ )/);
    expect(css).toMatch(/^"Projet \\22 \\7d  body \\7b  color\\3a  red \\7d  \\3c \\2f style\\3e \\3c script\\3e \\5c "$/);
    expect(html).toMatch(/@top-left \{ content: "Synthèse d\\27 atelier PTCE \\3a  Ternois en commun \\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  \\b7  26 novembre 2026";/);
  });
});

describe('workshop', () => {
  const data = workshopReport();

  it('recomputes each respondent’s entrée scores as scoring.ts does', () => {
    for (const name of ['projet-emergent.yaml', 'projet-structure.yaml'] as const) {
      const single = singleReport(name);
      expect(respondentEntryScores(single)).toEqual([single.entries.map((e) => e.score)]);
    }
    const perRespondent = respondentEntryScores(data);
    workshopFiles().forEach((file, r) => {
      const alone = buildReport(defaultGrid().index, [file], { now: NOW });
      expect(perRespondent[r]).toEqual(alone.entries.map((e) => e.score));
    });
  });

  it('flags the divergent questions, largest spread first, and why', () => {
    const spread = workshopSpread(data);
    expect(spread.divergent.map((q) => [q.id, q.spread])).toEqual([
      ['objectifs.constats', 100],
      ['gouvernance.formalisation', 67],
      ['financement.budget-previsionnel', 0],
    ]);
    // The reasons are the synthesis's own words (analysis/workshop.ts), not the page's.
    expect(spread.divergent.map((q) => q.reason)).toEqual(data.workshop.divergences.map((d) => d.reason!.replace(/[.\s]+$/, '')));
    // 33 points apart (« En réflexion » / « Engagé ») is not a divergence; everyone the same is a consensus.
    expect(spread.rows.find((q) => q.id === 'objectifs.axes')!.divergent).toBe(false);
    expect(spread.consensus.map((c) => c.number)).toContain('1.5');
    // A marker per respondent asked, in the column of their answer.
    const constats = spread.rows.find((q) => q.id === 'objectifs.constats')!;
    expect(constats.cells.map((c) => c.chips.map((chip) => chip.n))).toEqual([[3], [1], [], [2], ...spread.columns.slice(4).map(() => [])]);
    expect(spread.columns.map((c) => c.label).slice(0, 4)).toEqual(['Pas encore abordé', 'En réflexion', 'Engagé, en cours', 'Acquis, formalisé']);
  });

  it('names, answers and notes of the chips and cards: control characters removed, markup escaped', () => {
    const hostile = structuredClone(data) as WorkshopData;
    hostile.respondents[0]!.label = 'Claire\u001b[31m <b>Dufour</b>\u0007';
    const question = hostile.workshop.questions.find((q) => q.id === hostile.workshop.divergences[0]!.id)!;
    question.answers[0]!.note = 'vu\u001b[2J <script>alert(1)</script>';
    const html = report(hostile, false);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u001b\u007f]/);
    expect(html).not.toContain('<b>Dufour');
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="Claire &lt;b&gt;Dufour&lt;/b&gt; : ');
    expect(texts(html, 'li')).toContain(`1 Claire <b>Dufour</b> ${question.answers[0]!.label ?? 'pas encore de réponse'}Précisions : vu <script>alert(1)</script>`);
  });

  it('draws a polygon per respondent plus the collective one, with a legend in the page', () => {
    const html = report(data);
    expect(html.match(/<polygon class="radar-series" data-kind="respondent"/g)).toHaveLength(3);
    expect(html.match(/<polygon class="radar-series" data-kind="collective"/g)).toHaveLength(1);
    expect(html).toMatch(/<ul class="legend"[^>]*>(\s*<li>[\s\S]*?<\/li>){4}\s*<\/ul>/);
    expect(html).toContain('id="table-participants"');
    expect(html).toContain('id="table-repartition"');
  });

  // More participants than distinct looks (colour, dash, marker): the radar draws the lowest and
  // the highest participant's score per entrée and the collective one; the table keeps everyone.
  it(`beyond ${DISTINCT_RESPONDENT_STYLES} participants: the radar shows the lowest, the highest and the collective, the table everyone`, () => {
    const kinds = (html: string): string[] => [...html.matchAll(/<polygon class="radar-series" data-kind="(\w+)"/g)].map((m) => m[1]!);
    const valuesOf = (html: string, kind: string): string => html.match(new RegExp(`data-kind="${kind}" data-series="[^"]*" data-values="([^"]*)"`))![1]!;

    const eight = report(workshopOf(DISTINCT_RESPONDENT_STYLES), false);
    expect(kinds(eight)).toEqual([...Array(DISTINCT_RESPONDENT_STYLES).fill('respondent'), 'collective']);
    expect(eight).not.toContain('class="radar-note');

    const nine = workshopOf(DISTINCT_RESPONDENT_STYLES + 1);
    const html = report(nine, false);
    expect(kinds(html)).toEqual(['lowest', 'highest', 'collective']);
    const scores = respondentEntryScores(nine);
    const per = (pick: (xs: number[]) => number): string =>
      nine.entries.map((_, j) => {
        const xs = scores.map((s) => s[j]).filter((v): v is number => v !== null && v !== undefined);
        return xs.length === 0 ? 'null' : String(pick(xs));
      }).join(' ');
    expect(valuesOf(html, 'lowest')).toBe(per((xs) => Math.min(...xs)));
    expect(valuesOf(html, 'highest')).toBe(per((xs) => Math.max(...xs)));
    expect(valuesOf(html, 'lowest')).not.toBe(valuesOf(html, 'highest'));
    expect(valuesOf(html, 'collective')).toBe(nine.entries.map((e) => (e.score === null ? 'null' : String(e.score))).join(' '));
    // Said in the caption, the legend, the note and the text for screen readers.
    expect(texts(html, 'figcaption')[0]).toBe('Repères par entrée : le plus bas, le plus haut et le collectif');
    expect(texts(html, 'ul').find((t) => t.includes('Le plus bas'))!.split('\n').map((t) => t.trim()).filter(Boolean)).toEqual(['Le plus bas', 'Le plus haut', 'Collectif']);
    expect(texts(html, 'p').find((t) => t.startsWith('Au-delà de'))).toBe(
      `Au-delà de ${DISTINCT_RESPONDENT_STYLES} participants, leurs tracés ne se distinguent plus : le radar montre, pour chaque entrée, le repère le plus bas et le plus haut du groupe, et celui du collectif. Le tableau donne le repère de chacun.`,
    );
    expect(texts(html, 'desc')[0]).toMatch(/^Repères par entrée, sur 100\. 1\. [^:]+ : Le plus bas \d+, Le plus haut \d+, Collectif \d+ ;/);
    // Everyone is still in the table next to the radar, each with their own look.
    const header = html.match(/<table class="respondent-scores"[\s\S]*?<\/thead>/)![0];
    expect(texts(header, 'th').slice(1, -1)).toEqual(nine.respondents.map((_, i) => `${i + 1}. Participant ${i + 1}`));
    expect(header.match(/<svg class="swatch"/g)).toHaveLength(nine.respondents.length + 1);
    expect(header).toContain(legendSwatch(respondentStyle(DISTINCT_RESPONDENT_STYLES)));
  });

  it('a single report has neither the per-respondent table nor the divergence view', () => {
    const html = report(singleReport('projet-emergent.yaml'));
    expect(html).not.toContain('table-participants');
    expect(html).not.toContain('id="partage"');
    expect(html.match(/<polygon class="radar-series"/g)).toHaveLength(1);
  });
});

describe('compare', () => {
  it('needs only the entrées with their scores before and after', () => {
    const html = plain(renderCompareHtml(
      { entries: [{ id: 'a', title: 'Vision', before: 20, after: 50 }, { id: 'b', title: 'Acteurs', before: 60, after: 40 }, { id: 'c', title: 'Gouvernance', before: null, after: 30 }] },
      packagedTemplate(COMPARE_HTML_TEMPLATE),
      STYLE,
    ));
    expect(html).toContain('<title>Évolution du diagnostic : Projet sans nom</title>');
    expect(texts(html, 'td').filter((t) => /^(\+|−|=|—)/.test(t))).toEqual(['+30', '−20', '—', '—']);
    expect(html.match(/<polygon class="radar-series" data-kind="(before|after)"/g)).toHaveLength(2);
  });
});

describe('worksheet', () => {
  it('has every entrée and question of the grid, with the boxes of each answer', () => {
    const sheet = worksheet();
    const html = renderWorksheetHtml(sheet, packagedTemplate(WORKSHEET_HTML_TEMPLATE), STYLE);
    const questions = sheet.entries.flatMap((e) => e.questions);
    expect([...html.matchAll(/<article class="card sheet-question" data-question="([^"]+)"/g)].map((m) => m[1])).toEqual(questions.map((q) => q.id));
    const boxes = html.match(/<span class="box" aria-hidden="true"><\/span>/g)!.length;
    expect(boxes).toBe(questions.reduce((n, q) => n + q.choices.length + (q.examples.length > 0 ? q.examples.length + 1 : 0), 0));
    expect(texts(html, 'h2')).toEqual(['Comment utiliser cette fiche en atelier', ...sheet.entries.map((e) => `${e.number}. ${e.title}`), 'Pour la mise en commun']);
  });
});

describe('cap-ptce grid --format html', () => {
  it('writes the page with --out, prints it when piped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-grid-html-'));
    try {
      const written = await runInProcess(['grid', '--format', 'html', '--entries', 'objectifs', '--out', 'fiche.html'], { cwd: dir });
      expect(written.code).toBe(0);
      expect(written.stdout).toBe('');
      expect(written.stderr).toMatch(/Fiche écrite : .*fiche\.html \(5 questions, 1 entrée\)/);
      expect(readFileSync(join(dir, 'fiche.html'), 'utf8')).toMatch(/^<!doctype html>\n<html lang="fr">/);

      const piped = await runInProcess(['grid', '--format', 'html'], { cwd: dir });
      expect(piped.code).toBe(0);
      expect(piped.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
      expect(readdirSync(dir)).toEqual(['fiche.html']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a terminal, writes ./fiche-atelier.html rather than HTML on the screen, and never over a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-grid-html-'));
    try {
      const first = await runInProcess(['grid', '--format', 'html'], { cwd: dir, stdoutIsTTY: true });
      expect(first.code).toBe(0);
      expect(first.stdout).toBe('');
      expect(first.stderr).toContain('fiche-atelier.html');
      expect(first.stderr).toContain('chemin par défaut');
      expect(existsSync(join(dir, 'fiche-atelier.html'))).toBe(true);
      const again = await runInProcess(['grid', '--format', 'html'], { cwd: dir, stdoutIsTTY: true });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('existe déjà');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
