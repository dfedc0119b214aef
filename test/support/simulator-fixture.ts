// simulator-fixture.ts — a KalshiSimulator on 127.0.0.1:0 with one registered account, plus the
// RecorderService recording it, for end-to-end tests over real TLS.
import { generateKeyPair, importPrivateKeyPem, signLogon, type SigningKey } from '../../electron/core/signing/index.ts';
import { KalshiSimulator, type SimulatorOptions } from '../../electron/simulator/simulator.ts';
import type { SessionConfigInput } from '../../electron/core/session/session-config.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import type { ListenerSessionOptions } from '../../electron/core/session/session.ts';
import type { DisconnectReason, SessionEvent } from '../../shared/events/session-events.ts';
import type { ExecutionRecord } from '../../shared/records/execution-record.ts';
import { dedupeKey } from '../../shared/records/execution-record.ts';
import { API_KEY_ID } from './fix-builders.ts';
import { testCertificates } from './tls-fixture.ts';

let keys: { privateKeyPem: string; publicKeyPem: string; key: SigningKey } | undefined;
export function testKeys() {
  if (keys === undefined) {
    const pair = generateKeyPair();
    keys = { ...pair, key: importPrivateKeyPem(pair.privateKeyPem) };
  }
  return keys;
}

export async function startSimulator(options: Partial<SimulatorOptions> = {}) {
  const { ca, server } = testCertificates();
  const simulator = new KalshiSimulator({
    tls: server,
    accounts: [{ apiKeyId: API_KEY_ID, publicKeyPem: testKeys().publicKeyPem }],
    ratePerSecond: 0,
    ...options,
  });
  const { port } = await simulator.start();
  return { simulator, port, caPem: ca.certPem };
}

/** Collects what a Recorder produced: records (deduplicated by the sink), events, and the fatal reason. */
export class CollectingSink {
  readonly records: ExecutionRecord[] = [];
  readonly #keys = new Set<string>();
  writeAttempts = 0;
  write(record: ExecutionRecord): boolean {
    this.writeAttempts++;
    const key = dedupeKey(record);
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    this.records.push(record);
    return true;
  }
}

/**
 * One account recorded by the RecorderService (the engine the CLI and the app use) into a journal (in
 * memory unless `journalPath`), with what tests look at: records (deduplicated by the sink), the listener's session
 * events, the fatal reason if it stopped for good, and `done` once it stopped.
 */
export function startRecorder(
  port: number,
  caPem: string,
  overrides: {
    connect?: ListenerSessionOptions['connect']; target?: 'KalshiRT' | 'KalshiNR'; config?: Partial<SessionConfigInput>; signingKey?: SigningKey;
    listeners?: { onEvent?: (event: SessionEvent) => void; onFatal?: (reason: DisconnectReason) => void };
    backoff?: ListenerSessionOptions['backoff']; signLogon?: ListenerSessionOptions['signLogon'];
    /** A journal file (default: in memory). */
    journalPath?: string;
  } = {},
) {
  const sink = new CollectingSink();
  const events: SessionEvent[] = [];
  const fatal: { reason?: DisconnectReason } = {};
  const key = overrides.signingKey ?? testKeys().key;
  const service = new RecorderService({
    journalPath: overrides.journalPath ?? ':memory:',
    signerFor: () => overrides.signLogon ?? ((fields) => signLogon(key, fields)),
    // Fast reconnects keep tests short; test/e2e/reconnect-pacing.test.ts checks the production pacing.
    backoff: overrides.backoff ?? { initialMs: 20, maxMs: 200, minMs: 0, slowDownMs: 50 },
    tickMs: 50,
    ...(overrides.connect === undefined ? {} : { connect: overrides.connect }),
    sessionDefaults: { heartBtIntSec: 30, ...overrides.config },
  });
  let stopped: () => void = () => {};
  const done = new Promise<void>((resolve) => { stopped = resolve; });
  service.onEvent((event) => {
    if (event.type === 'executions') for (const { record } of event.executions) sink.write(record);
    if (event.type === 'log' && event.session !== undefined) {
      events.push(event.session);
      overrides.listeners?.onEvent?.(event.session);
    }
    if (event.type === 'phase' && event.phase === 'failed' && event.reason !== undefined) {
      fatal.reason = event.reason;
      overrides.listeners?.onFatal?.(event.reason);
    }
    if (event.type === 'phase' && (event.phase === 'stopped' || event.phase === 'failed')) stopped();
  });
  const config = overrides.config ?? {};
  service.addAccount({
    id: 'test', label: 'test', apiKeyId: API_KEY_ID, environment: 'custom',
    listener: { host: 'localhost', port, target: overrides.target ?? 'KalshiRT' }, tls: { caPem },
    session: {
      ...(config.heartBtIntSec === undefined ? {} : { heartBtIntSec: config.heartBtIntSec }),
      ...(config.useDollars === undefined ? {} : { useDollars: config.useDollars }),
    },
  });
  const recorder = { stop: () => service.close() };
  return { recorder, service, sink, events, fatal, done };
}

/** Polls until `condition` holds, or fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
