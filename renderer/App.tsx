// App.tsx — the window's frame: header (name, DEMO badge, account status strip), a banner when the
// link to the recorder is lost or the engine raised an alert, the view tabs and the active view.
import { useCallback, useState } from 'react';
import { Header } from './components/Frame/Header.tsx';
import { NavBar } from './components/Frame/NavBar.tsx';
import { SyncBanner } from './components/Frame/SyncBanner.tsx';
import { ComingView } from './views/Coming/ComingView.tsx';
import { LiveView } from './views/Live/LiveView.tsx';
import { VIEWS, type ViewId } from './views/views.ts';

export function App() {
  const [view, setView] = useState<ViewId>('live');
  const showAlerts = useCallback(() => setView('alerts'), []);
  const entry = VIEWS.find((v) => v.id === view)!;
  return (
    <div className="app">
      <Header />
      <div className="app-banner"><SyncBanner onShowAlerts={showAlerts} /></div>
      <NavBar view={view} onChange={setView} />
      <main className="view" role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'live' ? <LiveView /> : <ComingView entry={entry} />}
      </main>
    </div>
  );
}

export function NotInApp() {
  return (
    <main className="not-in-app">
      <h1>Fillwatch</h1>
      <p>This page runs inside the Fillwatch app or its harness (<code>npm run harness</code>); opened on its own it has no recorder to talk to.</p>
    </main>
  );
}
