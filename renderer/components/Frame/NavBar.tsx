// NavBar.tsx — the views as a vertical tab list: arrow keys, Home and End move between tabs (roving
// tab stop), Ctrl/⌘ + 1…6 jumps to a view from anywhere. The Alerts tab counts what waits for the
// officer: surveillance alerts open for review, plus the recorder's own alerts not yet seen.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useLiveStore } from '../../state/live-store.ts';
import { useOpenAlerts } from '../../state/alerts/open-alerts.ts';
import { VIEWS, type ViewId } from '../../views/views.ts';
import './NavBar.css';

export function NavBar({ view, onChange }: { readonly view: ViewId; readonly onChange: (view: ViewId) => void }) {
  const tabs = useRef(new Map<ViewId, HTMLButtonElement>());
  const unseenEngine = useLiveStore((s) => s.alerts.length - s.alertsSeen);
  const open = useOpenAlerts((s) => s.count);
  const moreOpen = useOpenAlerts((s) => s.more);
  const waiting = open + unseenEngine;
  const waitingLabel = [
    open > 0 ? `${open}${moreOpen ? '+' : ''} open for review` : '',
    unseenEngine > 0 ? `${unseenEngine} new from the recorder` : '',
  ].filter((t) => t !== '').join(', ');

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const entry = VIEWS[Number(event.key) - 1];
      if (entry === undefined) return;
      event.preventDefault();
      onChange(entry.id);
      tabs.current.get(entry.id)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onChange]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const index = VIEWS.findIndex((v) => v.id === view);
    const next = event.key === 'ArrowDown' ? (index + 1) % VIEWS.length
      : event.key === 'ArrowUp' ? (index - 1 + VIEWS.length) % VIEWS.length
        : event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const target = VIEWS[next]!.id;
    onChange(target);
    tabs.current.get(target)?.focus();
  };

  return (
    <nav className="nav" aria-label="Views">
      <div role="tablist" aria-orientation="vertical" aria-label="Views" onKeyDown={onKeyDown}>
        {VIEWS.map((entry, i) => (
          <button
            key={entry.id}
            ref={(el) => { if (el === null) tabs.current.delete(entry.id); else tabs.current.set(entry.id, el); }}
            type="button"
            role="tab"
            id={`tab-${entry.id}`}
            aria-controls={`panel-${entry.id}`}
            aria-selected={entry.id === view}
            tabIndex={entry.id === view ? 0 : -1}
            className="nav-tab"
            title={`${entry.label} (Ctrl+${i + 1})`}
            onClick={() => onChange(entry.id)}
          >
            <span className="nav-label">{entry.label}</span>
            {entry.id === 'alerts' && waiting > 0 ? (
              <>
                <span className="nav-count" data-testid="alerts-count" aria-hidden="true" title={waitingLabel}>{waiting}{moreOpen ? '+' : ''}</span>
                <span className="nav-count-text">: {waitingLabel}</span>
              </>
            ) : null}
            {entry.coming !== undefined ? <span className="nav-soon">soon</span> : null}
          </button>
        ))}
      </div>
    </nav>
  );
}
