// record-command.ts — `fillwatch record`: the headless recorder. Logs on as a read-only listener,
// appends every ExecutionReport to a JSON-lines file exactly once, reconnects through drops, and
// logs out cleanly on SIGINT/SIGTERM. Failures before the first logon end the run with one line.
// With --dc-port, a possible loss (an NR gap, a reset reconnect) is backfilled from KalshiDC into the
// journal (same key, same CA); the fills it recovers reach --out like live ones.
import { importPrivateKeyPem, KeyImportError, signLogon } from '../core/signing/index.ts';
import { makeSessionConfig, SessionConfigError, type KalshiTarget, type SkipPendingTag } from '../core/session/session-config.ts';
import { describeDisconnect, describeSessionEvent, type DisconnectReason } from '../../shared/events/session-events.ts';
import { MemorySequenceStore } from '../core/session/session-store.ts';
import { Recorder, type RecorderListeners } from '../core/recorder/recorder.ts';
import { openJournalRecorder } from '../core/recorder/journal-recorder.ts';
import { describeUndecodable, JournalError } from '../core/journal/index.ts';
import type { ListenerSessionOptions } from '../core/session/session.ts';
import type { LogonSignatureInput } from '../core/session/admin-encoder.ts';
import { JsonlSink } from '../core/recorder/jsonl-sink.ts';
import { BackfillCoordinator, describeBackfillEvent } from '../core/dropcopy/index.ts';
import type { TlsEndpoint } from '../core/transport/tls-connection.ts';
import { CliError, ExitCode, UsageError } from './cli-error.ts';
import { oneOf, parseFlags, requireFlag, wholeNumber } from './parse-flags.ts';
import type { ProcessIo } from './process-io.ts';
import { readInputFile } from './read-input-file.ts';

export const recordUsage =
  'fillwatch record --host H --port P --target KalshiRT|KalshiNR --api-key-id ID --key-file F [--ca F] ' +
  '[--pin SHA256] [--servername NAME] --db journal.db [--out fills.jsonl] [--exit-after-idle SECONDS] [--heartbeat SECONDS] ' +
  '[--skip-pending-tag 21011|21003] [--cents] [--settlements] [--retention-hours N] [--no-raw-data-length] [--quiet] ' +
  '[--dc-port P [--dc-host H]]';

/** How long a running drop-copy backfill may finish after the listener stopped. */
const BACKFILL_GRACE_MS = 5_000;

export type CliIo = ProcessIo;

