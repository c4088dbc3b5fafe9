// What `diagnose` does with an answers file already there, decided without touching it: pure
// functions from what was found (and what the person chose) to the next step, so that every case
// (no file, broken file, another grid's answers, --resume, restart) is tested as plain data.

/** What was found at the answers path. */
export type AnswersFileState =
  /** No file: a new session. */
  | 'absent'
  /** Cannot be used as it is: does not parse, is not an answers file, or answers another grid. */
  | 'unusable'
  /** Readable answers for this grid (possibly with values the grid no longer accepts). */
  | 'usable';

export function answersFileState(found: { exists: boolean; readable: boolean; otherGrid: boolean }): AnswersFileState {
  if (!found.exists) return 'absent';
  return found.readable && !found.otherGrid ? 'usable' : 'unusable';
}

export type OpeningStep =
  /** Start afresh (`told`: --resume was asked but there is nothing to resume, say so). */
  | { step: 'start'; told: boolean }
  /** Ask « recommencer » or « arrêter » (the file is kept either way). */
  | { step: 'ask-broken' }
  /** Ask « reprendre », « revoir » or « recommencer ». */
  | { step: 'ask-resume' }
  /** --resume: go straight to the first question without an answer. */
  | { step: 'resume' };

export function openingStep(state: AnswersFileState, resume: boolean): OpeningStep {
  if (state === 'absent') return { step: 'start', told: resume };
  if (state === 'unusable') return { step: 'ask-broken' };
  return resume ? { step: 'resume' } : { step: 'ask-resume' };
}

export type ResumeChoiceMade = 'resume' | 'review' | 'restart' | 'quit';

export interface AfterChoice {
  /** Where the questions start: the first without an answer, the first one, or nowhere (stop). */
  start: 'open' | 'beginning' | 'stop';
  /**
   * The old file is copied aside: before starting afresh (`restart`), or, when kept, before it is
   * rewritten for this grid (`copy`: renamed questions, rejected values, another version).
   */
  backup: 'restart' | 'copy' | null;
  /** Whether the answers read are kept (false: a new file, the old project offered as defaults). */
  keep: boolean;
}

export function afterChoice(choice: ResumeChoiceMade, rewritten: boolean): AfterChoice {
  switch (choice) {
    case 'quit':
      return { start: 'stop', backup: null, keep: true };
    case 'restart':
      return { start: 'beginning', backup: 'restart', keep: false };
    case 'resume':
    case 'review':
      return { start: choice === 'resume' ? 'open' : 'beginning', backup: rewritten ? 'copy' : null, keep: true };
  }
}
