// views.ts — the window's views, in navigation order, with what each not-yet-built one will show (the
// placeholders say so plainly instead of showing made-up data). The ids and their order are
// shared/ipc/app-views.ts's, so main's View menu and these tabs agree on Ctrl/⌘ + 1…6.
import type { AppView } from '../../shared/ipc/app-views.ts';

export type ViewId = AppView;

export interface ViewEntry {
  readonly id: ViewId;
  readonly label: string;
  /** For views still to come: what they will hold and when. */
  readonly coming?: { readonly summary: string; readonly arrives: string };
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'live', label: 'Live' },
  { id: 'history', label: 'History' },
  { id: 'pnl', label: 'P&L' },
  { id: 'session', label: 'Session' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'settings', label: 'Settings' },
];
