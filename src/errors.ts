// One error type for everything a user can cause. Only src/cli.ts turns it into an exit.
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

export class UserError extends Error {
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
