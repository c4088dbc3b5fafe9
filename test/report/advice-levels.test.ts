// Advice worded for where each answer stands: every scale question of the default grid has its
// own « Pourquoi ? » and « Comment ? » per answer level below its target, and the report a person
// reads changes with the level. Through the real grid, analysis and Markdown renderer.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviceLevels } from '../../src/validation/check-grid.js';
import { buildReport } from '../../src/analysis/report.js';
import { DEFAULT_TEMPLATE, escapeText, renderReportMarkdown } from '../../src/render/markdown.js';
import { frenchProse } from '../../src/text/typography.js';
import type { AnswersFile, GapAdvice } from '../../src/model/schema.js';
import { loadGrid } from '../../src/io/load.js';
import { packagedTemplate } from '../../src/io/templates.js';
import { NOW, ROOT } from './helpers.js';

const { grid, index } = loadGrid(join(ROOT, 'questions/cap-ptce.yaml'), '2026-11-27');
const TEMPLATE = packagedTemplate(DEFAULT_TEMPLATE);
const scale = index.questions.filter((q) => q.question.type === 'scale');

function file(answers: AnswersFile['answers']): AnswersFile {
  return { format: 'cap-ptce/answers@1', grid: { id: grid.id, version: grid.version }, project: { name: 'Essai' }, answers };
}

/** Answers that open no action: formalised, unknown, not concerned, or no answer at all. */
const neutral = fc.constantFrom<string | undefined>('acquis', 'ne-sait-pas', 'non-concerne', undefined);
const others = fc.tuple(...scale.map(() => neutral));

describe('per-level advice in the default grid', () => {
  it('has 26 scale questions, each with advice for every answer below its target, all different', () => {
    expect(scale.length).toBe(26);
    for (const ref of scale) {
      const levels = adviceLevels(ref);
      expect(levels.length, ref.fullId).toBeGreaterThanOrEqual(2);
      const gap = ref.question.gap as Record<string, GapAdvice>;
      const blocks = levels.map((c) => gap[c.id]);
      expect(blocks.every(Boolean), `${ref.fullId}: ${levels.map((c) => c.id).join(', ')}`).toBe(true);
      for (const key of ['title', 'why', 'how'] as const) {
        expect(new Set(blocks.map((b) => b![key])).size, `${ref.fullId} ${key}`).toBe(blocks.length);
      }
    }
  });

  it.each(scale.map((ref) => [ref.fullId, ref] as const))(
    '%s: two answers files that differ only in its level read different Pourquoi / Comment',
    (_id, ref) => {
      const levels = adviceLevels(ref);
      const pairs = levels.flatMap((a) => levels.filter((b) => b !== a).map((b) => [a, b] as const));
      fc.assert(
        fc.property(others, fc.constantFrom(...pairs), (rest, [a, b]) => {
          const base: AnswersFile['answers'] = { 'structure-porteuse.forme': { value: 'association' } };
          scale.forEach((q, i) => {
            if (q !== ref && rest[i] !== undefined) base[q.fullId] = { value: rest[i] };
          });
          const read = (level: string): { md: string; advice: GapAdvice } => {
            const data = buildReport(index, [file({ ...base, [ref.fullId]: { value: level } })], { now: NOW });
            const action = data.priorityActions.find((g) => g.question === ref.fullId);
            expect(action, `${ref.fullId} = ${level}`).toBeDefined();
            return { md: renderReportMarkdown(data, TEMPLATE, undefined, { full: true }), advice: action!.advice };
          };
          const [ra, rb] = [read(a.id), read(b.id)];
          const gap = ref.question.gap as Record<string, GapAdvice>;
          expect(ra.advice).toEqual(gap[a.id]);
          expect(rb.advice).toEqual(gap[b.id]);
          // What the person reads: each report carries its own level's why and how, not the other's.
          for (const [r, mine, other] of [[ra, gap[a.id]!, gap[b.id]!], [rb, gap[b.id]!, gap[a.id]!]] as const) {
            expect(r.md).toContain(frenchProse(escapeText(mine.why)));
            expect(r.md).toContain(frenchProse(escapeText(mine.how)));
            expect(r.md).not.toContain(frenchProse(escapeText(other.why)));
            expect(r.md).not.toContain(frenchProse(escapeText(other.how)));
          }
        }),
        { numRuns: 4 },
      );
    },
  );

  it('the emerging example reads advice for where it stands: « En réflexion » constats are to be supported, not started', () => {
    const levels = adviceLevels(index.byId.get('objectifs.constats')!).map((c) => c.id);
    expect(levels).toEqual(['pas-aborde', 'en-reflexion', 'engage']);
    const data = (value: string) => buildReport(index, [file({ 'objectifs.constats': { value } })], { now: NOW });
    const start = data('pas-aborde').priorityActions[0]!;
    const support = data('en-reflexion').priorityActions[0]!;
    const share = data('engage').priorityActions[0]!;
    expect(start.advice.title).toBe('Poser les constats de départ avec les premiers partenaires');
    expect(support.advice.title).toBe('Appuyer les constats sur des sources et des expériences');
    expect(share.advice.title).toBe('Partager le diagnostic territorial avec les parties prenantes');
  });
});
