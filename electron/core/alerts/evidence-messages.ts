// evidence-messages.ts — the stored FIX messages behind an alert's evidence: each cited execution (by
// its account's API key id and ExecID, the journal's identity of an execution) and every execution of
// each cited order, with why each is included, in journal order. Cited executions the journal does not
// hold are listed, not guessed at. Never writes.
import { Buffer } from 'node:buffer';
import type Database from 'better-sqlite3';
import type { AlertEvidence } from '../../../shared/surveillance/alert.ts';
import { MessageReader } from '../journal/message-reader.ts';

export interface EvidenceMessage {
  /** Journal message id (History's row id). */
  readonly rawId: number;
  /** The API key id (SenderCompID) of the account that stored it, or null when unknown. */
  readonly account: string | null;
  readonly execId: string;
  readonly orderId: string;
  readonly receivedAt: number;
  readonly msgSeqNum: number | null;
  /** The bytes exactly as stored. */
  readonly raw: Buffer;
  /** 'cited execution', 'order <OrderID>' (one or both). */
  readonly reasons: readonly string[];
}

export interface EvidenceMessages {
  readonly messages: readonly EvidenceMessage[];
  /** Cited executions with no stored message. */
  readonly missing: readonly { readonly accountId: string; readonly execId: string }[];
  /** Messages the executions table names whose stored bytes cannot be read (verify says why). */
  readonly unreadable: readonly number[];
}

interface Row { raw_id: number; exec_id: string; order_id: string; account: string | null }

const ROW = 'SELECT e.raw_id, e.exec_id, e.order_id, a.api_key_id AS account FROM executions e LEFT JOIN accounts a ON a.id = e.account_id';

export function readEvidenceMessages(db: Database.Database, evidence: AlertEvidence): EvidenceMessages {
  const found = new Map<number, { row: Row; reasons: string[] }>();
  const note = (row: Row, reason: string) => {
    const entry = found.get(row.raw_id) ?? { row, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    found.set(row.raw_id, entry);
  };
  const missing: { accountId: string; execId: string }[] = [];
  // (account_id, exec_key) is the executions table's unique key: one index lookup per cited execution.
  const cited = db.prepare(`${ROW} WHERE e.account_id = (SELECT id FROM accounts WHERE api_key_id = ?) AND e.exec_key = ?`);
  for (const e of evidence.executions) {
    const row = cited.get(e.accountId, e.execId) as Row | undefined;
    if (row === undefined) missing.push({ accountId: e.accountId, execId: e.execId });
    else note(row, 'cited execution');
  }
  if (evidence.orderIds.length > 0) {
    // OrderIDs have no index (see migration 0002): one scan for all of them.
    const orders = db.prepare(`${ROW} WHERE e.order_id IN (SELECT value FROM json_each(?)) ORDER BY e.raw_id`).all(JSON.stringify(evidence.orderIds)) as Row[];
    for (const row of orders) note(row, `order ${row.order_id}`);
  }
  const reader = new MessageReader(db);
  const messages: EvidenceMessage[] = [];
  const unreadable: number[] = [];
  for (const id of [...found.keys()].sort((a, b) => a - b)) {
    const { row, reasons } = found.get(id)!;
    const stored = reader.message(id);
    if (stored === undefined) {
      unreadable.push(id);
      continue;
    }
    messages.push({
      rawId: id, account: row.account, execId: row.exec_id, orderId: row.order_id, receivedAt: stored.receivedAt, msgSeqNum: stored.msgSeqNum,
      raw: Buffer.from(stored.raw), reasons,
    });
  }
  return { messages, missing, unreadable };
}
