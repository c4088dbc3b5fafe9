// Errors a user can cause. The edges (io, commands) throw UserError with its exit code; the core
// (model, validation, questionnaire, analysis, render) throws DomainError, which says what is wrong
// and carries the data it is about, but no exit code. Only src/cli.ts turns either into an exit.
export const ExitCode = {
  ok: 0,
  /** Invalid input: validation problems in a grid, a bad answers file. */
  invalid: 1,
  /** Usage error (bad flag, missing file, no terminal) or unexpected failure. */
  usage: 2,
  /** Interrupted by the user; the answers given so far are kept. */
  interrupted: 130,
} as const;
type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

// In dist/, each command file (dist/*.cjs, dist/esm/; scripts/build.mjs) has its own copy of these
// classes, and cli.cjs maps what they throw: an error is recognised by a registered symbol,
// whichever copy made it. Subclasses (FileTooLargeError…) keep the usual prototype check.
const USER_ERROR = Symbol.for('cap-ptce.UserError');
const DOMAIN_ERROR = Symbol.for('cap-ptce.DomainError');

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && brand in value;
}

export class UserError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === UserError ? branded(value, USER_ERROR) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
  readonly [USER_ERROR] = true;
  readonly exitCode: number;
  /** Extra lines (diagnostics, hints) printed after the message. */
  readonly details: string[];
  constructor(message: string, exitCode: number = ExitCode.usage, details: string[] = []) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** What the core found wrong with the user's input. */
export type DomainErrorKind =
  /** A file or template the user gave cannot be used as it is (exit 1). */
  | 'invalid-input'
  /** An option's value does not fit this grid or this command (exit 2). */
  | 'invalid-option';

/**
 * Thrown by the core: the French message, extra lines (hints), and the data the problem is about
 * (the files, the unknown id and the valid ones…), so that a caller may say it otherwise.
 */
export class DomainError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === DomainError ? branded(value, DOMAIN_ERROR) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
  readonly [DOMAIN_ERROR] = true;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: string[] = [],
    readonly data: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
