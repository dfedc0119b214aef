// message-store.ts — the single owner of one simulated FIX session's sequence numbers (per API key +
// TargetCompID) and, on KalshiRT, of the application messages sent on it, so a ResendRequest can be
// served. Lives in memory across connections (a reconnect continues the sequence); never writes to a
// socket and never decides whether a Logon is acceptable.
import type { FieldList } from '../core/fix/encode.ts';
import type { RenderOptions } from './er-render.ts';
import type { ListenerTarget } from './logon-check.ts';
import type { MalformedDefect } from './malformed-defects.ts';

/** One retained application message; the body is kept as `tag=value` SOH text to stay compact. */
export interface StoredMessage {
  readonly msgSeqNum: number;
  readonly msgType: string;
  readonly sendingTime: string;
  readonly bodyText: string;
  /** Sum of the body's bytes mod 256: a resend adds the new header's and has its CheckSum(10) without reading the body again. */
  readonly bodySum: number;
  /** Sent with this field defect (fault `malformed`); a resend repeats it, as the exchange would. */
  readonly defect?: MalformedDefect;
}

export type ResendStep =
  | { readonly kind: 'resend'; readonly message: StoredMessage }
  | { readonly kind: 'gap-fill'; readonly msgSeqNum: number; readonly newSeqNo: number };

export type ResendPlan =
  | { readonly ok: true; readonly steps: readonly ResendStep[] }
  | { readonly ok: false; readonly text: string };

/** Default retention: enough for long runs without holding unbounded memory (Kalshi keeps 24–72 h). */
export const DEFAULT_RETAINED_MESSAGES = 200_000;

export class SessionRecord {
  readonly apiKeyId: string;
  readonly target: ListenerTarget;
  /** KalshiRT retains sent messages for resend; KalshiNR retains nothing (kalshi-fix.md §3). */
  readonly retains: boolean;
  readonly #capacity: number;
  #nextOutSeq = 1;
  #nextInSeq = 1;
  #messages = new Map<number, StoredMessage>();
  /** Lowest seq still answerable; anything below was evicted (or preceded a reset). */
  #firstRetained = 1;
  /** Set by maintenance-reset: the next Logon must carry 141=Y. */
  resetRequired = false;
  /** How the last Logon asked ERs to be written; used for reports queued while nobody is connected. */
  render: RenderOptions = { units: 'cents', preserveOriginalOrderQty: false };

  constructor(apiKeyId: string, target: ListenerTarget, capacity = DEFAULT_RETAINED_MESSAGES) {
    this.apiKeyId = apiKeyId;
    this.target = target;
    this.retains = target === 'KalshiRT';
    this.#capacity = capacity;
  }

  get nextOutSeq(): number {
    return this.#nextOutSeq;
  }

  get nextInSeq(): number {
    return this.#nextInSeq;
  }

