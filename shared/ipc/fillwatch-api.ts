// fillwatch-api.ts — `window.fillwatch`, built from the IPC contract over any transport that can invoke
// a channel and listen to one: Electron's ipcRenderer in the preload, a WebSocket in the app harness.
// Named, typed functions only (never a generic send/invoke), and every `on.*` returns its own
// unsubscribe. The renderer is typed by FillwatchApi; the preload and the harness build the object.
import type {
  AccountDraft, AccountSessionWire, AccountView, AppSnapshot, DemoStatus, EventChannel, EventName, EventOf, IpcResult, LiveBatch, NavigateWire, NotificationRulesWire, NotificationTargetWire,
  NotificationWire, PositionsView, RequestChannel, RequestName, RequestOf, ResponseOf, SettingsView, ExportProgressWire,
} from './contract.ts';
import type { AlertDetailWire, AlertListFilterWire, SurveillanceSettingsWire } from './alerts-contract.ts';
import type { AlertState } from '../surveillance/alert.ts';

// Channel names are spelled here instead of imported from contract.ts, so the preload's bundle does not
// carry zod; their types are the contract's, so a different name or prefix does not compile.
const requestChannel = <N extends RequestName>(name: N): RequestChannel<N> => `fillwatch:${name}`;
const eventChannel = <N extends EventName>(name: N): EventChannel<N> => `fillwatch:${name}`;

