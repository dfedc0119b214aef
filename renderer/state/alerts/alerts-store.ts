// alerts-store.ts — the Alerts view's state in one zustand store: the filter boxes, the alerts the
// journal answered for them (kept current by live batches: alert-list.ts), the selected alert with its
// details (history, evidence located in the journal), and what is loading or failed. Plain setters;
// alerts-controller.ts talks to main.
import { create } from 'zustand';
import type { AlertDetailWire, SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { IpcError } from '../../../shared/ipc/contract.ts';
import { EMPTY_ALERT_FILTER, type AlertFilterForm } from './alert-list.ts';

export type AlertsLoad = 'idle' | 'loading' | 'ready' | 'failed';

export interface AlertsState {
  readonly form: AlertFilterForm;
  readonly alerts: readonly SurveillanceAlertWire[];
  /** More alerts match than were read (the list stops at its limit). */
  readonly more: boolean;
  readonly load: AlertsLoad;
  readonly error: IpcError | null;
  readonly selectedId: string | null;
  readonly detail: AlertDetailWire | null;
  readonly detailError: IpcError | null;
  set(patch: Partial<Omit<AlertsState, 'set'>>): void;
}

export const useAlertsStore = create<AlertsState>()((set) => ({
  form: EMPTY_ALERT_FILTER,
  alerts: [],
  more: false,
  load: 'idle',
  error: null,
  selectedId: null,
  detail: null,
  detailError: null,
  set: (patch) => set(patch),
}));
