// settings-store.ts — Settings' accounts and keys as main reports them (public facts only), and the
// outcome of the last thing the user asked for. Every change is main's answer, never a local guess:
// the store only shows what main has saved.
import { create } from 'zustand';
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import type { IpcError, IpcResult, SettingsView } from '../../shared/ipc/contract.ts';

export interface SettingsState {
  readonly view: SettingsView | null;
  /** Why the settings could not be read (shown with what to do). */
  readonly loadError: IpcError | null;
  load(api: FillwatchApi): Promise<void>;
  /** Applies a changed view main answered with; returns the error to show when main refused. */
  applyAnswer(answer: IpcResult<SettingsView>): IpcError | null;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  view: null,
  loadError: null,
  load: async (api) => {
    const answer = await api.settings.get();
    set(answer.ok ? { view: answer.value, loadError: null } : { loadError: answer.error });
  },
  applyAnswer: (answer) => {
    if (!answer.ok) return answer.error;
    set({ view: answer.value, loadError: null });
    return null;
  },
}));
