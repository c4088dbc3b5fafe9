// `report --anonymous`: no participant's name left in any format (Markdown, JSON, HTML with its
// radar legend, CSV, the terminal view), names inside notes and group positions included, file
// names not shown, « Participant A, B, C » in the order of the files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { anonymizer, nameForms, participantLabel } from '../../src/analysis/anonymize.js';
import { runInProcess } from '../helpers.js';
import { ATELIER, PEOPLE, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const folder = join(dir, 'atelier');

/** Every form of the three names, and the file names, that must not appear. */
const NAMES = ['Claire', 'Martin', 'Mehdi', 'Benali', 'Sophie', 'Lefèvre', 'claire.yaml', 'mehdi.yaml', 'sophie.yaml'];

beforeAll(() => {
  mkdirSync(folder);
  for (const p of PEOPLE) copyFileSync(join(ATELIER, `${p}.yaml`), join(folder, `${p}.yaml`));
  // Names written inside a note, an own example and a group position, as people do.
  const claire = parse(readFileSync(join(folder, 'claire.yaml'), 'utf8'));
  Object.assign(claire.answers['objectifs.constats'], {
    examples: ['Entretien avec Mehdi Benali'],
    note: "Vu avec Mehdi et SOPHIE ; l'eau claire du bocage ; tout est vu.",
    position: { value: 'engage', note: 'Sophie relancera Mehdi', dissent: [{ respondent: 'Mehdi Benali', why: 'Claire sous-estime le diagnostic' }] },
  });
  writeFileSync(join(folder, 'claire.yaml'), stringify(claire));
});

function expectNoName(text: string): void {
  for (const name of NAMES) expect(text, `« ${name} » est resté`).not.toContain(name);
}

describe('report --anonymous', () => {
  it.each(['md', 'json', 'html', 'csv'] as const)('leaves no name in the %s output', async (format) => {
    const r = await runInProcess(['report', folder, '--anonymous', '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    expectNoName(r.stdout);
    expect(r.stdout).toContain('Participant A');
    expect(r.stdout).toContain('Participant C');
  });

  it('keeps the order of the files and says who is who the same way everywhere', async () => {
    const json = JSON.parse((await runInProcess(['report', folder, '--anonymous', '--format', 'json'])).stdout);
    expect(json.respondents).toEqual(['Participant A', 'Participant B', 'Participant C']);
    const md = (await runInProcess(['report', folder, '--anonymous'])).stdout;
    expect(md).toContain('- **Participants :** Participant A ; Participant B ; Participant C\n');
    // Names inside notes become the same labels; common words that only look like a name stay.
    expect(md).toContain("Vu avec Participant B et Participant C ; l'eau claire du bocage ; tout est vu.");
    expect(md).toContain('Participant B ne la partage pas : Participant A sous-estime le diagnostic');
    const html = (await runInProcess(['report', folder, '--anonymous', '--format', 'html'])).stdout;
    // The radar's legend and the per-participant table.
    expect(html).toMatch(/<li>.*Participant A<\/li>/);
    expect(html).toContain('Position commune :');
  });

  it('written with --out, the file does not name the answers files either, and a re-run replaces it', async () => {
    const files = ['claire', 'mehdi', 'sophie'].map((p) => join(folder, `${p}.yaml`));
    for (const format of ['md', 'json'] as const) {
      const out = join(dir, `anonyme.${format}`);
      expect((await runInProcess(['report', ...files, '--anonymous', '--format', format, '--out', out])).code).toBe(0);
      expectNoName(readFileSync(out, 'utf8'));
      expect((await runInProcess(['report', ...files, '--anonymous', '--format', format, '--out', out])).code).toBe(0);
      // Other answers: not replaced without --force.
      expect((await runInProcess(['report', ...files.slice(0, 2), '--anonymous', '--format', format, '--out', out])).code).toBe(2);
    }
  });

  it('a single answers file: the respondent becomes Participant A, the file name is not shown', async () => {
    const r = await runInProcess(['report', join(folder, 'sophie.yaml'), '--anonymous']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- **Réponses de :** Participant A\n');
    expectNoName(r.stdout);
  });

  it('without --anonymous, the names are there (the test above proves something)', async () => {
    const r = await runInProcess(['report', folder, '--format', 'json']);
    expect(r.stdout).toContain('Mehdi Benali');
    expect(r.stdout).toContain('claire.yaml');
  });
});

describe('anonymizer (pure)', () => {
  it('labels A…Z then AA', () => {
    expect([0, 1, 25, 26, 27].map(participantLabel)).toEqual(['Participant A', 'Participant B', 'Participant Z', 'Participant AA', 'Participant AB']);
  });

  it('looks for the full name, the person before a comma, and each capitalised word', () => {
    expect(nameForms('Claire Dufour, Ressourcerie du Ternois')).toEqual(['Claire Dufour, Ressourcerie du Ternois', 'Claire Dufour', 'Claire', 'Dufour']);
    const a = anonymizer([{ respondent: 'Claire Dufour, Ressourcerie du Ternois' }, { respondent: 'Jean-Éric Ndiaye' }]);
    expect(a.text('Claire Dufour et Jean-Éric en parlent ; Éric aussi ; NDIAYE signe.')).toBe('Participant A et Participant B en parlent ; Participant B aussi ; Participant B signe.');
  });
});
