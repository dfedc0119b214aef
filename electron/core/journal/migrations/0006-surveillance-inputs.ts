// 0006-surveillance-inputs.ts — what the surveillance rules read (issue 13) that earlier schemas left
// in the frame: TrdMatchID(880) (cross-account trades), LongQty(704)/ShortQty(705) (Kalshi's position
// after a fill) and Price(44) (an order's notional), as columns of executions written at ingest; and
// exec_conflicts: an ExecID stored once that arrived again with different content (the second copy is
// kept raw in its segment, as every message is; this row says what differed). Rows written before are
// filled in from their stored frames, Trades and order acks only (what the rules read), a page at a
// time. Runs inside the runner's transaction.
import type Database from 'better-sqlite3';
import { FixMessage } from '../../fix/decode.ts';
import { DecodeError } from '../../fix/errors.ts';
import { ExecutionReportView } from '../../fix/execution-report.ts';
import { frameAt } from '../segment.ts';

export function migrate0006(db: Database.Database): void {
  db.exec(`
    ALTER TABLE executions ADD COLUMN trd_match_id TEXT;
    ALTER TABLE executions ADD COLUMN long_qty TEXT;
    ALTER TABLE executions ADD COLUMN short_qty TEXT;
    ALTER TABLE executions ADD COLUMN price TEXT;

    -- raw_id: the message that brought the ExecID again; first_raw_id: the stored execution's message.
    -- fields: the record fields that differ, comma-separated ('lastQty,cumQty').
    CREATE TABLE exec_conflicts (
      raw_id       INTEGER PRIMARY KEY,
      account_id   INTEGER NOT NULL,
      exec_key     TEXT    NOT NULL,
      first_raw_id INTEGER NOT NULL,
      fields       TEXT    NOT NULL,
      received_at  INTEGER NOT NULL
    ) STRICT;
  `);
  backfill(db);
}

function backfill(db: Database.Database): void {
  const page = db.prepare(`SELECT raw_id FROM executions WHERE raw_id > ? AND exec_type IN ('F', '0', '5') ORDER BY raw_id LIMIT 2000`).pluck();
  const segmentOf = db.prepare('SELECT id, count, idx, frames FROM segments WHERE id <= ? ORDER BY id DESC LIMIT 1');
  const legacy = db.prepare('SELECT raw FROM raw_messages WHERE id = ?').pluck();
  const update = db.prepare('UPDATE executions SET trd_match_id = ?, long_qty = ?, short_qty = ?, price = ? WHERE raw_id = ?');
  let segment: { id: number; count: number; idx: Buffer; frames: Buffer } | undefined;
  for (let after = 0; ;) {
    const ids = page.all(after) as number[];
    if (ids.length === 0) return;
    for (const id of ids) {
      if (segment === undefined || id < segment.id || id >= segment.id + segment.count) {
        segment = segmentOf.get(id) as typeof segment;
      }
      const raw = segment !== undefined && id < segment.id + segment.count ? frameAt(segment.idx, segment.frames, id - segment.id) : (legacy.get(id) as Buffer | undefined);
      const fields = raw === undefined ? undefined : read(raw);
      if (fields !== undefined) update.run(fields.trdMatchId, fields.longQty, fields.shortQty, fields.price, id);
    }
    after = ids[ids.length - 1]!;
  }
}

function read(raw: Buffer): { trdMatchId: string | null; longQty: string | null; shortQty: string | null; price: string | null } | undefined {
  try {
    const view = ExecutionReportView.read(FixMessage.parse(raw));
    return { trdMatchId: view.trdMatchId ?? null, longQty: view.longQty ?? null, shortQty: view.shortQty ?? null, price: view.price ?? null };
  } catch (error) {
    // It was decoded when it was stored, so this is not expected; unknown fields beat a failed upgrade.
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
}
