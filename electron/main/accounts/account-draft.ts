// account-draft.ts — the account form's draft → the AccountConfig the recorder runs: Kalshi's hosts and
// ports for production and demo (kalshi-fix.md §1), the user's own for a custom host, the drop copy on
// the same host, dollars and settlement reports on (what the Live view and P&L expect). Pure.
import { KALSHI_HOSTS, KALSHI_PORTS, type AccountConfig, type AccountTls } from '../../../shared/accounts/account-config.ts';
import type { AccountDraft } from '../../../shared/ipc/contract.ts';

export class DraftError extends Error {
  override readonly name = 'DraftError';
}

/** `id` is the account's id (new accounts: chosen by the caller); `caPem` the CA to trust, if any. */
export function configFromDraft(draft: AccountDraft, id: string, caPem: string | undefined): AccountConfig {
  const listener = listenerOf(draft);
  const tls: AccountTls | undefined = caPem === undefined ? undefined : { caPem };
  return {
    id,
    label: draft.label.trim(),
    apiKeyId: draft.apiKeyId.trim().toLowerCase(),
    environment: draft.environment,
    listener,
    ...(draft.dropCopy ? { dropCopy: { host: listener.host, port: dropCopyPort(draft) } } : {}),
    ...(tls === undefined ? {} : { tls }),
    session: { useDollars: true, ...(draft.target === 'KalshiRT' ? { receiveSettlementReports: true } : {}) },
  };
}

function listenerOf(draft: AccountDraft): AccountConfig['listener'] {
  if (draft.environment !== 'custom') return { host: KALSHI_HOSTS[draft.environment], port: KALSHI_PORTS[draft.target], target: draft.target };
  const host = draft.host?.trim() ?? '';
  if (host === '') throw new DraftError('A custom environment needs the listener\'s host name.');
  if (draft.port === null) throw new DraftError('A custom environment needs the listener\'s port.');
  return { host, port: draft.port, target: draft.target };
}

function dropCopyPort(draft: AccountDraft): number {
  if (draft.environment !== 'custom') return KALSHI_PORTS.KalshiDC;
  if (draft.dropCopyPort === null) throw new DraftError('A custom environment with drop copy needs the drop copy\'s port.');
  return draft.dropCopyPort;
}
