// audit-chain.ts — the links of the audit chain (migration 0005): what an audit row hashes, and which
// columns of which table each kind of audit row covers. Pure; the writer (audit-log.ts) and the
// verifier (verify-audit.ts) both call these, so they cannot disagree.
//
// content hash = sha256(JSON.stringify([kind, ...the recorded row's columns in AUDITED order])): every
// column but audit_id, read back from the table, so a changed value (a review's comment, an alert's
// severity) no longer matches.
// link = sha256(prev(32) ‖ id(u64) ‖ recorded_at(u64) ‖ msg_head_id(u64) ‖ msg_head_hash(32) ‖
//   content_hash(32) ‖ kind and subject as length-prefixed UTF-8). The message head anchors each
// entry to the message chain as it stood, so a pack's manifest ties to both. As with messages: without
// a secret key this is evidence of an edit, not proof against someone who rewrites every link.
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';
import { GENESIS_HASH, HASH_BYTES } from './hash-chain.ts';

export type AuditKind = 'alert' | 'evidence' | 'review' | 'export';

/** The table each kind records into, and the columns its content hash covers (fixed order). */
export const AUDITED: Readonly<Record<AuditKind, { readonly table: string; readonly columns: readonly string[] }>> = {
  alert: {
    table: 'alerts',
    columns: ['id', 'rule_id', 'rules_version', 'severity', 'account_ids', 'market', 'raised_at', 'episode_key', 'title', 'text', 'evidence', 'suppressed_by', 'recorded_at'],
  },
  evidence: { table: 'alert_evidence', columns: ['id', 'alert_id', 'raised_at', 'evidence', 'recorded_at'] },
  review: { table: 'alert_reviews', columns: ['id', 'alert_id', 'from_state', 'to_state', 'reviewer', 'comment', 'at'] },
  export: { table: 'alert_exports', columns: ['id', 'alert_id', 'record', 'recorded_at'] },
};

export const AUDIT_KINDS = Object.keys(AUDITED) as AuditKind[];

export { GENESIS_HASH };

/** SELECT of the covered columns of the row recorded by audit row `?` (values in AUDITED order). */
export function recordedRowSql(kind: AuditKind): string {
  const { table, columns } = AUDITED[kind];
  return `SELECT ${columns.join(', ')} FROM ${table} WHERE audit_id = ?`;
}

export function contentHash(kind: AuditKind, row: Readonly<Record<string, unknown>>): Buffer {
  const values = AUDITED[kind].columns.map((c) => {
    const value = row[c];
    // Blobs never occur in these tables; a stray one must still hash deterministically.
    return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value ?? null;
  });
  return hash('sha256', JSON.stringify([kind, ...values]), 'buffer');
}

export interface AuditLink {
  readonly id: number;
  readonly kind: string;
  readonly subject: string;
  readonly recordedAt: number;
  readonly msgHeadId: number;
  readonly msgHeadHash: Uint8Array;
  readonly contentHash: Uint8Array;
}

function u64(value: number, field: string): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field} ${value} is not a non-negative safe integer.`);
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(BigInt(value));
  return buf;
}

function text(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export function auditLinkHash(prev: Uint8Array, link: AuditLink): Buffer {
  if (prev.length !== HASH_BYTES || link.msgHeadHash.length !== HASH_BYTES || link.contentHash.length !== HASH_BYTES) {
    throw new RangeError(`Audit chain hashes must be ${HASH_BYTES} bytes.`);
  }
  return hash('sha256', Buffer.concat([
    prev, u64(link.id, 'id'), u64(link.recordedAt, 'recorded_at'), u64(link.msgHeadId, 'msg_head_id'), link.msgHeadHash,
    link.contentHash, text(link.kind), text(link.subject),
  ]), 'buffer');
}
