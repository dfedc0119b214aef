// workloads.ts — the inputs every benchmark item measures with, built the way the exchange would send
// them: ExecutionReports from the simulator's own generator and renderer (Kalshi's tag order, 4-dp
// dollar prices, fractional quantities, fee and collateral groups), encoded by our encoder with a
// KalshiRT header. Deterministic for a given seed. Never times anything and never touches a socket.
import { Buffer } from 'node:buffer';
import { encodeMessage } from '../electron/core/fix/encode.ts';
import { MsgType } from '../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../electron/core/fix/time.ts';
import { makeSessionConfig, type SessionConfig } from '../electron/core/session/session-config.ts';
import { generateKeyPair, importPrivateKeyPem, type SigningKey } from '../electron/core/signing/index.ts';
import { ExecutionReportGenerator, type GeneratedReport } from '../electron/simulator/er-generator.ts';
import { renderExecutionReport, type RenderOptions } from '../electron/simulator/er-render.ts';

/** The API key id (our SenderCompID) every bench session uses. */
export const BENCH_API_KEY_ID = 'b3e1c0de-5eed-4b3c-9a0f-00000000be4c';

/** How Fillwatch's Logon asks for ERs (21005=Y): dollar prices with up to 4 dp. */
const RENDER: RenderOptions = { units: 'dollars', preserveOriginalOrderQty: false };

export interface ErFrames {
  readonly frames: readonly Buffer[];
  readonly reports: readonly GeneratedReport[];
  /** Sum of the frame lengths. */
  readonly bytes: number;
}

/**
 * `count` ExecutionReport frames as KalshiRT would write them to us, MsgSeqNum from `firstSeq`.
 * SendingTime follows the report's own virtual clock so the bytes depend on the seed only.
 */
export function executionReportFrames(count: number, seed = 1, firstSeq = 2): ErFrames {
  const reports = new ExecutionReportGenerator({ seed }).take(count);
  let bytes = 0;
  const frames = reports.map((report, i) => {
    const frame = encodeMessage(
      {
        msgType: MsgType.ExecutionReport,
        senderCompId: 'KalshiRT',
        targetCompId: BENCH_API_KEY_ID,
        msgSeqNum: firstSeq + i,
        sendingTime: formatUtcTimestamp(report.transactTimeMs + 3),
      },
      renderExecutionReport(report, RENDER),
    );
    bytes += frame.length;
    return frame;
  });
  return { frames, reports, bytes };
}

/** Share of the reports that are trades (150=F), the ones that carry fee and collateral groups. */
export function tradeShare(reports: readonly GeneratedReport[]): number {
  return reports.length === 0 ? 0 : reports.filter((r) => r.kind === 'trade').length / reports.length;
}

/** The frames back to back, as one stream. */
export function concatFrames(frames: readonly Buffer[]): Buffer {
  return Buffer.concat(frames);
}

/** Whole frames repeated in order until adding another would pass `targetBytes` (at least one pass). */
export function repeatToSize(frames: readonly Buffer[], targetBytes: number): { stream: Buffer; frameCount: number } {
  const one = Buffer.concat(frames);
  if (one.length === 0) throw new RangeError('repeatToSize needs at least one non-empty frame.');
  const passes = Math.max(1, Math.floor(targetBytes / one.length));
  let size = passes * one.length;
  let extra = 0;
  for (const f of frames) {
    if (size + f.length > targetBytes) break;
    size += f.length;
    extra++;
  }
  const stream = Buffer.allocUnsafe(size);
  let at = 0;
  for (let p = 0; p < passes; p++) at += one.copy(stream, at);
  for (let i = 0; i < extra; i++) at += frames[i]!.copy(stream, at);
  return { stream, frameCount: passes * frames.length + extra };
}

/** Views of `stream` in `chunkBytes` pieces (the last may be shorter), as a socket would deliver it. */
export function chunksOf(stream: Buffer, chunkBytes: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < stream.length; at += chunkBytes) out.push(stream.subarray(at, Math.min(stream.length, at + chunkBytes)));
  return out;
}

/** The listener session configuration Fillwatch logs on with (recommended listener profile). */
export function benchSessionConfig(): SessionConfig {
  return makeSessionConfig({ senderCompId: BENCH_API_KEY_ID, targetCompId: 'KalshiRT' });
}

let keys: { privateKeyPem: string; publicKeyPem: string; key: SigningKey } | undefined;

/** One 2048-bit RSA key pair per bench process (generating one takes ~0.3 s). */
export function benchKeys(): { privateKeyPem: string; publicKeyPem: string; key: SigningKey } {
  if (keys === undefined) {
    const pair = generateKeyPair();
    keys = { ...pair, key: importPrivateKeyPem(pair.privateKeyPem) };
  }
  return keys;
}
