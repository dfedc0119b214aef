// intent-landing.ts — History applies another view's intent (state/history-intent.ts): a market and
// account from P&L become its filter; an alert's evidence becomes a filter on the alert's accounts and
// market, newest first, opened at the newest evidence execution with every evidence row marked until
// the user clears it (History keeps its other rows around them: context for the reviewer).
import type { HistoryIntent } from '../history-intent.ts';
import { useLiveStore } from '../live-store.ts';
import { EMPTY_FORM, type FilterForm } from './filter-form.ts';
import type { HistoryController } from './history-controller.ts';
import { useHistoryStore } from './history-store.ts';

/** The filter an intent asks for (pure: accounts named by Fillwatch id become API key ids). */
export function formOfIntent(intent: HistoryIntent, apiKeyOf: (accountId: string) => string | undefined): FilterForm {
  const keys = intent.accountKeys ?? (intent.accountId === undefined ? [] : [apiKeyOf(intent.accountId)].filter((k): k is string => k !== undefined));
  return { ...EMPTY_FORM, market: intent.market ?? '', accounts: [...new Set(keys)] };
}

export async function applyHistoryIntent(controller: HistoryController, intent: HistoryIntent): Promise<void> {
  const accounts = useLiveStore.getState().accounts;
  const form = formOfIntent(intent, (id) => accounts.get(id)?.account.apiKeyId);
  const rowIds = intent.highlight?.rowIds ?? [];
  if (intent.highlight === undefined || rowIds.length === 0) {
    useHistoryStore.getState().set({ evidence: null });
    controller.setForm(form);
    return;
  }
  useHistoryStore.getState().set({ evidence: { rowIds: new Set(rowIds), label: intent.highlight.label } });
  controller.setLayout({ form, sort: { column: 'time', direction: 'desc' } });
  await controller.locate(Math.max(...rowIds));
}
