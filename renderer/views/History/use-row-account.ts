// use-row-account.ts — the configured account a History row belongs to, found by its API key id (the
// journal knows the SenderCompID only): its label and its price unit (dollars or cents, as its session
// asks Kalshi for prices). The grid's cells and the details drawer format prices with the same unit.
import type { AccountView } from '../../../shared/ipc/contract.ts';
import type { PriceUnit } from '../../format/execution-format.ts';
import { useLiveStore } from '../../state/live-store.ts';

export interface RowAccount {
  readonly label: string;
  readonly priceUnit: PriceUnit;
}

/** The accounts by API key id, made once per accounts map (every drawn row's selector runs on every store change). */
const byKeyId = new WeakMap<ReadonlyMap<string, AccountView>, ReadonlyMap<string, AccountView['account']>>();
function accountsByKeyId(accounts: ReadonlyMap<string, AccountView>): ReadonlyMap<string, AccountView['account']> {
  let map = byKeyId.get(accounts);
  if (map === undefined) {
    const first = new Map<string, AccountView['account']>();
    for (const { account } of accounts.values()) if (!first.has(account.apiKeyId)) first.set(account.apiKeyId, account);
    map = first;
    byKeyId.set(accounts, map);
  }
  return map;
}

export function useRowAccount(apiKeyId: string | null): RowAccount {
  // Selects the account object itself (a stable reference), so a live batch re-renders nothing here.
  const account = useLiveStore((s) => (apiKeyId === null ? undefined : accountsByKeyId(s.accounts).get(apiKeyId)));
  return { label: account?.label ?? apiKeyId ?? '', priceUnit: account?.priceUnit ?? 'dollars' };
}
