// app-views.ts — the window's views by id, in the order of their tabs, so main's View menu and the
// renderer's tabs give the same view the same Ctrl/⌘ + number. No zod here: the renderer and the
// preload import it without pulling the contract's validators into their bundles.
export const APP_VIEWS = ['live', 'history', 'pnl', 'session', 'alerts', 'settings'] as const;

export type AppView = (typeof APP_VIEWS)[number];

/** The compact always-on-top window loads index.html with this query: the status strip and Live only. */
export const COMPACT_QUERY = 'view=compact';

/** Whether a page's `location.search` asks for the compact layout. */
export function isCompactSearch(search: string): boolean {
  const [name, value] = COMPACT_QUERY.split('=') as [string, string];
  return new URLSearchParams(search).get(name) === value;
}
