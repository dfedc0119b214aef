// simulator-fixture.ts — a KalshiSimulator on 127.0.0.1:0 with one registered account, plus a
// Recorder wired to it, for end-to-end tests over real TLS.
import { generateKeyPair, importPrivateKeyPem, signLogon, type SigningKey } from '../../electron/core/signing/index.ts';
import { KalshiSimulator, type SimulatorOptions } from '../../electron/simulator/simulator.ts';
import { Recorder, type RecorderListeners } from '../../electron/core/recorder/recorder.ts';
import { makeSessionConfig, type KalshiTarget, type SessionConfigInput } from '../../electron/core/session/session-config.ts';
import type { ListenerSessionOptions } from '../../electron/core/session/session.ts';
import { MemorySequenceStore } from '../../electron/core/session/session-store.ts';
import type { SessionEvent } from '../../shared/events/session-events.ts';
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

export function startRecorder(
  port: number,
  caPem: string,
  overrides: {
    connect?: ListenerSessionOptions['connect']; target?: KalshiTarget; config?: Partial<SessionConfigInput>; signingKey?: SigningKey;
    listeners?: RecorderListeners; backoff?: ListenerSessionOptions['backoff']; signLogon?: ListenerSessionOptions['signLogon'];
  } = {},
) {
  const sink = new CollectingSink();
  const events: SessionEvent[] = [];
  const fatal: { reason?: unknown } = {};
  const key = overrides.signingKey ?? testKeys().key;
  const recorder = new Recorder(
    {
      config: makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: overrides.target ?? 'KalshiRT', heartBtIntSec: 30, ...overrides.config }),
      endpoint: { host: 'localhost', port, caPem },
      signLogon: overrides.signLogon ?? ((fields) => signLogon(key, fields)),
      store: new MemorySequenceStore(),
      // Fast reconnects keep tests short; test/e2e/reconnect-pacing.test.ts checks the production pacing.
      backoff: overrides.backoff ?? { initialMs: 20, maxMs: 200, minMs: 0, slowDownMs: 50 },
      tickMs: 50,
      ...(overrides.connect === undefined ? {} : { connect: overrides.connect }),
    },
    sink,
    {
      ...overrides.listeners,
      onEvent: (event) => { events.push(event); overrides.listeners?.onEvent?.(event); },
      onFatal: (reason) => { fatal.reason = reason; overrides.listeners?.onFatal?.(reason); },
    },
  );
  const done = recorder.start();
  return { recorder, sink, events, fatal, done };
}

/** Polls until `condition` holds, or fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
