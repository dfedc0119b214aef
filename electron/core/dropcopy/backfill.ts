// backfill.ts — the drop-copy backfill coordinator. When the listener reports a possible loss (an NR
// sequence gap, a reconnect that reset the sequence), it snapshots the last ExecID per exchange index
// from the journal AT THAT MOMENT (before the message after the gap is stored), connects to KalshiDC,
// asks for each index from that ExecID to the latest, and stores the replays in the SAME journal file
// under the KalshiDC session, where ExecIDs already held are dropped. It reports progress, completion
// and rejects as typed events; when a window cannot be covered (no DC configured, DC refuses, repeated
// failures) it raises the "possible missed fills between T1 and T2" alert. One backfill at a time;
// windows reported meanwhile are merged into the next one. Never touches the listener's session.
import { Journal, type CommittedBatch, type UndecodableNotice } from '../journal/index.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { LogonSigner } from '../session/admin-encoder.ts';
import type { SessionConfig } from '../session/session-config.ts';
import type { SessionEvent } from '../../../shared/events/session-events.ts';
import type { TlsEndpoint } from '../transport/tls-connection.ts';
import type { TLSSocket } from 'node:tls';
import { isRetryableReject, type ExecIdRange } from './dc-messages.ts';
import { isRetryableFailure, type RangeOutcome } from './dc-events.ts';
import { DropCopySession } from './dc-session.ts';
import { describeAlertCause, type AlertCause, type BackfillEvent, type LossWindow } from './backfill-events.ts';
import { mergeHeads, planBackfill } from './exec-id-range.ts';

export interface DropCopyEndpointConfig {
  /** targetCompId KalshiDC; the same API key (SenderCompID) as the listener. */
  readonly config: SessionConfig;
  readonly endpoint: TlsEndpoint;
  readonly signLogon: LogonSigner;
  readonly connect?: (endpoint: TlsEndpoint) => Promise<TLSSocket>;
  readonly tickMs?: number;
  readonly replyTimeoutMs?: number;
}

export interface BackfillOptions {
  /** The listener's journal FILE: the replays go into the same file, deduplicated by ExecID. */
  readonly journalPath: string;
  /** undefined: no drop copy; every loss window becomes an alert at once. */
  readonly dropCopy: DropCopyEndpointConfig | undefined;
  readonly onEvent: (event: BackfillEvent) => void;
  /** Executions the backfill added (the listener had missed them), once committed. */
  readonly onRecovered?: (records: readonly ExecutionRecord[]) => void;
  /** Replayed messages kept raw in the journal because they could not be read. */
  readonly onUndecodable?: (notices: readonly UndecodableNotice[]) => void;
  /** Each commit of replayed messages, with journal positions (for a live positions book). */
  readonly onCommittedBatch?: (batch: CommittedBatch) => void;
  /** Drop-copy connections per loss window, the first included. Default 3. */
  readonly maxAttempts?: number;
  /** Pause before asking again after a retryable failure or reject. Default 5000. */
  readonly retryDelayMs?: number;
}

interface Job {
  readonly window: LossWindow;
  readonly heads: ReadonlyMap<number, string>;
}

export class BackfillCoordinator {
  readonly #options: BackfillOptions;
  /** Present when drop copy is configured: where it connects, and the journal its replays go into. */
  readonly #dc: { readonly endpoint: DropCopyEndpointConfig; readonly journal: Journal } | undefined;
  #pending: Job | undefined;
  #draining = false;
  #loop: Promise<void> = Promise.resolve();
  #current: DropCopySession | undefined;
  #wake: (() => void) | undefined;
  #accepting = true;
  #closed = false;
  #recoveredTotal = 0;

