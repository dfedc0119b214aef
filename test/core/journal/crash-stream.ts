// crash-stream.ts — the deterministic inbound stream of the crash test: message N is always the same
// bytes, as KalshiRT would resend it after a restart. Mostly ExecutionReports, with resent ExecIDs
// (PossDup), pending reports, heartbeats and settlements mixed in.
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import { er, heartbeat, settlementReport } from './journal-fixtures.ts';

export type StreamItem =
  | { readonly kind: 'execution'; readonly execKey: string }
  | { readonly kind: 'other' };

/** What message `seq` carries, without building it. */
export function streamItem(seq: number): StreamItem {
  if (seq % 17 === 0 || seq % 101 === 0) return { kind: 'other' };
  if (seq % 13 === 0 && seq > 5) return { kind: 'execution', execKey: `1042;${seq - 5}` }; // a resend of an earlier fill
  if (seq % 29 === 0) return { kind: 'execution', execKey: `-1;-1|ord-${seq}|A|20261124-14:05:09.123` };
  return { kind: 'execution', execKey: `1042;${seq}` };
}

export function streamMessage(seq: number): FixMessage {
  if (seq % 17 === 0) return heartbeat(seq);
  if (seq % 101 === 0) return settlementReport(seq, `settle-${seq}`);
  if (seq % 13 === 0 && seq > 5) return er(seq, { execId: `1042;${seq - 5}`, orderId: `ord-${seq - 5}`, possDup: true });
  if (seq % 29 === 0) return er(seq, { execId: '-1;-1', orderId: `ord-${seq}`, execType: 'A', ordStatus: 'A', transactTime: '20261124-14:05:09.123' });
  return er(seq, { execId: `1042;${seq}`, orderId: `ord-${seq}`, transactTime: '20261124-14:05:09.123' });
}

/** Every ExecID key messages 1..lastSeq carry, once each. */
export function expectedExecKeys(lastSeq: number): Set<string> {
  const keys = new Set<string>();
  for (let seq = 1; seq <= lastSeq; seq++) {
    const item = streamItem(seq);
    if (item.kind === 'execution') keys.add(item.execKey);
  }
  return keys;
}

/** mulberry32: a small seeded PRNG, so a failing round can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

