// surveillance-rows.ts — the journal's facts the surveillance rules read, read back in message order
// with the API key (account) that stored each one: executions with TrdMatchID/LongQty/ShortQty/Price,
// settlement reports' frames, messages kept unread, ExecID conflicts, and the listeners' sequence
// breaks (sequence-breaks.ts). Exactly what each commit reported live (CommittedBatch), so a replay
// gives the rules the same inputs. Executions stream (a million rows in constant memory); the rest are
// rare and come as arrays. Reads only.
import type Database from 'better-sqlite3';
import type { PriceUnit } from '../../../shared/money.ts';
import { EXECUTION_COLUMNS, toStoredExecution, type ExecutionRow, type StoredExecution } from './execution-rows.ts';
import type { MessageReader } from './message-reader.ts';
import { scanStoredBreaks, type SequenceBreak } from './sequence-breaks.ts';

export interface FactExecution extends StoredExecution {
  readonly apiKeyId: string;
  readonly priceUnit: PriceUnit;
  readonly trdMatchId: string | null;
  readonly longQty: string | null;
  readonly shortQty: string | null;
  readonly price: string | null;
}

export interface FactSettlement {
  readonly apiKeyId: string;
  readonly rawId: number;
  readonly receivedAt: number;
  readonly raw: Buffer;
}

export interface FactUndecodable {
  readonly apiKeyId: string;
  readonly rawId: number;
  readonly msgType: string;
  readonly msgSeqNum: number;
  readonly receivedAt: number;
  readonly reason: string;
}

export interface FactConflict {
  readonly apiKeyId: string;
  readonly rawId: number;
  readonly execId: string;
  readonly firstRawId: number;
  readonly fields: readonly string[];
  readonly receivedAt: number;
}

export interface FactBreak extends SequenceBreak {
  readonly apiKeyId: string;
  readonly rawId: number;
}

export interface JournalFacts {
  /** In message order (raw_id). */
  readonly executions: IterableIterator<FactExecution>;
  /** Each in message order. */
  readonly settlements: FactSettlement[];
  readonly undecodable: FactUndecodable[];
  readonly conflicts: FactConflict[];
  readonly breaks: FactBreak[];
}

/** The API key of the session that stored message `m` (its segment's, or its schema-1 row's). */
const KEY_OF_MESSAGE = (m: string) => `coalesce(
  (SELECT a.api_key_id FROM segments g JOIN sessions s ON s.id = g.session_id JOIN accounts a ON a.id = s.account_id WHERE g.id <= ${m} ORDER BY g.id DESC LIMIT 1),
  (SELECT a.api_key_id FROM raw_messages r JOIN sessions s ON s.id = r.session_id JOIN accounts a ON a.id = s.account_id WHERE r.id = ${m}))`;

export function readJournalFacts(db: Database.Database, messages: MessageReader): JournalFacts {
  const keyOfSession = new Map((db.prepare('SELECT s.id, a.api_key_id FROM sessions s JOIN accounts a ON a.id = s.account_id').all() as { id: number; api_key_id: string }[]).map((r) => [r.id, r.api_key_id]));
  const settlements = (db.prepare(`SELECT raw_id, received_at, ${KEY_OF_MESSAGE('st.raw_id')} AS api_key_id FROM settlements st ORDER BY raw_id`).all() as { raw_id: number; received_at: number; api_key_id: string | null }[])
    .flatMap((r) => {
      const raw = messages.message(r.raw_id)?.raw;
      return raw === undefined || r.api_key_id === null ? [] : [{ apiKeyId: r.api_key_id, rawId: r.raw_id, receivedAt: r.received_at, raw }];
    });
  const undecodable = (db.prepare(`SELECT raw_id, msg_type, message, ${KEY_OF_MESSAGE('u.raw_id')} AS api_key_id FROM undecodable u ORDER BY raw_id`).all() as { raw_id: number; msg_type: string; message: string; api_key_id: string | null }[])
    .flatMap((r) => {
      const m = messages.message(r.raw_id);
      return r.api_key_id === null ? [] : [{ apiKeyId: r.api_key_id, rawId: r.raw_id, msgType: r.msg_type, msgSeqNum: m?.msgSeqNum ?? 0, receivedAt: m?.receivedAt ?? 0, reason: r.message }];
    });
  const conflicts = (db.prepare(`SELECT c.raw_id, c.exec_key, c.first_raw_id, c.fields, c.received_at, a.api_key_id FROM exec_conflicts c JOIN accounts a ON a.id = c.account_id ORDER BY c.raw_id`).all() as
    { raw_id: number; exec_key: string; first_raw_id: number; fields: string; received_at: number; api_key_id: string }[])
    .map((r) => ({ apiKeyId: r.api_key_id, rawId: r.raw_id, execId: r.exec_key.startsWith('-1;-1|') ? '-1;-1' : r.exec_key, firstRawId: r.first_raw_id, fields: r.fields.split(','), receivedAt: r.received_at }));
  const breaks = scanStoredBreaks(db).flatMap((b) => {
    const apiKeyId = keyOfSession.get(b.sessionId);
    return apiKeyId === undefined ? [] : [{ apiKeyId, rawId: b.rawId, ...b.sequenceBreak }];
  });
  return { executions: executions(db), settlements, undecodable, conflicts, breaks };
}

type Row = ExecutionRow & { api_key_id: string; price_unit: 0 | 1; trd_match_id: string | null; long_qty: string | null; short_qty: string | null; price: string | null };

function* executions(db: Database.Database): IterableIterator<FactExecution> {
  const columns = EXECUTION_COLUMNS.split(',').map((c) => `e.${c.trim()}`).join(', ');
  const sql = `SELECT ${columns}, a.api_key_id, e.price_unit, e.trd_match_id, e.long_qty, e.short_qty, e.price
    FROM executions e JOIN accounts a ON a.id = e.account_id ORDER BY e.raw_id`;
  for (const value of db.prepare(sql).iterate()) {
    const row = value as Row;
    yield {
      ...toStoredExecution(row), apiKeyId: row.api_key_id, priceUnit: row.price_unit === 1 ? 'cents' : 'dollars',
      trdMatchId: row.trd_match_id, longQty: row.long_qty, shortQty: row.short_qty, price: row.price,
    };
  }
}
