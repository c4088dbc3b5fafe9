import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/validation/codes.js';
import { runInProcess, runSpawned, repoRoot } from '../helpers.js';

const fixtures = join(repoRoot, 'test/fixtures/validate');
const grid = join(fixtures, 'valid-grid.yaml');

interface Case {
  code: string;
  /** A committed fixture, or content made by the test (hostile files too big or odd to commit). */
  file: string;
  line: number;
  col: number;
  /** Answers files are checked against the fixture grid. */
  answers?: boolean;
  exit?: number;
}

let generated: string;
function make(name: string, content: string | Buffer): string {
  const path = join(generated, name);
  writeFileSync(path, content);
  return path;
}

const cases: Case[] = [
  { code: 'EMPTY_FILE', file: 'empty-file.yaml', line: 1, col: 1 },
  { code: 'YAML_SYNTAX', file: 'yaml-syntax.yaml', line: 8, col: 1 },
  { code: 'YAML_UNSAFE', file: 'yaml-unsafe.yaml', line: 7, col: 14 },
  { code: 'YAML_DUPLICATE_KEY', file: 'yaml-duplicate-key.yaml', line: 15, col: 1 },
  { code: 'NOT_A_MAPPING', file: 'not-a-mapping.yaml', line: 1, col: 1 },
  { code: 'UNKNOWN_FORMAT', file: 'unknown-format.yaml', line: 1, col: 9 },
  { code: 'SCHEMA_REQUIRED', file: 'schema-required.yaml', line: 16, col: 5 },
  { code: 'SCHEMA_TYPE', file: 'schema-type.yaml', line: 24, col: 19 },
  { code: 'SCHEMA_UNKNOWN_KEY', file: 'schema-unknown-key.yaml', line: 24, col: 9 },
  { code: 'SCHEMA_VALUE', file: 'schema-value.yaml', line: 22, col: 15 },
  { code: 'SCHEMA_FORMAT', file: 'schema-format.yaml', line: 16, col: 9 },
  { code: 'SCHEMA_RANGE', file: 'schema-range.yaml', line: 24, col: 17 },
  { code: 'SCHEMA_CONDITION', file: 'schema-condition.yaml', line: 25, col: 15 },
  { code: 'DUPLICATE_ID', file: 'duplicate-id.yaml', line: 21, col: 15 },
  { code: 'EMPTY_ENTRY', file: 'empty-entry.yaml', line: 24, col: 16 },
  { code: 'MISSING_ANSWERS', file: 'missing-answers.yaml', line: 21, col: 9 },
  { code: 'UNEXPECTED_ANSWERS', file: 'unexpected-answers.yaml', line: 21, col: 52 },
  { code: 'UNKNOWN_ANSWER_SET', file: 'unknown-answer-set.yaml', line: 20, col: 61 },
  { code: 'ANSWER_SET_TOO_SMALL', file: 'answer-set-too-small.yaml', line: 25, col: 11 },
  { code: 'ANSWER_SET_NO_SCORE', file: 'answer-set-no-score.yaml', line: 25, col: 11 },
  { code: 'UNKNOWN_QUESTION', file: 'unknown-question.yaml', line: 26, col: 20 },
  { code: 'FORWARD_REFERENCE', file: 'forward-reference.yaml', line: 24, col: 20 },
  { code: 'UNKNOWN_CHOICE', file: 'unknown-choice.yaml', line: 25, col: 11 },
  { code: 'CONDITION_TYPE', file: 'condition-type.yaml', line: 25, col: 39 },
  { code: 'UNKNOWN_PREREQUISITE', file: 'unknown-prerequisite.yaml', line: 47, col: 17 },
  { code: 'PREREQUISITE_CYCLE', file: 'prerequisite-cycle.yaml', line: 48, col: 17 },
  { code: 'LEVELS_START', file: 'levels-start.yaml', line: 13, col: 21 },
  { code: 'LEVELS_NOT_ASCENDING', file: 'levels-not-ascending.yaml', line: 15, col: 23 },
  { code: 'UNKNOWN_PROGRAMME', file: 'unknown-programme.yaml', line: 28, col: 18 },
  { code: 'UNKNOWN_STAGE', file: 'unknown-stage.yaml', line: 28, col: 14 },
  { code: 'PROGRAMME_DATES', file: 'programme-dates.yaml', line: 27, col: 13 },
  { code: 'UNUSED_ANSWER_SET', file: 'unused-answer-set.yaml', line: 12, col: 3, exit: 0 },
  { code: 'PROGRAMME_CLOSED', file: 'programme-closed.yaml', line: 27, col: 13, exit: 0 },
  { code: 'GAP_LEVEL_MISSING', file: 'gap-level-missing.yaml', line: 29, col: 9, exit: 0 },
  { code: 'PATH_CONDITION', file: 'path-condition.yaml', line: 68, col: 9, exit: 0 },
  { code: 'SOURCE_MISSING', file: 'source-missing.yaml', line: 21, col: 5, exit: 0 },
  { code: 'GRID_MISMATCH', file: 'grid-mismatch.yaml', line: 2, col: 13, answers: true },
  { code: 'GRID_VERSION', file: 'grid-version.yaml', line: 2, col: 28, answers: true },
  { code: 'UNKNOWN_ANSWER', file: 'unknown-answer.yaml', line: 6, col: 3, answers: true, exit: 0 },
  { code: 'INVALID_ANSWER', file: 'invalid-answer.yaml', line: 5, col: 12, answers: true },
  // Made by the test: too large, binary, deeply nested, alias bomb.
  { code: 'FILE_TOO_LARGE', file: '@big.yaml', line: 1, col: 1 },
  { code: 'FILE_NOT_FOUND', file: '@absent.yaml', line: 1, col: 1, exit: 2 },
  { code: 'BINARY_CONTENT', file: '@binary.yaml', line: 1, col: 1 },
  { code: 'NESTING_TOO_DEEP', file: '@deep-flow.yaml', line: 2, col: 114 },
  { code: 'YAML_ALIAS_LIMIT', file: '@alias-bomb.yaml', line: 1, col: 1 },
];