  /** Opens the journal file for the KalshiDC session when drop copy is configured (throws JournalError). */
  constructor(options: BackfillOptions) {
    this.#options = options;
    const endpoint = options.dropCopy;
    this.#dc = endpoint === undefined ? undefined : {
      endpoint,
      journal: Journal.open(options.journalPath, {
        session: { senderCompId: endpoint.config.senderCompId, targetCompId: endpoint.config.targetCompId },
        priceUnit: endpoint.config.useDollars ? 'dollars' : 'cents',
        onCommitted: (records) => {
          this.#recoveredTotal += records.length;
          options.onRecovered?.(records);
        },
        onUndecodable: (notices) => options.onUndecodable?.(notices),
        onCommittedBatch: (batch) => options.onCommittedBatch?.(batch),
      }),
    };
  }

  /** True while a backfill runs or waits to run. */
  get busy(): boolean {
    return this.#draining;
  }

  /**
   * Feed every listener event here. Must be called synchronously from the listener's event callback:
   * the ExecID snapshot is taken now, before the session stores the message that revealed the gap.
   */
  onSessionEvent(event: SessionEvent): void {
    if (event.kind !== 'possible-missed-messages' || !this.#accepting) return;
    const window: LossWindow = { sinceMs: event.sinceMs, untilMs: event.untilMs };
    if (this.#dc === undefined) {
      this.#emit({ kind: 'missed-fills-alert', window, cause: { kind: 'no-drop-copy' } });
      return;
    }
    let heads: Map<number, string>;
    try {
      heads = this.#dc.journal.lastExecIdByIndex();
    } catch (error) {
      this.#emit({ kind: 'missed-fills-alert', window, cause: { kind: 'journal-unreadable', text: error instanceof Error ? error.message : String(error) } });
      return;
    }
    const p = this.#pending;
    this.#pending = p === undefined ? { window, heads } : { window: mergeWindows(p.window, window), heads: mergeHeads(p.heads, heads) };
    if (!this.#draining) {
      this.#draining = true;
      this.#loop = this.#drain();
    }
  }

  /** Resolves once no backfill is running or queued. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#loop;
  }

  /**
   * Stops taking loss reports, lets a running backfill finish for up to `graceMs`, then stops it (its
   * window is reported as an alert) and closes the journal connection.
   */
  async close(graceMs = 0): Promise<void> {
    this.#accepting = false;
    if (graceMs > 0 && this.#draining) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.idle(), new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); })]);
      clearTimeout(timer);
    }
    this.#closed = true;
    this.#current?.stop();
    this.#wake?.();
    await this.idle();
    // A window reported but never started is as uncovered as one that was cut short.
    const left = this.#pending;
    this.#pending = undefined;
    if (left !== undefined) this.#emit({ kind: 'missed-fills-alert', window: left.window, cause: { kind: 'failed', failure: { kind: 'stopped' } } });
    this.#dc?.journal.close();
  }

  async #drain(): Promise<void> {
    try {
      const dc = this.#dc;
      while (dc !== undefined && this.#pending !== undefined && !this.#closed) {
        const job = this.#pending;
        this.#pending = undefined;
        await this.#runJob(job, dc.endpoint, dc.journal);
      }
    } finally {
      // Set in the same turn as the loop's last check, so a report arriving later starts a new drain.
      this.#draining = false;
    }
  }

  async #runJob(job: Job, dropCopy: DropCopyEndpointConfig, journal: Journal): Promise<void> {
    const maxAttempts = Math.max(1, this.#options.maxAttempts ?? 3);
    const recoveredBefore = this.#recoveredTotal;
    const alerts: AlertCause[] = [];
    let replayed = 0;
    let ranges: ExecIdRange[] = planBackfill(job.heads);
    for (let attempt = 1; ranges.length > 0; attempt++) {
      if (this.#closed) {
        alerts.push({ kind: 'failed', failure: { kind: 'stopped' } });
        break;
      }
      this.#emit({ kind: 'backfill-started', window: job.window, ranges, attempt });
      let mark = this.#recoveredTotal;
      const session = new DropCopySession(
        {
          config: dropCopy.config,
          endpoint: dropCopy.endpoint,
          signLogon: dropCopy.signLogon,
          store: journal,
          ...(dropCopy.connect === undefined ? {} : { connect: dropCopy.connect }),
          ...(dropCopy.tickMs === undefined ? {} : { tickMs: dropCopy.tickMs }),
          ...(dropCopy.replyTimeoutMs === undefined ? {} : { replyTimeoutMs: dropCopy.replyTimeoutMs }),
        },
        {
          // A request's end is reported once, as backfill-progress (with what was new to the journal).
          onEvent: (event) => { if (event.kind !== 'request-done') this.#emit({ kind: 'drop-copy', event }); },
          onRequestDone: (range, outcome) => {
            if (outcome.kind === 'complete') replayed += outcome.received;
            this.#emit({ kind: 'backfill-progress', range, outcome, recovered: this.#recoveredTotal - mark });
            mark = this.#recoveredTotal;
          },
        },
      );
      this.#current = session;
      const run = await session.run(ranges);
      this.#current = undefined;
      const retry = sortOutcomes(run.outcomes, alerts);
      if (retry.ranges.length === 0) break;
      if (attempt >= maxAttempts || this.#closed) {
        const cause: AlertCause = this.#closed || retry.cause === undefined ? { kind: 'failed', failure: { kind: 'stopped' } } : retry.cause;
        alerts.push(cause);
        break;
      }
      const delayMs = this.#options.retryDelayMs ?? 5_000;
      this.#emit({ kind: 'backfill-retry-scheduled', delayMs, attempt: attempt + 1, ranges: retry.ranges.length });
      await this.#sleep(delayMs);
      ranges = retry.ranges;
    }
    const said = new Set<string>();
    for (const cause of alerts) {
      const text = describeAlertCause(cause);
      if (said.has(text)) continue;
      said.add(text);
      this.#emit({ kind: 'missed-fills-alert', window: job.window, cause });
    }
    this.#emit({ kind: 'backfill-complete', window: job.window, replayed, recovered: this.#recoveredTotal - recoveredBefore, covered: alerts.length === 0 });
  }

  /** A pause that close() cuts short. */
  async #sleep(ms: number): Promise<void> {
    if (this.#closed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
    this.#wake = undefined;
  }

  #emit(event: BackfillEvent): void {
    this.#options.onEvent(event);
  }
}

