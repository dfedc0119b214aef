// record-command.ts — `fillwatch record`: the headless recorder, a thin adapter over the recorder
// service (core/service): it turns flags into one account, prints the service's events as log lines,
// appends every committed execution to a JSON-lines file exactly once, and logs out cleanly on
// SIGINT/SIGTERM. Failures before the first logon end the run with one line and an exit code.
// With --dc-port, a possible loss (an NR gap, a reset reconnect) is backfilled from KalshiDC into the
// journal (same key, same CA); the fills it recovers reach --out like live ones.
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { importPrivateKeyPem, KeyImportError, signLogon } from '../core/signing/index.ts';
import { SessionConfigError, type SkipPendingTag } from '../core/session/session-config.ts';
import { JournalError } from '../core/journal/index.ts';
import { JsonlSink } from '../core/recorder/jsonl-sink.ts';
import { RecorderService } from '../core/service/recorder-service.ts';
import { toSessionConfig } from '../core/service/account-recorder.ts';
import { CliError, ExitCode, UsageError } from './cli-error.ts';
import { oneOf, parseFlags, requireFlag, wholeNumber } from './parse-flags.ts';
import type { ProcessIo } from './process-io.ts';
import { readInputFile } from './read-input-file.ts';

export const recordUsage =
  'fillwatch record --host H --port P --target KalshiRT|KalshiNR --api-key-id ID --key-file F [--ca F] ' +
  '[--pin SHA256] [--servername NAME] --db journal.db [--out fills.jsonl] [--exit-after-idle SECONDS] [--heartbeat SECONDS] ' +
  '[--skip-pending-tag 21011|21003] [--cents] [--settlements] [--retention-hours N] [--no-raw-data-length] [--quiet] ' +
  '[--dc-port P [--dc-host H]]';

export type CliIo = ProcessIo;

const ACCOUNT_ID = 'cli';

export async function runRecord(argv: string[], io: CliIo): Promise<number> {
  const options = parseRecordArgs(argv);
  const key = loadKey(options.keyFile);
  const account = toAccount(options);
  const sink = options.out === undefined ? undefined : new JsonlSink(options.out);
  let recorded = 0;
  let duplicates = 0;
  let loggedOnOnce = false;
  let fatal: CliError | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => { finished = resolve; });

  const log = (severity: string, text: string) => {
    if (options.quiet && severity === 'info') return;
    io.err(`${new Date().toISOString()} ${severity.padEnd(8)} ${text}`);
  };
  let service: RecorderService;
  try {
    // Without --db the journal lives in memory: a restart begins a fresh session (141=Y).
    service = new RecorderService({ journalPath: options.db ?? ':memory:', signerFor: () => (fields) => signLogon(key, fields) });
    service.onEvent((event) => onEvent(event));
    service.addAccount(account);
  } catch (error) {
    sink?.close();
    if (error instanceof JournalError) throw new CliError(`cannot use the journal "${options.db ?? ':memory:'}": ${error.message}`, ExitCode.runtime);
    if (error instanceof SessionConfigError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }

  function onEvent(event: ServiceEvent): void {
    switch (event.type) {
      case 'executions':
        for (const { record } of event.executions) {
          if (sink !== undefined && !sink.write(record)) duplicates++;
          else recorded++;
        }
        armIdle();
        return;
      case 'log':
        // With drop copy, a loss window is the backfill's to settle; its outcome decides the alert.
        if (options.dcPort !== undefined && event.session?.kind === 'possible-missed-messages') log('warning', `${event.text}; asking drop copy for them`);
        else log(event.severity, event.text);
        // Idle means logged on and quiet: time spent reconnecting does not count.
        if (event.session?.kind === 'disconnected') clearIdle();
        if (event.session?.kind === 'connect-failed' && !loggedOnOnce) {
          fatal = new CliError(event.session.text, ExitCode.connectFailed);
          void service.stopAccount(ACCOUNT_ID).catch(() => {});
        }
        return;
      case 'undecodable':
        log('error', event.text);
        return;
      case 'phase':
        if (event.phase === 'active') {
          loggedOnOnce = true;
          armIdle();
        }
        if (event.phase === 'failed' && event.reason !== undefined) {
          fatal = event.reason.kind === 'logon-rejected'
            ? new CliError(`logon rejected by ${options.target}: ${event.reason.text || '(no reason given)'}`, ExitCode.logonRejected)
            : new CliError(event.text ?? event.reason.kind, ExitCode.runtime);
        }
        if (event.phase === 'stopped' || event.phase === 'failed') finished();
        return;
      case 'store-failed':
      case 'service-error':
        log('error', event.text);
        return;
      case 'missed-fills':
      case 'positions-changed':
      case 'engine-restarted':
        return;
    }
  }

  function clearIdle(): void {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
  }

  function armIdle(): void {
    if (options.exitAfterIdleSec === undefined || service.accounts()[0]?.phase !== 'active') return;
    clearIdle();
    idleTimer = setTimeout(() => {
      log('info', `No execution for ${options.exitAfterIdleSec} s: logging out`);
      void service.stopAccount(ACCOUNT_ID).catch(() => {});
    }, options.exitAfterIdleSec * 1000);
  }

  const unregister = io.onSignal(() => {
    log('info', 'Signal received: logging out');
    void service.stopAccount(ACCOUNT_ID).catch(() => {});
  });
  try {
    await done;
  } finally {
    unregister();
    clearIdle();
    fatal = (await closeService(service)) ?? fatal;
    sink?.close();
  }
  io.out(`recorded ${recorded} new execution(s) in ${[options.db, options.out].filter(Boolean).join(' and ')}; ${duplicates} duplicate(s) skipped`);
  if (fatal !== undefined) throw fatal;
  return ExitCode.ok;
}

