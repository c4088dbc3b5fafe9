// The HTML pages in a real browser (Debian's Chromium driven by playwright-core): each fixture is
// written to a temporary folder and loaded from a file:// URL with every other request aborted.
// Checks: no console error, nothing leaves the file, the radar's axes and polygons, the numbers of
// the tables against the JSON report, hostile text shown as text, an A4 PDF, a phone layout.
// One screenshot per fixture goes to test-artifacts/html/ (not committed), to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, renderReportMarkdown } from '../../src/render/markdown.js';
import { renderReportJson } from '../../src/render/json.js';
import { COMPARE_HTML_TEMPLATE, renderCompareHtml } from '../../src/render/html-compare.js';
import {
  HTML_STYLE,
  renderReportHtml,
  renderWorksheetHtml,
  REPORT_HTML_TEMPLATE,
  shortName,
  WORKSHEET_HTML_TEMPLATE,
} from '../../src/render/html.js';
import type { ReportData } from '../../src/analysis/report.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { respondentEntryScores } from '../../src/render/html-workshop.js';
import { ARTIFACTS, atelierReport, compareInput, IMG, SCRIPT, singleReport, workshopOf, workshopReport, worksheet } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Tests HTML dans le navigateur ignorés : ${CHROMIUM} est introuvable (apt-get install -y chromium). La CI l'installe.`);
}

const STYLE = packagedTemplate(HTML_STYLE);
// The complete pages (--full): the detail per entrée is checked too.
const reportHtml = (data: ReportData): string => renderReportHtml(data, packagedTemplate(REPORT_HTML_TEMPLATE), STYLE, { full: true });

interface Loaded {
  page: Page;
  consoleErrors: string[];
  offFile: string[];
  dialogs: string[];
  close: () => Promise<void>;
}

/** Parses the first page's MediaBox of a PDF: [x0, y0, x1, y1] in points. */
function firstMediaBox(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  const page = /\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([-\d.\s]+)\]/.exec(text) ?? /\/MediaBox\s*\[\s*([-\d.\s]+)\]/.exec(text);
  if (!page) throw new Error('PDF sans MediaBox');
  return page[1]!.trim().split(/\s+/).map(Number);
}

