// replay.ts — the rules over a whole journal, as `fillwatch surveil` and the live engine's warm-up run
// them: every account's facts in message order (journal-inputs.ts) through one engine. Gives the
// alerts live gave, because live fed the same engine the same inputs commit by commit.
import type { SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import type { JournalReader } from '../journal/index.ts';
import { SurveillanceEngine } from './engine.ts';
import { journalInputs } from './journal-inputs.ts';

export interface ReplayWindow {
  /** Keep alerts raised at or after this (epoch ms); everything before still builds the state. */
  readonly from?: number;
  /** Keep alerts raised before this (epoch ms). */
  readonly to?: number;
  /** Keep only alerts raised by inputs stored after this message (raw id): what live told after that point. */
  readonly afterRawId?: number;
}

export interface ReplayResult {
  readonly engine: SurveillanceEngine;
  /** Within the window, in the order raised. */
  readonly alerts: SurveillanceAlert[];
  /** The raw id of the newest input replayed (0 for none): inputs after it are the live engine's. */
  readonly lastRawId: number;
}

/** The engine after the journal, and the alerts it raised (within `window`). */
export function replaySurveillance(reader: JournalReader, rules: RulesDocument, window: ReplayWindow = {}): ReplayResult {
  const engine = new SurveillanceEngine(rules);
  const alerts: SurveillanceAlert[] = [];
  let lastRawId = 0;
  for (const input of journalInputs(reader.surveillanceFacts())) {
    lastRawId = Math.max(lastRawId, input.rawId);
    const raised = engine.process(input);
    if (raised.length === 0 || (window.afterRawId !== undefined && input.rawId <= window.afterRawId)) continue;
    for (const alert of raised) {
      if ((window.from === undefined || alert.raisedAt >= window.from) && (window.to === undefined || alert.raisedAt < window.to)) alerts.push(alert);
    }
  }
  return { engine, alerts, lastRawId };
}
