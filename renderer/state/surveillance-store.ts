// surveillance-store.ts — Settings → Surveillance as main keeps it: the reviewer's name (main stamps it
// on every review, so the Alerts view shows who will sign) and the rules document the recorder runs.
// Every change is main's answer, never a local guess.
import { create } from 'zustand';
import type { SurveillanceSettingsWire } from '../../shared/ipc/alerts-contract.ts';
import type { IpcError } from '../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';

export interface SurveillanceState {
  readonly settings: SurveillanceSettingsWire | null;
  readonly loadError: IpcError | null;
  load(api: FillwatchApi): Promise<void>;
  /** Saves the name; resolves with main's refusal or null. */
  setReviewer(api: FillwatchApi, name: string): Promise<IpcError | null>;
  /** Saves the document (JSON text); resolves with what to show: main's refusal, the field it names, or null when saved. */
  setRules(api: FillwatchApi, text: string): Promise<{ readonly field: string | null; readonly message: string } | null>;
}

export const useSurveillanceStore = create<SurveillanceState>()((set) => ({
  settings: null,
  loadError: null,
  load: async (api) => {
    const answer = await api.surveillance.get();
    set(answer.ok ? { settings: answer.value, loadError: null } : { loadError: answer.error });
  },
  setReviewer: async (api, name) => {
    const answer = await api.surveillance.setReviewer(name);
    if (!answer.ok) return answer.error;
    set({ settings: answer.value });
    return null;
  },
  setRules: async (api, text) => {
    const answer = await api.surveillance.setRules(text);
    if (!answer.ok) return { field: null, message: answer.error.message };
    if (!answer.value.saved) return { field: answer.value.field, message: answer.value.message };
    set({ settings: answer.value.settings });
    return null;
  },
}));
