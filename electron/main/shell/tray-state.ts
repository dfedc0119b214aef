// tray-state.ts — what the tray icon says about every account at once: one state for the icon (the
// worst account wins: a down account must not hide behind connected ones) and a tooltip in the
// status strip's words (shared/accounts/account-health.ts). Pure: statuses and the time in.
import { HEALTH_LABELS, accountHealth, type Health } from '../../../shared/accounts/account-health.ts';
import type { AccountView } from '../../../shared/ipc/contract.ts';

export type TrayState = 'all-connected' | 'some-reconnecting' | 'down' | 'no-accounts';

export interface TrayStatus {
  readonly state: TrayState;
  readonly tooltip: string;
}

/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA.szTip); we cut first, visibly. */
export const TOOLTIP_MAX = 127;

const ORDER: readonly Health[] = ['down', 'reconnecting', 'quiet', 'connected'];

export function trayStatus(accounts: readonly AccountView[], now: number): TrayStatus {
  if (accounts.length === 0) return { state: 'no-accounts', tooltip: 'Fillwatch: no account is configured' };
  const health = accounts.map((view) => ({ label: view.account.label, health: accountHealth(view.status.phase, view.status.lastMessageAt, now) }));
  const count = (h: Health) => health.filter((a) => a.health === h).length;
  // Quiet counts as reconnecting for the icon: an account that stopped hearing the exchange is not "connected".
  const state: TrayState = count('down') > 0 ? 'down' : count('reconnecting') + count('quiet') > 0 ? 'some-reconnecting' : 'all-connected';
  const summary = state === 'all-connected'
    ? `Fillwatch: ${accounts.length === 1 ? 'the account is' : `all ${accounts.length} accounts are`} connected`
    : `Fillwatch: ${ORDER.filter((h) => count(h) > 0).map((h) => `${count(h)} ${HEALTH_LABELS[h].toLowerCase()}`).join(', ')}`;
  // Then the accounts that need a look, worst first.
  const details = health
    .filter((a) => a.health !== 'connected')
    .sort((a, b) => ORDER.indexOf(a.health) - ORDER.indexOf(b.health))
    .map((a) => `${a.label}: ${HEALTH_LABELS[a.health]}`);
  return { state, tooltip: clip([summary, ...details].join('\n')) };
}

function clip(text: string): string {
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}
