// decode.ts (bench item 1) — bytes → typed ExecutionReport, per message and per second, for Kalshi-like
// ERs, with jspurefix parsing the very same bytes in the same run (its parse-only 'view' depth and its
// 'object' depth), in a child process of its own (see peers/jspurefix-process.ts for why). Checks both
// sides really decoded every message before it trusts a timing.
import { createHash } from 'node:crypto';
import type { Buffer } from 'node:buffer';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { readExecutionReport } from '../../electron/core/fix/execution-report.ts';
import { FixFramer } from '../../electron/core/fix/framer.ts';
import type { FrameSink } from '../../electron/core/fix/framer.ts';
import { measureJspurefix } from '../peers/jspurefix-peer.ts';
import type { Figure, ItemResult } from '../report.ts';
import { mapSummary, timePerOp, type RunPlan, type Summary } from '../stats.ts';
import { concatFrames, executionReportFrames, tradeShare } from '../workloads.ts';
import type { BenchContext } from './context.ts';

const GOAL_US = 0.5;
const GOAL_RATIO = 10;

export async function runDecode(ctx: BenchContext): Promise<ItemResult> {
  const count = ctx.quick ? 1_000 : 10_000;
  const plan: RunPlan = ctx.quick ? { warmup: 3, runs: 5 } : { warmup: 3, runs: 7 };
  const { frames, reports, bytes } = executionReportFrames(count);
  const stream = concatFrames(frames);
  // Enough passes per run for ~100 ms of our own work, so timer resolution and GC pauses even out.
  const ourPasses = ctx.quick ? 5 : 10;

  let sink = 0; // consumed so the JIT cannot drop the work
  const frameToEr = timePerOp(plan, () => {
    for (let p = 0; p < ourPasses; p++) {
      for (const frame of frames) sink += readExecutionReport(FixMessage.parse(frame)).cumQty.length;
    }
    return ourPasses * frames.length;
  });
  const parseOnly = timePerOp(plan, () => {
    for (let p = 0; p < ourPasses; p++) {
      for (const frame of frames) sink += FixMessage.parse(frame).fieldCount;
    }
    return ourPasses * frames.length;
  });
  let streamCount = 0;
  const framer = new FixFramer();
  const erSink: FrameSink = {
    onFrame: (frame: Buffer) => {
      streamCount++;
      sink += readExecutionReport(FixMessage.parse(frame)).cumQty.length;
    },
    onFrameError: (error) => {
      throw error;
    },
  };
  const streamToEr = timePerOp(plan, () => {
    streamCount = 0;
    for (let p = 0; p < ourPasses; p++) framer.push(stream, erSink);
    if (streamCount !== ourPasses * frames.length) throw new Error(`The framer delivered ${streamCount} of ${ourPasses * frames.length} frames.`);
    return streamCount;
  });
  checkOurDecode(frames, reports.map((r) => r.execId));

  // The peer times the same bytes (same seed, checked by hash) while this process waits idle.
  const peer = await measureJspurefix({ count, plan, sha256: createHash('sha256').update(stream).digest('hex') });
  const { version, view, object } = peer;
  if (sink === 0) throw new Error('The decode loops produced nothing.');

  const us = (s: Summary): Summary => mapSummary(s, (ns) => ns / 1000);
  const perSecond = (s: Summary) => ({ value: 1e9 / s.median, unit: 'ER/s' });
  const streamRatio = object.median / streamToEr.median;
  const figures: Figure[] = [
    {
      id: 'decode.frame-to-er',
      label: 'Fillwatch: frame → typed ExecutionReport',
      unit: 'µs/ER',
      better: 'lower',
      summary: us(frameToEr),
      rate: perSecond(frameToEr),
      baselineOf: 'decode.jspurefix-object',
      alsoComparedWith: ['decode.jspurefix-view'],
      goal: { text: `≤ ${GOAL_US} µs/ER`, met: frameToEr.median / 1000 <= GOAL_US },
    },
    {
      id: 'decode.stream-to-er',
      label: 'Fillwatch: stream → typed ER (framer + decode)',
      unit: 'µs/ER',
      better: 'lower',
      summary: us(streamToEr),
      rate: perSecond(streamToEr),
      baselineOf: 'decode.jspurefix-object',
      alsoComparedWith: ['decode.jspurefix-view'],
      goal: { text: `≥ ${GOAL_RATIO}× jspurefix object`, met: streamRatio >= GOAL_RATIO },
      remark: `${(view.median / streamToEr.median).toFixed(1)}× jspurefix's parse-only view depth, which builds no object at all.`,
    },
    {
      id: 'decode.parse-only',
      label: 'Fillwatch: frame → FixMessage (field table only)',
      unit: 'µs/msg',
      better: 'lower',
      summary: us(parseOnly),
      rate: { value: 1e9 / parseOnly.median, unit: 'msg/s' },
      baselineOf: 'decode.jspurefix-view',
    },
    {
      id: 'decode.jspurefix-view',
      label: `jspurefix ${version}: stream → view (parse only)`,
      unit: 'µs/ER',
      better: 'lower',
      summary: us(view),
      rate: perSecond(view),
    },
    {
      id: 'decode.jspurefix-object',
      label: `jspurefix ${version}: stream → view.toObject()`,
      unit: 'µs/ER',
      better: 'lower',
      summary: us(object),
      rate: perSecond(object),
    },
  ];
  return {
    id: 'decode',
    title: '1. Decode: bytes → typed ExecutionReport',
    figures,
    notes: [
      `${count.toLocaleString('en-US')} distinct ERs from the simulator's generator (avg ${Math.round(bytes / count)} bytes, ${Math.round(tradeShare(reports) * 100)}% trades with fee and collateral groups), KalshiRT header, dollar prices.`,
      'Baseline: jspurefix on the same bytes, fed the whole stream through AsciiParser.parseBuffer as its own benchmark does; "view" is its fastest parse-only depth, "object" adds view.toObject(), the counterpart of our typed ER.',
      'jspurefix runs in a child process of this run, same plan, while this process waits: loading it (tsyringe, mathjs, winston, express…) slows other code in its process, our decode by ~20-35% here, which would have billed its footprint to us.',
      `jspurefix loads the Kalshi subset of its FIX50SP2 dictionary (${Math.round(peer.loadMs)} ms to load); its full FIX50SP2 dictionary is slower still. Its objects carry prices as binary floats, ours as exact decimal strings.`,
      'Fillwatch frame rows start from framed messages (Buffer per message); the stream row starts from the same concatenated buffer jspurefix gets, so framing is included on both sides.',
    ],
    settings: { messages: count, bytes, warmupRuns: plan.warmup, runs: plan.runs, fillwatchPassesPerRun: ourPasses, jspurefixDictionary: 'Kalshi FIX50SP2 subset' },
  };
}

/** Our decode must give back the very ExecIDs that were encoded, in order. */
function checkOurDecode(frames: readonly Buffer[], execIds: readonly string[]): void {
  frames.forEach((frame, i) => {
    const er = readExecutionReport(FixMessage.parse(frame));
    if (er.execId !== execIds[i]) throw new Error(`Decoded ExecID ${er.execId} at ${i}, expected ${execIds[i]}.`);
  });
}