export interface IpcTransport {
  /** Sends a request; resolves with main's envelope. */
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Listens to a pushed event; the result stops listening. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export interface FillwatchApi {
  readonly app: { snapshot(request?: RequestOf<'app.snapshot'>): Promise<IpcResult<AppSnapshot>> };
  readonly accounts: { list(): Promise<IpcResult<readonly AccountView[]>> };
  /** One account's P&L; its day totals in `timeZone` (an IANA name; main's default America/New_York). */
  readonly positions: { get(accountId: string, timeZone?: string): Promise<IpcResult<PositionsView>> };
  /** Every account's connections (Session view). */
  readonly session: { get(): Promise<IpcResult<readonly AccountSessionWire[]>> };
  readonly demo: { status(): Promise<IpcResult<DemoStatus>> };
  readonly notifications: {
    getRules(): Promise<IpcResult<NotificationRulesWire>>;
    setRules(rules: NotificationRulesWire): Promise<IpcResult<NotificationRulesWire>>;
  };
  /** Settings' accounts and keys. Keys are only ever named (API key id): files are opened by main. */
  readonly settings: {
    get(): Promise<IpcResult<SettingsView>>;
    saveAccount(account: AccountDraft): Promise<IpcResult<SettingsView>>;
    removeAccount(id: string, deleteKey: boolean): Promise<IpcResult<SettingsView>>;
    testConnection(id: string): Promise<IpcResult<ResponseOf<'accounts.testConnection'>>>;
    importKey(apiKeyId: string): Promise<IpcResult<ResponseOf<'keys.import'>>>;
    generateKey(): Promise<IpcResult<ResponseOf<'keys.generate'>>>;
    deleteKey(apiKeyId: string): Promise<IpcResult<SettingsView>>;
    copyPublicKey(key: RequestOf<'keys.copyPublicKey'>): Promise<IpcResult<ResponseOf<'keys.copyPublicKey'>>>;
    pickCaCertificate(): Promise<IpcResult<ResponseOf<'tls.pickCaCertificate'>>>;
  };
  /** The journal's History: keyset pages, counts, single rows, lifecycles, raw messages, and exports. */
  readonly history: {
    snapshot(request: RequestOf<'history.snapshot'>): Promise<IpcResult<ResponseOf<'history.snapshot'>>>;
    page(request: RequestOf<'history.page'>): Promise<IpcResult<ResponseOf<'history.page'>>>;
    around(request: RequestOf<'history.around'>): Promise<IpcResult<ResponseOf<'history.around'>>>;
    count(request: RequestOf<'history.count'>): Promise<IpcResult<ResponseOf<'history.count'>>>;
    changes(request: RequestOf<'history.changes'>): Promise<IpcResult<ResponseOf<'history.changes'>>>;
    row(rowId: number): Promise<IpcResult<ResponseOf<'history.row'>>>;
    byExecId(execId: string): Promise<IpcResult<ResponseOf<'history.byExecId'>>>;
    lifecycle(orderId: string): Promise<IpcResult<ResponseOf<'history.lifecycle'>>>;
    rawMessage(rowId: number): Promise<IpcResult<ResponseOf<'history.rawMessage'>>>;
    exportFile(request: RequestOf<'history.export'>): Promise<IpcResult<ResponseOf<'history.export'>>>;
    cancelExport(exportId: string): Promise<IpcResult<ResponseOf<'history.cancelExport'>>>;
  };
  /** Surveillance alerts in the journal: list, one with its history and evidence, and reviews (signed by main with Settings' reviewer name). */
  readonly alerts: {
    list(filter: AlertListFilterWire, limit?: number): Promise<IpcResult<ResponseOf<'alerts.list'>>>;
    get(id: string): Promise<IpcResult<AlertDetailWire | null>>;
    review(id: string, to: AlertState, comment: string): Promise<IpcResult<AlertDetailWire>>;
  };
  /** Settings → Surveillance: the reviewer's name and the rules document. */
  readonly surveillance: {
    get(): Promise<IpcResult<SurveillanceSettingsWire>>;
    setReviewer(reviewer: string): Promise<IpcResult<SurveillanceSettingsWire>>;
    /** The document as JSON text; refused documents come back as { saved: false, field, message }. */
    setRules(text: string): Promise<IpcResult<ResponseOf<'surveillance.setRules'>>>;
  };
  readonly on: {
    /** What main serves changed as a whole: take a fresh snapshot. */
    resync(listener: (event: EventOf<'app.resync'>) => void): () => void;
    liveBatch(listener: (batch: LiveBatch) => void): () => void;
    notification(listener: (notification: NotificationWire) => void): () => void;
    notificationClicked(listener: (target: NotificationTargetWire) => void): () => void;
    /** The app menu asks this window to show a view. */
    navigate(listener: (target: NavigateWire) => void): () => void;
    exportProgress(listener: (progress: ExportProgressWire) => void): () => void;
  };
}

export function createFillwatchApi(transport: IpcTransport): FillwatchApi {
  const call = <N extends RequestName>(name: N, payload: RequestOf<N>) =>
    transport.invoke(requestChannel(name), payload) as Promise<IpcResult<ResponseOf<N>>>;
  return {
    app: { snapshot: (request = {}) => call('app.snapshot', request) },
    accounts: { list: () => call('accounts.list', {}) },
    positions: { get: (accountId, timeZone) => call('positions.get', timeZone === undefined ? { accountId } : { accountId, timeZone }) },
    session: { get: () => call('session.get', {}) },
    demo: { status: () => call('demo.status', {}) },
    notifications: {
      getRules: () => call('notifications.getRules', {}),
      setRules: (rules) => call('notifications.setRules', { rules }),
    },
    settings: {
      get: () => call('settings.get', {}),
      saveAccount: (account) => call('accounts.save', { account }),
      removeAccount: (id, deleteKey) => call('accounts.remove', { id, deleteKey }),
      testConnection: (id) => call('accounts.testConnection', { id }),
      importKey: (apiKeyId) => call('keys.import', { apiKeyId }),
      generateKey: () => call('keys.generate', {}),
      deleteKey: (apiKeyId) => call('keys.delete', { apiKeyId }),
      copyPublicKey: (key) => call('keys.copyPublicKey', key),
      pickCaCertificate: () => call('tls.pickCaCertificate', {}),
    },
    history: {
      snapshot: (request) => call('history.snapshot', request),
      page: (request) => call('history.page', request),
      around: (request) => call('history.around', request),
      count: (request) => call('history.count', request),
      changes: (request) => call('history.changes', request),
      row: (rowId) => call('history.row', { rowId }),
      byExecId: (execId) => call('history.byExecId', { execId }),
      lifecycle: (orderId) => call('history.lifecycle', { orderId }),
      rawMessage: (rowId) => call('history.rawMessage', { rowId }),
      exportFile: (request) => call('history.export', request),
      cancelExport: (exportId) => call('history.cancelExport', { exportId }),
    },
    alerts: {
      list: (filter, limit) => call('alerts.list', limit === undefined ? { filter } : { filter, limit }),
      get: (id) => call('alerts.get', { id }),
      review: (id, to, comment) => call('alerts.review', { id, to, comment }),
    },
    surveillance: {
      get: () => call('surveillance.get', {}),
      setReviewer: (reviewer) => call('surveillance.setReviewer', { reviewer }),
      setRules: (text) => call('surveillance.setRules', { text }),
    },
    on: {
      resync: (listener) => transport.subscribe(eventChannel('app.resync'), (payload) => listener(payload as EventOf<'app.resync'>)),
      liveBatch: (listener) => transport.subscribe(eventChannel('live.batch'), (payload) => listener(payload as LiveBatch)),
      notification: (listener) => transport.subscribe(eventChannel('notifications.shown'), (payload) => listener(payload as NotificationWire)),
      notificationClicked: (listener) => transport.subscribe(eventChannel('notifications.clicked'), (payload) => listener(payload as NotificationTargetWire)),
      navigate: (listener) => transport.subscribe(eventChannel('app.navigate'), (payload) => listener(payload as NavigateWire)),
      exportProgress: (listener) => transport.subscribe(eventChannel('history.exportProgress'), (payload) => listener(payload as ExportProgressWire)),
    },
  };
}
