// The published JSON Schemas (schema/*.schema.json) checked with an independent validator, ajv, on
// every file the tool writes and every file it ships, read the way common validators read YAML:
// YAML 1.1, as PyYAML and ajv-cli (js-yaml 4) read it, where a plain 2026-11-27T10:00:00Z is a date.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { indexGrid } from '../../src/model/grid-index.js';
import { answersToYaml, applyAnswer, newAnswersFile, setProject } from '../../src/questionnaire/flow.js';
import { validateGridText } from '../../src/validation/validate.js';
import { repoRoot, runSpawned } from '../helpers.js';

// ajv-formats is CommonJS; under ESM its plugin is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function compile(type: 'grid' | 'answers' | 'config') {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', `${type}.schema.json`), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return { schema, validate: ajv.compile(schema) };
}
const grid = compile('grid');
const answers = compile('answers');
const config = compile('config');

function readYaml(path: string): unknown {
  return load(readFileSync(path, 'utf8'), { schema: YAML11_SCHEMA });
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name))
    .sort();
}

const defaultGridText = readFileSync(join(repoRoot, 'questions', 'cap-ptce.yaml'), 'utf8');

describe('the published JSON Schemas', () => {
  it('name themselves ($id, title) and are valid draft-07 schemas', () => {
    const ajv = new Ajv({ strict: false });
    for (const [type, { schema }] of Object.entries({ grid, answers, config })) {
      expect(schema.$id).toBe(`urn:cap-ptce:schema:${type}@1`);
      expect(schema.title).toMatch(/cap-ptce/);
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    }
  });

  it('accept the embedded grid and every grid the tool ships', () => {
    const files = [join(repoRoot, 'questions', 'cap-ptce.yaml')];
    for (const file of files) expect(grid.validate(readYaml(file)), `${file}: ${JSON.stringify(grid.validate.errors)}`).toBe(true);
  });

  it('accept every example answers file named by the README', () => {
    const files = yamlFiles(join(repoRoot, 'examples'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const ok = answers.validate(readYaml(file));
      expect(ok, `${relative(repoRoot, file)}: ${JSON.stringify(answers.validate.errors)}`).toBe(true);
    }
  });

  it('accept an answers file as diagnose writes it, every question answered, timestamps included', () => {
    const { grid: parsed } = validateGridText(defaultGridText, 'questions/cap-ptce.yaml', '2026-11-27');
    const index = indexGrid(parsed!);
    const now = new Date('2026-11-27T14:08:09.221Z');
    let file = setProject(newAnswersFile(index, now), { name: 'Pôle « test »', territory: 'Pays de Bray (60)' }, 'Claire', now);
    let i = 0;
    for (const ref of index.questions) {
      const type = ref.question.type;
      const value =
        type === 'multi' ? [ref.choices[0]!.id] : type === 'number' ? 12 : type === 'boolean' ? true : type === 'text' ? '2026-11-27' : ref.choices[0]!.id;
      // Notes that a YAML 1.1 reader would take for a date or a boolean must stay strings too.
      file = applyAnswer(file, ref.fullId, { value, examples: ref.question.examples?.slice(0, 1) ?? [], note: i++ % 2 ? '2025-06-30' : 'No' }, now);
    }
    const text = answersToYaml(file, index);
    expect(text).toContain('createdAt: "2026-11-27T14:08:09.221Z"');
    expect(text).toContain('answeredAt: "2026-11-27T14:08:09.221Z"');
    const ok = answers.validate(load(text, { schema: YAML11_SCHEMA }));
    expect(ok, JSON.stringify(answers.validate.errors)).toBe(true);
  });

  it('allow a top-level $schema key, which the tool accepts too', () => {
    const withKey = `$schema: ../node_modules/cap-ptce/schema/grid.schema.json\n${defaultGridText}`;
    expect(grid.validate(load(withKey))).toBe(true);
    expect(validateGridText(withKey, 'g.yaml', '2026-11-27').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuse what validate refuses: an unknown key, a missing format', () => {
    const bad = readYaml(join(repoRoot, 'test', 'fixtures', 'validate', 'schema-unknown-key.yaml'));
    expect(grid.validate(bad)).toBe(false);
    expect(answers.validate({ grid: { id: 'cap-ptce', version: '1.0.0' }, answers: {} })).toBe(false);
  });

  it('accept the README’s example config file, and refuse a misspelt key as the tool does', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const example = /```yaml\n(# yaml-language-server: \$schema=node_modules\/cap-ptce\/schema\/config\.schema\.json\n[\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    expect(config.validate(load(example![1]!)), JSON.stringify(config.validate.errors)).toBe(true);
    expect(config.validate({ format: { rapport: 'html' } })).toBe(false);
  });

  it('are what `cap-ptce schema` prints', () => {
    const r = runSpawned(['schema', 'answers']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(answers.schema);
  });
});
