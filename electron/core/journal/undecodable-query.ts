// undecodable-query.ts — the messages one API key's sessions kept raw because they could not be read:
// how many the journal holds and the newest few as UndecodableNotices (the Session view's list). The
// undecodable table is small (such messages are rare), so each row's session is looked up per row: in
// the segment that holds it, or in raw_messages for a journal upgraded from schema 1.
import type Database from 'better-sqlite3';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';
import type { MessageReader } from './message-reader.ts';

const ROWS_OF_KEY = `
  SELECT u.raw_id AS rawId, u.msg_type AS msgType, u.message AS reason FROM undecodable u
  WHERE coalesce(
    (SELECT m.session_id FROM raw_messages m WHERE m.id = u.raw_id),
    (SELECT g.session_id FROM segments g WHERE g.id <= u.raw_id ORDER BY g.id DESC LIMIT 1)
  ) IN (SELECT id FROM sessions WHERE sender_comp_id = ?)
  ORDER BY u.raw_id DESC`;

const POSS_DUP = Buffer.from('\x0143=Y\x01');

export function undecodableOf(db: Database.Database, messages: MessageReader, senderCompId: string, newest: number): { count: number; newest: UndecodableNotice[] } {
  const rows = db.prepare(ROWS_OF_KEY).all(senderCompId) as { rawId: number; msgType: string; reason: string }[];
  const notices = rows.slice(0, newest).map((row): UndecodableNotice => {
    const stored = messages.message(row.rawId);
    return {
      rawId: row.rawId, msgType: row.msgType, msgSeqNum: stored?.msgSeqNum ?? 0, possDup: stored?.raw.includes(POSS_DUP) ?? false,
      receivedAt: stored?.receivedAt ?? 0, reason: row.reason,
    };
  });
  return { count: rows.length, newest: notices };
}
