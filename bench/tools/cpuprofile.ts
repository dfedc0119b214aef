// cpuprofile.ts — a V8 .cpuprofile (`node --cpu-prof`, DevTools' Profiler) as the profile tools read it
// (cpuprofile-top.ts, ingest-stages.ts): its nodes and samples, and each node's own (self) samples.
import { readFileSync } from 'node:fs';

export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  /** 0-based. */
  readonly lineNumber: number;
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
  readonly positionTicks?: ReadonlyArray<{ readonly line: number; readonly ticks: number }>;
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  /** The node on top of the stack at each sample. */
  readonly samples: readonly number[];
  readonly timeDeltas?: readonly number[];
  /** µs. */
  readonly startTime: number;
  readonly endTime: number;
}

export function readCpuProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

/** Node id → how many samples had it on top of the stack. */
export function selfSamples(profile: CpuProfile): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
