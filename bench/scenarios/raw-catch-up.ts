// raw-catch-up.ts — the baseline for the catch-up items: the same simulator, the same drop and backlog,
// the same TLS connection code, but the client only counts bytes. It logs on, asks for the whole
// resend and reads until the last ER's MsgSeqNum goes by, parsing nothing (it looks for that one
// marker in the tail of each read). So its ER/s is what the wire and the simulator can deliver.
import { Buffer } from 'node:buffer';
import type { TLSSocket } from 'node:tls';
import { encodeAdminMessageNow } from '../../electron/core/session/admin-encoder.ts';
import type { AdminMessage } from '../../electron/core/session/admin-messages.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { connectTls } from '../../electron/core/transport/tls-connection.ts';
import { forkSimulator } from '../sim/simulator-client.ts';
import { elapsedNs, nowNs } from '../stats.ts';
import { BENCH_API_KEY_ID, benchKeys, benchSessionConfig } from '../workloads.ts';

export interface RawCatchUpResult {
  /** ERs in the resend (everything the simulator generated). */
  readonly ers: number;
  readonly bytes: number;
  /** Nanoseconds from the first byte of the resend to the last ER's arrival. */
  readonly burstNs: number;
  /** Nanoseconds from starting to reconnect (TLS, Logon, ResendRequest) to the last ER's arrival. */
  readonly totalNs: number;
  /** CPU (user + system) this process spent over the same span, µs. */
  readonly burstCpuUs: number;
}

/** How far back from the end of a read the last ER's MsgSeqNum can be (one ER is < 1 KiB). */
const TAIL_BYTES = 2048;

export async function runRawCatchUp(options: { backlog: number; live: number; coalesceWrites: boolean; seed?: number; timeoutMs?: number }): Promise<RawCatchUpResult> {
  const keys = benchKeys();
  const config = benchSessionConfig();
  const sim = await forkSimulator({ apiKeyId: BENCH_API_KEY_ID, publicKeyPem: keys.publicKeyPem, liveBeforeDrop: options.live, backlog: options.backlog, seed: options.seed ?? 1, coalesceWrites: options.coalesceWrites });
  const endpoint = { host: '127.0.0.1', port: sim.port, caPem: sim.caPem };
  const send = (socket: TLSSocket, message: AdminMessage, seq: number): void => {
    socket.write(encodeAdminMessageNow(message, seq, false, config, Date.now(), (fields) => signLogon(keys.key, fields)));
  };
  let socket: TLSSocket | undefined;
  try {
    // First connection: logs on, takes the live ERs, is dropped by the fault.
    const first = await connectTls(endpoint);
    first.on('data', () => {});
    first.on('error', () => {});
    const closed = new Promise<void>((resolve) => first.once('close', () => resolve()));
    send(first, { type: 'Logon', resetSeqNum: true }, 1);
    await closed;
    const backlog = await sim.next('backlog-ready');
    if (backlog.queued !== options.backlog) throw new Error(`The simulator queued ${backlog.queued} ERs, expected ${options.backlog}.`);

    const reconnectAt = nowNs();
    socket = await connectTls(endpoint);
    const s = socket;
    s.on('error', () => {});
    const marker = Buffer.from(`\x0134=${backlog.lastErSeq}\x01`, 'latin1');
    const logonReply = Buffer.from('\x0135=A\x01', 'latin1');
    let phase: 'logon' | 'burst' = 'logon';
    let logonBytes = Buffer.alloc(0);
    let firstAt: bigint | undefined;
    let cpuAtFirst: NodeJS.CpuUsage | undefined;
    let bytes = 0;
    let tail = Buffer.alloc(0);
    const timeoutMs = options.timeoutMs ?? 120_000;
    const result = await new Promise<RawCatchUpResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The raw client saw ${bytes} bytes but not MsgSeqNum ${backlog.lastErSeq} within ${timeoutMs} ms.`)), timeoutMs);
      s.on('close', () => reject(new Error('The simulator closed the raw connection before the resend ended.')));
      s.on('data', (chunk: Buffer) => {
        if (phase === 'logon') {
          // The reply may in principle straddle two reads: search what came so far (a few hundred bytes).
          logonBytes = Buffer.concat([logonBytes, chunk]);
          if (logonBytes.indexOf(logonReply) < 0) return;
          phase = 'burst';
          send(s, { type: 'ResendRequest', beginSeqNo: 1, endSeqNo: backlog.lastErSeq }, 3);
          return;
        }
        if (firstAt === undefined) {
          firstAt = nowNs();
          cpuAtFirst = process.cpuUsage();
        }
        bytes += chunk.length;
        // Only the end of each read is searched: the marker of the last ER is within its last frame.
        const window = Buffer.concat([tail, chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES))]);
        if (window.indexOf(marker) >= 0) {
          const burstNs = elapsedNs(firstAt);
          const totalNs = elapsedNs(reconnectAt);
          const cpu = process.cpuUsage(cpuAtFirst);
          clearTimeout(timer);
          resolve({ ers: backlog.live + backlog.queued, bytes, burstNs, totalNs, burstCpuUs: cpu.user + cpu.system });
          return;
        }
        tail = window.subarray(Math.max(0, window.length - marker.length));
      });
      send(s, { type: 'Logon', resetSeqNum: false }, 2);
    });
    return result;
  } finally {
    socket?.destroy();
    await sim.stop();
  }
}
