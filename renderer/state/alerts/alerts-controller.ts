// alerts-controller.ts — the Alerts view's conversation with main. The list is a snapshot (alerts.list
// for the filter) joined by the live batches' `surveillance` alerts (new, or changed by a review in any
// window), upserted by id so overlap is harmless: batches are listened to before the snapshot is asked
// for, and those that arrive while it is on its way are applied after it. A batch number that skips one,
// or main's resync, means something may be missing: read the list again. The selected alert's details
// are re-read when a batch changes it.
import type { SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import type { IpcError, LiveBatch } from '../../../shared/ipc/contract.ts';
import type { AlertState } from '../../../shared/surveillance/alert.ts';
import { filterFromAlertForm, upsertAlerts, type AlertFilterForm } from './alert-list.ts';
import { useAlertsStore } from './alerts-store.ts';
import { BatchSequence } from '../batch-sequence.ts';

export const LIST_LIMIT = 1_000;

export class AlertsController {
  readonly #api: FillwatchApi;
  readonly #store = useAlertsStore;
  #generation = 0;
  #detailGeneration = 0;
  readonly #sequence = new BatchSequence();
  /** Live alerts that arrived while a list was on its way (applied over it). */
  #arrived: SurveillanceAlertWire[] | null = null;

  constructor(api: FillwatchApi) {
    this.#api = api;
    api.on.liveBatch((batch) => this.#onBatch(batch));
    api.on.resync(() => void this.reload());
  }

  setForm(form: AlertFilterForm): void {
    this.#store.getState().set({ form });
    void this.reload();
  }

  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.#arrived = [];
    this.#store.getState().set({ load: 'loading' });
    const filter = filterFromAlertForm(this.#store.getState().form);
    const answer = await this.#api.alerts.list(filter, LIST_LIMIT);
    if (generation !== this.#generation) return;
    const arrived = this.#arrived;
    this.#arrived = null;
    if (!answer.ok) {
      this.#store.getState().set({ load: 'failed', error: answer.error });
      return;
    }
    const alerts = upsertAlerts(answer.value.alerts, arrived, filter);
    this.#store.getState().set({ alerts, more: answer.value.more, load: 'ready', error: null });
    const selected = this.#store.getState().selectedId;
    if (selected !== null) void this.select(selected);
  }

  /** Shows one alert's details (null closes the panel). */
  async select(id: string | null): Promise<void> {
    const generation = ++this.#detailGeneration;
    const state = this.#store.getState();
    state.set({ selectedId: id, detailError: null, ...(id !== state.detail?.alert.id ? { detail: null } : {}) });
    if (id === null) return;
    const answer = await this.#api.alerts.get(id);
    if (generation !== this.#detailGeneration) return;
    if (!answer.ok) return this.#store.getState().set({ detailError: answer.error });
    if (answer.value === null) return this.#store.getState().set({ detail: null, detailError: { kind: 'not-found', message: 'This alert is not in the journal the app records into now.' } });
    this.#store.getState().set({ detail: answer.value });
  }

  /** Records a review; resolves with main's refusal, or null once recorded and shown. */
  async review(id: string, to: AlertState, comment: string): Promise<IpcError | null> {
    const answer = await this.#api.alerts.review(id, to, comment);
    if (!answer.ok) return answer.error;
    const state = this.#store.getState();
    state.set({ alerts: upsertAlerts(state.alerts, [answer.value.alert], filterFromAlertForm(state.form)) });
    if (state.selectedId === id) state.set({ detail: answer.value });
    return null;
  }

  #onBatch(batch: LiveBatch): void {
    if (this.#sequence.missedBefore(batch.seq)) {
      void this.reload();
      return;
    }
    if (batch.surveillance.length === 0) return;
    if (this.#arrived !== null) this.#arrived.push(...batch.surveillance);
    const state = this.#store.getState();
    state.set({ alerts: upsertAlerts(state.alerts, batch.surveillance, filterFromAlertForm(state.form)) });
    if (state.selectedId !== null && batch.surveillance.some((a) => a.id === state.selectedId)) void this.select(state.selectedId);
  }
}

let controller: AlertsController | undefined;

/** The window's one Alerts controller, started on first use. */
export function alertsController(api: FillwatchApi): AlertsController {
  if (controller === undefined) {
    controller = new AlertsController(api);
    void controller.reload();
  }
  return controller;
}
