// exec-id-range.ts — which ExecIDs a drop-copy backfill asks for. Kalshi's guidance (kalshi-fix.md §5):
// keep the last ExecID seen per exchange index; after a listener gap, request from that ExecID onward,
// one exchange index per request, and drop what is already applied. ExecIDs order within one index as
// integer tuples (clock, event), never as strings. Pure: reads no journal and sends nothing.
import { compareExecIdParts, parseExecId, type ExecIdParts } from '../journal/index.ts';
import type { ExecIdRange } from './dc-messages.ts';

/** The last ExecID seen per exchange index (the journal's lastExecIdByIndex()). */
export type ExecIdHeads = ReadonlyMap<number, string>;

/** 'clock;event' on exchange index 0, 'clock;event;index' on the others (kalshi-fix.md §4.1). */
export function formatExecId(parts: ExecIdParts): string {
  return parts.exchangeIndex === 0 ? `${parts.clock};${parts.event}` : `${parts.clock};${parts.event};${parts.exchangeIndex}`;
}

/**
 * The first ExecID of an index, used when nothing is known there yet. Kalshi documents no "from the
 * start of the window" marker; a server whose window begins later answers EventResendReject 3, and the
 * coordinator then raises the missed-fills alert instead.
 */
export function startOfIndex(exchangeIndex: number): string {
  return formatExecId({ exchangeIndex, clock: '0', event: '0' });
}

/**
 * One request per exchange index, from its last known ExecID (inclusive: the server confirms it, and
 * the journal drops it as known) to the latest. With no head at all, index 0 — currently the only
 * index in production (kalshi-fix.md §4.1) — is asked for from its start. A head that does not parse as
 * an ExecID of its own index is distrusted and its index is asked for from the start.
 */
export function planBackfill(heads: ExecIdHeads): ExecIdRange[] {
  const indexes = heads.size === 0 ? [0] : [...heads.keys()].sort((a, b) => a - b);
  return indexes.map((exchangeIndex) => {
    const head = heads.get(exchangeIndex);
    const parts = head === undefined ? undefined : parseExecId(head);
    const beginExecId = parts !== undefined && parts.exchangeIndex === exchangeIndex ? formatExecId(parts) : startOfIndex(exchangeIndex);
    return { exchangeIndex, beginExecId, endExecId: undefined };
  });
}

/**
 * Two snapshots taken at two loss reports, merged for one backfill: per index the OLDER head wins,
 * because asking from earlier only replays more (and the journal drops what it knows), while asking
 * from later could skip a loss.
 */
export function mergeHeads(a: ExecIdHeads, b: ExecIdHeads): Map<number, string> {
  const merged = new Map(a);
  for (const [index, execId] of b) {
    const known = merged.get(index);
    if (known === undefined || compareHeads(execId, known) < 0) merged.set(index, execId);
  }
  return merged;
}

/** Orders two ExecIDs of one index; an unparseable one sorts first (it is asked for from the start). */
function compareHeads(a: string, b: string): number {
  const pa = parseExecId(a);
  const pb = parseExecId(b);
  if (pa === undefined || pb === undefined) return pa === undefined ? -1 : 1;
  return compareExecIdParts(pa, pb);
}

/** Why a range cannot be sent, in one sentence; undefined when it is a valid U1 range. */
export function rangeProblem(range: ExecIdRange): string | undefined {
  const begin = parseExecId(range.beginExecId);
  if (begin === undefined) return `BeginExecID "${range.beginExecId}" is not an ExecID of the form clock;event[;index].`;
  if (begin.exchangeIndex !== range.exchangeIndex) return `BeginExecID "${range.beginExecId}" is not on exchange index ${range.exchangeIndex}.`;
  if (range.endExecId === undefined) return undefined;
  const end = parseExecId(range.endExecId);
  if (end === undefined) return `EndExecID "${range.endExecId}" is not an ExecID of the form clock;event[;index].`;
  // Kalshi: "A range must stay within one exchange index" (kalshi-fix.md §5).
  if (end.exchangeIndex !== range.exchangeIndex) return `EndExecID "${range.endExecId}" is on another exchange index than BeginExecID "${range.beginExecId}".`;
  if (compareExecIdParts(end, begin) < 0) return `EndExecID "${range.endExecId}" comes before BeginExecID "${range.beginExecId}".`;
  return undefined;
}

/** 'index 0 from 4;7 to the latest' */
export function describeRange(range: ExecIdRange): string {
  return `exchange index ${range.exchangeIndex} from ${range.beginExecId} to ${range.endExecId ?? 'the latest'}`;
}