interface RecordOptions {
  host: string; port: number; target: 'KalshiRT' | 'KalshiNR'; apiKeyId: string; keyFile: string;
  dcHost: string | undefined; dcPort: number | undefined;
  caPem: string | undefined; pins: string[]; servername: string | undefined; out: string | undefined; db: string | undefined;
  exitAfterIdleSec: number | undefined; heartBtIntSec: number; skipPendingTag: SkipPendingTag;
  useDollars: boolean; settlements: boolean; retentionHours: number | undefined; rawDataLength: boolean; quiet: boolean;
}

function parseRecordArgs(argv: string[]): RecordOptions {
  const values = parseFlags(argv, {
    host: { type: 'string' }, port: { type: 'string' }, target: { type: 'string' },
    'api-key-id': { type: 'string' }, 'key-file': { type: 'string' }, ca: { type: 'string' },
    pin: { type: 'string', multiple: true }, servername: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' },
    'exit-after-idle': { type: 'string' }, heartbeat: { type: 'string' }, 'skip-pending-tag': { type: 'string' },
    cents: { type: 'boolean', default: false }, settlements: { type: 'boolean', default: false },
    'retention-hours': { type: 'string' }, 'no-raw-data-length': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'dc-port': { type: 'string' }, 'dc-host': { type: 'string' },
  });
  const target = oneOf('target', requireFlag('target', values.target), ['KalshiRT', 'KalshiNR']);
  if (values.db === undefined && values.out === undefined) throw new UsageError('--db or --out is required (where to record)');
  if (values['dc-port'] !== undefined && values.db === undefined) {
    throw new UsageError('--dc-port needs --db: the drop-copy backfill writes into the journal');
  }
  if (values['dc-host'] !== undefined && values['dc-port'] === undefined) throw new UsageError('--dc-host needs --dc-port');
  const skipTag = values['skip-pending-tag'] ?? '21011';
  oneOf('skip-pending-tag', skipTag, ['21011', '21003']);
  return {
    host: requireFlag('host', values.host),
    port: wholeNumber('port', requireFlag('port', values.port), 1, 65_535),
    target,
    apiKeyId: requireFlag('api-key-id', values['api-key-id']),
    keyFile: requireFlag('key-file', values['key-file']),
    dcHost: values['dc-host'],
    dcPort: values['dc-port'] === undefined ? undefined : wholeNumber('dc-port', values['dc-port'], 1, 65_535),
    caPem: values.ca === undefined ? undefined : readInputFile(values.ca, 'CA certificate file'),
    pins: values.pin ?? [],
    servername: values.servername,
    out: values.out,
    db: values.db,
    exitAfterIdleSec: values['exit-after-idle'] === undefined ? undefined : wholeNumber('exit-after-idle', values['exit-after-idle'], 1, 86_400),
    heartBtIntSec: values.heartbeat === undefined ? 30 : wholeNumber('heartbeat', values.heartbeat, 4, 3_600),
    skipPendingTag: skipTag === '21003' ? 21003 : 21011,
    useDollars: !values.cents,
    settlements: values.settlements,
    retentionHours: values['retention-hours'] === undefined ? undefined : wholeNumber('retention-hours', values['retention-hours'], 1, 72),
    rawDataLength: !values['no-raw-data-length'],
    quiet: values.quiet,
  };
}

function loadKey(path: string) {
  const pem = readInputFile(path, 'key file');
  try {
    return importPrivateKeyPem(pem);
  } catch (error) {
    if (error instanceof KeyImportError) throw new CliError(`bad key file "${path}": ${error.message}`, ExitCode.usage);
    throw error;
  }
}

/** Logs out and commits; a journal that cannot commit its last batch becomes the run's failure line. */
async function closeService(service: RecorderService): Promise<CliError | undefined> {
  try {
    await service.close();
    return undefined;
  } catch (error) {
    // Nothing is lost: the exchange resends the uncommitted batch on the next run.
    if (error instanceof JournalError) return new CliError(`the journal could not commit its last batch (${error.message}); it is intact and the next run resumes from what it holds`, ExitCode.runtime);
    throw error;
  }
}

/** The flags as the one account the service records; the config is validated here (exit 2 on a bad one). */
function toAccount(o: RecordOptions): AccountConfig {
  const account: AccountConfig = {
    id: ACCOUNT_ID,
    label: o.apiKeyId,
    apiKeyId: o.apiKeyId,
    environment: 'custom',
    listener: { host: o.host, port: o.port, target: o.target },
    ...(o.dcPort === undefined ? {} : { dropCopy: { host: o.dcHost ?? o.host, port: o.dcPort } }),
    tls: {
      ...(o.caPem === undefined ? {} : { caPem: o.caPem }),
      ...(o.pins.length === 0 ? {} : { pinnedSha256: o.pins }),
      ...(o.servername === undefined ? {} : { servername: o.servername }),
    },
    session: {
      heartBtIntSec: o.heartBtIntSec, skipPendingTag: o.skipPendingTag, useDollars: o.useDollars,
      receiveSettlementReports: o.settlements, sendRawDataLength: o.rawDataLength,
      ...(o.retentionHours === undefined ? {} : { retentionHours: o.retentionHours }),
    },
  };
  try {
    toSessionConfig(account, o.target);
  } catch (error) {
    if (error instanceof SessionConfigError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
  return account;
}
