// What `diagnose` does with an answers file already there, as plain data: every combination of
// what was found and what the person chose.
import { describe, expect, it } from 'vitest';
import { afterChoice, answersFileState, openingStep } from '../../src/questionnaire/resume.js';

describe('resume decisions', () => {
  it.each([
    [{ exists: false, readable: false, otherGrid: false }, 'absent'],
    [{ exists: true, readable: false, otherGrid: false }, 'unusable'],
    [{ exists: true, readable: true, otherGrid: true }, 'unusable'],
    [{ exists: true, readable: true, otherGrid: false }, 'usable'],
  ] as const)('file found %o is %s', (found, state) => {
    expect(answersFileState(found)).toBe(state);
  });

  it.each([
    ['absent', false, { step: 'start', told: false }],
    ['absent', true, { step: 'start', told: true }],
    ['unusable', false, { step: 'ask-broken' }],
    ['unusable', true, { step: 'ask-broken' }],
    ['usable', false, { step: 'ask-resume' }],
    ['usable', true, { step: 'resume' }],
  ] as const)('%s file, --resume %s: %o', (state, resume, step) => {
    expect(openingStep(state, resume)).toEqual(step);
  });

  it.each([
    ['quit', false, { start: 'stop', backup: null, keep: true }],
    ['restart', false, { start: 'beginning', backup: 'restart', keep: false }],
    ['restart', true, { start: 'beginning', backup: 'restart', keep: false }],
    ['resume', false, { start: 'open', backup: null, keep: true }],
    ['resume', true, { start: 'open', backup: 'copy', keep: true }],
    ['review', false, { start: 'beginning', backup: null, keep: true }],
    ['review', true, { start: 'beginning', backup: 'copy', keep: true }],
  ] as const)('« %s » (file rewritten for this grid: %s): %o', (choice, rewritten, next) => {
    expect(afterChoice(choice, rewritten)).toEqual(next);
  });
});
