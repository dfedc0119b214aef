// audit-log.ts — appends one entry to the audit chain: the recorded row (alert, evidence, review,
// export) and its audit_log link, in the caller's transaction, so either both are stored or neither.
// Reads the message chain's head in that same transaction (the anchor). Never updates a recorded row.
import type Database from 'better-sqlite3';
import { auditLinkHash, contentHash, recordedRowSql, type AuditKind } from './audit-chain.ts';

export interface AuditHead {
  readonly lastId: number;
  readonly lastHash: Buffer;
}

export interface MessageHead {
  readonly lastRawId: number;
  readonly lastHash: Buffer;
}

export function readAuditHead(db: Database.Database): AuditHead {
  const row = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE id = 1').get() as { last_id: number; last_hash: Buffer };
  return { lastId: row.last_id, lastHash: row.last_hash };
}

export function readMessageHead(db: Database.Database): MessageHead {
  const row = db.prepare('SELECT last_raw_id, last_hash FROM chain_head WHERE id = 1').get() as { last_raw_id: number; last_hash: Buffer };
  return { lastRawId: row.last_raw_id, lastHash: row.last_hash };
}

/**
 * Must run inside a transaction. `insert(auditId)` writes the recorded row carrying that audit_id;
 * its content is then read back and hashed, so what is hashed is exactly what is stored.
 */
export function appendAudit(db: Database.Database, kind: AuditKind, subject: string, recordedAt: number, insert: (auditId: number) => void): number {
  if (!db.inTransaction) throw new Error('appendAudit must run inside a transaction.');
  const head = readAuditHead(db);
  const id = head.lastId + 1;
  insert(id);
  const row = db.prepare(recordedRowSql(kind)).get(id) as Record<string, unknown> | undefined;
  if (row === undefined) throw new Error(`appendAudit: no ${kind} row carries audit_id ${id}.`);
  const content = contentHash(kind, row);
  const anchor = readMessageHead(db);
  const link = auditLinkHash(head.lastHash, {
    id, kind, subject, recordedAt, msgHeadId: anchor.lastRawId, msgHeadHash: anchor.lastHash, contentHash: content,
  });
  db.prepare('INSERT INTO audit_log (id, kind, subject, recorded_at, msg_head_id, msg_head_hash, content_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, kind, subject, recordedAt, anchor.lastRawId, anchor.lastHash, content, link);
  db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1').run(id, link);
  return id;
}
