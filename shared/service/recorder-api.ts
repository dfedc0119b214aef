// recorder-api.ts — what a reader can ask the recorder service, as one typed surface that works the
// same in-process (CLI, tests), across a worker thread (the app's main process) or, later, over a
// network (a firm-wide recorder server). Every call is asynchronous; results and events are plain,
// cloneable data (shared/). The protocol that carries it across a thread is recorder-protocol.ts.
import type { AccountConfig } from '../accounts/account-config.ts';
import type { Event } from '../events/emitter.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { PositionsSnapshot, SnapshotOptions } from '../positions/positions-snapshot.ts';
import type { AlertReview, AlertState, SurveillanceAlert } from '../surveillance/alert.ts';
import type { AlertDetail, AlertFilter, RecordAlertsResult, StoredAlert } from '../surveillance/alert-records.ts';
import type { RulesDocument } from '../surveillance/rules-document.ts';
import type { AccountStatus, ServiceEvent } from './service-events.ts';

/** The calls, as the service implements them (some synchronously). */
export interface RecorderCalls {
  addAccount(config: AccountConfig, options?: { readonly start?: boolean }): void;
  removeAccount(id: string): Promise<void>;
  reconfigure(config: AccountConfig): Promise<void>;
  startAccount(id: string): Promise<void>;
  stopAccount(id: string): Promise<void>;
  accounts(): AccountStatus[];
  configs(): AccountConfig[];
  positions(id: string, options?: SnapshotOptions): PositionsSnapshot;
  /** One History query (shared/history/history-store.ts) against the service's journal. */
  history<M extends HistoryMethod>(method: M, ...args: Parameters<HistoryStore[M]>): ReturnType<HistoryStore[M]>;
  /** Stores the rules engine's alerts in the journal (once per id), then tells readers the new ones ({type: 'alerts'}). */
  recordAlerts(alerts: readonly SurveillanceAlert[]): RecordAlertsResult;
  /** Records a review (shared/surveillance/alert-transitions.ts); `at` defaults to now. Throws AlertStoreError when refused. */
  reviewAlert(alertId: string, to: AlertState, reviewer: string, comment: string, at?: number): AlertReview;
  /** Alerts in the journal, open first, suppressed last. */
  listAlerts(filter?: AlertFilter): StoredAlert[];
  /** One alert with its history (raised, evidence added, reviews, exports), or undefined. */
  getAlert(id: string): AlertDetail | undefined;
  /** The surveillance rules from the next commit on (the engine's state is rebuilt by a replay with them). */
  setRules(rules: RulesDocument): void;
  close(): Promise<void>;
}

/** The History queries a reader may make through the service (close is the service's own business). */
export type HistoryMethod = Exclude<keyof HistoryStore, 'close'>;

export type RecorderMethod = keyof RecorderCalls;

/** The same calls, always asynchronous, plus the event stream. */
export type RecorderApi = {
  readonly [M in Exclude<RecorderMethod, 'history'>]: (...args: Parameters<RecorderCalls[M]>) => Promise<Awaited<ReturnType<RecorderCalls[M]>>>;
} & {
  readonly history: RecorderCalls['history'];
  readonly onEvent: Event<ServiceEvent>;
};

export const RECORDER_METHODS: readonly RecorderMethod[] = [
  'addAccount', 'removeAccount', 'reconfigure', 'startAccount', 'stopAccount', 'accounts', 'configs', 'positions', 'history',
  'recordAlerts', 'reviewAlert', 'listAlerts', 'getAlert', 'setRules', 'close',
];

export const HISTORY_METHODS: readonly HistoryMethod[] = ['page', 'snapshot', 'count', 'changesSince', 'positionAfterRow', 'byExecId', 'byRowId', 'orderLifecycle', 'rawMessage'];