beforeAll(() => {
  generated = mkdtempSync(join(tmpdir(), 'cap-ptce-validate-'));
  make('big.yaml', `format: cap-ptce/grid@1\ndescription: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
  make('binary.yaml', Buffer.from([0x66, 0x6f, 0x72, 0x6d, 0x00, 0x01, 0xff, 0xfe, 0x00]));
  make('deep-flow.yaml', `format: cap-ptce/grid@1\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  const bomb = ['format: cap-ptce/grid@1', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  make('alias-bomb.yaml', `${bomb.join('\n')}\n`);
});

function pathOf(c: Case): string {
  return c.file.startsWith('@') ? join(generated, c.file.slice(1)) : join(fixtures, c.file);
}

function argsOf(c: Case): string[] {
  return ['validate', ...(c.answers ? ['--grid', grid] : []), pathOf(c)];
}

describe('validate: one fixture per diagnostic code, with its position', () => {
  it('covers every code the tool can print', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(Object.keys(DIAGNOSTIC_CODES)));
  });

  it.each(cases)('$code in-process at $line:$col', async (c) => {
    const r = await runInProcess(argsOf(c));
    expect(r.code).toBe(c.exit ?? 1);
    const line = r.stdout.split('\n').find((l) => l.includes(` ${c.code} `));
    expect(line, r.stdout + r.stderr).toBeDefined();
    expect(line).toContain(`${pathOf(c)}:${c.line}:${c.col}  `);
    // Every message is French and says what to do, never a stack trace.
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});

describe('validate as a spawned process (the same table, real exit codes)', () => {
  it.each(cases.filter((_, i) => i % 3 === 0))('$code', (c) => {
    const r = runSpawned(argsOf(c));
    expect(r.code).toBe(c.exit ?? 1);
    expect(r.stdout).toContain(` ${c.code} `);
  });

  it('passes on the embedded grid with no argument', () => {
    const r = runSpawned(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(' error ');
  });

  it('fails with --strict on warnings only', () => {
    expect(runSpawned(['validate', join(fixtures, 'programme-closed.yaml')]).code).toBe(0);
    expect(runSpawned(['validate', '--strict', join(fixtures, 'programme-closed.yaml')]).code).toBe(1);
  });
});

describe('validate output formats', () => {
  it('github: one ::error annotation per problem, with file, line and col', async () => {
    const r = await runInProcess(['validate', '--format', 'github', join(fixtures, 'schema-unknown-key.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=.*schema-unknown-key\.yaml,line=24,col=9,title=cap-ptce SCHEMA_UNKNOWN_KEY::.*« exemples ».*« examples »/);
  });

  it('json: located diagnostics, file by file', async () => {
    const r = await runInProcess(['validate', '--format', 'json', join(fixtures, 'unknown-question.yaml')]);
    const list = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; line: number; col: number; message: string; severity: string }[] }[] }).files[0]!.diagnostics;
    expect(list.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_QUESTION', line: 26, col: 20, severity: 'error', message: expect.stringContaining('vouliez-vous dire « objectifs.constats »') }),
    ]);
  });

  it('reports every problem of a file, not only the first', async () => {
    const path = make('many.yaml', readFileSync(join(fixtures, 'schema-unknown-key.yaml'), 'utf8').replace('id: mini', 'id: Mini').replace('weight', 'x').replace('type: scale', 'type: echelle'));
    const r = await runInProcess(['validate', path]);
    expect(r.stdout).toContain('SCHEMA_FORMAT');
    expect(r.stdout).toContain('SCHEMA_UNKNOWN_KEY');
    expect(r.stdout).toContain('SCHEMA_VALUE');
  });

  it('checks several files, grids and answers told apart by format', async () => {
    const r = await runInProcess(['validate', grid, join(fixtures, 'valid-answers.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 fichiers vérifiés : aucun problème.');
  });

  it('a missing file is a usage error (exit 2) with the path, not a crash', async () => {
    const r = await runInProcess(['validate', 'introuvable.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('introuvable.yaml:1:1  error FILE_NOT_FOUND  (fichier): fichier introuvable : introuvable.yaml');
  });

  it('an unknown option is a usage error in French', async () => {
    const r = await runInProcess(['validate', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option inconnue « --formt »');
  });

  it('ANSI escapes in a grid never reach the terminal through a message', async () => {
    const path = make('ansi.yaml', readFileSync(join(fixtures, 'valid-grid.yaml'), 'utf8').replace('id: mini', 'id: "mini\\e[2J\\e[31m"'));
    const r = await runInProcess(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b');
  });
});
