// The surveillance rules give the same alerts live as in replay (issue 13): random streams of several
// accounts — fills (some on both sides of one TrdMatchID, some carrying 704/705), New acks, cancels,
// settlements, unreadable reports, KalshiNR-style gaps, restarts with a new epoch, late drop-copy
// copies of known ExecIDs with other content — committed in random batches through real Journals on
// one file; the live engine sees only the commits (LiveSurveillance), the replay only the file
// (replaySurveillance, what `fillwatch surveil` runs). Every rule is on with thresholds low enough to fire.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Journal, openJournalReader } from '../../../electron/core/journal/index.ts';
import { LiveSurveillance, replaySurveillance } from '../../../electron/core/surveillance/index.ts';
import { parseRulesDocument } from '../../../shared/surveillance/rules-document.ts';
import type { SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import { formatUtcTimestamp } from '../../../electron/core/fix/time.ts';
import { inbound } from '../../support/fix-builders.ts';
import { tempDir } from '../journal/journal-fixtures.ts';

const ACCOUNTS = ['aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002', 'cccccccc-0000-4000-8000-000000000003'];
const MARKETS = ['KXFED-26DEC-T4.25', 'KXFED-26DEC-T4.50', 'KXHIGHNY-26NOV24-B52.5'];
const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

const RULES = parseRulesDocument({
  version: 2,
  positionLimit: { warnPercent: 50, limits: [{ contracts: '30' }, { scope: 'event', prefix: 'KXFED', dollars: '15' }] },
  largeFill: { fillContracts: '20', fillNotional: '9', orderContracts: '25', orderNotional: '10' },
  restrictedList: { entries: [{ prefix: 'KXHIGHNY', reason: 'conflict', from: '2026-11-24', until: '2026-11-24' }] },
  crossAccount: { oppositeWithinSeconds: 60, quietSeconds: 600 },
  orderToTrade: { windowSeconds: 600, minOrders: 4, maxOrdersPerFill: 2, minCancels: 3, maxCancelPercent: 50 },
  offHours: { start: '09:30', end: '13:00' },
  dailyCaps: { lossLimit: '5', warnPercent: 50, maxFills: 6, maxOrders: 5 },
  allowList: [{ id: 'ok-b', rule: 'large-fill', account: ACCOUNTS[1]!, reason: 'market maker', who: 'Officer', expires: '2026-11-24' }],
});

type Step =
  | { kind: 'fill'; account: number; market: number; side: '1' | '2'; qty: number; px: number; at: number; match: number; position: boolean }
  | { kind: 'ack'; account: number; market: number; qty: number; at: number }
  | { kind: 'cancel'; account: number; at: number }
  | { kind: 'settle'; account: number; market: number; result: 'yes' | 'no' }
  | { kind: 'unreadable'; account: number }
  | { kind: 'gap'; account: number; skip: number }
  | { kind: 'restart'; account: number }
  | { kind: 'late-copy'; account: number }
  | { kind: 'commit' };

const account = fc.integer({ min: 0, max: ACCOUNTS.length - 1 });
const market = fc.integer({ min: 0, max: MARKETS.length - 1 });
/** Seconds after T0: half of them crowd the first half hour (windows, pairs), the rest spread over two days. */
const seconds = fc.oneof(fc.integer({ min: 0, max: 1800 }), fc.integer({ min: 0, max: 2 * 86_400 }));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({
    kind: fc.constant('fill' as const), account, market, side: fc.constantFrom('1' as const, '2' as const), qty: fc.integer({ min: 1, max: 40 }),
    px: fc.oneof(fc.integer({ min: 40, max: 43 }), fc.integer({ min: 1, max: 99 })), at: seconds, match: fc.integer({ min: 0, max: 3 }), position: fc.boolean(),
  }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ack' as const), account, market, qty: fc.integer({ min: 1, max: 40 }), at: seconds }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cancel' as const), account, at: seconds }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), account, market, result: fc.constantFrom('yes' as const, 'no' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unreadable' as const), account }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('gap' as const), account, skip: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), account }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('late-copy' as const), account }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'commit' as const }) },
);

interface Sent { readonly body: [number, string | number][] }

