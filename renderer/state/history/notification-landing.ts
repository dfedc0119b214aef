// notification-landing.ts — where a clicked notification's execution is shown: in Live while Live still
// shows it (its newest rows), otherwise in History, which finds it in the journal by its journal
// position (or its ExecID) and opens the page around it, highlighted.
import type { NotificationTargetWire } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { rowsShown, useLiveStore } from '../live-store.ts';
import { historyController } from './history-controller.ts';

export function shownInLive(target: NotificationTargetWire): boolean {
  const rows = rowsShown(useLiveStore.getState());
  if (target.position !== null) return rows.byPosition.has(target.position);
  return target.execId !== null && [...rows.byPosition.values()].some((r) => r.execution.record.execId === target.execId);
}

export async function landInHistory(api: FillwatchApi, target: NotificationTargetWire): Promise<boolean> {
  let rowId = target.position;
  if (rowId === null && target.execId !== null) {
    const found = await api.history.byExecId(target.execId);
    // Both sides of a trade between two watched accounts carry the ExecID: take the notified account's.
    const apiKeyId = useLiveStore.getState().accounts.get(target.accountId)?.account.apiKeyId;
    const rows = found.ok ? found.value : [];
    rowId = (rows.find((r) => r.account === apiKeyId) ?? rows[0])?.rowId ?? null;
  }
  return rowId === null ? false : historyController(api).locate(rowId);
}