/**
 * Splits one run's outcomes: final refusals become alerts (pushed onto `alerts`), retryable ones are
 * returned to be asked for again, with the cause to report if the retries run out.
 */
function sortOutcomes(
  outcomes: ReadonlyArray<{ readonly range: ExecIdRange; readonly outcome: RangeOutcome }>,
  alerts: AlertCause[],
): { ranges: ExecIdRange[]; cause: AlertCause | undefined } {
  const ranges: ExecIdRange[] = [];
  let cause: AlertCause | undefined;
  for (const { range, outcome } of outcomes) {
    switch (outcome.kind) {
      case 'complete':
        break;
      case 'rejected':
        if (isRetryableReject(outcome.reason)) {
          ranges.push(range);
          cause = { kind: 'rejected', range, reason: outcome.reason };
        } else {
          alerts.push({ kind: 'rejected', range, reason: outcome.reason });
        }
        break;
      case 'refused':
        alerts.push({ kind: 'refused', range, text: outcome.text });
        break;
      case 'not-served':
        if (isRetryableFailure(outcome.failure)) {
          ranges.push(range);
          cause = { kind: 'failed', failure: outcome.failure };
        } else {
          alerts.push({ kind: 'failed', failure: outcome.failure });
        }
        break;
    }
  }
  return { ranges, cause };
}

/** The union of two loss windows: the earlier T1 (unknown wins), the later T2. */
function mergeWindows(a: LossWindow, b: LossWindow): LossWindow {
  const sinceMs = a.sinceMs === undefined || b.sinceMs === undefined ? undefined : Math.min(a.sinceMs, b.sinceMs);
  return { sinceMs, untilMs: Math.max(a.untilMs, b.untilMs) };
}
