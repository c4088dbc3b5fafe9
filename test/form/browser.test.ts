// The offline form in a real browser (Debian's Chromium driven by playwright-core), as a participant
// uses it: the page written by `cap-ptce grid --format form` is opened from a file:// URL with every
// other request aborted; the test types, reloads, continues and downloads, then hands the downloaded
// file to `validate` and `report` as a facilitator would. One browser for the whole file.
// Screenshots (phone 390 px and laptop 1280 px) go to test-artifacts/form/ (not committed).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadGrid } from '../../src/io/load.js';
import { repoRoot, runInProcess } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(repoRoot, 'test-artifacts/form');
const CUSTOM_GRID = join(repoRoot, 'test/form/fixtures/grille-atelier.yaml');
const HOSTILE_GRID = join(repoRoot, 'test/grid/fixtures/hostile.yaml');
/** What a participant might paste in a note: markup, YAML syntax, quotes, a line separator. */
const HOSTILE = '</script><img src=x onerror=alert(1)> "guillemets" \\ # pas un commentaire\n- pas une liste\n---\nkey: {a: *b} &c !!js/function\ttab \u2028 \u0085 \ufeff 🙂 fin';

interface Opened {
  page: Page;
  problems: string[];
  offFile: string[];
  close: () => Promise<void>;
}

interface ReportJson {
  overall: { score: number | null; level: unknown };
  entries: { id: string; score: number | null; level: unknown; coverage: unknown }[];
}

