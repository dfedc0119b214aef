// dc-history.ts — what the simulated KalshiDC can replay for one account (kalshi-fix.md §5): every
// report the account's stream generated — sent live, withheld, queued, or lost on NR — within the last
// `windowMs` (3 hours) of stream time, and the answer to one EventResendRequest range over it. Rejects
// are kept (they have ExecIDs and move "the latest") but never replayed, as §5 says; the generator makes
// no pending reports. Memory is bounded by the window. Pure: no sockets, no sequence numbers.
import type { GeneratedReport } from './er-generator.ts';

export const DROP_COPY_WINDOW_MS = 3 * 60 * 60 * 1000;

interface ExecIdKey {
  readonly index: number;
  readonly clock: number;
  readonly event: number;
}

/** 'clock;event' (index 0) or 'clock;event;index'; the simulator's numbers stay far below 2^53. */
export function parseSimExecId(execId: string): ExecIdKey | undefined {
  const m = /^(\d{1,15});(\d{1,15})(?:;(\d{1,9}))?$/.exec(execId);
  return m === null ? undefined : { index: Number(m[3] ?? 0), clock: Number(m[1]), event: Number(m[2]) };
}

function compareKeys(a: ExecIdKey, b: ExecIdKey): number {
  return a.clock - b.clock || a.event - b.event;
}

export type ReplayPlan =
  | { readonly ok: true; readonly reports: readonly GeneratedReport[] }
  /** EventResendReject(21004): 3 = BeginExecID outside the window, 4 = EndExecID beyond the latest. */
  | { readonly ok: false; readonly code: 3 | 4; readonly text: string }
  /** Not a valid request at all: a session Reject, not a U3. */
  | { readonly ok: false; readonly code: 'malformed'; readonly text: string };

interface Entry {
  readonly key: ExecIdKey;
  readonly report: GeneratedReport;
}

export class DropCopyHistory {
  readonly #entries: Entry[] = [];
  /** Index of the first entry still in the window (older ones are trimmed in batches). */
  #start = 0;
  /** Per exchange index, the newest ExecID that has left the window: anything at or below is too old. */
  readonly #evicted = new Map<number, ExecIdKey>();

  record(report: GeneratedReport, windowMs: number): void {
    const key = parseSimExecId(report.execId);
    if (key === undefined) return; // a pending '-1;-1' is never replayed (§5)
    this.#entries.push({ key, report });
    const oldest = report.transactTimeMs - windowMs;
    while (this.#start < this.#entries.length && this.#entries[this.#start]!.report.transactTimeMs < oldest) {
      const gone = this.#entries[this.#start]!.key;
      const known = this.#evicted.get(gone.index);
      if (known === undefined || compareKeys(gone, known) > 0) this.#evicted.set(gone.index, gone);
      this.#start++;
    }
    // Compact now and then, so trimming stays amortised O(1) per report.
    if (this.#start > 4096 && this.#start * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#start);
      this.#start = 0;
    }
  }

  /** The answer to U1 [begin, end] (end undefined = the latest ExecID on begin's index). */
  plan(beginExecId: string | undefined, endExecId: string | undefined): ReplayPlan {
    if (beginExecId === undefined) return { ok: false, code: 'malformed', text: 'EventResendRequest needs BeginExecID(21001)' };
    const begin = parseSimExecId(beginExecId);
    if (begin === undefined) return { ok: false, code: 'malformed', text: `BeginExecID(21001) "${beginExecId}" is not an ExecID` };
    const end = endExecId === undefined ? undefined : parseSimExecId(endExecId);
    if (endExecId !== undefined && end === undefined) return { ok: false, code: 'malformed', text: `EndExecID(21002) "${endExecId}" is not an ExecID` };
    if (end !== undefined && end.index !== begin.index) return { ok: false, code: 'malformed', text: 'BeginExecID and EndExecID must be on the same exchange index' };

    const inIndex = this.#window().filter((e) => e.key.index === begin.index);
    const latest = inIndex.at(-1)?.key ?? this.#evicted.get(begin.index);
    if (end !== undefined && (latest === undefined || compareKeys(end, latest) > 0)) {
      return { ok: false, code: 4, text: `EndExecID ${endExecId} is beyond the latest ExecID on exchange index ${begin.index}` };
    }
    const evicted = this.#evicted.get(begin.index);
    if (evicted !== undefined && compareKeys(begin, evicted) <= 0) {
      return { ok: false, code: 3, text: `BeginExecID ${beginExecId} is outside the 3-hour window` };
    }
    const last = end ?? latest;
    const reports = last === undefined ? [] : inIndex
      .filter((e) => compareKeys(e.key, begin) >= 0 && compareKeys(e.key, last) <= 0 && e.report.kind !== 'reject')
      .map((e) => e.report);
    return { ok: true, reports };
  }

  #window(): readonly Entry[] {
    return this.#entries.slice(this.#start);
  }
}
