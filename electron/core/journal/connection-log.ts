// connection-log.ts — writes connection metadata: where we connected, when the Logon was accepted, when
// and why the connection ended. Never stores secrets: values that look like key material are refused.
// Owns these three statements only; journal.ts decides when they run.
import type Database from 'better-sqlite3';
import { journalCall } from './errors.ts';

/** Where a connection went; metadata only. */
export interface ConnectionMeta {
  readonly host: string;
  readonly port: number;
  /** The public API key id (our SenderCompID); never the private key. */
  readonly apiKeyId?: string;
  readonly startedAt: number;
}

const SECRET_MARKERS = ['-----BEGIN', 'PRIVATE KEY'];

function refuseSecret(field: string, value: string | undefined): void {
  if (value !== undefined && SECRET_MARKERS.some((marker) => value.includes(marker))) {
    throw new TypeError(`Connection ${field} looks like key material; the journal never stores secrets.`);
  }
}

/** Inserts the connection row; returns its id. */
export function insertConnection(db: Database.Database, sessionId: number, meta: ConnectionMeta): number {
  refuseSecret('host', meta.host);
  refuseSecret('apiKeyId', meta.apiKeyId);
  return journalCall('recording a connection', () => {
    const result = db
      .prepare('INSERT INTO connections (session_id, host, port, api_key_id, started_at) VALUES (?, ?, ?, ?, ?)')
      .run(sessionId, meta.host, meta.port, meta.apiKeyId ?? null, Math.trunc(meta.startedAt));
    return Number(result.lastInsertRowid);
  });
}

/** The session's last logon time and, when known, the connection's. One transaction. */
export function markLoggedOn(db: Database.Database, sessionId: number, connectionId: number | null, at: number): void {
  const when = Math.trunc(at);
  journalCall('recording a logon', () =>
    db.transaction(() => {
      db.prepare('UPDATE sessions SET last_logon_at = ? WHERE id = ?').run(when, sessionId);
      if (connectionId !== null) db.prepare('UPDATE connections SET logged_on_at = ? WHERE id = ?').run(when, connectionId);
    })(),
  );
}

export function markEnded(db: Database.Database, connectionId: number, at: number, reason: string): void {
  refuseSecret('reason', reason);
  journalCall('recording a disconnect', () =>
    db.prepare('UPDATE connections SET ended_at = ?, end_reason = ? WHERE id = ?').run(Math.trunc(at), reason, connectionId),
  );
}
