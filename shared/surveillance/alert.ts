// alert.ts — a surveillance alert as the rules raise it, the journal stores it and the app shows it:
// which rule (and which version of the rules document) raised it, for which account(s) and market,
// why (one sentence), and the evidence — the ExecIDs and orders that triggered it. Plain data shared by
// the engine (electron/core/surveillance), the journal's alert store, the CLI exports and the renderer.

export const RULE_IDS = [
  'position-limit', 'large-fill', 'restricted-list', 'cross-account', 'order-to-trade', 'off-hours', 'feed-integrity', 'daily-caps',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AlertEvidence {
  /** The executions that triggered it, by their journal identity: account id and ExecID (dedupe key). */
  readonly executions: readonly { readonly accountId: string; readonly execId: string }[];
  readonly orderIds: readonly string[];
  /** Feed-integrity alerts cite a span of the session instead (sequence numbers, times). */
  readonly note?: string;
}

export interface SurveillanceAlert {
  /**
   * Deterministic: `${ruleId}:${episodeKey}`. One alert per rule per episode (a breach that lasts many
   * fills is one alert; it ends when the condition clears), so live and replay give the same ids.
   */
  readonly id: string;
  readonly ruleId: RuleId;
  /** The `version` of the rules document that raised it. */
  readonly rulesVersion: number;
  readonly severity: Severity;
  readonly accountIds: readonly string[];
  readonly market: string | null;
  /** When the triggering event happened (TransactTime, epoch ms), not when it was processed. */
  readonly raisedAt: number;
  readonly episodeKey: string;
  /** Short: 'Position limit 80% reached'. */
  readonly title: string;
  /** One sentence with the figures: 'Desk A holds 850 Yes in KXFED-26DEC-H0, 85% of its 1,000 limit.' */
  readonly text: string;
  readonly evidence: AlertEvidence;
  /** The allow-list entry that marks it suppressed (kept and exported, not shown as open), or null. */
  readonly suppressedBy: string | null;
}

/** open → acknowledged / escalated / closed; every move needs a comment, a reviewer and a time. */
export const ALERT_STATES = ['open', 'acknowledged', 'escalated', 'closed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export interface AlertReview {
  readonly alertId: string;
  readonly from: AlertState;
  readonly to: AlertState;
  readonly reviewer: string;
  readonly comment: string;
  /** Epoch ms. */
  readonly at: number;
}
