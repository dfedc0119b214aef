// Rule 7, feed integrity: exact alerts for a sequence gap, a restart (possible missed fills), messages
// kept unread (one episode until the next readable execution), an ExecID that came again different, a
// position that disagrees with Kalshi's 704/705 (an episode that ends when they agree and begins again),
// a settlement whose position differs from the recorded one, and a settlement without any recorded
// fill (but not when Kalshi says nothing was held).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, T0, at, cites, expected, fill, nextPosition, only, settle, type SurveillanceInput } from './stream.ts';

const M = 'KXFED-26DEC-T4.25';

describe('feed-integrity', () => {
  test('every check, exactly', () => {
    const gap = nextPosition();
    const restart = nextPosition();
    const u1 = nextPosition();
    const stream: SurveillanceInput[] = [
      { kind: 'sequence-break', accountId: A, rawId: gap, cause: 'gap', expected: 10, received: 15, sinceMs: at(1), untilMs: at(5) },
      { kind: 'sequence-break', accountId: A, rawId: restart, cause: 'restart', expected: 31, received: 1, sinceMs: at(6), untilMs: at(60) },
      { kind: 'undecodable', accountId: A, rawId: u1, msgType: '8', msgSeqNum: 40, receivedAt: at(61), reason: 'Tag 31 is not a decimal number.' },
      { kind: 'undecodable', accountId: A, rawId: nextPosition(), msgType: '8', msgSeqNum: 41, receivedAt: at(62), reason: 'Tag 31 is not a decimal number.' },
    ];
    const first = fill({ execId: '8;1', qty: '10', px: '0.40', at: 63, longQty: '10', shortQty: '0' }); // agrees; ends the unread episode
    stream.push(first);
    const u2 = nextPosition();
    stream.push({ kind: 'undecodable', accountId: A, rawId: u2, msgType: '8', msgSeqNum: 43, receivedAt: at(64), reason: 'Tag 31 is not a decimal number.' });
    const conflict = nextPosition();
    stream.push({ kind: 'exec-conflict', accountId: A, rawId: conflict, execId: '8;1', firstRawId: first.rawId, fields: ['lastQty', 'cumQty'], receivedAt: at(65) });
    stream.push(
      fill({ execId: '8;2', qty: '5', px: '0.40', at: 66, longQty: '20', shortQty: '0' }), // 15 recorded vs 20
      fill({ execId: '8;3', qty: '5', px: '0.40', at: 67, longQty: '20', shortQty: '0' }), // 20 = 20: the episode ends
      fill({ execId: '8;4', qty: '5', px: '0.40', at: 68, longQty: '30', shortQty: '0' }), // 25 vs 30: a new one
      fill({ execId: '8;5', side: '2', qty: '25', px: '0.40', at: 69, longQty: '5', shortQty: '0' }),
    );
    const settled = settle(M, 'no', 70, { longQty: '5', shortQty: '0' }); // Kalshi held 5, recorded 0
    const unknown = settle('KXOTHER-26DEC-X', 'yes', 71, { longQty: '12', shortQty: '0' }); // never traded here
    stream.push(settled, unknown, settle('KXNONE-26DEC-X', 'yes', 72, { longQty: '0', shortQty: '0' })); // held nothing: fine

    const alerts = new SurveillanceEngine(only({ feedIntegrity: {} })).processAll(stream);
    const none = (note: string) => ({ executions: [], orderIds: [], note });
    const base = { severity: 'high', accountIds: [A] };
    assert.deepEqual(alerts, [
      expected('feed-integrity', `${A}/gap@${gap}`, {
        ...base, market: null, raisedAt: at(5), title: 'Sequence gap',
        text: `${A}'s listener never received MsgSeqNum 10 to 14 (between 2026-11-24T14:00:01.000Z and 2026-11-24T14:00:05.000Z), and they were not resent: fills may be missing.`,
        evidence: none(`Journal message ${gap} is the first after the gap.`),
      }),
      expected('feed-integrity', `${A}/restart@${restart}`, {
        ...base, market: null, raisedAt: at(60), title: 'Possible missed fills',
        text: `${A}'s listener restarted its sequence at 1 after 30: what Kalshi sent between 2026-11-24T14:00:06.000Z and 2026-11-24T14:01:00.000Z may be missing; check the account's fills for that period.`,
        evidence: none(`Journal message ${restart} is the first after the restart.`),
      }),
      expected('feed-integrity', `${A}/undecodable@${u1}`, {
        ...base, market: null, raisedAt: at(61), title: 'Message kept unread',
        text: `ExecutionReport 34=40 could not be read: Tag 31 is not a decimal number; kept in the journal (message ${u1}). A fill may be hidden in it: check it against the exchange's records.`,
        evidence: none(`Journal message ${u1}; later unreadable messages until the next readable execution are part of this alert.`),
      }),
      expected('feed-integrity', `${A}/undecodable@${u2}`, {
        ...base, market: null, raisedAt: at(64), title: 'Message kept unread',
        text: `ExecutionReport 34=43 could not be read: Tag 31 is not a decimal number; kept in the journal (message ${u2}). A fill may be hidden in it: check it against the exchange's records.`,
        evidence: none(`Journal message ${u2}; later unreadable messages until the next readable execution are part of this alert.`),
      }),
      expected('feed-integrity', `${A}/8;1@${conflict}`, {
        ...base, market: null, raisedAt: at(65), title: 'ExecID arrived twice, different',
        text: `ExecID 8;1 of ${A} arrived again with a different lastQty, cumQty (journal messages ${first.rawId} and ${conflict}); the first is the one recorded.`,
        evidence: { executions: [{ accountId: A, execId: '8;1' }], orderIds: [], note: `Journal messages ${first.rawId} (recorded) and ${conflict} (kept raw).` },
      }),
      expected('feed-integrity', `${A}/${M}/position@8;2`, {
        ...base, market: M, raisedAt: at(66), title: 'Position differs from Kalshi\'s',
        text: `After ExecID 8;2, Kalshi puts ${A}'s position in ${M} at 20 (LongQty − ShortQty); the recorded fills give 15: fills may be missing or from before recording began.`,
        evidence: cites(A, ['8;2']),
      }),
      expected('feed-integrity', `${A}/${M}/position@8;4`, {
        ...base, market: M, raisedAt: at(68), title: 'Position differs from Kalshi\'s',
        text: `After ExecID 8;4, Kalshi puts ${A}'s position in ${M} at 30 (LongQty − ShortQty); the recorded fills give 25: fills may be missing or from before recording began.`,
        evidence: cites(A, ['8;4']),
      }),
      expected('feed-integrity', `${A}/${M}/settlement@${settled.rawId}`, {
        ...base, market: M, raisedAt: at(70), title: 'Settled position differs from Kalshi\'s',
        text: `Kalshi settled 5 of ${M} for ${A}; the recorded fills give 0: fills may be missing.`,
        evidence: none(`Settlement report: journal message ${settled.rawId}.`),
      }),
      expected('feed-integrity', `${A}/KXOTHER-26DEC-X/settlement@${unknown.rawId}`, {
        ...base, market: 'KXOTHER-26DEC-X', raisedAt: at(71), title: 'Settlement without a recorded position',
        text: `KXOTHER-26DEC-X settled for ${A} with a position of 12 per Kalshi, but no fill of it was recorded: fills may be missing.`,
        evidence: none(`Settlement report: journal message ${unknown.rawId}.`),
      }),
    ]);
    assert.equal(T0, at(0));
  });
});
