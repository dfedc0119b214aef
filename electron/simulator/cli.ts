// cli.ts — `fillwatch simulate` / `npm run simulator -- …`: runs a KalshiSimulator until SIGINT or
// SIGTERM. Parses flags, reads key and certificate files, writes the CA certificate for clients, and
// reports failures like every fillwatch command (cli/report-failure.ts): one line, plus the usage
// and exit code 2 when the command line is wrong, exit 1 when it cannot run. Owns no protocol logic.
import { readFileSync, writeFileSync } from 'node:fs';
import { FaultSpecError, parseFaultSpec } from './faults.ts';
import type { FaultRequest } from './faults.ts';
import { KalshiSimulator } from './simulator.ts';
import { processIo } from '../cli/process-io.ts';
import { CliError, ExitCode, UsageError } from '../cli/cli-error.ts';
import { parseFlags, wholeNumber } from '../cli/parse-flags.ts';
import { reportFailure } from '../cli/report-failure.ts';
import { fsReason } from '../cli/read-input-file.ts';
import type { SimulatorAccount, SimulatorOptions } from './simulator.ts';

export const simulatorUsage = [
  'fillwatch simulate --register-key ID=PUBLIC_KEY_PEM_FILE [--register-key …] [--host 127.0.0.1] [--port 8230]',
  '  [--seed N] [--rate PER_SECOND (0 = max)] [--total N] [--markets N] [--ca-out FILE] [--cert FILE --key FILE]',
  '  [--fault SPEC …] [--heartbeat-grace-ms MS] [--stream-while-disconnected] [--quiet]',
  'fault SPEC: drop-after:N | garbage[:TEXT] | bad-checksum | seq-gap:N | silent-heartbeat | logout:"TEXT" |',
  '  maintenance-reset | every:N:SPEC',
  'One port serves both KalshiRT and KalshiNR (chosen by TargetCompID). Without --cert/--key a fresh CA',
  'signs a certificate for the host; --ca-out writes that CA so the client can verify the server.',
].join('\n');

export interface SimulatorCliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Registers a stop handler for SIGINT/SIGTERM; returns the unregister function. */
  readonly onSignal: (handler: () => void) => () => void;
  /** Called once listening (tests use it to reach the running simulator). */
  readonly onListening?: (simulator: KalshiSimulator, address: { host: string; port: number }) => void;
}

interface ParsedCli {
  readonly options: SimulatorOptions;
  readonly caOut: string | undefined;
  readonly help: boolean;
}

export async function runSimulatorCli(argv: string[], io: SimulatorCliIo = processIo): Promise<number> {
  const fail = (error: unknown) => reportFailure(error, simulatorUsage, io.err, 'fillwatch simulate');
  let parsed: ParsedCli;
  try {
    parsed = parseSimulatorArgs(argv, io);
  } catch (error) {
    return fail(error);
  }
  if (parsed.help) {
    io.out(`usage: ${simulatorUsage}`);
    return ExitCode.ok;
  }
  const simulator = new KalshiSimulator(parsed.options);
  let address: { host: string; port: number };
  try {
    address = await simulator.start();
  } catch (error) {
    return fail(new CliError(`cannot listen: ${error instanceof Error ? error.message : String(error)}`, ExitCode.runtime));
  }
  if (parsed.caOut !== undefined && simulator.caCertPem !== undefined) {
    try {
      writeFileSync(parsed.caOut, simulator.caCertPem);
    } catch (error) {
      await simulator.stop();
      return fail(new CliError(`cannot write --ca-out ${parsed.caOut}: ${fsReason(error)}`, ExitCode.usage));
    }
  }
  io.out(`Kalshi simulator listening on ${address.host}:${address.port} (TargetCompID KalshiRT or KalshiNR)`);
  for (const account of parsed.options.accounts) io.out(`registered API key ${account.apiKeyId}`);
  if (parsed.caOut !== undefined) io.out(`CA certificate written to ${parsed.caOut}`);
  io.onListening?.(simulator, address);

  await new Promise<void>((resolve) => {
    const unregister = io.onSignal(() => {
      unregister();
      resolve();
    });
  });
  await simulator.stop();
  io.out('Kalshi simulator stopped.');
  return ExitCode.ok;
}

function parseSimulatorArgs(argv: string[], io: SimulatorCliIo): ParsedCli {
  const values = parseFlags(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string' },
    total: { type: 'string' },
    markets: { type: 'string' },
    'ca-out': { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'register-key': { type: 'string', multiple: true },
    fault: { type: 'string', multiple: true },
    'heartbeat-grace-ms': { type: 'string' },
    'stream-while-disconnected': { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return { options: { accounts: [] }, caOut: undefined, help: true };

  const accounts: SimulatorAccount[] = (values['register-key'] ?? []).map(readAccount);
  if (accounts.length === 0) throw new UsageError('at least one --register-key ID=PUBLIC_KEY_PEM_FILE is required');
  if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('--cert and --key go together');
  // Only a CA the simulator made itself can be written out.
  if (values['ca-out'] !== undefined && values.cert !== undefined) throw new UsageError('--ca-out needs the simulator to make its own CA (omit --cert/--key)');
  const faults: FaultRequest[] = (values.fault ?? []).map(faultFlag);

  const options: SimulatorOptions = {
    accounts,
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 0, 65535) ?? 8230,
    seed: integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER) ?? 1,
    ratePerSecond: integer('rate', values.rate, 0, 10_000_000) ?? 10,
    markets: integer('markets', values.markets, 1, 1000) ?? 12,
    faults,
    ...optional('totalReports', integer('total', values.total, 0, Number.MAX_SAFE_INTEGER)),
    ...optional('heartbeatGraceMs', integer('heartbeat-grace-ms', values['heartbeat-grace-ms'], 0, 3_600_000)),
    ...(values['stream-while-disconnected'] === true ? { streamWhileDisconnected: true } : {}),
    ...(values.cert !== undefined && values.key !== undefined ? { tls: { certPem: readText('--cert', values.cert), keyPem: readText('--key', values.key) } } : {}),
    ...(values.quiet === true ? {} : { log: (line: string) => io.err(`${new Date().toISOString()} ${line}`) }),
  };
  return { options, caOut: values['ca-out'], help: false };
}

function readAccount(spec: string): SimulatorAccount {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--register-key expects ID=PUBLIC_KEY_PEM_FILE, got "${spec}"`);
  const publicKeyPem = readText('--register-key', spec.slice(eq + 1));
  if (!publicKeyPem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new UsageError(`--register-key ${spec.slice(0, eq)}: ${spec.slice(eq + 1)} is not a PEM public key (-----BEGIN PUBLIC KEY-----)`);
  }
  return { apiKeyId: spec.slice(0, eq), publicKeyPem };
}

function readText(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function integer(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  return text === undefined ? undefined : wholeNumber(flag, text, min, max);
}

function faultFlag(spec: string): FaultRequest {
  try {
    return parseFaultSpec(spec);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UsageError(`--fault: ${error.message}`);
    throw error;
  }
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}
