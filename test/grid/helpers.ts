// Shared by the worksheet tests: lint Markdown with the repository's markdownlint-cli2 config, and
// cut a worksheet into its question sections.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cap-ptce-grid-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs markdownlint-cli2 (the project's dev dependency) on the Markdown, with the committed
 * `.markdownlint-cli2.jsonc`; returns its error lines (empty when the file passes).
 */
export function markdownlint(markdown: string, name = 'fiche-atelier.md'): string[] {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, name), markdown);
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), name, '--config', join(repoRoot, '.markdownlint-cli2.jsonc')],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    if (r.status === 0) return [];
    const problems = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes(name) && /MD\d{3}/.test(l));
    return problems.length > 0 ? problems : [`markdownlint-cli2 a renvoyé ${r.status} : ${r.stderr || r.stdout}`];
  } finally {
    cleanup();
  }
}

export interface QuestionSection {
  /** "5.2" */
  number: string;
  heading: string;
  body: string;
}

/** The worksheet cut at each question heading (« ### 5.2 … »), up to the next heading. */
export function questionSections(markdown: string): QuestionSection[] {
  const out: QuestionSection[] = [];
  const re = /^### (\d+\.\d+) (.*)$/gm;
  const matches = [...markdown.matchAll(re)];
  matches.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const rest = markdown.slice(start, matches[i + 1]?.index ?? markdown.length);
    const end = rest.search(/^#{1,3} /m);
    out.push({ number: m[1]!, heading: m[2]!, body: end === -1 ? rest : rest.slice(0, end) });
  });
  return out;
}

/** The labels of the unticked boxes (« - [ ] label ») in a piece of Markdown, in order. */
export function boxes(markdown: string): string[] {
  return [...markdown.matchAll(/^- \[ \] (.*)$/gm)].map((m) => m[1]!);
}
