// catch-up.ts — one real catch-up, end to end: the simulator (child process) streams to the Recorder
// over TLS, drops the connection, builds a backlog of ERs on KalshiRT while the network is "down" (the
// recorder's reconnect is held at a gate), then the gate opens and the recorder reconnects, logs on,
// asks for a resend and stores the burst. Stamps each step on the monotonic clock and measures the
// CPU this process used and its peak RSS while catching up. Used by items 4, 5 and 6.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import { Recorder } from '../../electron/core/recorder/recorder.ts';
import type { SequenceStore } from '../../electron/core/session/session-store.ts';
import { MsgType } from '../../shared/fix/tags.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { connectTls, type TlsEndpoint } from '../../electron/core/transport/tls-connection.ts';
import type { SessionEvent } from '../../shared/events/session-events.ts';
import { openPipeline, type PipelineOptions, type StoreKind, type WriterKind } from '../pipeline.ts';
import { forkSimulator } from '../sim/simulator-client.ts';
import { elapsedNs, nowNs, watchPeakRss } from '../stats.ts';
import { BENCH_API_KEY_ID, benchKeys, benchSessionConfig } from '../workloads.ts';

export interface CatchUpOptions {
  /** ERs that pile up on KalshiRT while the recorder is disconnected. */
  readonly backlog: number;
  /** ERs delivered live before the drop (the session is up and flowing first). */
  readonly live: number;
  readonly store: StoreKind;
  /** The journal's writer (default: the Journal's default). */
  readonly writer?: WriterKind;
  /** A folder of its own for this run's store. */
  readonly dir: string;
  /** Let the simulator batch its socket writes (see simulator-process.ts). */
  readonly coalesceWrites: boolean;
  readonly seed?: number;
  readonly timeoutMs?: number;
  /** Run the surveillance rules on every commit (journal store only; pipeline.ts). */
  readonly surveil?: PipelineOptions['surveil'];
  /** Called as the gate opens and once every ER is committed (profiling tools bracket the burst with these). */
  readonly onGateOpen?: () => void;
  readonly onCaughtUp?: () => void;
}

export interface CatchUpResult {
  /** Executions that had to be stored on reconnect (the backlog plus any live ones lost in the drop). */
  readonly caughtUp: number;
  /** Every execution committed by the end (live + backlog). */
  readonly total: number;
  /** Commits (transactions) it took to catch up. */
  readonly commits: number;
  /** Nanoseconds from the gate opening (network back) to each step. */
  readonly loggedOnNs: number;
  readonly firstErNs: number;
  readonly doneNs: number;
  /** When the simulator had encoded the whole resend and handed it to its socket, ms after the gate. */
  readonly simulatorResentMs: number;
  /** CPU (user + system) this process spent from the first resent ER to the last commit, µs. */
  readonly burstCpuUs: number;
  readonly peakRssBytes: number;
  /** RSS when the gate opened, before the burst. */
  readonly startRssBytes: number;
  /** Size of the store once closed (journal checkpointed, WAL gone; or the JSONL file). */
  readonly diskBytes: number;
  /** Where the store was written (kept after the run for replays, see replay.ts). */
  readonly storePath: string;
  readonly storeKind: StoreKind;
  readonly positionErrors: number;
  readonly durability: string;
  /** With `surveil`: engine time from the gate opening to caught up (ms), and the alerts of the whole run. */
  readonly surveillance?: { readonly burstMs: number; readonly alerts: number };
}

