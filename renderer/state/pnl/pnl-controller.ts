// pnl-controller.ts — keeps the P&L store equal to the core's book for the chosen account: reads
// positions.get on start, when the account or the time zone changes, after a resync, and when a live
// batch says that account's positions changed (coalesced by RefreshScheduler: one read in flight, at
// most four a second). An answer for an account or zone no longer chosen is dropped and read again.
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { effectiveTimeZone, usePreferences } from '../preferences-store.ts';
import { usePnlStore } from './pnl-store.ts';
import { RefreshScheduler } from './refresh-scheduler.ts';

export const zoneForDays = (): string => effectiveTimeZone(usePreferences.getState().timeZone);

/** Starts following; the result stops it (the view calls it on unmount). */
export function connectPnl(api: FillwatchApi): () => void {
  const store = usePnlStore;
  const load = async () => {
    const { accountId } = store.getState();
    if (accountId === null) return;
    const timeZone = zoneForDays();
    if (store.getState().view?.accountId !== accountId) store.getState().set({ load: 'loading', error: null });
    const answer = await api.positions.get(accountId, timeZone);
    if (store.getState().accountId !== accountId || zoneForDays() !== timeZone) {
      scheduler.request(); // chosen something else meanwhile
      return;
    }
    if (answer.ok) store.getState().set({ view: answer.value, load: 'ready', error: null, readAt: Date.now() });
    else store.getState().set({ load: 'failed', error: answer.error });
  };
  const scheduler = new RefreshScheduler(load);
  const stops = [
    api.on.liveBatch((batch) => {
      const accountId = store.getState().accountId;
      if (accountId !== null && batch.positionsChanged.includes(accountId)) scheduler.request();
    }),
    api.on.resync(() => scheduler.request()),
    store.subscribe((state, before) => {
      if (state.accountId === before.accountId) return;
      state.set({ view: null, error: null, load: state.accountId === null ? 'idle' : 'loading' });
      scheduler.request();
    }),
    usePreferences.subscribe((state, before) => { if (state.timeZone !== before.timeZone) scheduler.request(); }),
  ];
  scheduler.request();
  return () => {
    scheduler.dispose();
    for (const stop of stops) stop();
  };
}
