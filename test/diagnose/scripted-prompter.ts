// A prompter that plays a case's steps instead of drawing prompts: it implements the adapter's
// interface (src/prompts/adapter.ts), checks that each prompt asked is the one the step expects,
// and interrupts the way the terminal would: Ctrl-C makes the prompt throw ExitPromptError, a
// signal or a closed input reaches `diagnose` through the injected emitter.
import { EventEmitter } from 'node:events';
import type { QuestionRef } from '../../src/model/grid-index.js';
import { parseNumberFr, type Asked, type AskContext, type Prompter } from '../../src/prompts/adapter.js';
import type { Step } from './cases.js';

class PromptError extends Error {
  constructor(name: 'ExitPromptError' | 'AbortPromptError') {
    super(name);
    this.name = name;
  }
}

/** The steps a prompt `A` can play (a step may serve several prompts). */
type For<S, A> = S extends { ask: infer K } ? (A extends K ? S : never) : never;
type StepFor<A> = For<Step, A>;

export interface Scripted {
  prompter: Prompter;
  signals: EventEmitter;
  /** Steps not played (a case that ends early leaves some). */
  left(): Step[];
}

export function scriptedPrompter(script: readonly Step[]): Scripted {
  const steps = [...script];
  const signals = new EventEmitter();

  /** The next step, which must be for `ask`; an interruption throws as the prompt would. */
  function next<A extends string>(ask: A, ctx: AskContext): StepFor<A> {
    if (ctx.signal?.aborted) throw new PromptError('AbortPromptError');
    const step = steps.shift();
    if (!step) throw new Error(`no step left for the « ${ask} » prompt`);
    if ('interrupt' in step) {
      if (step.at !== ask) throw new Error(`interrupt expected at « ${step.at} », asked « ${ask} »`);
      if (step.interrupt === 'ctrl-c') throw new PromptError('ExitPromptError');
      signals.emit(step.interrupt === 'ctrl-d' ? 'beforeExit' : step.interrupt);
      // diagnose must have aborted the prompt through its signal: only then does it end.
      if (!ctx.signal?.aborted) throw new Error(`${step.interrupt} did not reach the prompt`);
      throw new PromptError('AbortPromptError');
    }
    if (step.ask !== ask) throw new Error(`step « ${step.ask} » expected, asked « ${ask} »`);
    return step as StepFor<A>;
  }

  function select<T>(ask: 'scale' | 'single' | 'boolean', values: T[], current: T | undefined, canGoBack: boolean, ctx: AskContext): Asked<T> {
    const step = next(ask, ctx);
    if ('back' in step) {
      if (!canGoBack) throw new Error('« question précédente » is not offered here');
      return { kind: 'back' };
    }
    if ('keep' in step) {
      if (current === undefined) throw new Error('nothing highlighted to keep');
      return { kind: 'answer', value: current };
    }
    const value = values[step.pick];
    if (value === undefined) throw new Error(`no choice ${step.pick}`);
    return { kind: 'answer', value };
  }

  const ids = (ref: QuestionRef): string[] => ref.choices.map((c) => c.id);
  const toggled = (all: string[], current: string[] | undefined, toggle: number[]): string[] => {
    const on = new Set(current ?? []);
    for (const i of toggle) {
      const v = all[i]!;
      if (on.has(v)) on.delete(v);
      else on.add(v);
    }
    return all.filter((v) => on.has(v)).concat([...on].filter((v) => !all.includes(v)));
  };
  const typed = (ask: 'text' | 'number' | 'note', ctx: AskContext): string => {
    const step = next(ask, ctx);
    if (!('type' in step)) throw new Error(`text expected for « ${ask} »`);
    return step.type.trim();
  };

  const prompter: Prompter = {
    askProject: async (current = {}, ctx = {}) => {
      const step = next('project', ctx);
      if (step.offered !== undefined && current.name !== step.offered) throw new Error(`« ${step.offered} » not offered (got ${String(current.name)})`);
      return { name: step.name, ...(step.territory ? { territory: step.territory } : {}), ...(step.respondent ? { respondent: step.respondent } : {}) };
    },
    askScale: async (ref, current, options, ctx = {}) => select('scale', ids(ref), current, options.canGoBack, ctx),
    askSingle: async (ref, current, options, ctx = {}) => select('single', ids(ref), current, options.canGoBack, ctx),
    askBoolean: async (_ref, current, options, ctx = {}) => select('boolean', [true, false], current, options.canGoBack, ctx),
    askMulti: async (ref, current, options, ctx = {}) => {
      const step = next('multi', ctx);
      if ('back' in step) return options.canGoBack ? { kind: 'back' } : Promise.reject(new Error('no back here'));
      return { kind: 'answer', value: toggled(ids(ref), current, step.toggle) };
    },
    askExamples: async (ref, current, ctx = {}) => {
      const step = next('examples', ctx);
      return toggled(ref.question.examples, current, step.toggle);
    },
    askText: async (_ref, _current, options, ctx = {}) => {
      const t = typed('text', ctx);
      if (options.canGoBack && t === '<') return { kind: 'back' };
      return t === '' ? { kind: 'skip' } : { kind: 'answer', value: t };
    },
    askNumber: async (_ref, _current, options, ctx = {}) => {
      const t = typed('number', ctx);
      if (options.canGoBack && t === '<') return { kind: 'back' };
      const n = parseNumberFr(t);
      return n === null ? { kind: 'skip' } : { kind: 'answer', value: n };
    },
    askNote: async (_current, ctx = {}) => typed('note', ctx),
    askResumeOrRestart: async (_summary, ctx = {}) => next('resume', ctx).pick,
    askBrokenFile: async (_backup, ctx = {}) => next('broken', ctx).pick,
  };
  return { prompter, signals, left: () => steps };
}
