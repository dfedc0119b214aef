// verify-audit.ts — recomputes the audit chain (alerts, added evidence, reviews, exports: migration
// 0005) and names the first entry that does not match: a recorded row changed or removed, an audit
// row changed, removed or added, the newest entries removed, a row no audit entry covers, or an entry
// whose anchor is not the message chain's link at that message. Runs in verify.ts's read transaction,
// after the message chain, whose links at the anchored ids it is handed. Never repairs.
import type Database from 'better-sqlite3';
import { assertNever } from '../../../shared/assert-never.ts';
import { AUDIT_KINDS, AUDITED, auditLinkHash, contentHash, GENESIS_HASH, recordedRowSql, type AuditKind } from './audit-chain.ts';

export type AuditBreak =
  /** The recorded alert, evidence, review or export differs from what was chained. */
  | 'record-changed'
  /** The recorded row is gone (or no longer carries its audit id). */
  | 'record-missing'
  /** The audit row itself (its fields or its link) was changed. */
  | 'entry-changed'
  /** Audit ids jump: entries between were removed. Named: the first entry after the hole. */
  | 'entry-missing'
  /** The newest entries were removed: the audit head records a later one. */
  | 'tail-missing'
  /** Audit rows follow the last one the head records: added outside Fillwatch. */
  | 'entry-added'
  /** A recorded row no audit entry covers: added outside Fillwatch. */
  | 'record-added'
  /** The message chain's link at the anchored message is not the one recorded with the entry. */
  | 'anchor-mismatch';

const NOUN: Readonly<Record<AuditKind, string>> = { alert: 'alert', evidence: 'added evidence', review: 'review', export: 'export record' };

export function describeAuditBreak(reason: AuditBreak, kind: string | null): string {
  const what = kind !== null && Object.hasOwn(NOUN, kind) ? `This ${NOUN[kind as AuditKind]}` : 'This entry';
  switch (reason) {
    case 'record-changed': return `${what} was changed after it was recorded (it no longer matches the audit chain).`;
    case 'record-missing': return `${what} was removed from the journal after it was recorded.`;
    case 'entry-changed': return 'This audit entry was changed after it was recorded (its link no longer matches the audit chain).';
    case 'entry-missing': return 'Audit entries were removed from the journal just before this one.';
    case 'tail-missing': return 'The most recent audit entries were removed from the journal, starting at this one.';
    case 'entry-added': return 'Audit entries were added to the journal outside Fillwatch, starting at this one.';
    case 'record-added': return `${what} was added to the journal outside Fillwatch (no audit entry covers it).`;
    case 'anchor-mismatch': return 'This audit entry names a message chain head the journal\'s messages no longer have: the messages before it were changed.';
    default: return assertNever(reason, 'audit break');
  }
}

export interface BrokenEntry {
  /** The audit entry's id (audit_log.id). */
  readonly id: number;
  readonly kind: string | null;
  /** The alert it concerns ('' for an export of a list), null when the entry is gone. */
  readonly subject: string | null;
  readonly recordedAt: number | null;
}

export type AuditVerifyResult =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly firstBrokenEntry: BrokenEntry; readonly reason: AuditBreak; readonly description: string };

interface AuditRow {
  id: number; kind: string; subject: string; recorded_at: number; msg_head_id: number; msg_head_hash: Buffer; content_hash: Buffer; hash: Buffer;
}

/** The message ids audit entries are anchored to (verify.ts records its links at them). */
export function anchorIds(db: Database.Database): number[] {
  return (db.prepare('SELECT DISTINCT msg_head_id AS id FROM audit_log').all() as { id: number }[]).map((r) => r.id);
}

function broken(entry: BrokenEntry, reason: AuditBreak, entries = entry.id - 1): AuditVerifyResult {
  return { ok: false, entries, firstBrokenEntry: entry, reason, description: describeAuditBreak(reason, entry.kind) };
}

/**
 * `links`: the message chain's link at each anchor id it reached (missing when the walk stopped at a
 * break before it); `messagesOk` says whether it reached the end, so a missing link is then a mismatch.
 */
export function verifyAuditChain(db: Database.Database, links: ReadonlyMap<number, Buffer | undefined>, messagesOk: boolean): AuditVerifyResult {
  const head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE id = 1').get() as { last_id: number; last_hash: Buffer } | undefined;
  const headId = head?.last_id ?? 0;
  const recorded = new Map(AUDIT_KINDS.map((k) => [k, db.prepare(recordedRowSql(k))]));
  let prev: Buffer = GENESIS_HASH;
  let lastId = 0;
  for (const value of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate()) {
    const row = value as AuditRow;
    const at: BrokenEntry = { id: row.id, kind: row.kind, subject: row.subject, recordedAt: row.recorded_at };
    if (row.id !== lastId + 1) return broken(at, 'entry-missing', lastId);
    if (row.id > headId) return broken(at, 'entry-added');
    const statement = recorded.get(row.kind as AuditKind);
    if (statement === undefined) return broken(at, 'entry-changed');
    let link: Buffer;
    try {
      link = auditLinkHash(prev, {
        id: row.id, kind: row.kind, subject: row.subject, recordedAt: row.recorded_at, msgHeadId: row.msg_head_id, msgHeadHash: row.msg_head_hash, contentHash: row.content_hash,
      });
    } catch {
      return broken(at, 'entry-changed'); // a field no longer has the shape the writer gave it
    }
    if (!link.equals(row.hash)) return broken(at, 'entry-changed');
    const content = statement.get(row.id) as Record<string, unknown> | undefined;
    if (content === undefined) return broken(at, 'record-missing');
    if (!contentHash(row.kind as AuditKind, content).equals(row.content_hash)) return broken(at, 'record-changed');
    const anchor = row.msg_head_id === 0 ? GENESIS_HASH : links.get(row.msg_head_id);
    if (anchor === undefined ? messagesOk : !anchor.equals(row.msg_head_hash)) return broken(at, 'anchor-mismatch');
    prev = link;
    lastId = row.id;
  }
  if (headId > lastId) return broken({ id: lastId + 1, kind: null, subject: null, recordedAt: null }, 'tail-missing');
  if (head !== undefined && !prev.equals(head.last_hash)) return broken({ id: lastId, kind: null, subject: null, recordedAt: null }, 'entry-changed');
  const added = recordWithoutEntry(db);
  if (added !== undefined) return broken(added, 'record-added', lastId);
  return { ok: true, entries: lastId };
}

/** A recorded row whose audit_id names no audit entry of its kind. */
function recordWithoutEntry(db: Database.Database): BrokenEntry | undefined {
  for (const kind of AUDIT_KINDS) {
    const { table } = AUDITED[kind];
    const subject = kind === 'alert' ? 'id' : 'alert_id';
    const row = db.prepare(`SELECT audit_id, ${subject} AS subject FROM ${table} t
      WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.id = t.audit_id AND l.kind = ?) ORDER BY audit_id LIMIT 1`).get(kind) as { audit_id: number; subject: string | null } | undefined;
    if (row !== undefined) return { id: row.audit_id, kind, subject: row.subject ?? '', recordedAt: null };
  }
  return undefined;
}
