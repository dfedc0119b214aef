// alert-store.ts — the journal's alert store: records the rules engine's alerts (once per id: a later
// raise of the same id stores nothing, or only the executions and orders it cites that the alert did
// not have yet), records reviews (moves checked against shared/surveillance/alert-transitions.ts,
// reviewer, comment and time required) and exports, and reads them back. Every write is one IMMEDIATE
// transaction appending to the audit chain (journal/audit-log.ts), so `fillwatch verify` covers it.
// Owns its own connection to the journal file (WAL: it never blocks the message writers for long).
import type Database from 'better-sqlite3';
import { ALERT_STATES, type AlertEvidence, type AlertReview, type AlertState, type SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { AlertDetail, AlertExportRecord, AlertFilter, RecordAlertsResult, StoredAlert } from '../../../shared/surveillance/alert-records.ts';
import { reviewRefusal } from '../../../shared/surveillance/alert-transitions.ts';
import { parseRulesDocument, RulesDocumentError } from '../../../shared/surveillance/rules-document.ts';
import type { SurveillanceRun } from '../surveillance/live-surveillance.ts';
import { appendAudit, readAuditHead, readMessageHead, type AuditHead, type MessageHead } from '../journal/audit-log.ts';
import { journalCall } from '../journal/errors.ts';
import { openJournalDatabase } from '../journal/open-database.ts';
import { AlertStoreError, checkAlert, mergeEvidence, newEvidence, normalEvidence } from './alert-input.ts';
import { AlertQueries } from './alert-queries.ts';
import { readEvidenceMessages, type EvidenceMessages } from './evidence-messages.ts';

export interface AlertStoreOptions {
  readonly now?: () => number;
  readonly busyTimeoutMs?: number;
}

export interface ChainHeads {
  readonly messages: MessageHead;
  readonly audit: AuditHead;
}

export class AlertStore {
  readonly #db: Database.Database;
  readonly #queries: AlertQueries;
  readonly #now: () => number;

  constructor(db: Database.Database, options: AlertStoreOptions = {}) {
    this.#db = db;
    this.#queries = new AlertQueries(db);
    this.#now = options.now ?? Date.now;
  }

  /** Opens (creating and migrating if needed) the journal at `path` for alerts. Throws JournalError. */
  static open(path: string, options: AlertStoreOptions = {}): AlertStore {
    const db = openJournalDatabase(path, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
    try {
      return new AlertStore(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Stores the alerts not yet in the journal. Throws AlertStoreError (nothing stored) if one is malformed. */
  record(alerts: readonly SurveillanceAlert[]): RecordAlertsResult {
    for (const alert of alerts) checkAlert(alert);
    const recorded: string[] = [];
    const evidenceAdded: string[] = [];
    const unchanged: string[] = [];
    this.#write('recording alerts', () => {
      const at = this.#now();
      for (const alert of alerts) {
        const stored = this.#db.prepare('SELECT evidence FROM alerts WHERE id = ?').get(alert.id) as { evidence: string } | undefined;
        if (stored === undefined) {
          this.#insertAlert(alert, at);
          recorded.push(alert.id);
          continue;
        }
        const parts = this.#queries.evidenceParts(alert.id, stored.evidence);
        const fresh = newEvidence(mergeEvidence(parts), parts.map((p) => p.note), alert.evidence);
        if (fresh === undefined) {
          unchanged.push(alert.id);
          continue;
        }
        appendAudit(this.#db, 'evidence', alert.id, at, (auditId) => {
          this.#db.prepare('INSERT INTO alert_evidence (alert_id, raised_at, evidence, recorded_at, audit_id) VALUES (?, ?, ?, ?, ?)')
            .run(alert.id, alert.raisedAt, JSON.stringify(fresh), at, auditId);
        });
        evidenceAdded.push(alert.id);
      }
    });
    return { recorded, evidenceAdded, unchanged };
  }

  /** Records one review. Throws AlertStoreError for an unknown alert or a refused move (nothing stored). */
  review(alertId: string, to: AlertState, reviewer: string, comment: string, at: number): AlertReview {
    if (!ALERT_STATES.includes(to)) throw new AlertStoreError('refused-review', `"${String(to)}" is not a state; an alert is ${ALERT_STATES.join(', ')}.`);
    if (typeof reviewer !== 'string' || typeof comment !== 'string') throw new AlertStoreError('refused-review', 'A review needs the reviewer\'s name and a comment.');
    return this.#write('recording a review', () => {
      const current = this.#queries.current(alertId);
      if (current === undefined) throw new AlertStoreError('unknown-alert', `No alert with id "${alertId}" is in the journal.`, alertId);
      const review: AlertReview = { alertId, from: current.state, to, reviewer: reviewer.trim(), comment: comment.trim(), at };
      const refusal = reviewRefusal({ ...review, previousAt: current.lastReviewAt });
      if (refusal !== undefined) throw new AlertStoreError('refused-review', `Review of "${alertId}" refused: ${refusal}`);
      appendAudit(this.#db, 'review', alertId, this.#now(), (auditId) => {
        this.#db.prepare('INSERT INTO alert_reviews (alert_id, from_state, to_state, reviewer, comment, at, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(alertId, review.from, review.to, review.reviewer, review.comment, review.at, auditId);
      });
      return review;
    });
  }

  /** Records that alerts left the journal (a list, or one alert's evidence pack). Returns its audit entry id. */
  recordExport(record: AlertExportRecord): number {
    return this.#write('recording an export', () => {
      if (record.alertId !== null && this.#queries.current(record.alertId) === undefined) {
        throw new AlertStoreError('unknown-alert', `No alert with id "${record.alertId}" is in the journal.`, record.alertId);
      }
      const at = this.#now();
      const json = JSON.stringify({
        command: record.command, alertId: record.alertId, user: record.user, format: record.format, filter: record.filter, files: record.files, at: record.at,
      });
      return appendAudit(this.#db, 'export', record.alertId ?? '', at, (auditId) => {
        this.#db.prepare('INSERT INTO alert_exports (alert_id, record, recorded_at, audit_id) VALUES (?, ?, ?, ?)').run(record.alertId, json, at, auditId);
      });
    });
  }

  list(filter: AlertFilter = {}): StoredAlert[] {
    return journalCall('listing alerts', () => this.#db.transaction(() => this.#queries.list(filter))());
  }

  get(id: string): AlertDetail | undefined {
    return journalCall('reading an alert', () => this.#db.transaction(() => this.#queries.get(id))());
  }

  /** Runs `work` in one read transaction: the store's reads inside it see one snapshot of the journal. */
  consistent<T>(work: () => T): T {
    return journalCall('reading the journal', () => this.#db.transaction(work)());
  }

  /** Both chains' newest links, read together (what an evidence pack's manifest is tied to). */
  heads(): ChainHeads {
    return journalCall('reading the chain heads', () => this.#db.transaction(() => ({ messages: readMessageHead(this.#db), audit: readAuditHead(this.#db) }))());
  }

  /** The stored messages behind an alert's evidence (evidence-messages.ts), read in one snapshot. */
  evidenceMessages(evidence: AlertEvidence): EvidenceMessages {
    return journalCall('reading evidence messages', () => this.#db.transaction(() => readEvidenceMessages(this.#db, evidence))());
  }

  /** The live engine's newest run (live-surveillance.ts), or undefined: none yet, or its document no longer reads under this build's schema. */
  lastSurveillanceRun(): SurveillanceRun | undefined {
    const row = journalCall('reading the surveillance runs', () => this.#db.prepare('SELECT rules, from_raw_id FROM surveillance_runs ORDER BY id DESC LIMIT 1').get()) as { rules: string; from_raw_id: number } | undefined;
    if (row === undefined) return undefined;
    try {
      return { rules: parseRulesDocument(row.rules, 'surveillance_runs'), fromRawId: row.from_raw_id };
    } catch (error) {
      if (error instanceof RulesDocumentError) return undefined;
      throw error;
    }
  }

  startSurveillanceRun(run: SurveillanceRun): void {
    this.#write('recording a surveillance run', () => {
      this.#db.prepare('INSERT INTO surveillance_runs (rules_version, rules, from_raw_id, started_at) VALUES (?, ?, ?, ?)')
        .run(run.rules.version, JSON.stringify(run.rules), run.fromRawId, this.#now());
    });
  }

  close(): void {
    this.#db.close();
  }

  #insertAlert(alert: SurveillanceAlert, at: number): void {
    appendAudit(this.#db, 'alert', alert.id, at, (auditId) => {
      this.#db.prepare(`INSERT INTO alerts (id, rule_id, rules_version, severity, account_ids, market, raised_at, episode_key, title, text,
        evidence, suppressed_by, recorded_at, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        alert.id, alert.ruleId, alert.rulesVersion, alert.severity, JSON.stringify(alert.accountIds), alert.market, alert.raisedAt,
        alert.episodeKey, alert.title, alert.text, JSON.stringify(normalEvidence(alert.evidence)), alert.suppressedBy, at, auditId,
      );
    });
  }

  /** One IMMEDIATE transaction (the write lock first: no deadlock upgrading a read); SQLite failures become JournalErrors. */
  #write<T>(action: string, work: () => T): T {
    return journalCall(action, () => this.#db.transaction(work).immediate());
  }
}
