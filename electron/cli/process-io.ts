// process-io.ts — the real process behind the CLIs' injectable I/O (tests pass their own): stdout and
// stderr lines, and SIGINT/SIGTERM handlers that can be taken back.
export interface ProcessIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Registers a handler for SIGINT/SIGTERM; returns the unregister function. */
  readonly onSignal: (handler: () => void) => () => void;
}

export const processIo: ProcessIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  onSignal: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
};
