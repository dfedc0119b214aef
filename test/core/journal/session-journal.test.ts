// session-journal.test.ts — the Journal as the SessionMachine's SequenceStore, with the effects run the
// way session.ts runs them (accept → store.accept, send → store.setNextOutbound, resets, a flush after
// each socket chunk). A recorder that dies before its last chunk is committed resumes from the stored
// numbers: the exchange resends the rest (PossDup) and every ExecID ends up stored once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import type { Journal } from '../../../electron/core/journal/journal.ts';
import { makeSessionConfig } from '../../../electron/core/session/session-config.ts';
import { SessionMachine, type SessionEffect } from '../../../electron/core/session/session-machine.ts';
import { API_KEY_ID, inbound } from '../../support/fix-builders.ts';
import { er, openJournal, tempDir } from './journal-fixtures.ts';

const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);
const config = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiRT', heartBtIntSec: 30 });

/** A minimal session driver: what session.ts does with each effect, minus the socket. */
function driver(journal: Journal) {
  const machine = new SessionMachine({ config, persisted: journal.load() });
  const sent: { type: string; msgSeqNum: number; beginSeqNo?: number }[] = [];
  const run = (effects: readonly SessionEffect[]) => {
    for (const effect of effects) {
      if (effect.kind === 'send') {
        const m = effect.message as { type: string; beginSeqNo?: number };
        sent.push({ type: m.type, msgSeqNum: effect.msgSeqNum, ...(m.beginSeqNo === undefined ? {} : { beginSeqNo: m.beginSeqNo }) });
        journal.setNextOutbound(machine.seq.nextOutbound);
      } else if (effect.kind === 'accept') {
        journal.accept(effect.message, effect.nextInbound, T0);
      } else if (effect.kind === 'sequences-reset') {
        journal.resetSequences(effect.next);
      }
    }
  };
  return {
    machine,
    sent,
    connect: () => run(machine.handle({ kind: 'connected' }, T0)),
    /** One socket chunk: its messages, then the flush session.ts does after the chunk. */
    chunk: (messages: readonly FixMessage[], flush = true) => {
      for (const message of messages) run(machine.handle({ kind: 'message', message }, T0));
      if (flush) journal.flush();
    },
  };
}

/** Every chunk commits (commitDelayMs 0), so "killed before its last chunk" is exact; deferral: commit-policy.test.ts. */
const openEager = (path: string) => openJournal(path, { commitDelayMs: 0 });

const logonReply = (seq: number, reset: boolean) => inbound('A', seq, [[98, 0], [108, 30], ...(reset ? [[141, 'Y'] as const] : [])]);
const fill = (seq: number, possDup = false) => er(seq, { execId: `31;${seq}`, possDup });

test('a recorder killed before its last chunk was committed resumes, gets the resend, and stores each ExecID once', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    const first = openEager(path);
    const a = driver(first);
    a.connect();
    assert.deepEqual(a.sent[0], { type: 'Logon', msgSeqNum: 1 });
    a.chunk([logonReply(1, true), fill(2), fill(3), fill(4)]);
    a.chunk([fill(5), fill(6)], false); // the process dies before this chunk is committed

    const second = openEager(path);
    const b = driver(second);
    assert.deepEqual(b.machine.seq.snapshot(), { nextInbound: 5, nextOutbound: 2 });
    b.connect();
    assert.deepEqual(b.sent[0], { type: 'Logon', msgSeqNum: 2 }, 'no reset and no reused outbound number');
    // The exchange sent 5 and 6 before; its Logon reply is 7, so we ask for 5 onward.
    b.chunk([logonReply(7, false)]);
    assert.deepEqual(b.sent.at(-1), { type: 'ResendRequest', msgSeqNum: 3, beginSeqNo: 5 });
    b.chunk([fill(5, true), fill(6, true), fill(8)]);
    second.close();
    first.load(); // drops the uncommitted chunk, so close() below writes nothing, like the killed process
    first.close();

    const reader = openJournal(path);
    assert.deepEqual([...reader.executions()].map((e) => e.execId), ['31;2', '31;3', '31;4', '31;5', '31;6', '31;8']);
    assert.deepEqual(reader.load(), { nextInbound: 9, nextOutbound: 4 });
    reader.close();
  } finally {
    dir.remove();
  }
});
