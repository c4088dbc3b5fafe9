// The form page as text (no browser): what `grid --format form` writes, where, and what cannot get
// into it. The browser tests (browser.test.ts) check what a participant sees and downloads.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildForm, frenchSpaces } from '../../src/analysis/form.js';
import { loadGrid } from '../../src/io/load.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { FORM_HTML_TEMPLATE, FORM_SCRIPT, FORM_STYLE, jsonForScript, renderFormHtml } from '../../src/render/form.js';
import { repoRoot, runInProcess } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-form-render-'));
const HOSTILE_GRID = join(repoRoot, 'test/grid/fixtures/hostile.yaml');

function render(gridPath?: string): string {
  const { index } = loadGrid(gridPath, '2026-11-27');
  return renderFormHtml(buildForm(index), packagedTemplate(FORM_HTML_TEMPLATE), packagedTemplate(FORM_STYLE), packagedTemplate(FORM_SCRIPT));
}

/** The text of every <script> element, in order, as the browser would split the page. */
function scripts(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({ attrs: m[1]!, body: m[2]! }));
}

describe('the form page', () => {
  it('names its one script by the SHA-256 of its exact text in the CSP, and allows nothing else', () => {
    const html = render();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const [data, code] = scripts(html);
    expect(scripts(html)).toHaveLength(2);
    expect(data!.attrs).toContain('type="application/json"');
    expect(code!.attrs).toBe('');
    expect(code!.body).toBe(packagedTemplate(FORM_SCRIPT));
    const hash = createHash('sha256').update(code!.body, 'utf8').digest('base64');
    expect(csp).toBe(`default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html).toContain('<html lang="fr">');
    // No address anywhere the browser would fetch.
    expect(html).not.toMatch(/\b(src|href|action)="(?!data:|#)/i);
  });

  it('embeds the grid as JSON that no text can break out of', () => {
    const html = render(HOSTILE_GRID);
    const [data] = scripts(html);
    // The hostile grid holds « </script> » and « <!-- »-like text: nothing of it ends the JSON block early.
    expect(data!.body).not.toMatch(/[<>&\u2028\u2029]/);
    const model = JSON.parse(data!.body) as { grid: { id: string }; questions: { id: string; examples: string[] }[] };
    expect(model.grid.id).toBe('piegee');
    expect(model.questions.find((q) => q.id === 'piege.detail')!.examples).toContain("<script>alert('ex')</script>");
    // In the markup, the grid's HTML is escaped text.
    expect(html).toContain('&lt;script&gt;alert(&#x27;ex&#x27;)&lt;/script&gt;');
    expect(html).not.toMatch(/<(img|b|i|u)\b/i);
    // No control character (ANSI escapes) reaches the page.
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('jsonForScript keeps every value and escapes what could close the element', () => {
    const value = { a: '</script><!-- & \u2028 \u2029 >' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('refuses a script or a stylesheet that would end its own element', () => {
    const data = buildForm(loadGrid(undefined, '2026-11-27').index);
    const t = packagedTemplate(FORM_HTML_TEMPLATE);
    expect(() => renderFormHtml(data, t, '', 'var x = "</script>";')).toThrow(/script/);
    expect(() => renderFormHtml(data, t, 'a{}</style>', '')).toThrow(/style/);
  });

  it('spaces French punctuation without changing the words', () => {
    expect(frenchSpaces('Sont-ils partagés ? Oui : « bien »')).toBe('Sont-ils partagés\u00a0? Oui\u00a0: «\u00a0bien\u00a0»');
    expect(frenchSpaces('https://exemple.fr')).toBe('https://exemple.fr');
  });

  it('every question of the grid is a fieldset, in the grid order, with one field per answer kind', () => {
    const html = render();
    const { index } = loadGrid(undefined, '2026-11-27');
    const ids = [...html.matchAll(/<fieldset class="question" id="[^"]+" data-q="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(index.questions.map((q) => q.fullId));
    for (const ref of index.questions.filter((q) => q.question.type === 'scale')) {
      expect(html.match(new RegExp(`type="radio" name="v:${ref.fullId.replace('.', '\\.')}"`, 'g'))).toHaveLength(ref.choices.length);
    }
  });
});

describe('cap-ptce grid --format form', () => {
  it('writes the page where asked and says what to do with it', async () => {
    const out = join(dir, 'questionnaire.html');
    const r = await runInProcess(['grid', '--format', 'form', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Questionnaire écrit');
    expect(r.stderr).toContain('cap-ptce report DOSSIER');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('on a terminal without --out, writes ./questionnaire.html rather than HTML on the screen', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cap-ptce-form-cwd-'));
    const r = await runInProcess(['grid', '--format', 'form'], { stdoutIsTTY: true, cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(join(cwd, 'questionnaire.html'))).toBe(true);
    expect(r.stderr).toContain('chemin par défaut');
  });

  it('does not overwrite a file unasked', async () => {
    const out = join(dir, 'existe.html');
    writeFileSync(out, 'le travail de quelqu’un');
    const r = await runInProcess(['grid', '--format', 'form', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('le travail de quelqu’un');
    expect((await runInProcess(['grid', '--format', 'form', '--out', out, '--force'])).code).toBe(0);
  });

  it('--entries gives a shorter form, with its own storage key', async () => {
    const r = await runInProcess(['grid', '--format', 'form', '--entries', 'objectifs']);
    expect(r.code).toBe(0);
    const model = JSON.parse(scripts(r.stdout)[0]!.body) as { storageKey: string; questions: { id: string }[] };
    expect(model.questions.every((q) => q.id.startsWith('objectifs.'))).toBe(true);
    expect(model.storageKey).toBe('cap-ptce-form:cap-ptce@1.1.0:objectifs');
  });
});

describe('grid --format form: where it refuses to write', () => {
  it('not over its own grid, not into a folder', async () => {
    const grid = join(dir, 'grille.yaml');
    writeFileSync(grid, readFileSync(join(repoRoot, 'test/form/fixtures/grille-atelier.yaml')));
    const over = await runInProcess(['grid', '--format', 'form', '--grid', grid, '--out', grid, '--force']);
    expect(over.code).not.toBe(0);
    expect(readFileSync(grid, 'utf8')).toContain('format: cap-ptce/grid@1');
    const folder = await runInProcess(['grid', '--format', 'form', '--out', dir]);
    expect(folder.code).not.toBe(0);
    expect(folder.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('grid --parcours', () => {
  it('is for the form only: the printable sheet says so', async () => {
    const r = await runInProcess(['grid', '--format', 'html', '--parcours', 'essentiel']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format form');
  });

  it("an unknown path is a usage error naming the grid's paths", async () => {
    const r = await runInProcess(['grid', '--format', 'form', '--parcours', 'esentiel']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('essentiel');
  });
});