export async function runCatchUp(options: CatchUpOptions): Promise<CatchUpResult> {
  const keys = benchKeys();
  mkdirSync(options.dir, { recursive: true });
  const sim = await forkSimulator({ apiKeyId: BENCH_API_KEY_ID, publicKeyPem: keys.publicKeyPem, liveBeforeDrop: options.live, backlog: options.backlog, seed: options.seed ?? 1, coalesceWrites: options.coalesceWrites });
  const pipeline = openPipeline(options.store, join(options.dir, 'store'), options.writer, options.surveil === undefined ? {} : { surveil: options.surveil });
  let recorder: Recorder | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await recorder?.stop().catch(() => {});
    pipeline.close();
  };
  try {
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => { openGate = resolve; });
    let connects = 0;
    const connect = async (endpoint: TlsEndpoint): Promise<TLSSocket> => {
      connects++;
      if (connects > 1) await gate; // the network stays "down" until the backlog is built
      return connectTls(endpoint);
    };

    let gateAt: bigint | undefined = undefined; // set when the gate opens; the callbacks below read it
    let loggedOnAt: bigint | undefined;
    let firstErAt: bigint | undefined;
    let cpuAtFirst: NodeJS.CpuUsage | undefined;
    // The first resent ER reaching the recorder = the first application message the session hands
    // the store after the gate opened (stamped around the store, so it costs the same in every feed).
    const stamp = (): void => {
      if (gateAt === undefined || firstErAt !== undefined) return;
      firstErAt = nowNs();
      cpuAtFirst = process.cpuUsage();
    };
    const inner = pipeline.store;
    const store: SequenceStore = {
      load: () => inner.load(),
      accept: (message, nextInbound, receivedAt) => {
        if (firstErAt === undefined && message.msgType === MsgType.ExecutionReport) stamp();
        inner.accept(message, nextInbound, receivedAt);
      },
      flush: () => inner.flush?.(),
      setNextOutbound: (next) => inner.setNextOutbound(next),
      resetSequences: (next) => inner.resetSequences(next),
    };
    const events: SessionEvent[] = [];
    let fatal: string | undefined;
    recorder = new Recorder(
      {
        config: benchSessionConfig(),
        endpoint: { host: '127.0.0.1', port: sim.port, caPem: sim.caPem },
        signLogon: (fields) => signLogon(keys.key, fields),
        store,
        backoff: { initialMs: 10, maxMs: 50 },
        connect,
      },
      pipeline.sink,
      {
        onEvent: (event) => {
          if (event.kind === 'logon-accepted' && gateAt !== undefined) loggedOnAt ??= nowNs();
          events.push(event); // the last few explain a timeout
          if (events.length > 20) events.shift();
        },
        onFatal: (reason) => { fatal = JSON.stringify(reason); },
      },
      // As the app: with the journal, executions reach the book from its commits (pipeline.ts), never
      // decoded a second time by the recorder; the memory store is fed by the recorder's own decode.
      pipeline.kind === 'journal' ? 'store-commits' : 'session',
    );
    void recorder.start();

    await sim.next('dropped');
    const backlog = await sim.next('backlog-ready');
    if (backlog.queued !== options.backlog) throw new Error(`The simulator queued ${backlog.queued} ERs, expected ${options.backlog}.`);
    const total = backlog.live + backlog.queued;
    const before = pipeline.committed;
    const commitsBefore = pipeline.commits;

    const rss = watchPeakRss();
    const surveilledBefore = pipeline.surveillance?.ms ?? 0;
    const gateWallMs = Date.now();
    options.onGateOpen?.();
    gateAt = nowNs();
    openGate();
    const done = pipeline.whenCommitted(total);
    const timeoutMs = options.timeoutMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      done,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Caught up ${pipeline.committed} of ${total} ERs within ${timeoutMs} ms${fatal === undefined ? '' : `; fatal: ${fatal}`}; last events: ${events.slice(-5).map((e) => e.kind).join(', ')}`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const doneNs = elapsedNs(gateAt);
    options.onCaughtUp?.();
    const cpu = process.cpuUsage(cpuAtFirst);
    const surveilled = pipeline.surveillance === undefined ? undefined : { burstMs: pipeline.surveillance.ms - surveilledBefore, alerts: pipeline.surveillance.alerts };
    const peakRssBytes = rss.stop();
    const resent = await sim.next('resent', 10_000);
    if (loggedOnAt === undefined || firstErAt === undefined) throw new Error('The recorder caught up without a logon or an ER after reconnecting.');
    await close();
    return {
      caughtUp: total - before,
      total,
      commits: pipeline.commits - commitsBefore,
      loggedOnNs: Number(loggedOnAt - gateAt),
      firstErNs: Number(firstErAt - gateAt),
      doneNs,
      simulatorResentMs: resent.atMs - gateWallMs,
      burstCpuUs: cpu.user + cpu.system,
      peakRssBytes,
      startRssBytes: rss.startBytes,
      diskBytes: pipeline.diskBytes(),
      storePath: pipeline.path,
      storeKind: pipeline.kind,
      positionErrors: pipeline.positionErrors,
      durability: pipeline.durability,
      ...(surveilled === undefined ? {} : { surveillance: surveilled }),
    };
  } finally {
    await close();
    await sim.stop();
  }
}
