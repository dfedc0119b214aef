// Header.tsx — the window's top bar: the name, the DEMO badge while the simulator feeds the app, and
// the account status strip.
import { useLiveStore } from '../../state/live-store.ts';
import { StatusStrip } from '../StatusStrip/StatusStrip.tsx';
import './Header.css';

export function Header() {
  const demo = useLiveStore((s) => s.demo);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-name">Fillwatch</span>
        <span className="brand-note">read-only listener</span>
        {demo?.active === true ? (
          <span className="demo-badge" title="Simulated executions from the built-in Kalshi simulator: not a real account">DEMO</span>
        ) : null}
      </div>
      <StatusStrip />
    </header>
  );
}