describe.skipIf(!hasChromium)('HTML pages in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files: Record<string, string> = {};
  const data: Record<string, ReportData> = {};

  beforeAll(async () => {
    const launching = chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    dir = mkdtempSync(join(tmpdir(), 'cap-ptce-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    data.emergent = singleReport('projet-emergent.yaml');
    data.structure = singleReport('projet-structure.yaml');
    data.workshop = workshopReport();
    data.large = workshopOf(12);
    const atelier = await atelierReport();
    if (atelier) data.atelier = atelier;
    for (const [name, d] of Object.entries(data)) {
      // As `report --out` writes it: cap-ptce's marker comment on line 1, before the doctype.
      files[name] = join(dir, `${name}.html`);
      writeFileSync(files[name], `<!-- cap-ptce:report answers=${name}.yaml -->\n${reportHtml(d)}`);
    }
    files.worksheet = join(dir, 'worksheet.html');
    writeFileSync(files.worksheet, renderWorksheetHtml(worksheet(), packagedTemplate(WORKSHEET_HTML_TEMPLATE), STYLE));
    files.compare = join(dir, 'compare.html');
    writeFileSync(files.compare, renderCompareHtml(compareInput(), packagedTemplate(COMPARE_HTML_TEMPLATE), STYLE));
    browser = await launching;
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, viewport = { width: 1280, height: 900 }): Promise<Loaded> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const offFile: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      offFile.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (!offFile.includes(r.url())) offFile.push(r.url());
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith('file:') && !url.startsWith('data:') && !offFile.includes(url)) offFile.push(url);
    });
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(pathToFileURL(files[name]!).href, { waitUntil: 'load' });
    return { page, consoleErrors, offFile, dialogs, close: () => context.close() };
  }

  /** What every page must satisfy; saves its screenshot and checks its PDF. */
  async function common(name: string, loaded: Loaded): Promise<void> {
    const { page } = loaded;
    expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('script, img, iframe, object, embed, link[rel=stylesheet]').count()).toBe(0);
    // No attribute that runs code, anywhere (SVG included).
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)),
    );
    expect(handlers).toEqual([]);
    // Every table header cell of a header row or a row header has a scope.
    expect(await page.locator('thead th:not([scope]), tbody th:not([scope])').count()).toBe(0);

    // The top of the page (a full-page capture of a long report takes seconds): header and synthesis.
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, clip: await topClip(page, 2200) });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [x0, y0, x1, y1] = firstMediaBox(pdf);
    expect(Math.abs(x1! - x0! - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(y1! - y0! - 841.89)).toBeLessThan(1.5);

    // In print: no navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toc').evaluateAll((els) => els.every((el) => getComputedStyle(el).display === 'none'))).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    expect(loaded.consoleErrors).toEqual([]);
    expect(loaded.offFile).toEqual([]);
    expect(loaded.dialogs).toEqual([]);
  }

  /** A region of the page, from the top of `selector` (or of the page), `height` pixels high at most. */
  async function topClip(page: Page, height: number, selector?: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return page.evaluate(
      ([h, sel]) => {
        const y = sel ? Math.max(0, document.querySelector(sel as string)!.getBoundingClientRect().top + window.scrollY - 8) : 0;
        const total = document.documentElement.scrollHeight;
        return { x: 0, y, width: document.documentElement.clientWidth, height: Math.min(h as number, total - y) };
      },
      [height, selector ?? null] as const,
    );
  }

  async function checkRadar(page: Page, axes: string[], series: number): Promise<void> {
    const radar = page.locator('svg.radar').first();
    expect(await radar.getAttribute('role')).toBe('img');
    const labelledBy = (await radar.getAttribute('aria-labelledby'))!.split(' ');
    for (const id of labelledBy) expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    expect(await radar.locator('title').first().textContent()).toBeTruthy();
    expect(await radar.locator('line.radar-axis').evaluateAll((els) => els.map((el) => el.getAttribute('data-axis')))).toEqual(axes);
    expect(await radar.locator('polygon').count()).toBe(series);
    expect(await radar.locator('polygon.radar-series').count()).toBe(series);
    // Drawn, and inside the page.
    const box = (await radar.boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    expect(box.height).toBeGreaterThan(200);
  }

  /** The synthesis table and the radar say what the JSON report says, entrée by entrée. */
  async function checkNumbers(page: Page, report: ReportData): Promise<void> {
    const json = JSON.parse(renderReportJson(report)) as ReportData;
    const rows = await page.locator('#table-entrees tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-entry'), label: tr.querySelector('.score')!.textContent, score: tr.querySelector('.score')!.getAttribute('data-score') })),
    );
    expect(rows).toEqual(json.entries.map((e) => ({ id: e.id, label: e.scoreLabel, score: e.score === null ? '' : String(e.score) })));
    const collective = page.locator('svg.radar polygon.radar-series[data-kind="collective"]');
    expect(await collective.getAttribute('data-values')).toBe(json.entries.map((e) => (e.score === null ? 'null' : String(e.score))).join(' '));
    const overall = await page.locator('.overall .score').first().textContent();
    if (json.overall.level) expect(overall).toBe(json.overall.scoreLabel);
  }

  /** The h2 of the page are the Markdown report's ## headings, in the same order. */
  function markdownH2(report: ReportData): string[] {
    const md = renderReportMarkdown(report, packagedTemplate(DEFAULT_TEMPLATE), undefined, { full: true });
    return md
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).replace(/\\(.)/g, '$1'));
  }

  for (const name of ['emergent', 'structure'] as const) {
    it(`report of examples/projet-${name === 'emergent' ? 'emergent' : 'structure'}.yaml: radar, numbers, order, PDF`, async () => {
      const loaded = await open(name);
      try {
        const report = data[name]!;
        await checkRadar(loaded.page, report.entries.map((e) => e.id), 1);
        await checkNumbers(loaded.page, report);
        expect(await loaded.page.locator('h2').allTextContents()).toEqual(markdownH2(report));
        const md = renderReportMarkdown(report, packagedTemplate(DEFAULT_TEMPLATE), undefined, { full: true });
        expect(await loaded.page.locator('h3').count()).toBe(md.split('\n').filter((l) => l.startsWith('### ')).length);
        // A bar per entrée, as wide as its score.
        const widths = await loaded.page.locator('#table-entrees .bar > span').evaluateAll((spans) => spans.map((s) => (s as HTMLElement).style.width));
        expect(widths).toEqual(report.entries.map((e) => `${e.score ?? 0}%`));
        await common(name, loaded);
      } finally {
        await loaded.close();
      }
    });
  }

  it('report on a phone: no sideways scrolling of the page, radar and table stacked', async () => {
    const loaded = await open('emergent', { width: 390, height: 844 });
    try {
      const { page } = loaded;
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const radar = (await page.locator('svg.radar').boundingBox())!;
      const table = (await page.locator('#table-entrees').boundingBox())!;
      expect(table.y).toBeGreaterThan(radar.y + radar.height - 1);
      await page.screenshot({ path: join(ARTIFACTS, 'emergent-telephone.png'), fullPage: false });
      await page.locator('#synthese').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: join(ARTIFACTS, 'emergent-telephone-synthese.png'), fullPage: false });
      expect(loaded.consoleErrors).toEqual([]);
    } finally {
      await loaded.close();
    }
  });

  it('workshop of twelve: the radar draws the lowest, the highest and the collective, the table everyone', async () => {
    const loaded = await open('large');
    try {
      const { page } = loaded;
      const report = data.large!;
      await checkRadar(page, report.entries.map((e) => e.id), 3);
      await checkNumbers(page, report);
      expect(await page.locator('figure.radar-figure .legend li').allTextContents()).toEqual([' Le plus bas', ' Le plus haut', ' Collectif']);
      expect(await page.locator('figure.radar-figure .radar-note').isVisible()).toBe(true);
      // The lowest and the highest polygon: per entrée, the lowest and the highest cell of the table next to it.
      const cells = await page.locator('#table-participants tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td[data-respondent]')].map((td) => td.getAttribute('data-score')).filter((v) => v !== '' && v !== null).map(Number)),
      );
      expect(cells.every((row) => row.length <= 12)).toBe(true);
      expect(await page.locator('#table-participants thead th[title]').count()).toBe(12);
      const pick = (f: (xs: number[]) => number): string => cells.map((xs) => (xs.length === 0 ? 'null' : String(f(xs)))).join(' ');
      expect(await page.locator('svg.radar polygon[data-kind="lowest"]').getAttribute('data-values')).toBe(pick((xs) => Math.min(...xs)));
      expect(await page.locator('svg.radar polygon[data-kind="highest"]').getAttribute('data-values')).toBe(pick((xs) => Math.max(...xs)));
      // Each chip in its participant's colour (a class the page's stylesheet colours), the colour of
      // the participant's line in the table's header: eight different, the ninth as the first.
      const chips = await page.locator('#partage > p .chip').evaluateAll((els) => els.map((el) => getComputedStyle(el).borderTopColor));
      const lines = await page.locator('#table-participants thead th[title] svg.swatch line').evaluateAll((els) => els.map((el) => getComputedStyle(el).stroke));
      expect(chips).toHaveLength(12);
      expect(chips).toEqual(lines);
      expect(new Set(chips.slice(0, 8)).size).toBe(8);
      expect(chips.slice(8)).toEqual(chips.slice(0, 4));
      expect(chips).not.toContain('rgb(74, 74, 74)'); // .chip's colour when none is given
      await common('large', loaded);
    } finally {
      await loaded.close();
    }
  });

  it('workshop of three (buildReport): a polygon per respondent plus the collective, divergences, hostile text inert', async () => {
    const loaded = await open('workshop');
    try {
      const { page } = loaded;
      const report = data.workshop!;
      await checkRadar(page, report.entries.map((e) => e.id), 4);
      await checkNumbers(page, report);
      expect(await page.locator('figure.radar-figure .legend li').allTextContents()).toEqual([...report.respondents.map((r, i) => `${i + 1}. ${shortName(r.label)}`), 'Collectif'].map((t) => ` ${t}`));
      // Per respondent, the table next to the radar and the radar say the same.
      const perRespondent = respondentEntryScores(report);
      for (let r = 0; r < 3; r++) {
        const cells = await page.locator(`#table-participants td[data-respondent="${r + 1}"]`).allTextContents();
        expect(cells).toEqual(perRespondent[r]!.map((v) => (v === null ? '—' : String(v))));
        const values = await page.locator('svg.radar polygon.radar-series[data-kind="respondent"]').nth(r).getAttribute('data-values');
        expect(values).toBe(perRespondent[r]!.map((v) => (v === null ? 'null' : String(v))).join(' '));
      }
      // The divergence view: a row per question of the scale, the divergent ones flagged, first in the list.
      const constats = page.locator('#table-repartition tr[data-question="objectifs.constats"]');
      expect(await constats.getAttribute('data-divergent')).toBe('true');
      expect(await constats.locator('.chip').count()).toBe(3);
      expect(await constats.locator('.flag').textContent()).toContain('À discuter');
      expect(await page.locator('#table-repartition tr[data-question="objectifs.valorisation-territoire"]').getAttribute('data-divergent')).toBeNull();
      expect(await page.locator('#partage article.card.divergent').first().getAttribute('data-question')).toBe('objectifs.constats');
      expect(await page.locator('#table-repartition tr[data-question="financement.budget-previsionnel"]').getAttribute('data-divergent')).toBe('true');
      await page.screenshot({ path: join(ARTIFACTS, 'atelier-trois-constats.png'), fullPage: true, clip: await topClip(page, 1800, '#partage') });

      // Hostile text: shown as text, no element made of it, no dialog.
      expect(await page.locator('script, img').count()).toBe(0);
      const text = (await page.locator('body').textContent())!;
      expect(text).toContain(SCRIPT);
      expect(text).toContain(IMG);
      expect(await page.title()).toContain(SCRIPT);
      // The note keeps its line break.
      const note = page.locator('#entree-objectifs [data-question="objectifs.constats"] .note').first();
      expect(await note.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
      await common('atelier-trois', loaded);
    } finally {
      await loaded.close();
    }
  });

  it('workshop of examples/atelier (the synthesis of workshop.ts), when both exist', async (ctx) => {
    if (!data.atelier) ctx.skip();
    const loaded = await open('atelier');
    try {
      const report = data.atelier!;
      const { page } = loaded;
      await checkRadar(page, report.entries.map((e) => e.id), report.respondents.length + 1);
      await checkNumbers(page, report);
      const json = JSON.parse(renderReportJson(report)) as { workshop?: { entries: { respondents: { score: number | null }[] }[]; divergences: { id: string }[] } };
      if (json.workshop) {
        for (let r = 0; r < report.respondents.length; r++) {
          const cells = await page.locator(`#table-participants td[data-respondent="${r + 1}"]`).allTextContents();
          expect(cells).toEqual(json.workshop.entries.map((e) => (e.respondents[r]!.score === null ? '—' : String(e.respondents[r]!.score))));
        }
        const listed = await page.locator('#partage article.card.divergent').evaluateAll((els) => els.map((el) => el.getAttribute('data-question')));
        expect(listed).toEqual(json.workshop.divergences.map((d) => d.id));
      }
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.locator('#synthese').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: join(ARTIFACTS, 'atelier-projection.png'), fullPage: false });
      await page.screenshot({ path: join(ARTIFACTS, 'atelier-constats.png'), fullPage: true, clip: await topClip(page, 1600, '#partage') });
      await page.setViewportSize({ width: 1280, height: 900 });
      await common('atelier', loaded);
    } finally {
      await loaded.close();
    }
  });

  it('worksheet of the default grid: every entrée and question, boxes to tick, no radar', async () => {
    const loaded = await open('worksheet');
    try {
      const { page } = loaded;
      const sheet = worksheet();
      expect(await page.locator('section.sheet-entry[data-entry]').evaluateAll((els) => els.map((el) => el.getAttribute('data-entry')))).toEqual(sheet.entries.map((e) => e.id));
      expect(await page.locator('article.sheet-question').count()).toBe(sheet.questionCount);
      const first = sheet.entries[0]!.questions[0]!;
      const q = page.locator(`article.sheet-question[data-question="${first.id}"]`);
      expect(await q.locator('.boxes').last().locator('li').count()).toBe(first.choices.length);
      expect(await page.locator('svg.radar').count()).toBe(0);
      // In print, each entrée after the first starts a page.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('section.sheet-entry').nth(1).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
      await page.emulateMedia({ media: 'screen' });
      await common('fiche', loaded);
    } finally {
      await loaded.close();
    }
  });

  it('compare: before and after polygons, the table and the deltas', async () => {
    const loaded = await open('compare');
    try {
      const { page } = loaded;
      const input = compareInput();
      await checkRadar(page, input.entries.map((e) => e.id), 2);
      expect(await page.locator('svg.radar polygon.radar-series').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['before', 'after']);
      const rows = await page.locator('#table-evolution tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          before: tr.querySelector('[data-before]')!.textContent,
          after: tr.querySelector('[data-after]')!.textContent,
          delta: tr.querySelector('.delta')!.textContent,
        })),
      );
      expect(rows).toEqual(
        input.entries.map((e) => ({
          before: e.before === null ? '—' : String(e.before),
          after: e.after === null ? '—' : String(e.after),
          delta: e.before === null || e.after === null ? '—' : e.after === e.before ? '=' : e.after > e.before ? `+${e.after - e.before}` : `−${e.before - e.after}`,
        })),
      );
      expect(await page.locator('script, img').count()).toBe(0);
      expect(await page.locator('body').textContent()).toContain(IMG);
      await common('evolution', loaded);
    } finally {
      await loaded.close();
    }
  });
});
