// cli-error.ts — a failure the CLI reports as one line and a specific exit code.
export const ExitCode = {
  ok: 0,
  runtime: 1,
  usage: 2,
  logonRejected: 3,
  connectFailed: 4,
  /** `verify`: the journal's hash chain is broken. */
  tampered: 5,
} as const;

export class CliError extends Error {
  override readonly name: string = 'CliError';
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong (flag, value, missing flag): the usage follows the line. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}
