// alert-queries.ts — reads alerts back from the journal: a filtered list (open first, then escalated,
// acknowledged, closed; suppressed ones after all others; newest first within each) and one alert with
// its whole history in chain order. An alert's state is derived from its newest review, never stored.
// Never writes.
import type Database from 'better-sqlite3';
import type { AlertEvidence, AlertState, RuleId, Severity } from '../../../shared/surveillance/alert.ts';
import type { AlertDetail, AlertExportRecord, AlertFilter, AlertHistoryEntry, StoredAlert } from '../../../shared/surveillance/alert-records.ts';
import { mergeEvidence } from './alert-input.ts';

export const DEFAULT_LIST_LIMIT = 1000;
export const MAX_LIST_LIMIT = 10_000;

interface AlertRow {
  id: string; rule_id: string; rules_version: number; severity: string; account_ids: string; market: string | null; raised_at: number;
  episode_key: string; title: string; text: string; evidence: string; suppressed_by: string | null; recorded_at: number; audit_id: number;
  state: string; review_count: number; last_review_at: number | null;
}

const ALERTS_WITH_STATE = `
  SELECT a.*,
    coalesce((SELECT r.to_state FROM alert_reviews r WHERE r.alert_id = a.id ORDER BY r.id DESC LIMIT 1), 'open') AS state,
    (SELECT count(*) FROM alert_reviews r WHERE r.alert_id = a.id) AS review_count,
    (SELECT max(r.at) FROM alert_reviews r WHERE r.alert_id = a.id) AS last_review_at
  FROM alerts a`;

const ORDER = `ORDER BY (suppressed_by IS NOT NULL),
  CASE state WHEN 'open' THEN 0 WHEN 'escalated' THEN 1 WHEN 'acknowledged' THEN 2 ELSE 3 END, raised_at DESC, id`;

export class AlertQueries {
  readonly #db: Database.Database;
  readonly #added: Database.Statement<[string], { evidence: string }>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#added = db.prepare('SELECT evidence FROM alert_evidence WHERE alert_id = ? ORDER BY id');
  }

  list(filter: AlertFilter = {}): StoredAlert[] {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, value: unknown) => { where.push(sql); args.push(value); };
    if (filter.state !== undefined) add('state = ?', filter.state);
    if (filter.ruleId !== undefined) add('rule_id = ?', filter.ruleId);
    if (filter.accountId !== undefined) add('EXISTS (SELECT 1 FROM json_each(account_ids) j WHERE j.value = ?)', filter.accountId);
    if (filter.market !== undefined) add('market = ?', filter.market);
    if (filter.severity !== undefined) add('severity = ?', filter.severity);
    if (filter.from !== undefined) add('raised_at >= ?', filter.from);
    if (filter.to !== undefined) add('raised_at < ?', filter.to);
    if (filter.suppressed !== undefined) where.push(filter.suppressed ? 'suppressed_by IS NOT NULL' : 'suppressed_by IS NULL');
    const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT);
    const sql = `SELECT * FROM (${ALERTS_WITH_STATE}) ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ${ORDER} LIMIT ${limit}`;
    return (this.#db.prepare(sql).all(...args) as AlertRow[]).map((row) => this.#toStored(row));
  }

  /** Whether the alert is in the journal, and its newest review (for the next review's checks). */
  current(id: string): { state: AlertState; lastReviewAt: number | null } | undefined {
    const row = this.#db.prepare(`SELECT state, last_review_at FROM (${ALERTS_WITH_STATE} WHERE a.id = ?)`).get(id) as { state: AlertState; last_review_at: number | null } | undefined;
    return row === undefined ? undefined : { state: row.state, lastReviewAt: row.last_review_at };
  }

  /** Every part of the alert's evidence: the first raise's, then each addition. */
  evidenceParts(id: string, first: string): AlertEvidence[] {
    return [JSON.parse(first) as AlertEvidence, ...this.#added.all(id).map((r) => JSON.parse(r.evidence) as AlertEvidence)];
  }

  get(id: string): AlertDetail | undefined {
    const row = this.#db.prepare(`${ALERTS_WITH_STATE} WHERE a.id = ?`).get(id) as AlertRow | undefined;
    if (row === undefined) return undefined;
    const history: AlertHistoryEntry[] = [{ kind: 'raised', auditId: row.audit_id, at: row.recorded_at }];
    for (const e of this.#db.prepare('SELECT * FROM alert_evidence WHERE alert_id = ?').all(id) as { audit_id: number; recorded_at: number; raised_at: number; evidence: string }[]) {
      history.push({ kind: 'evidence-added', auditId: e.audit_id, at: e.recorded_at, raisedAt: e.raised_at, evidence: JSON.parse(e.evidence) as AlertEvidence });
    }
    for (const r of this.#db.prepare('SELECT * FROM alert_reviews WHERE alert_id = ?').all(id) as ReviewRow[]) {
      history.push({ kind: 'review', auditId: r.audit_id, alertId: r.alert_id, from: r.from_state, to: r.to_state, reviewer: r.reviewer, comment: r.comment, at: r.at });
    }
    for (const x of this.#db.prepare('SELECT * FROM alert_exports WHERE alert_id = ?').all(id) as { audit_id: number; record: string }[]) {
      history.push({ kind: 'exported', auditId: x.audit_id, ...(JSON.parse(x.record) as AlertExportRecord) });
    }
    history.sort((a, b) => a.auditId - b.auditId);
    return { ...this.#toStored(row), history };
  }

  #toStored(row: AlertRow): StoredAlert {
    return {
      id: row.id, ruleId: row.rule_id as RuleId, rulesVersion: row.rules_version, severity: row.severity as Severity,
      accountIds: JSON.parse(row.account_ids) as string[], market: row.market, raisedAt: row.raised_at, episodeKey: row.episode_key,
      title: row.title, text: row.text, evidence: mergeEvidence(this.evidenceParts(row.id, row.evidence)), suppressedBy: row.suppressed_by,
      state: row.state as AlertState, recordedAt: row.recorded_at, reviewCount: row.review_count, lastReviewAt: row.last_review_at,
    };
  }
}

interface ReviewRow {
  audit_id: number; alert_id: string; from_state: AlertState; to_state: AlertState; reviewer: string; comment: string; at: number;
}
