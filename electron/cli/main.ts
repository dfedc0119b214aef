// main.ts — the `fillwatch` command: record | simulate | keygen | verify | pnl | export. Every failure is one line on stderr
// ("fillwatch: …") and a non-zero exit code (see cli-error.ts).
import { CliError, ExitCode } from './cli-error.ts';
import { processIo } from './process-io.ts';
import { runKeygen, keygenUsage } from './keygen-command.ts';
import { runRecord, recordUsage, type CliIo } from './record-command.ts';
import { runVerify, verifyUsage } from './verify-command.ts';
import { runPnl, pnlUsage } from './pnl-command.ts';
import { runExport, exportUsage } from './export-command.ts';

const usage = ['usage:', `  ${recordUsage}`, '  fillwatch simulate [--port P] [--seed N] [--rate N] … (see fillwatch simulate --help)', `  ${keygenUsage}`, `  ${verifyUsage}`, `  ${pnlUsage}`, `  ${exportUsage}`].join('\n');

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'record': return await runRecord(rest, io);
      case 'keygen': return runKeygen(rest, io.out);
      case 'verify': return runVerify(rest, io.out);
      case 'pnl': return runPnl(rest, io.out, io.err);
      case 'export': return await runExport(rest, process.stdout);
      case 'simulate': {
        const { runSimulatorCli } = await import('../simulator/cli.ts');
        return await runSimulatorCli(rest, io);
      }
      case undefined: case 'help': case '--help': case '-h':
        io.out(usage);
        return command === undefined ? ExitCode.usage : ExitCode.ok;
      default:
        throw new CliError(`unknown command "${command}"\n${usage}`, ExitCode.usage);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`fillwatch: ${error.message}`);
      return error.exitCode;
    }
    io.err(`fillwatch: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return ExitCode.runtime;
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
