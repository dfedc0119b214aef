// sequence-breaks.ts — holes in what a listener session STORED, found from the stored messages alone,
// so the journal reports them with each commit (live) and a reader finds exactly the same ones later
// (replay, scanStoredBreaks). Every in-sequence message is stored, admin ones included, so within one
// epoch each stored message's MsgSeqNum is the one expected after the previous, except:
//  - a 'gap': a message above the expected number (KalshiNR skipped some and cannot resend), or a
//    SequenceReset-Reset moving the number forward (the exchange skipped some without resending);
//  - a 'restart': the first message of a new epoch after messages had been stored (a reset Logon,
//    KalshiNR's reconnect, the exchange restarting its numbers): what was sent in between may be lost.
// A SequenceReset-GapFill skips admin messages only: no hole. A KalshiRT gap recovered by a resend is
// stored in order and leaves no hole either. Drop-copy sessions replay on request and are not tracked.
import type Database from 'better-sqlite3';
import { FixMessage } from '../fix/decode.ts';
import { DecodeError } from '../fix/errors.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { frameAt, indexEntry, seqOfFrame } from './segment.ts';

export interface SequenceBreak {
  readonly cause: 'gap' | 'restart';
  /** The number expected next (one past the last stored), and the number that came instead. */
  readonly expected: number;
  readonly received: number;
  /** Receive time of the last message stored before the break, and of the message after it. */
  readonly sinceMs: number;
  readonly untilMs: number;
}

/** What a break is judged against: where the last stored message left the session. */
export interface StoredPoint {
  readonly epoch: number;
  readonly next: number;
  readonly receivedAt: number;
}

/** How one stored message moves the expected number: a SequenceReset jumps it to NewSeqNo. */
export interface SequenceStep {
  readonly msgSeqNum: number;
  /** NewSeqNo of a readable SequenceReset, else undefined. */
  readonly newSeqNo: number | undefined;
  readonly gapFill: boolean;
}

export function stepOf(message: FixMessage): SequenceStep {
  if (message.msgType !== MsgType.SequenceReset || message.problem !== undefined) return { msgSeqNum: message.msgSeqNum, newSeqNo: undefined, gapFill: false };
  try {
    return { msgSeqNum: message.msgSeqNum, newSeqNo: message.getInt(Tag.NewSeqNo), gapFill: message.get(Tag.GapFillFlag) === 'Y' };
  } catch (error) {
    if (error instanceof DecodeError) return { msgSeqNum: message.msgSeqNum, newSeqNo: undefined, gapFill: false };
    throw error;
  }
}

/** Follows one session's stored messages in order; says where a break is. */
export class SequenceBreakTracker {
  #last: StoredPoint | undefined;

  constructor(last?: StoredPoint) {
    this.#last = last;
  }

  get last(): StoredPoint | undefined {
    return this.#last;
  }

  observe(epoch: number, step: SequenceStep, receivedAt: number): SequenceBreak | undefined {
    const last = this.#last;
    const reset = step.newSeqNo !== undefined && !step.gapFill;
    // A Reset's own MsgSeqNum means nothing (FIX "Reset mode"): it arrives as NewSeqNo.
    const arrived = reset ? step.newSeqNo! : step.msgSeqNum;
    this.#last = { epoch, next: nextAfter(step), receivedAt };
    if (last === undefined) return undefined;
    if (epoch !== last.epoch) return { cause: 'restart', expected: last.next, received: arrived, sinceMs: last.receivedAt, untilMs: receivedAt };
    if (arrived > last.next) return { cause: 'gap', expected: last.next, received: arrived, sinceMs: last.receivedAt, untilMs: receivedAt };
    return undefined;
  }
}

/** The number expected after a stored message (as the session machine accepted it). */
export function nextAfter(step: SequenceStep): number {
  if (step.newSeqNo === undefined) return step.msgSeqNum + 1;
  if (step.gapFill) return step.newSeqNo > step.msgSeqNum ? step.newSeqNo : step.msgSeqNum + 1;
  return step.newSeqNo;
}

interface SegmentHead {
  id: number; session_id: number; epoch: number; count: number; first_seq: number; last_seq: number; first_received_at: number; last_received_at: number;
}

