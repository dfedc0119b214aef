// use-row-account.ts — the configured account a History row belongs to, found by its API key id (the
// journal knows the SenderCompID only): its label and its price unit (dollars or cents, as its session
// asks Kalshi for prices). The grid's cells and the details drawer format prices with the same unit.
import type { PriceUnit } from '../../format/execution-format.ts';
import { useLiveStore } from '../../state/live-store.ts';

export interface RowAccount {
  readonly label: string;
  readonly priceUnit: PriceUnit;
}

export function useRowAccount(apiKeyId: string | null): RowAccount {
  // Selects the account object itself (a stable reference), so a live batch re-renders nothing here.
  const account = useLiveStore((s) => (apiKeyId === null ? undefined : [...s.accounts.values()].find((a) => a.account.apiKeyId === apiKeyId)?.account));
  return { label: account?.label ?? apiKeyId ?? '', priceUnit: account?.priceUnit ?? 'dollars' };
}
