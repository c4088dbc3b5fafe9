// Inputs that used to take quadratic time (a pull request could stall CI): each must finish.
// The timeouts are generous on purpose (loaded 2-core machines); bench/run.mjs measures the speed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexGrid } from '../../src/model/grid-index.js';
import { escapeText } from '../../src/render/markdown.js';
import { tidyMarkdown } from '../../src/render/templating.js';
import { trimLineEnds } from '../../src/text/trim.js';
import { validateText } from '../../src/validation/validate.js';
import { repoRoot, runInProcess } from '../helpers.js';

const example = readFileSync(join(repoRoot, 'examples', 'projet-emergent.yaml'), 'utf8');
const gridText = readFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), 'utf8');
const TIMEOUT = 60_000;

describe('quadratic inputs finish', () => {
  it('a 100 KB word, a 100 KB link, a 100 KB e-mail-like word in a note', () => {
    const word = 'a'.repeat(100_000);
    expect(escapeText(word)).toBe(word);
    expect(escapeText(`voir http://${word}`)).toBe(`voir http://${word}`); // too long to be a link: plain text
    expect(escapeText(`${word}@exemple.fr`)).toBe(`${word}@exemple.fr`);
    expect(escapeText('écrire à contact@exemple.fr ou voir https://exemple.fr/page.')).toBe('écrire à <contact@exemple.fr> ou voir <https://exemple.fr/page>.');
    expect(escapeText('http://.'.repeat(12_500))).toContain('http://');
  }, TIMEOUT);

  it('« a », 100 000 spaces, « x »: trailing spaces trimmed line by line', () => {
    const text = `a${' '.repeat(100_000)}x\nfin   \n`;
    expect(trimLineEnds(text)).toBe(`a${' '.repeat(100_000)}x\nfin\n`);
    expect(tidyMarkdown(`# T  \n\n\n\na${' '.repeat(100_000)}`)).toBe('# T\n\na\n');
  }, TIMEOUT);

  it('an answers file with 30 000 unknown ids (100 000 in bench/run.mjs): kept, counted, a few hundred listed', () => {
    const index = indexGrid(validateText(gridText, 'g.yaml', { today: '2026-11-27', expect: 'grid' }).grid!);
    const text = example + Array.from({ length: 30_000 }, (_, i) => `  inconnue.q${i}:\n    value: engage\n`).join('');
    const r = validateText(text, 'r.yaml', { today: '2026-11-27', expect: 'answers', grid: index });
    expect(Object.keys(r.answers!.answers)).toHaveLength(30_000 + Object.keys(validateText(example, 'e', { today: '2026-11-27', expect: 'answers' }).answers!.answers).length);
    const unknown = r.diagnostics.filter((d) => d.code === 'UNKNOWN_ANSWER');
    expect(unknown).toHaveLength(201);
    // Exact places, found from the fast parser's events (the slow parser's document is not built).
    const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(unknown[0]).toMatchObject({ line: lineOf('  inconnue.q0:'), col: 3, severity: 'warning', path: 'answers["inconnue.q0"]' });
    expect(unknown[199]).toMatchObject({ line: lineOf('  inconnue.q199:'), col: 3 });
    expect(unknown.at(-1)!.message).toContain('et 29800 autres réponses à des questions absentes');
    expect(unknown.at(-1)).toMatchObject({ line: lineOf('answers:'), col: 1 });
  }, TIMEOUT);

  it('a report of such a file lists a few hundred answers outside the grid and counts the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-inconnues-'));
    const file = join(dir, 'r.yaml');
    writeFileSync(file, example + Array.from({ length: 30_000 }, (_, i) => `  inconnue.q${i}:\n    value: engage\n`).join(''));
    const md = await runInProcess(['report', file, '--full', '--out', '-']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- inconnue.q199 : engage\n- et 29800 autres, gardées elles aussi dans le fichier');
    expect(md.stdout).not.toContain('inconnue.q200 ');
    const json = await runInProcess(['report', file, '--format', 'json', '--out', '-']);
    const data = JSON.parse(json.stdout) as { respondents: { unmatched: unknown[]; unmatchedMore: number }[] };
    expect(data.respondents[0]).toMatchObject({ unmatchedMore: 29_800 });
    expect(data.respondents[0]!.unmatched).toHaveLength(200);
    rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it('a grid with 50 000 unknown keys: refused, located, counted', () => {
    let text = 'format: cap-ptce/grid@1\nid: x\nversion: 1.0.0\n';
    for (let i = 0; i < 50_000; i++) text += `cle${i}: 1\n`;
    const r = validateText(text, 'g.yaml', { today: '2026-11-27' });
    const unknown = r.diagnostics.filter((d) => d.code === 'SCHEMA_UNKNOWN_KEY');
    expect(unknown.length).toBe(201);
    expect(unknown.some((d) => d.message.includes('et 49800 autres clés inconnues'))).toBe(true);
    expect(unknown.find((d) => d.path === 'cle0')).toMatchObject({ line: 4, col: 1 });
  }, TIMEOUT);
});
