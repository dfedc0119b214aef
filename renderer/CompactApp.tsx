// CompactApp.tsx — the always-on-top compact window (main opens index.html?view=compact): the account
// status strip, the sync/alert banner and the Live grid with its essential columns. No view tabs and
// no toast log: the main window has those, and desktop notifications still show.
import { useEffect } from 'react';
import { Header } from './components/Frame/Header.tsx';
import { SyncBanner } from './components/Frame/SyncBanner.tsx';
import { LiveView } from './views/Live/LiveView.tsx';
import './styles/compact.css';

export function CompactApp() {
  // The window's title (the OS shows it in the task switcher) says which window this is.
  useEffect(() => { document.title = 'Fillwatch (compact)'; }, []);
  return (
    <div className="app app-compact">
      <Header />
      <div className="app-banner"><SyncBanner /></div>
      <main className="view">
        <LiveView compact />
      </main>
    </div>
  );
}
