// exec-id-set.ts: which ExecIDs (17) the book has already booked.
//
// A plain Set<string> of a million ExecIDs costs more than booking the fills themselves (hashing
// into a table far bigger than the CPU cache, plus the GC tracing it). Kalshi ExecIDs are
// `clock;event` or `clock;event;index` and increase within one exchange index (kalshi-fix.md §5),
// so on a live stream or a journal replay they arrive in order: those are appended to a sorted
// pair of Float64Arrays per index (no per-entry objects) and looked up by binary search. Anything
// else (an ID that arrives below the highest seen, or one not in that format) goes to a small
// string Set. Order only affects speed, never the answer. Two IDs are the same when their
// (clock, event, index) numbers are equal.
const MAX_EXACT_DIGITS = 15; // below 2^53, so the Float64 store is exact

interface Lane {
  clocks: Float64Array;
  events: Float64Array;
  length: number;
}

interface Parsed {
  clock: number;
  event: number;
  index: number;
}

export class ExecIdSet {
  private lanes = new Map<number, Lane>();
  private others = new Set<string>();
  private count = 0;
  private readonly scratch: Parsed = { clock: 0, event: 0, index: 0 };
  // `has(id)` then `add(id)` is the book's pattern: the parse from `has` is reused when the same
  // string comes straight back, so each ExecID is scanned once.
  private lastText: string | null = null;
  private lastParsed = false;

  get size(): number {
    return this.count;
  }

  has(execId: string): boolean {
    const p = this.scratch;
    this.lastText = execId;
    this.lastParsed = parseInto(execId, p);
    if (!this.lastParsed) return this.others.has(execId);
    const lane = this.lanes.get(p.index);
    if (lane !== undefined && lane.length > 0 && !isAfterLast(lane, p.clock, p.event)) {
      if (search(lane, p.clock, p.event)) return true;
    }
    return this.others.has(canonical(p));
  }

  /** Records `execId`; the caller has checked `has` first. */
  add(execId: string): void {
    this.count++;
    const p = this.scratch;
    const parsed = execId === this.lastText ? this.lastParsed : parseInto(execId, p);
    this.lastText = null;
    if (!parsed) {
      this.others.add(execId);
      return;
    }
    let lane = this.lanes.get(p.index);
    if (lane === undefined) {
      lane = { clocks: new Float64Array(1024), events: new Float64Array(1024), length: 0 };
      this.lanes.set(p.index, lane);
    }
    if (lane.length > 0 && !isAfterLast(lane, p.clock, p.event)) {
      this.others.add(canonical(p)); // late (e.g. a gap filled by a resend): rare
      return;
    }
    if (lane.length === lane.clocks.length) {
      const clocks = new Float64Array(lane.length * 2);
      const events = new Float64Array(lane.length * 2);
      clocks.set(lane.clocks);
      events.set(lane.events);
      lane.clocks = clocks;
      lane.events = events;
    }
    lane.clocks[lane.length] = p.clock;
    lane.events[lane.length] = p.event;
    lane.length++;
  }

  clone(): ExecIdSet {
    const copy = new ExecIdSet();
    for (const [index, lane] of this.lanes) {
      copy.lanes.set(index, { clocks: lane.clocks.slice(), events: lane.events.slice(), length: lane.length });
    }
    copy.others = new Set(this.others);
    copy.count = this.count;
    return copy;
  }
}

function isAfterLast(lane: Lane, clock: number, event: number): boolean {
  const lastClock = lane.clocks[lane.length - 1] as number;
  return clock > lastClock || (clock === lastClock && event > (lane.events[lane.length - 1] as number));
}

function search(lane: Lane, clock: number, event: number): boolean {
  let lo = 0;
  let hi = lane.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = lane.clocks[mid] as number;
    const e = lane.events[mid] as number;
    if (c === clock && e === event) return true;
    if (c < clock || (c === clock && e < event)) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const canonical = (p: Parsed): string => `${p.clock};${p.event};${p.index}`;

/** Reads `clock;event[;index]` (plain digits) into `out`; false for anything else. */
function parseInto(text: string, out: Parsed): boolean {
  let clock = 0;
  let event = 0;
  let index = 0;
  let part = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > MAX_EXACT_DIGITS) return false;
      if (part === 0) clock = clock * 10 + (c - 48);
      else if (part === 1) event = event * 10 + (c - 48);
      else index = index * 10 + (c - 48);
    } else if (c === 59 && digits > 0 && part < 2) {
      part++;
      digits = 0;
    } else {
      return false;
    }
  }
  if (digits === 0 || part === 0) return false;
  out.clock = clock;
  out.event = event;
  out.index = index;
  return true;
}