/** Where the last stored message of a session left it, or undefined when it stored none (in segments). */
export function lastStoredPoint(db: Database.Database, sessionId: number): StoredPoint | undefined {
  const row = db.prepare('SELECT id, epoch, count, last_seq, last_received_at, idx, frames FROM segments WHERE session_id = ? ORDER BY id DESC LIMIT 1').get(sessionId) as
    (SegmentHead & { idx: Buffer; frames: Buffer }) | undefined;
  if (row === undefined) return undefined;
  return { epoch: row.epoch, next: nextAfter(stepAt(row, row.count - 1) ?? noReset(row.last_seq)), receivedAt: row.last_received_at };
}

/**
 * Every break of the listener sessions stored in the journal, in message order, with the message id it
 * precedes. Reads segment headers; frames only where the numbers do not run straight on (rare): a
 * segment whose numbers run on from the last one stored has no hole inside (it holds last − first + 1
 * messages), and only its last message could be a GapFill moving the number on, which the next
 * segment's first number shows. (A Reset whose own MsgSeqNum lies below the expected one could hide in
 * such a segment; Kalshi's listeners do not send Resets, and the session machine logs every one.)
 */
export function scanStoredBreaks(db: Database.Database): Array<{ rawId: number; sessionId: number; sequenceBreak: SequenceBreak }> {
  const heads = db.prepare(`SELECT g.id, g.session_id, g.epoch, g.count, g.first_seq, g.last_seq, g.first_received_at, g.last_received_at
    FROM segments g JOIN sessions s ON s.id = g.session_id WHERE s.target_comp_id <> 'KalshiDC' ORDER BY g.id`).all() as SegmentHead[];
  const bodyOf = db.prepare('SELECT idx, frames FROM segments WHERE id = ?');
  const sessions = new Map<number, { tracker: SequenceBreakTracker; unread: SegmentHead | undefined }>();
  const out: Array<{ rawId: number; sessionId: number; sequenceBreak: SequenceBreak }> = [];
  for (const g of heads) {
    let session = sessions.get(g.session_id);
    if (session === undefined) sessions.set(g.session_id, session = { tracker: new SequenceBreakTracker(), unread: undefined });
    let last = session.tracker.last;
    if (last !== undefined && last.epoch === g.epoch && last.next === g.first_seq && g.last_seq - g.first_seq + 1 === g.count) {
      session.tracker = new SequenceBreakTracker({ epoch: g.epoch, next: g.last_seq + 1, receivedAt: g.last_received_at });
      session.unread = g;
      continue;
    }
    if (session.unread !== undefined) {
      // The previous segment was taken on trust: its last message decides the number expected now.
      const prev = session.unread;
      const step = stepAt(bodyOf.get(prev.id) as { idx: Buffer; frames: Buffer }, prev.count - 1) ?? noReset(prev.last_seq);
      session.tracker = new SequenceBreakTracker({ epoch: prev.epoch, next: nextAfter(step), receivedAt: prev.last_received_at });
      session.unread = undefined;
      last = session.tracker.last;
      if (last !== undefined && last.epoch === g.epoch && last.next === g.first_seq && g.last_seq - g.first_seq + 1 === g.count) {
        session.tracker = new SequenceBreakTracker({ epoch: g.epoch, next: g.last_seq + 1, receivedAt: g.last_received_at });
        session.unread = g;
        continue;
      }
    }
    const body = bodyOf.get(g.id) as { idx: Buffer; frames: Buffer };
    for (let i = 0; i < g.count; i++) {
      const step = stepAt(body, i) ?? noReset(g.first_seq + i);
      const found = session.tracker.observe(g.epoch, step, indexEntry(body.idx, body.frames, i)?.receivedAt ?? g.first_received_at);
      if (found !== undefined) out.push({ rawId: g.id + i, sessionId: g.session_id, sequenceBreak: found });
    }
  }
  return out;
}

/** The step of message i of a segment, read from its frame; undefined when the frame cannot be parsed. */
function stepAt(segment: { idx: Buffer; frames: Buffer }, i: number): SequenceStep | undefined {
  const raw = frameAt(segment.idx, segment.frames, i);
  if (raw === undefined) return undefined;
  try {
    return stepOf(FixMessage.parseReceived(raw));
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    // Kept although a field broke a rule: the session read its MsgSeqNum and moved on by one.
    const seq = seqOfFrame(raw);
    return seq === null ? undefined : noReset(seq);
  }
}

function noReset(msgSeqNum: number): SequenceStep {
  return { msgSeqNum, newSeqNo: undefined, gapFill: false };
}
