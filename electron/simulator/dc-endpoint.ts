// dc-endpoint.ts — the simulated KalshiDC endpoint's shared state (kalshi-fix.md §5): each account's
// replay history, which keys hold a drop-copy connection (one per key, separate from the listener's
// slot), the EventResendReject fault staged for tests, and a log of every request served. Connections
// (dc-acceptor.ts) ask it for answers; it never touches a socket.
import { DROP_COPY_WINDOW_MS, DropCopyHistory } from './dc-history.ts';
import type { GeneratedReport } from './er-generator.ts';

export type DropCopyAnswer =
  | { readonly kind: 'replay'; readonly reports: readonly GeneratedReport[] }
  /** EventResendReject (U3) with reason 21004 = code. */
  | { readonly kind: 'reject'; readonly code: number; readonly text: string }
  /** Not a valid request: a session Reject (35=3). */
  | { readonly kind: 'malformed'; readonly text: string };

export interface DropCopyRequestRecord {
  readonly apiKeyId: string;
  readonly beginExecId: string | undefined;
  readonly endExecId: string | undefined;
  readonly answer: { readonly kind: 'replay'; readonly count: number } | { readonly kind: 'reject'; readonly code: number } | { readonly kind: 'malformed' };
}

/** Texts the fault-forced rejects carry (Kalshi documents only the codes). */
const FORCED_REJECT_TEXT: Readonly<Record<number, string>> = {
  1: 'Too many requests',
  2: 'Server error',
  3: 'BeginExecID is outside the replay window',
  4: 'EndExecID is too large',
  5: 'Event resend is not enabled for this user; contact institutional@kalshi.com',
};

export class DropCopyEndpoint {
  /** Replay window in stream time (TransactTime); Kalshi's is 3 hours. Set before the stream runs. */
  windowMs = DROP_COPY_WINDOW_MS;
  /** Every EventResendRequest answered, in order. */
  readonly requests: DropCopyRequestRecord[] = [];
  readonly #histories = new Map<string, DropCopyHistory>();
  readonly #connected = new Set<string>();
  #forced: { code: number; remaining: number } | undefined;

  /** Every report an account generates, whatever happened to it on the listener session. */
  record(apiKeyId: string, report: GeneratedReport): void {
    let history = this.#histories.get(apiKeyId);
    if (history === undefined) {
      history = new DropCopyHistory();
      this.#histories.set(apiKeyId, history);
    }
    history.record(report, this.windowMs);
  }

  /**
   * Fault: answer the next `times` EventResendRequests (default: all, until cleared with undefined)
   * with EventResendReject reason `code` — 1 too many requests, 2 server error, 3 too old, 4 end too
   * large, 5 not enabled (allowlisting).
   */
  rejectRequestsWith(code: number | undefined, times = Number.POSITIVE_INFINITY): void {
    if (code !== undefined && (!Number.isSafeInteger(code) || code < 1)) throw new RangeError(`EventResendReject reason must be a positive integer, got ${code}.`);
    this.#forced = code === undefined ? undefined : { code, remaining: times };
  }

  /** Takes the key's single drop-copy slot; false when another DC connection holds it. */
  claim(apiKeyId: string): boolean {
    if (this.#connected.has(apiKeyId)) return false;
    this.#connected.add(apiKeyId);
    return true;
  }

  release(apiKeyId: string): void {
    this.#connected.delete(apiKeyId);
  }

  isLoggedOn(apiKeyId: string): boolean {
    return this.#connected.has(apiKeyId);
  }

  answer(apiKeyId: string, beginExecId: string | undefined, endExecId: string | undefined): DropCopyAnswer {
    const answer = this.#decide(apiKeyId, beginExecId, endExecId);
    const logged: DropCopyRequestRecord['answer'] =
      answer.kind === 'replay' ? { kind: 'replay', count: answer.reports.length } : answer.kind === 'reject' ? { kind: 'reject', code: answer.code } : { kind: 'malformed' };
    this.requests.push({ apiKeyId, beginExecId, endExecId, answer: logged });
    return answer;
  }

  #decide(apiKeyId: string, beginExecId: string | undefined, endExecId: string | undefined): DropCopyAnswer {
    const forced = this.#forced;
    if (forced !== undefined && forced.remaining > 0) {
      forced.remaining--;
      return { kind: 'reject', code: forced.code, text: FORCED_REJECT_TEXT[forced.code] ?? 'Request rejected' };
    }
    const plan = (this.#histories.get(apiKeyId) ?? new DropCopyHistory()).plan(beginExecId, endExecId);
    if (plan.ok) return { kind: 'replay', reports: plan.reports };
    return plan.code === 'malformed' ? { kind: 'malformed', text: plan.text } : { kind: 'reject', code: plan.code, text: plan.text };
  }
}