describe('surveillance: live alerts equal a replay of the journal', () => {
  test('property: any interleaving of accounts, fills, orders, cancels, gaps, restarts and late copies', () => {
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 120, size: 'max' }), (steps) => {
      const dir = tempDir('fw-surveil-prop-');
      const path = dir.file('journal.db');
      const live: SurveillanceAlert[] = [];
      const engine = new LiveSurveillance({ rules: RULES, journalPath: ':memory:', onAlerts: (a) => live.push(...a) });
      const journals = ACCOUNTS.map((key) => ({
        key,
        rt: Journal.open(path, { session: { senderCompId: key, targetCompId: 'KalshiNR' }, commitDelayMs: 60_000, onCommittedBatch: (b) => engine.committed(key, b) }),
        dc: Journal.open(path, { session: { senderCompId: key, targetCompId: 'KalshiDC' }, commitDelayMs: 60_000, onCommittedBatch: (b) => engine.committed(key, b) }),
        seq: 1, dcSeq: 1, exec: 0, orders: [] as string[], sent: [] as Sent[],
      }));
      let clock = T0;
      try {
        for (const step of steps) {
          clock += 1000;
          if (step.kind === 'commit') {
            for (const j of journals) { j.rt.commit(); j.dc.commit(); }
            continue;
          }
          const j = journals[step.account]!;
          const send = (msgType: string, body: [number, string | number][]) => {
            j.rt.accept(inbound(msgType, j.seq, body, { sender: 'KalshiNR', target: j.key }), j.seq + 1, clock);
            j.seq++;
          };
          const er = (execId: string, orderId: string, rest: [number, string | number][], at: number): [number, string | number][] =>
            [[37, orderId], [11, `c-${execId}`], [17, execId], ...rest, [60, formatUtcTimestamp(T0 + at * 1000)]];
          switch (step.kind) {
            case 'fill': {
              const qty = `${step.qty}.00`;
              const px = (step.px / 100).toFixed(4);
              // Small match ids collide across accounts: both sides of one trade.
              const execId = `${step.match + 1};${step.px}`;
              const body = er(`${j.exec++}-${execId}`, `o-${step.account}-${j.exec}`, [
                [150, 'F'], [39, '2'], [54, step.side], [55, MARKETS[step.market]!], [38, qty], [44, px], [32, qty], [31, px], [14, qty], [151, '0.00'], [6, px],
                [136, 1], [137, '0.01'], [138, 'USD'], [139, 4], [891, 0], [880, `m-${step.match}-${step.px}`],
                ...(step.position ? [[704, qty], [705, '0.00']] as [number, string][] : []),
              ], step.at);
              j.sent.push({ body });
              send('8', body);
              break;
            }
            case 'ack': {
              const orderId = `o-${step.account}-${j.exec}`;
              j.orders.push(orderId);
              const qty = `${step.qty}.00`;
              send('8', er(`${j.exec++};0`, orderId, [[150, '0'], [39, '0'], [54, '1'], [55, MARKETS[step.market]!], [38, qty], [44, '0.5000'], [14, '0.00'], [151, qty], [6, '0']], step.at));
              break;
            }
            case 'cancel': {
              const orderId = j.orders.shift() ?? `o-${step.account}-none`;
              send('8', er(`${j.exec++};9`, orderId, [[150, '4'], [39, '4'], [54, '1'], [55, MARKETS[0]!], [38, '1.00'], [44, '0.5000'], [14, '0.00'], [151, '0.00'], [6, '0']], step.at));
              break;
            }
            case 'settle':
              send('UMS', [[20105, `r-${step.account}-${j.seq}`], [55, MARKETS[step.market]!], [715, '20261125'], [20106, 1], [20107, step.result], [893, 'Y'],
                [730, step.result === 'yes' ? '100.00' : '0.00'], [20108, 1], [20109, 'party-1'], [20110, 24], [704, '3.00'], [705, '0.00']]);
              break;
            case 'unreadable':
              send('8', er(`${j.exec++};u`, 'o-u', [[150, 'F'], [39, '2'], [54, '1'], [55, MARKETS[0]!], [38, '1'], [44, '0.5'], [32, '1.2.3'], [31, '0.5'], [14, '1'], [151, '0'], [6, '0.5']], 0));
              break;
            case 'gap':
              // KalshiNR skipped some: the session moves its number on, then stores the next message.
              j.seq += step.skip;
              j.rt.resetSequences({ nextInbound: j.seq, nextOutbound: 2 });
              send('0', []);
              break;
            case 'restart':
              j.seq = 1;
              j.rt.resetSequences({ nextInbound: 1, nextOutbound: 1 });
              send('A', [[98, 0], [108, 30]]);
              break;
            case 'late-copy': {
              // Drop copy brings a known ExecID again, with another quantity: a conflict.
              const known = j.sent[0];
              if (known === undefined) break;
              const body = known.body.map(([tag, value]): [number, string | number] => (tag === 32 || tag === 14 || tag === 38 ? [tag, '99.00'] : [tag, value]));
              j.dc.accept(inbound('8', j.dcSeq, body, { sender: 'KalshiDC', target: j.key }), j.dcSeq + 1, clock);
              j.dcSeq++;
              break;
            }
          }
        }
      } finally {
        for (const j of journals) { j.rt.close(); j.dc.close(); }
      }
      const reader = openJournalReader(path);
      try {
        assert.deepEqual(replaySurveillance(reader, RULES).alerts, live);
      } finally {
        reader.close();
        dir.remove();
      }
    }), { numRuns: Number(process.env.FILLWATCH_SURVEIL_RUNS ?? 60) });
  });
});