  set nextInSeq(seq: number) {
    if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Inbound MsgSeqNum must be a positive integer, got ${seq}.`);
    this.#nextInSeq = seq;
  }

  get retainedCount(): number {
    return this.#messages.size;
  }

  /** 141=Y or maintenance: both directions restart at 1 and nothing before can be resent. */
  reset(): void {
    this.#nextOutSeq = 1;
    this.#nextInSeq = 1;
    this.#messages = new Map();
    this.#firstRetained = 1;
  }

  /** Takes the next outbound seq for an admin message (never retained: a resend gap-fills it). */
  allocateAdmin(): number {
    return this.#nextOutSeq++;
  }

  /** Takes the next outbound seq for an application message and retains it on RT. */
  allocateApp(msgType: string, body: FieldList, sendingTime: string, defect?: MalformedDefect): number {
    const msgSeqNum = this.#nextOutSeq++;
    if (this.retains) {
      const bodyText = bodyToText(body);
      const bodySum = byteSum(bodyText);
      this.#messages.set(msgSeqNum, defect === undefined ? { msgSeqNum, msgType, sendingTime, bodyText, bodySum } : { msgSeqNum, msgType, sendingTime, bodyText, bodySum, defect });
      if (this.#messages.size > this.#capacity) {
        const oldest = this.#messages.keys().next().value!;
        this.#messages.delete(oldest);
        this.#firstRetained = oldest + 1;
      }
    }
    return msgSeqNum;
  }

  /**
   * What to send for ResendRequest(7=begin, 16=end); end 0 means "through the last sent". Stored
   * application messages are resent; runs of admin (or never-retained) seqs become one GapFill.
   * The whole plan at once (tests, small ranges); a connection streams it through openResend.
   */
  planResend(begin: number, end: number): ResendPlan {
    const opened = this.openResend(begin, end);
    if (!opened.ok) return opened;
    const steps: ResendStep[] = [];
    for (let step = opened.cursor.next(); step !== undefined; step = opened.cursor.next()) steps.push(step);
    return { ok: true, steps };
  }

  /**
   * The same plan as planResend, one step at a time, so a resend of 100k messages is encoded and
   * written in chunks as the socket drains instead of being built whole first. The range is fixed
   * now (end 0 = the last message sent so far); messages evicted meanwhile are gap-filled.
   */
  openResend(begin: number, end: number): { readonly ok: true; readonly cursor: ResendCursor } | { readonly ok: false; readonly text: string } {
    const last = this.#nextOutSeq - 1;
    if (!this.retains) return { ok: false, text: `ResendRequest is not supported on ${this.target}` };
    if (!Number.isSafeInteger(begin) || begin < 1) return { ok: false, text: `BeginSeqNo(7) must be a positive integer, got ${begin}` };
    if (!Number.isSafeInteger(end) || end < 0 || (end !== 0 && end < begin)) {
      return { ok: false, text: `EndSeqNo(16) must be 0 or at least BeginSeqNo(7)=${begin}, got ${end}` };
    }
    if (begin > last) return { ok: false, text: `BeginSeqNo(7)=${begin} is beyond the last message sent (${last})` };
    if (begin < this.#firstRetained) {
      return { ok: false, text: `BeginSeqNo(7)=${begin} is outside the retention window (oldest retained is ${this.#firstRetained})` };
    }
    return { ok: true, cursor: new ResendCursor(this.#messages, begin, end === 0 ? last : Math.min(end, last)) };
  }
}

/** Walks seqs begin..stop of a record's retained messages: each one resent, each run without one gap-filled. */
export class ResendCursor {
  readonly begin: number;
  readonly stop: number;
  readonly #messages: ReadonlyMap<number, StoredMessage>;
  #seq: number;
  /** Steps handed out so far. */
  taken = 0;

  constructor(messages: ReadonlyMap<number, StoredMessage>, begin: number, stop: number) {
    this.#messages = messages;
    this.begin = begin;
    this.stop = stop;
    this.#seq = begin;
  }

  get done(): boolean {
    return this.#seq > this.stop;
  }

  next(): ResendStep | undefined {
    const from = this.#seq;
    if (from > this.stop) return undefined;
    const message = this.#messages.get(from);
    if (message !== undefined) {
      this.#seq = from + 1;
      this.taken++;
      return { kind: 'resend', message };
    }
    let seq = from + 1;
    while (seq <= this.stop && !this.#messages.has(seq)) seq++;
    this.#seq = seq;
    this.taken++;
    return { kind: 'gap-fill', msgSeqNum: from, newSeqNo: seq };
  }
}

/** Sum of the Latin-1 text's bytes mod 256. */
function byteSum(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum & 0xff;
}

function bodyToText(body: FieldList): string {
  let text = '';
  for (const [tag, value] of body) text += `${tag}=${value}\x01`;
  return text;
}

/** Inverse of the compact form; values never contain SOH (the simulator sends no raw-data fields). */
export function bodyFromText(text: string): FieldList {
  const out: Array<readonly [number, string]> = [];
  for (const field of text.split('\x01')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    out.push([Number(field.slice(0, eq)), field.slice(eq + 1)]);
  }
  return out;
}

/** All session records of one simulator, created on first Logon. */
export class SessionRecords {
  readonly #records = new Map<string, SessionRecord>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_RETAINED_MESSAGES) {
    this.#capacity = capacity;
  }

  get(apiKeyId: string, target: ListenerTarget): SessionRecord {
    const key = `${apiKeyId}\x01${target}`;
    let record = this.#records.get(key);
    if (record === undefined) {
      record = new SessionRecord(apiKeyId, target, this.#capacity);
      this.#records.set(key, record);
    }
    return record;
  }

  find(apiKeyId: string, target: ListenerTarget): SessionRecord | undefined {
    return this.#records.get(`${apiKeyId}\x01${target}`);
  }
}
