// App.tsx — the window's frame: header (name, DEMO badge, account status strip), a banner when the
// link to the recorder is lost or the engine raised an alert, the view tabs and the active view, and
// the toast log of notifications (a clicked one opens Live with its execution highlighted). Main's
// View menu switches views too (app.navigate); the compact window gets its own small frame.
import { useCallback, useEffect, useState } from 'react';
import { isCompactSearch } from '../shared/ipc/app-views.ts';
import { CompactApp } from './CompactApp.tsx';
import { Header } from './components/Frame/Header.tsx';
import { NavBar } from './components/Frame/NavBar.tsx';
import { SyncBanner } from './components/Frame/SyncBanner.tsx';
import { ToastLog } from './components/ToastLog/ToastLog.tsx';
import { fillwatchApi } from './ipc/fillwatch.ts';
import { useNotificationStore } from './state/notification-store.ts';
import { landInHistory, shownInLive } from './state/history/notification-landing.ts';
import { alertsController } from './state/alerts/alerts-controller.ts';
import { trackOpenAlerts } from './state/alerts/open-alerts.ts';
import { AlertsView } from './views/Alerts/AlertsView.tsx';
import { ComingView } from './views/Coming/ComingView.tsx';
import { HistoryView } from './views/History/HistoryView.tsx';
import { PnlView } from './views/PnL/PnlView.tsx';
import { SessionView } from './views/Session/SessionView.tsx';
import { useHistoryIntent } from './state/history-intent.ts';
import { LiveView } from './views/Live/LiveView.tsx';
import { SettingsView } from './views/Settings/SettingsView.tsx';
import { VIEWS, type ViewId } from './views/views.ts';

export function App() {
  return isCompactSearch(location.search) ? <CompactApp /> : <FullApp />;
}

function FullApp() {
  const [view, setView] = useState<ViewId>('live');
  useEffect(() => fillwatchApi()?.on.navigate((target) => setView(target.view)), []);
  const showAlerts = useCallback(() => setView('alerts'), []);
  // A market clicked in P&L opens History filtered to it (History reads the intent: state/history-intent.ts).
  const historyIntent = useHistoryIntent((s) => s.intent);
  useEffect(() => { if (historyIntent !== null) setView('history'); }, [historyIntent]);
  const entry = VIEWS.find((v) => v.id === view)!;
  const api = fillwatchApi();
  useEffect(() => (api === undefined ? undefined : trackOpenAlerts(api)), [api]);
  const highlight = useNotificationStore((s) => s.highlight);
  useEffect(() => {
    if (highlight === null) return;
    // A surveillance alert's notification opens the alert itself.
    if (highlight.target.alertId !== undefined && api !== undefined) {
      setView('alerts');
      void alertsController(api).select(highlight.target.alertId);
      return;
    }
    // No longer among the rows Live keeps: History finds it in the journal and highlights it there.
    if (api !== undefined && !shownInLive(highlight.target)) {
      setView('history');
      void landInHistory(api, highlight.target);
      return;
    }
    setView('live');
    // After Live has rendered: bring the row into view and focus it (the grid's own highlight).
    const frame = requestAnimationFrame(() => highlightRow(highlight.target.execId));
    return () => cancelAnimationFrame(frame);
  }, [highlight, api]);
  return (
    <div className="app">
      <Header />
      <div className="app-banner"><SyncBanner onShowAlerts={showAlerts} /></div>
      <NavBar view={view} onChange={setView} />
      <main className="view" role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'live' ? <LiveView /> : view === 'history' && api !== undefined ? <HistoryView api={api} /> : view === 'pnl' && api !== undefined ? <PnlView api={api} /> : view === 'session' && api !== undefined ? <SessionView api={api} /> : view === 'alerts' && api !== undefined ? <AlertsView api={api} /> : view === 'settings' && api !== undefined ? <SettingsView api={api} /> : <ComingView entry={entry} />}
      </main>
      <ToastLog />
    </div>
  );
}

const HIGHLIGHT_MS = 2_500;

function highlightRow(execId: string | null): void {
  if (execId === null) return;
  const row = document.querySelector<HTMLElement>(`tbody tr[data-exec-id="${CSS.escape(execId)}"]`);
  if (row === null) return; // no longer among the newest rows Live keeps
  row.scrollIntoView({ block: 'center' });
  row.focus();
  // Through the store, not classList: the row re-renders as its arrival highlight fades and would drop a hand-set class.
  const { setNotifiedExecId } = useNotificationStore.getState();
  setNotifiedExecId(execId);
  setTimeout(() => { if (useNotificationStore.getState().notifiedExecId === execId) setNotifiedExecId(null); }, HIGHLIGHT_MS);
}

export function NotInApp() {
  return (
    <main className="not-in-app">
      <h1>Fillwatch</h1>
      <p>This page runs inside the Fillwatch app or its harness (<code>npm run harness</code>); opened on its own it has no recorder to talk to.</p>
    </main>
  );
}
