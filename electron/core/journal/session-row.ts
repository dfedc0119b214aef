// session-row.ts — the sessions table row of one FIX session (ours ↔ the exchange's CompID): finding or
// creating it, and reading the sequence numbers last committed in it. Never writes the numbers: only
// batch-writer.ts does, in the same transaction as the messages they cover.
import type Database from 'better-sqlite3';
import { journalCall, JournalError } from './errors.ts';

export interface SessionKey {
  readonly senderCompId: string;
  readonly targetCompId: string;
}

export interface CommittedNumbers {
  /** null until the session first had sequence numbers. */
  readonly nextInbound: number | null;
  readonly nextOutbound: number | null;
  readonly epoch: number;
}

export function findSessionId(db: Database.Database, session: SessionKey): number | undefined {
  const row = journalCall('reading the session', () =>
    db.prepare('SELECT id FROM sessions WHERE sender_comp_id = ? AND target_comp_id = ?').get(session.senderCompId, session.targetCompId),
  ) as { id: number } | undefined;
  return row?.id;
}

/** The session's row id, inserting the row (and its account's) if this session has none yet. */
export function ensureSessionRow(db: Database.Database, session: SessionKey): number {
  journalCall('creating the session', () => {
    db.prepare('INSERT INTO accounts (api_key_id) VALUES (?) ON CONFLICT (api_key_id) DO NOTHING').run(session.senderCompId);
    db.prepare(
      `INSERT INTO sessions (sender_comp_id, target_comp_id, account_id) VALUES (?, ?, (SELECT id FROM accounts WHERE api_key_id = ?))
       ON CONFLICT (sender_comp_id, target_comp_id) DO NOTHING`,
    ).run(session.senderCompId, session.targetCompId, session.senderCompId);
  });
  const id = findSessionId(db, session);
  if (id === undefined) throw new JournalError('corrupt', 'the session row vanished after it was written');
  return id;
}

export function readCommittedNumbers(db: Database.Database, sessionId: number): CommittedNumbers | undefined {
  const row = journalCall('reading the sequence numbers', () =>
    db.prepare('SELECT next_inbound, next_outbound, epoch FROM sessions WHERE id = ?').get(sessionId),
  ) as { next_inbound: number | null; next_outbound: number | null; epoch: number } | undefined;
  return row === undefined ? undefined : { nextInbound: row.next_inbound, nextOutbound: row.next_outbound, epoch: row.epoch };
}

/** The account (accounts.id) of an API key, or undefined when the file has never seen it. */
export function findAccountId(db: Database.Database, senderCompId: string): number | undefined {
  const row = journalCall('reading the account', () => db.prepare('SELECT id FROM accounts WHERE api_key_id = ?').get(senderCompId)) as { id: number } | undefined;
  return row?.id;
}
