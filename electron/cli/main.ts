// main.ts — the `fillwatch` command: record | simulate | keygen | verify | pnl | export | alerts |
// evidence | surveil, and --version (the version and the commit, electron/core/build-info.ts). Every failure is one line on stderr ("fillwatch: …", plus the usage when the command line
// was wrong) and a non-zero exit code (see cli-error.ts and report-failure.ts).
import { versionLine } from '../core/build-info.ts';
import { ExitCode, UsageError } from './cli-error.ts';
import { processIo } from './process-io.ts';
import { reportFailure } from './report-failure.ts';
import { runKeygen, keygenUsage } from './keygen-command.ts';
import { runRecord, recordUsage, type CliIo } from './record-command.ts';
import { runVerify, verifyUsage } from './verify-command.ts';
import { runPnl, pnlUsage } from './pnl-command.ts';
import { runExport, exportUsage } from './export-command.ts';
import { runAlerts, alertsUsage } from './alerts-command.ts';
import { runEvidence, evidenceUsage } from './evidence-command.ts';
import { runSurveil, surveilUsage } from './surveil-command.ts';

interface Command {
  readonly usage: string;
  readonly run: (argv: string[], io: CliIo) => Promise<number> | number;
}

const commands: ReadonlyMap<string, Command> = new Map(Object.entries({
  record: { usage: recordUsage, run: runRecord },
  // Loaded on demand: the simulator (and its PKI) is not needed by any other command.
  simulate: {
    usage: 'fillwatch simulate --register-key ID=PUBLIC_KEY_PEM_FILE [--port P] [--seed N] [--rate N] … (see fillwatch simulate --help)',
    run: async (argv, io) => (await import('../simulator/cli.ts')).runSimulatorCli(argv, io),
  },
  keygen: { usage: keygenUsage, run: (argv, io) => runKeygen(argv, io.out) },
  verify: { usage: verifyUsage, run: (argv, io) => runVerify(argv, io.out) },
  pnl: { usage: pnlUsage, run: (argv, io) => runPnl(argv, io.out, io.err) },
  export: { usage: exportUsage, run: (argv) => runExport(argv, process.stdout) },
  alerts: { usage: alertsUsage, run: (argv) => runAlerts(argv, (text) => process.stdout.write(text)) },
  evidence: { usage: evidenceUsage, run: (argv, io) => runEvidence(argv, io.out) },
  surveil: { usage: surveilUsage, run: (argv) => runSurveil(argv, (text) => process.stdout.write(text)) },
} satisfies Record<string, Command>));

/** Every command's usage, one per line (aligned under the first's `usage: `). */
export const cliUsage = [...commands.values()].map((c) => c.usage).join('\n       ');

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(`usage: ${cliUsage}`);
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(versionLine());
    return ExitCode.ok;
  }
  const command = name === undefined ? undefined : commands.get(name);
  try {
    if (name === undefined) throw new UsageError('no command given');
    if (command === undefined) throw new UsageError(`unknown command "${name}"`);
    // `simulate --help` prints the simulator's longer usage itself.
    if (name !== 'simulate' && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(`usage: ${command.usage}`);
      return ExitCode.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, command?.usage ?? cliUsage, io.err);
  }
}

// `fillwatch export … | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export { processIo };

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
}
