// framing.ts (bench item 2) — FixFramer over a long stream of Kalshi-like ERs delivered in 16 KiB chunks
// (a TLS record's worth, as a socket hands them over), in MB/s. Baseline: a plain Buffer.indexOf scan
// for `8=FIX` over the same chunks — the least work any framer must do — in the same process.
import { Buffer } from 'node:buffer';
import { FixFramer } from '../../electron/core/fix/framer.ts';
import type { FrameSink } from '../../electron/core/fix/framer.ts';
import type { Figure, ItemResult } from '../report.ts';
import { mapSummary, timePerOp, type RunPlan, type Summary } from '../stats.ts';
import { chunksOf, executionReportFrames, repeatToSize } from '../workloads.ts';
import type { BenchContext } from './context.ts';

const CHUNK_BYTES = 16 * 1024;
const START = Buffer.from('8=FIX', 'latin1');

export function runFraming(ctx: BenchContext): ItemResult {
  const targetBytes = (ctx.quick ? 4 : 64) * 1024 * 1024;
  const plan: RunPlan = ctx.quick ? { warmup: 1, runs: 5 } : { warmup: 2, runs: 7 };
  const { frames } = executionReportFrames(2_000);
  const { stream, frameCount } = repeatToSize(frames, targetBytes);
  const chunks = chunksOf(stream, CHUNK_BYTES);

  let framed = 0;
  let errors = 0;
  const sink: FrameSink = {
    onFrame: () => {
      framed++;
    },
    onFrameError: () => {
      errors++;
    },
  };
  // Runs count bytes as operations, so the summaries are ns per byte.
  const framer = timePerOp(plan, () => {
    const f = new FixFramer();
    framed = 0;
    errors = 0;
    for (const chunk of chunks) f.push(chunk, sink);
    if (framed !== frameCount || errors !== 0) throw new Error(`The framer found ${framed} of ${frameCount} frames and ${errors} errors.`);
    return stream.length;
  });

  let starts = 0;
  const scan = timePerOp(plan, () => {
    starts = 0;
    for (const chunk of chunks) {
      for (let at = chunk.indexOf(START); at >= 0; at = chunk.indexOf(START, at + START.length)) starts++;
    }
    // Starts cut by a chunk boundary are missed: the scan is a lower bound on the work, not a framer.
    if (starts > frameCount || starts < frameCount - chunks.length) throw new Error(`The scan found ${starts} starts for ${frameCount} frames.`);
    return stream.length;
  });

  const mbPerSecond = (s: Summary): Summary => mapSummary(s, (nsPerByte) => 1e3 / nsPerByte);
  const framerMb = mbPerSecond(framer);
  const figures: Figure[] = [
    {
      id: 'framing.fix-framer',
      label: 'Fillwatch FixFramer: chunks → checksum-verified frames',
      unit: 'MB/s',
      better: 'higher',
      summary: framerMb,
      rate: { value: (framerMb.median * 1e6 * frameCount) / stream.length, unit: 'frames/s' },
      baselineOf: 'framing.indexof-scan',
    },
    {
      id: 'framing.indexof-scan',
      label: 'baseline: Buffer.indexOf("8=FIX") scan',
      unit: 'MB/s',
      better: 'higher',
      summary: mbPerSecond(scan),
    },
  ];
  return {
    id: 'framing',
    title: `2. Framing: a ${Math.round(stream.length / 2 ** 20)} MiB stream in 16 KiB chunks`,
    figures,
    notes: [
      `${frameCount.toLocaleString('en-US')} ERs (2,000 distinct, repeated), ${chunks.length.toLocaleString('en-US')} chunks of ${CHUNK_BYTES} bytes; MB = 10^6 bytes.`,
      'The framer checks BeginString, BodyLength, the CheckSum sum over every byte and the trailer, and carries partial frames across chunks; no decoding.',
      'Baseline: Buffer.indexOf for "8=FIX" over the same chunks, counting starts only (no checksum, no carry-over): the floor any framer pays to find frame starts.',
    ],
    settings: { streamBytes: stream.length, chunkBytes: CHUNK_BYTES, frames: frameCount, warmupRuns: plan.warmup, runs: plan.runs },
  };
}
