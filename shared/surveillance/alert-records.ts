// alert-records.ts — alerts as the journal keeps them: the alert as first raised, its current state
// (from its reviews), evidence the rules added later, and its append-only history (raised, evidence
// added, reviews, evidence packs exported). Plain data for the service's API, the CLI and the Alerts view.
import type { AlertEvidence, AlertReview, AlertState, RuleId, Severity, SurveillanceAlert } from './alert.ts';

/** An alert in the journal. `evidence` is everything cited so far: the first raise's plus any added since. */
export interface StoredAlert extends SurveillanceAlert {
  /** 'open' until the first review; then the last review's `to`. */
  readonly state: AlertState;
  /** When the journal stored it (epoch ms). */
  readonly recordedAt: number;
  readonly reviewCount: number;
  readonly lastReviewAt: number | null;
}

/** A file an export wrote, as its manifest names it. */
export interface ExportedFile {
  readonly name: string;
  readonly bytes: number;
  /** SHA-256 of the file's bytes, lowercase hex. */
  readonly sha256: string;
}

/** What an export recorded about itself (the audit row's content). */
export interface AlertExportRecord {
  readonly command: 'alerts' | 'evidence';
  /** The alert of an evidence pack; null for a list export. */
  readonly alertId: string | null;
  /** The OS user who ran it. */
  readonly user: string;
  /** csv | json for a list; 'pack' for an evidence pack. */
  readonly format: string;
  /** The list's filter as given on the command line (flag → value). */
  readonly filter: Readonly<Record<string, string>>;
  readonly files: readonly ExportedFile[];
  readonly at: number;
}

/** One line of an alert's history, oldest first; `auditId` is its row in the journal's audit chain. */
export type AlertHistoryEntry =
  | { readonly kind: 'raised'; readonly auditId: number; readonly at: number }
  | { readonly kind: 'evidence-added'; readonly auditId: number; readonly at: number; readonly raisedAt: number; readonly evidence: AlertEvidence }
  | ({ readonly kind: 'review'; readonly auditId: number } & AlertReview)
  | ({ readonly kind: 'exported'; readonly auditId: number } & AlertExportRecord);

export interface AlertDetail extends StoredAlert {
  readonly history: readonly AlertHistoryEntry[];
}

/** Which alerts list() returns; every field narrows. Times are raisedAt, `from` inclusive, `to` exclusive. */
export interface AlertFilter {
  readonly state?: AlertState;
  readonly ruleId?: RuleId;
  /** One of the alert's accounts (API key id, as the journal names accounts). */
  readonly accountId?: string;
  readonly market?: string;
  readonly severity?: Severity;
  readonly from?: number;
  readonly to?: number;
  /** true: only suppressed ones; false: none of them; absent: both. */
  readonly suppressed?: boolean;
  /** At most this many (default 1,000, at most 10,000). */
  readonly limit?: number;
}

/** What record() did with each alert it was given, by id. */
export interface RecordAlertsResult {
  /** New to the journal. */
  readonly recorded: readonly string[];
  /** Already there; the rules cited executions or orders the journal did not have yet, now added. */
  readonly evidenceAdded: readonly string[];
  /** Already there with nothing new: stored nothing. */
  readonly unchanged: readonly string[];
}
