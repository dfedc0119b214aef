// open-alerts.ts — how many surveillance alerts wait for a review (open and not suppressed): the
// number on the Alerts tab, kept from the app's start whether or not the view was opened. A snapshot
// of their ids (alerts.list), then each live batch's alerts move ids in or out (a new alert opens one,
// a review in any window closes it). A batch that arrives while the snapshot is on its way may be older
// or newer than it: a closed copy is applied over it; an open copy the snapshot lacks (new since, or
// closed before the snapshot was read?) is asked about (alerts.get) before it counts. A skipped batch
// number or main's resync reads the snapshot again.
import { create } from 'zustand';
import type { AlertListFilterWire, SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { LiveBatch } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { BatchSequence } from '../batch-sequence.ts';

/** Beyond this many the tab says "1000+" (one list read, never a scan of the journal). */
export const OPEN_ALERTS_LIMIT = 1_000;
const AWAITING_REVIEW: AlertListFilterWire = { state: 'open', suppressed: false };

export interface OpenAlertsState {
  readonly count: number;
  /** More than OPEN_ALERTS_LIMIT are open. */
  readonly more: boolean;
}

export const useOpenAlerts = create<OpenAlertsState>()(() => ({ count: 0, more: false }));

const awaitsReview = (a: SurveillanceAlertWire) => a.state === 'open' && a.suppressedBy === null;

export class OpenAlertsTracker {
  readonly #api: FillwatchApi;
  readonly #open = new Set<string>();
  #more = false;
  readonly #sequence = new BatchSequence();
  #generation = 0;
  /** Alerts that arrived while a snapshot was on its way. */
  #arrived: SurveillanceAlertWire[] | null = null;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(api: FillwatchApi) {
    this.#api = api;
    this.#unsubscribe.push(api.on.liveBatch((batch) => this.#onBatch(batch)), api.on.resync(() => void this.reload()));
  }

  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.#arrived = [];
    const answer = await this.#api.alerts.list(AWAITING_REVIEW, OPEN_ALERTS_LIMIT);
    if (generation !== this.#generation) return;
    const arrived = this.#arrived;
    this.#arrived = null;
    if (!answer.ok) return; // the badge keeps its last count; the Alerts view shows the error
    this.#open.clear();
    for (const alert of answer.value.alerts) this.#open.add(alert.id);
    this.#more = answer.value.more;
    this.#apply(arrived.filter((a) => !awaitsReview(a) || this.#open.has(a.id)));
    for (const alert of arrived) if (awaitsReview(alert) && !this.#open.has(alert.id)) void this.#confirm(alert.id, generation);
  }

  /** An open copy that came while the snapshot was read: counts only if the journal still has it open. */
  async #confirm(id: string, generation: number): Promise<void> {
    const answer = await this.#api.alerts.get(id);
    if (generation !== this.#generation || !answer.ok || answer.value === null) return;
    this.#apply([answer.value.alert]);
  }

  dispose(): void {
    for (const off of this.#unsubscribe) off();
    this.#generation++;
  }

  #onBatch(batch: LiveBatch): void {
    if (this.#sequence.missedBefore(batch.seq)) {
      void this.reload();
      return;
    }
    if (batch.surveillance.length === 0) return;
    if (this.#arrived !== null) this.#arrived.push(...batch.surveillance);
    this.#apply(batch.surveillance);
  }

  #apply(alerts: readonly SurveillanceAlertWire[]): void {
    for (const alert of alerts) {
      if (awaitsReview(alert)) this.#open.add(alert.id);
      else this.#open.delete(alert.id);
    }
    useOpenAlerts.setState({ count: this.#open.size, more: this.#more });
  }
}

/** Starts counting for this window; returns the stop. */
export function trackOpenAlerts(api: FillwatchApi): () => void {
  const tracker = new OpenAlertsTracker(api);
  void tracker.reload();
  return () => tracker.dispose();
}
