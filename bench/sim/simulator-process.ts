// simulator-process.ts — the child process the bench forks to run the KalshiSimulator (one account, RT,
// unpaced): the first connection gets `liveBeforeDrop` ERs and is then dropped abruptly (fault
// drop-after); the stream carries on while nobody is connected, so `backlog` ERs pile up in the RT
// resend store; the next connection catches up through a ResendRequest. Reports each step to the parent
// over IPC (protocol.ts). Never measures anything itself beyond stamping when things happened. With a
// backlog of 0 there is no drop: a stream of `liveBeforeDrop` ERs, paced at `ratePerSecond` if given
// (the live-view item), whose send times it keeps when asked (`stampSends`).
import { Buffer } from 'node:buffer';
import { TLSSocket } from 'node:tls';
import { KalshiSimulator } from '../../electron/simulator/simulator.ts';
import type { SimulatorCommand, SimulatorReport } from './protocol.ts';

function report(message: SimulatorReport): void {
  process.send?.(message);
}

let simulator: KalshiSimulator | undefined;
let stamps: Array<readonly [string, number]> = [];

/** A wall clock with sub-millisecond steps, comparable with the parent's and a page's (after calibration). */
const clockMs = (): number => performance.timeOrigin + performance.now();

/**
 * The simulator writes every live frame with its own socket.write, so TLS seals each ~400-byte ER in
 * a record of its own and the stream machinery runs once per frame: 100k ERs then leave at the pace of
 * 100k write calls (~100-200k ER/s here), slower than the recorder it is meant to load. An exchange's
 * FIX engine batches its writes; so does the bench's simulator when asked: the frames written in one
 * tick are gathered and handed to the socket as one buffer at the end of the tick (or every 64 MiB),
 * which TLS packs into full 16 KiB records. A resend needs none of this: the simulator streams it in
 * 64 KiB chunks as the socket drains (acceptor-session.ts). Bytes and order unchanged.
 */
const BATCH_BYTES = 64 * 1024 * 1024;

function coalesceTlsWrites(): void {
  const write = TLSSocket.prototype.write;
  const batches = new WeakMap<TLSSocket, { chunks: Uint8Array[]; bytes: number }>();
  const flush = (socket: TLSSocket): boolean => {
    const batch = batches.get(socket);
    if (batch === undefined || batch.bytes === 0) return !socket.writableNeedDrain;
    const data = Buffer.concat(batch.chunks, batch.bytes);
    batch.chunks = [];
    batch.bytes = 0;
    return write.call(socket, data);
  };
  TLSSocket.prototype.write = function (this: TLSSocket, ...args: unknown[]): boolean {
    const chunk = args[0];
    // Writes with a callback or an encoding (none in the simulator's hot path) go through as they are.
    if (args.length > 1 || !(chunk instanceof Uint8Array)) {
      flush(this);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    }
    let batch = batches.get(this);
    if (batch === undefined) {
      batch = { chunks: [], bytes: 0 };
      batches.set(this, batch);
    }
    if (batch.bytes === 0) process.nextTick(() => flush(this));
    batch.chunks.push(chunk);
    batch.bytes += chunk.length;
    return batch.bytes >= BATCH_BYTES ? flush(this) : !this.writableNeedDrain;
  } as TLSSocket['write'];
}

async function start(command: Extract<SimulatorCommand, { type: 'start' }>): Promise<void> {
  if (command.coalesceWrites) coalesceTlsWrites();
  let live = 0;
  let queued = 0;
  let lastErSeq = 0;
  let lastExecId = '';
  let dropped = false;
  const sim = new KalshiSimulator({
    accounts: [{ apiKeyId: command.apiKeyId, publicKeyPem: command.publicKeyPem }],
    seed: command.seed,
    ratePerSecond: command.ratePerSecond ?? 0,
    totalReports: command.liveBeforeDrop + command.backlog,
    streamWhileDisconnected: true,
    // Keep the whole backlog answerable, with room for the admin messages in between.
    retainedMessages: command.liveBeforeDrop + command.backlog + 1_000,
    faults: command.backlog > 0 ? [{ kind: 'drop-after', messages: command.liveBeforeDrop }] : [],
    log: (line) => {
      const m = /^resent (\d+) step/.exec(line);
      if (m !== null) report({ type: 'resent', steps: Number(m[1]), atMs: Date.now() });
    },
  });
  simulator = sim;
  sim.on('er-sent', (event) => {
    // Emitted right after the frame was handed to the socket (acceptor-session.ts deliver()).
    if (event.delivery === 'live') {
      live++;
      if (command.stampSends === true) stamps.push([event.execId, clockMs()]);
    } else if (event.delivery === 'queued') queued++;
    lastErSeq = Math.max(lastErSeq, event.msgSeqNum);
    lastExecId = event.execId;
  });
  sim.on('disconnect', () => {
    if (dropped) return;
    dropped = true;
    report({ type: 'dropped', atMs: Date.now() });
  });
  sim.on('logon', (event) => report({ type: 'logon', atMs: Date.now(), nextOutSeq: event.nextOutSeq }));
  sim.on('stream-complete', () => report({ type: 'backlog-ready', live, queued, lastErSeq, lastExecId, atMs: Date.now() }));
  const { port } = await sim.start();
  report({ type: 'started', port, caPem: sim.caCertPem ?? '' });
}

process.on('message', (command: SimulatorCommand) => {
  switch (command.type) {
    case 'start':
      start(command).catch((error: unknown) => report({ type: 'failed', error: error instanceof Error ? error.message : String(error) }));
      return;
    case 'clock':
      report({ type: 'clock', nowMs: clockMs() });
      return;
    case 'stamps':
      report({ type: 'stamps', stamps });
      stamps = [];
      return;
    case 'stop':
      void (simulator?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
      return;
  }
});
// The parent going away (crash, Ctrl-C) must not leave a simulator listening.
process.on('disconnect', () => process.exit(0));