export async function runRecord(argv: string[], io: CliIo): Promise<number> {
  const options = parseRecordArgs(argv);
  const key = loadKey(options.keyFile);
  const config = toSessionConfig(options);
  const sink = options.out === undefined ? undefined : new JsonlSink(options.out);
  let recorded = 0;
  let loggedOnOnce = false;
  let fatal: CliError | undefined;
  let idleTimer: NodeJS.Timeout | undefined;

  const log = (severity: string, text: string) => {
    if (options.quiet && severity === 'info') return;
    io.err(`${new Date().toISOString()} ${severity.padEnd(8)} ${text}`);
  };
  const endpoint = (host: string, port: number): TlsEndpoint => ({
    host, port,
    ...(options.caPem === undefined ? {} : { caPem: options.caPem }),
    ...(options.pins.length === 0 ? {} : { pinnedSha256: options.pins }),
    ...(options.servername === undefined ? {} : { servername: options.servername }),
  });
  const sessionOptions = {
    config,
    endpoint: endpoint(options.host, options.port),
    signLogon: (fields: LogonSignatureInput) => signLogon(key, fields),
  };
  let backfill: BackfillCoordinator | undefined;
  const listeners: RecorderListeners = {
      onEvent: (event) => {
        const { severity, text } = describeSessionEvent(event);
        // With drop copy, a loss window is the backfill's to settle; its outcome decides the alert.
        if (backfill !== undefined && event.kind === 'possible-missed-messages') log('warning', `${text}; asking drop copy for them`);
        else log(severity, text);
        // Synchronously: the backfill's ExecID snapshot must precede the message after the gap.
        backfill?.onSessionEvent(event);
        // Idle means logged on and quiet: time spent reconnecting does not count.
        if (event.kind === 'disconnected' && idleTimer !== undefined) {
          clearTimeout(idleTimer);
          idleTimer = undefined;
        }
        if (event.kind === 'connect-failed' && !loggedOnOnce) {
          fatal = new CliError(event.text, ExitCode.connectFailed);
          void recorder.stop();
        }
      },
      onLoggedOn: () => {
        loggedOnOnce = true;
        armIdle();
      },
      onExecution: () => {
        recorded++;
        armIdle();
      },
      onUndecodable: (raw, error) => log('error', `kept an ExecutionReport that could not be decoded (${error.message}): ${raw.toString('latin1').replaceAll('\x01', '|')}`),
      onUndecodableStored: (notices) => { for (const notice of notices) log('error', describeUndecodable(notice)); },
      onFatal: (reason: DisconnectReason) => {
        fatal = reason.kind === 'logon-rejected'
          ? new CliError(`logon rejected by ${options.target}: ${reason.text || '(no reason given)'}`, ExitCode.logonRejected)
          : new CliError(describeDisconnect(reason), ExitCode.runtime);
      },
  };
  const { recorder, close } = openRecorder(options, sessionOptions, sink, listeners);
  if (options.dcPort !== undefined && options.db !== undefined) {
    try {
      backfill = new BackfillCoordinator({
        journalPath: options.db,
        dropCopy: {
          config: toSessionConfig({ ...options, target: 'KalshiDC' }),
          endpoint: endpoint(options.dcHost ?? options.host, options.dcPort),
          signLogon: sessionOptions.signLogon,
        },
        onEvent: (event) => {
          const { severity, text } = describeBackfillEvent(event);
          log(severity, text);
        },
        // Recovered fills take the live path from here: the --out sink, the count, the idle timer.
        onRecovered: (records) => recorder.deliverCommitted(records),
        onUndecodable: (notices) => { for (const notice of notices) log('error', describeUndecodable(notice)); },
      });
    } catch (error) {
      close();
      if (error instanceof JournalError) throw new CliError(`cannot open the journal "${options.db}" for drop-copy backfill: ${error.message}`, ExitCode.runtime);
      throw error;
    }
  }

  function armIdle(): void {
    if (options.exitAfterIdleSec === undefined || recorder.session.phase !== 'active') return;
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      log('info', `No execution for ${options.exitAfterIdleSec} s: logging out`);
      void recorder.stop();
    }, options.exitAfterIdleSec * 1000);
  }

  const unregister = io.onSignal(() => {
    log('info', 'Signal received: logging out');
    void recorder.stop();
  });
  try {
    await recorder.start();
  } finally {
    unregister();
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    try {
      await backfill?.close(BACKFILL_GRACE_MS);
    } finally {
      sink?.close();
      close();
    }
  }
  io.out(`recorded ${recorded} new execution(s) in ${[options.db, options.out].filter(Boolean).join(' and ')}; ${recorder.duplicatesSkipped} duplicate(s) skipped`);
  if (fatal !== undefined) throw fatal;
  return ExitCode.ok;
}

interface RecordOptions {
  host: string; port: number; target: KalshiTarget; apiKeyId: string; keyFile: string;
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

/** The listener's config; with target KalshiDC the same options make the drop-copy profile. */
function toSessionConfig(o: RecordOptions) {
  try {
    return makeSessionConfig({
      senderCompId: o.apiKeyId, targetCompId: o.target, heartBtIntSec: o.heartBtIntSec,
      skipPendingTag: o.skipPendingTag, useDollars: o.useDollars, receiveSettlementReports: o.settlements,
      retentionHours: o.retentionHours, sendRawDataLength: o.rawDataLength,
    });
  } catch (error) {
    if (error instanceof SessionConfigError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}

/** Journal-backed when --db is given (durable, resumable); otherwise in memory with the JSONL file. */
function openRecorder(options: RecordOptions, session: Omit<ListenerSessionOptions, 'store'>, sink: JsonlSink | undefined, listeners: RecorderListeners) {
  if (options.db === undefined) {
    return { recorder: new Recorder({ ...session, store: new MemorySequenceStore() }, sink, listeners), close: () => {} };
  }
  try {
    const opened = openJournalRecorder(options.db, session, sink, listeners);
    const close = () => {
      try {
        opened.journal.close();
      } catch (error) {
        // A journal that cannot commit its last batch loses nothing: the exchange resends it next run.
        if (error instanceof JournalError) throw new CliError(`the journal could not commit its last batch (${error.message}); it is intact and the next run resumes from what it holds`, ExitCode.runtime);
        throw error;
      }
    };
    return { recorder: opened.recorder, close };
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot use the journal "${options.db}": ${error.message}`, ExitCode.runtime);
    throw error;
  }
}
