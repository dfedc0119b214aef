// surveillance-handlers.ts — the Alerts view's requests and Settings → Surveillance, as main answers
// them: alerts read from the journal through the RecorderApi (the worker runs the SQL), each alert's
// evidence executions located in the journal (History rows, so the view can open them), reviews signed
// with the reviewer's name main keeps (surveillance-settings.ts) and pushed to every window, and the
// rules document validated, saved and applied. Answered by the app runtime, so they follow whichever
// journal records now (demo or the user's accounts).
import { MAX_EVIDENCE_ROWS, type SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { RequestName } from '../../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import type { RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import { IpcRequestError, type RequestHandlers } from '../ipc/ipc-door.ts';
import { toAlertWire, toDetailWire, toEvidenceExecution } from './alert-wire.ts';
import type { SurveillanceSettings } from './surveillance-settings.ts';

export const SURVEILLANCE_REQUEST_NAMES = [
  'alerts.list', 'alerts.get', 'alerts.review', 'surveillance.get', 'surveillance.setReviewer', 'surveillance.setRules',
] as const satisfies readonly RequestName[];
export type SurveillanceRequestName = (typeof SURVEILLANCE_REQUEST_NAMES)[number];

type AlertCalls = Pick<RecorderApi, 'listAlerts' | 'getAlert' | 'reviewAlert' | 'history'>;

export interface SurveillanceHandlerOptions {
  /** The recorder of the journal recorded into now. */
  readonly recorder: () => AlertCalls;
  readonly settings: SurveillanceSettings;
  /** Tells every window about an alert that changed (the live batches' `surveillance`). */
  readonly changed: (alert: SurveillanceAlertWire) => void;
  /** Puts saved rules to work in the running recorder; false when they apply from the next start only. */
  readonly applyRules: (rules: RulesDocument) => Promise<boolean>;
  /** Whether the running recorder uses the saved rules. */
  readonly rulesApplied: () => boolean;
}

export function surveillanceRequestHandlers(options: SurveillanceHandlerOptions): Pick<RequestHandlers, SurveillanceRequestName> {
  const { settings } = options;
  const detail = (id: string) => readDetail(options.recorder(), id);
  return {
    'alerts.list': async ({ filter, limit = 1_000 }) => {
      const found = await options.recorder().listAlerts({ ...filter, limit: limit + 1 });
      return { alerts: found.slice(0, limit).map(toAlertWire), more: found.length > limit };
    },
    'alerts.get': ({ id }) => detail(id),
    'alerts.review': async ({ id, to, comment }) => {
      const reviewer = settings.reviewer;
      if (reviewer === null) throw new IpcRequestError('rejected', 'Reviews are signed with your name: enter it under Settings → Surveillance → Reviewer name, then review again.');
      const recorder = options.recorder();
      if ((await recorder.getAlert(id)) === undefined) throw new IpcRequestError('not-found', `There is no alert "${id}" in this journal.`);
      try {
        await recorder.reviewAlert(id, to, reviewer, comment);
      } catch (error) {
        // The store's refusal (a move the table does not allow, an empty comment) is one sentence.
        if (error instanceof Error && error.name === 'AlertStoreError') throw new IpcRequestError('rejected', error.message);
        throw error;
      }
      const after = await detail(id);
      if (after === null) throw new IpcRequestError('failed', `The review was recorded but alert "${id}" could not be read back.`);
      options.changed(after.alert);
      return after;
    },
    'surveillance.get': () => settings.view(options.rulesApplied()),
    'surveillance.setReviewer': async ({ reviewer }) => {
      await settings.setReviewer(reviewer);
      return settings.view(options.rulesApplied());
    },
    'surveillance.setRules': async ({ text }) => {
      const result = await settings.setRules(text);
      if (!result.saved) return result;
      const applied = await options.applyRules(result.rules);
      return { saved: true as const, settings: settings.view(applied) };
    },
  };
}

/** The alert with its history and its first MAX_EVIDENCE_ROWS evidence executions located in the journal. */
async function readDetail(recorder: AlertCalls, id: string) {
  const alert = await recorder.getAlert(id);
  if (alert === undefined) return null;
  const cited = alert.evidence.executions.slice(0, MAX_EVIDENCE_ROWS);
  const located = await Promise.all(cited.map(async (c) => {
    // Both sides of a trade between two watched accounts carry one ExecID: take the cited account's row.
    const rows = await recorder.history('byExecId', c.execId);
    return toEvidenceExecution(c, rows.find((r) => r.account === c.accountId) ?? rows.find((r) => r.account === null));
  }));
  return toDetailWire(alert, located, alert.evidence.executions.length - cited.length);
}