describe.skipIf(!hasChromium)('the offline form in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let formFile: string;
  let customFile: string;
  let hostileFile: string;
  let shortFile: string;

  beforeAll(async () => {
    const launching = chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    dir = mkdtempSync(join(tmpdir(), 'cap-ptce-form-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    formFile = join(dir, 'questionnaire.html');
    customFile = join(dir, 'questionnaire-maison.html');
    const made = await runInProcess(['grid', '--format', 'form', '--out', formFile]);
    expect(made.code, made.stderr).toBe(0);
    const custom = await runInProcess(['grid', '--format', 'form', '--grid', CUSTOM_GRID, '--out', customFile]);
    expect(custom.code, custom.stderr).toBe(0);
    shortFile = join(dir, 'questionnaire-essentiel.html');
    const short = await runInProcess(['grid', '--format', 'form', '--parcours', 'essentiel', '--out', shortFile]);
    expect(short.code, short.stderr).toBe(0);
    hostileFile = join(dir, 'questionnaire-piege.html');
    const hostile = await runInProcess(['grid', '--format', 'form', '--grid', HOSTILE_GRID, '--out', hostileFile]);
    expect(hostile.code, hostile.stderr).toBe(0);
    browser = await launching;
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser profile (empty storage) per test; `file` opened from file://, nothing else allowed. */
  async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
    // Below 500 px, a phone: touch events and a mobile viewport, as Chrome on Android opens the file.
    const phone = viewport.width < 500;
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true, isMobile: phone, hasTouch: phone });
    const offFile: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:')) return route.continue();
      offFile.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!/^(file|data|blob):/.test(url) && !offFile.includes(url)) offFile.push(url);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, offFile, close: () => context.close() };
  }

  const question = (page: Page, id: string) => page.locator(`fieldset.question[data-q="${id}"]`);

  async function choose(page: Page, id: string, label: string): Promise<void> {
    await question(page, id).locator('label.choice', { hasText: label }).first().click();
  }

  async function progressText(page: Page): Promise<string> {
    return (await page.locator('#progress-text').textContent()) ?? '';
  }

  /** Clicks « Enregistrer mes réponses » and saves the download; returns its name and path. */
  async function download(page: Page, name: string): Promise<{ suggested: string; path: string }> {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Enregistrer mes réponses' }).click()]);
    const path = join(dir, name);
    await dl.saveAs(path);
    return { suggested: dl.suggestedFilename(), path };
  }

  async function reportJson(files: string[], extra: string[] = []): Promise<ReportJson> {
    const r = await runInProcess(['report', ...files, ...extra, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as ReportJson;
  }

  /** The scores the report gives for the same answers written by hand (no form involved). */
  async function expectSameScores(downloaded: string, answers: Record<string, unknown>, grid: { id: string; version: string }, extra: string[] = []): Promise<void> {
    const reference = join(dir, `reference-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(reference, stringify({ format: 'cap-ptce/answers@1', grid, project: { name: 'Référence' }, respondent: 'Référence', answers }));
    const got = await reportJson([downloaded], extra);
    const want = await reportJson([reference], extra);
    expect(got.overall).toEqual(want.overall);
    const scores = (r: ReportJson) => r.entries.map((e) => ({ id: e.id, score: e.score, level: e.level, coverage: e.coverage }));
    expect(scores(got)).toEqual(scores(want));
    expect(got.overall.score).not.toBeNull();
  }

  it('keeps to itself: the script runs under a CSP that names its hash, nothing leaves the file', async () => {
    const { page, problems, offFile, close } = await open(formFile);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const script = await page.locator('script:not([type])').textContent();
    const hash = createHash('sha256').update(script ?? '', 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    // The script ran: its « JavaScript needed » notice is gone and the progress is filled in.
    await expect.poll(() => page.locator('#needs-script').isHidden()).toBe(true);
    expect(await progressText(page)).toMatch(/^0 sur \d+\u00a0questions \(0\u00a0%\)$/);
    // Only the page itself was loaded: no script, style, font or image from anywhere.
    expect(await page.locator('script[src], link[rel=stylesheet], img, iframe').count()).toBe(0);
    // Every question is a fieldset with a legend; every text field has a label.
    expect(await page.locator('fieldset.question:not(:has(> legend))').count()).toBe(0);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, textarea')].filter((el) => (el as HTMLInputElement).labels?.length === 0).map((el) => (el as HTMLInputElement).name),
    );
    expect(unlabelled).toEqual([]);
    expect(problems).toEqual([]);
    expect(offFile).toEqual([]);
    await close();
  });

  it('fill, reload, continue, download: a valid answers file with the expected scores', async () => {
    const { page, problems, offFile, close } = await open(formFile);
    await page.getByLabel('Nom du projet').fill('Pôle « Val de Bray »');
    await page.getByLabel('Votre nom').fill('Claire Dupont-Lefèvre, Ressourcerie');
    await choose(page, 'objectifs.constats', 'Engagé, en cours');
    await question(page, 'objectifs.constats').getByLabel('Diagnostics territoriaux').check();
    await question(page, 'objectifs.constats').getByLabel('Vos propres exemples').fill('Enquête auprès des habitants (2025)\n\n  Atelier des élus  ');
    await question(page, 'objectifs.constats').getByLabel('Précisions à apporter').fill(HOSTILE);
    await choose(page, 'objectifs.axes', 'En réflexion');
    await expect.poll(() => progressText(page)).toMatch(/^2 sur /);

    // Reload: everything typed is back, and the progress with it.
    await page.reload({ waitUntil: 'load' });
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Claire Dupont-Lefèvre, Ressourcerie');
    expect(await question(page, 'objectifs.constats').getByLabel('Engagé, en cours').isChecked()).toBe(true);
    expect(await question(page, 'objectifs.constats').getByLabel('Diagnostics territoriaux').isChecked()).toBe(true);
    expect(await question(page, 'objectifs.constats').getByLabel('Précisions à apporter').inputValue()).toBe(HOSTILE);
    expect(await progressText(page)).toMatch(/^2 sur /);

    // Continue: a condition (no structure porteuse yet → no question on its statuts), a multi, a number.
    await choose(page, 'structure-porteuse.forme', 'Pas encore de structure porteuse');
    await expect.poll(() => question(page, 'structure-porteuse.statuts').isHidden()).toBe(true);
    await choose(page, 'structure-porteuse.forme', 'Association');
    await expect.poll(() => question(page, 'structure-porteuse.statuts').isVisible()).toBe(true);
    await choose(page, 'structure-porteuse.statuts', 'Acquis, formalisé');
    await choose(page, 'gouvernance.espaces-implication', 'Je ne sais pas');
    await choose(page, 'actions.actions-engagees', 'Non concerné');
    await expect.poll(() => progressText(page)).toMatch(/^6 sur /);

    // The hostile note stayed text: no element made of it, no dialog, shown as typed.
    expect(await page.locator('main img').count()).toBe(0);

    const { suggested, path } = await download(page, 'claire.yaml');
    expect(suggested).toBe('cap-ptce-reponses-claire-dupont-lefevre-ressourcerie.yaml');
    // The page named the file before it was saved.
    expect(await page.locator('#file-name').textContent()).toBe(suggested);
    await expect.poll(() => page.locator('#status').textContent()).toContain(suggested);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^updatedAt: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/m);
    const file = parse(text) as Record<string, any>;
    expect(file.format).toBe('cap-ptce/answers@1');
    expect(file.grid).toEqual({ id: 'cap-ptce', version: '1.1.0' });
    expect(file.project).toEqual({ name: 'Pôle « Val de Bray »' });
    expect(file.respondent).toBe('Claire Dupont-Lefèvre, Ressourcerie');
    expect(file.answers['objectifs.constats'].note).toBe(HOSTILE);
    expect(file.answers['objectifs.constats'].examples).toEqual(['Diagnostics territoriaux', 'Enquête auprès des habitants (2025)', 'Atelier des élus']);
    expect(file.answers['structure-porteuse.forme'].value).toBe('association');

    const validated = await runInProcess(['validate', path]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    await expectSameScores(
      path,
      {
        'objectifs.constats': { value: 'engage' },
        'objectifs.axes': { value: 'en-reflexion' },
        'structure-porteuse.forme': { value: 'association' },
        'structure-porteuse.statuts': { value: 'acquis' },
        'gouvernance.espaces-implication': { value: 'ne-sait-pas' },
        'actions.actions-engagees': { value: 'non-concerne' },
      },
      { id: 'cap-ptce', version: '1.0.0' },
    );

    // A second participant on the same laptop: erase, answer, download; the folder gives the synthesis.
    await page.locator('details.reset summary').click();
    await page.getByRole('button', { name: 'Effacer les réponses de ce navigateur' }).click();
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('');
    expect(await progressText(page)).toMatch(/^0 sur /);
    await page.getByLabel('Nom du projet').fill('Pôle « Val de Bray »');
    await page.getByLabel('Votre nom').fill('Mehdi');
    await choose(page, 'objectifs.constats', 'Pas encore abordé');
    await choose(page, 'structure-porteuse.forme', 'Pas encore de structure porteuse');
    const mehdi = await download(page, 'mehdi.yaml');
    expect(mehdi.suggested).toBe('cap-ptce-reponses-mehdi.yaml');
    expect(Object.keys((parse(readFileSync(mehdi.path, 'utf8')) as { answers: object }).answers)).toEqual(['objectifs.constats', 'structure-porteuse.forme']);

    const folder = join(dir, 'dossier');
    mkdirSync(folder);
    writeFileSync(join(folder, suggested), text);
    writeFileSync(join(folder, mehdi.suggested), readFileSync(mehdi.path));
    const synthesis = await runInProcess(['report', folder, '--format', 'md']);
    expect(synthesis.code, synthesis.stderr).toBe(0);
    expect(synthesis.stdout).toContain('Claire Dupont-Lefèvre');
    expect(synthesis.stdout).toContain('Mehdi');
    // The note is Markdown-escaped in the synthesis: no raw tag reaches it.
    expect(synthesis.stdout).not.toContain('<img');

    expect(problems).toEqual([]);
    expect(offFile).toEqual([]);
    await close();
  });

  it('asks for the name before saving, and works with the keyboard alone', async () => {
    const { page, problems, close } = await open(formFile);
    await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Indiquez d’abord votre nom');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('respondent');
    await page.keyboard.type('Sophie');
    // Enter in a text field does not send the form anywhere (the CSP would log a refusal).
    await page.keyboard.press('Enter');
    // Tab to the first answer of the first question, choose with the arrows, tick an example with Space.
    await page.locator('#project-territory').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('v:objectifs.constats');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await question(page, 'objectifs.constats').getByLabel('Engagé, en cours').isChecked()).toBe(true);
    // The focused answer is outlined (3 px), not only coloured.
    const outline = await page.evaluate(() => getComputedStyle((document.activeElement as HTMLElement).closest('label')!).outlineWidth);
    expect(outline).toBe('3px');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await question(page, 'objectifs.constats').getByLabel('Diagnostics territoriaux').isChecked()).toBe(true);
    const { suggested } = await download(page, 'sophie.yaml');
    expect(suggested).toBe('cap-ptce-reponses-sophie.yaml');
    expect(problems).toEqual([]);
    await close();
  });

  it('has enough contrast: every visible text at 4.5:1 at least against its background', async () => {
    const { page, close } = await open(formFile);
    await choose(page, 'objectifs.constats', 'Engagé, en cours');
    await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click(); // shows the error status
    const low = await page.evaluate(() => {
      const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]): number => {
        const f = (v: number): number => {
          const x = v / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('script, [hidden]') || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.clipPath === 'inset(50%)') continue;
        const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(background(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className}: ${n.textContent.trim().slice(0, 40)}`);
      }
      return out;
    });
    expect(low).toEqual([]);
    await close();
  });

  it('a custom grid gives its own form: its questions, types and conditions, its id and version', async () => {
    const { page, problems, offFile, close } = await open(customFile);
    expect(await page.locator('h1').textContent()).toContain('Grille maison\u00a0: mobilité solidaire');
    expect(await page.locator('fieldset.question').count()).toBe(6);
    // Conditions: « reseau » needs 3 structures or more; « garage-detail » needs the garage ticked and an answer on « porteur ».
    expect(await question(page, 'bases.reseau').isHidden()).toBe(true);
    expect(await question(page, 'activites.garage-detail').isHidden()).toBe(true);
    await page.getByLabel('Votre nom').fill('Lucie');
    await question(page, 'bases.membres').getByLabel('Votre réponse').fill('2');
    await question(page, 'activites.themes').getByLabel('Garage solidaire').check();
    expect(await question(page, 'bases.reseau').isHidden()).toBe(true);
    expect(await question(page, 'activites.garage-detail').isHidden()).toBe(true);
    await question(page, 'bases.membres').getByLabel('Votre réponse').fill('4');
    await choose(page, 'bases.porteur', 'Oui');
    await expect.poll(() => question(page, 'bases.reseau').isVisible()).toBe(true);
    await expect.poll(() => question(page, 'activites.garage-detail').isVisible()).toBe(true);
    await choose(page, 'bases.reseau', 'Un peu');
    await question(page, 'activites.themes').getByLabel('Atelier vélo').check();
    await question(page, 'activites.garage-detail').getByLabel('Votre réponse').fill(`Deux mécaniciens bénévoles ${HOSTILE}`);
    await choose(page, 'activites.usagers', 'Beaucoup');
    await expect.poll(() => progressText(page)).toBe('6 sur 6\u00a0questions (100\u00a0%)');

    const { suggested, path } = await download(page, 'lucie.yaml');
    expect(suggested).toBe('cap-ptce-reponses-lucie.yaml');
    const file = parse(readFileSync(path, 'utf8')) as Record<string, any>;
    expect(file.grid).toEqual({ id: 'atelier-mobilite', version: '2.1.0' });
    expect(file.answers).toMatchObject({
      'bases.porteur': { value: true },
      'bases.membres': { value: 4 },
      'activites.themes': { value: ['garage', 'velo'] },
      'activites.garage-detail': { value: `Deux mécaniciens bénévoles ${HOSTILE}` },
    });
    const validated = await runInProcess(['validate', path, '--grid', CUSTOM_GRID]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    await expectSameScores(
      path,
      {
        'bases.porteur': { value: true },
        'bases.membres': { value: 4 },
        'bases.reseau': { value: 'un-peu' },
        'activites.themes': { value: ['garage', 'velo'] },
        'activites.garage-detail': { value: 'texte' },
        'activites.usagers': { value: 'beaucoup' },
      },
      { id: 'atelier-mobilite', version: '2.1.0' },
      ['--grid', CUSTOM_GRID],
    );
    expect(problems).toEqual([]);
    expect(offFile).toEqual([]);
    await close();
  });

  it("--parcours essentiel: only the path's questions, and a file the report reads as that short path", async () => {
    const { page, problems, offFile, close } = await open(shortFile);
    const { index } = loadGrid(undefined, '2026-11-27');
    const ids = index.grid.paths.essentiel!.questions;
    expect(await page.locator('fieldset.question').count()).toBe(ids.length);
    expect(await page.locator('.path').textContent()).toContain('Parcours essentiel');
    await page.screenshot({ path: join(ARTIFACTS, 'essentiel-top.png') });
    await page.getByLabel('Votre nom').fill('Nadia');
    await choose(page, 'objectifs.constats', 'Acquis, formalisé');
    await choose(page, 'structure-porteuse.forme', 'Coopérative');
    const { path } = await download(page, 'nadia.yaml');
    const file = parse(readFileSync(path, 'utf8')) as Record<string, any>;
    expect(file.path).toBe('essentiel');
    expect((await runInProcess(['validate', path])).code).toBe(0);
    const r = await runInProcess(['report', path, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { shortPath?: { id: string } }).shortPath?.id).toBe('essentiel');
    expect(problems).toEqual([]);
    expect(offFile).toEqual([]);
    await close();
  });

  it('a hostile grid shows its text as text, and its examples reach the file intact', async () => {
    const { page, problems, offFile, close } = await open(hostileFile);
    // The page's own elements only: the grid's <script>, <img>, <b> are text.
    expect(await page.locator('main script, main img, main b, main i, main u').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('h1').textContent()).toContain('<script>alert(1)</script>');
    await page.getByLabel('Votre nom').fill('Zoé');
    await choose(page, 'piege.forme', '**gras**');
    await question(page, 'piege.taille').getByLabel(/Votre réponse/).fill('12');
    await expect.poll(() => question(page, 'piege.detail').isVisible()).toBe(true);
    await question(page, 'piege.detail').getByLabel("<script>alert('ex')</script>").check();
    await question(page, 'piege.detail').getByLabel('Votre réponse', { exact: true }).fill('Un texte');
    const { path } = await download(page, 'zoe.yaml');
    const file = parse(readFileSync(path, 'utf8')) as Record<string, any>;
    expect(file.answers['piege.detail'].examples).toEqual(["<script>alert('ex')</script>"]);
    expect(file.answers['piege.taille'].value).toBe(12);
    const validated = await runInProcess(['validate', path, '--grid', HOSTILE_GRID]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    expect(problems).toEqual([]);
    expect(offFile).toEqual([]);
    await close();
  });

  it('reads well on a 390-px phone and a 1280-px laptop (screenshots to look at)', async () => {
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['laptop', { width: 1280, height: 900 }],
    ] as const) {
      const { page, problems, close } = await open(formFile, viewport);
      await page.getByLabel('Nom du projet').fill('Pôle coopératif du Val de Bray');
      await page.getByLabel('Votre nom').fill('Claire');
      // A finger on the phone, a mouse on the laptop.
      const answer = question(page, 'objectifs.constats').locator('label.choice', { hasText: 'Engagé, en cours' });
      if (name === 'phone') await answer.tap();
      else await answer.click();
      await expect.poll(() => progressText(page)).toMatch(/^1 sur /);
      // Nothing wider than the screen: no sideways scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, `${name}-top.png`) });
      await question(page, 'objectifs.axes').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(ARTIFACTS, `${name}-question.png`) });
      await choose(page, 'structure-porteuse.forme', 'Association');
      await question(page, 'structure-porteuse.statuts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(ARTIFACTS, `${name}-condition.png`) });
      await page.locator('#fin').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(ARTIFACTS, `${name}-fin.png`) });
      // The progress bar stays at the top of the screen while scrolling.
      expect(Math.round((await page.locator('.progress-bar').boundingBox())!.y)).toBe(0);
      expect(problems).toEqual([]);
      await close();
    }
  });
});
