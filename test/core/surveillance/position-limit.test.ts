// Rule 1, position limit: exact alerts for a hand-built stream: warn at 80% then breach of a market
// limit in contracts, an event limit in dollars at cost (No held costs 1 − p), episodes that end when
// the position falls back and begin again, settlement ending them, and an allow-list entry that marks
// one alert suppressed while an expired one does not.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, at, cites, expected, fill, only, settle } from './stream.ts';

const M = 'KXFED-26DEC-T4.25';
const M2 = 'KXFED-26DEC-T4.50';
const EVENT = 'KXFED-26DEC';

function stream() {
  return [
    fill({ execId: '1;1', qty: '50', px: '0.40', at: 1 }),
    fill({ execId: '1;2', qty: '35', px: '0.40', at: 2 }), // 85: warn
    fill({ execId: '1;3', qty: '10', px: '0.40', at: 3 }), // 95: still the same warning
    fill({ execId: '1;4', qty: '10', px: '0.60', at: 4 }), // 105: breach; event $44 = 88%
    fill({ execId: '1;5', qty: '30', px: '0.50', at: 5, side: '2' }), // 75: both clear; event $31.43
    fill({ execId: '1;6', qty: '30', px: '0.50', at: 6 }), // 105 again: a new episode
    settle(M, 'yes', 100), // flat: every episode of the market and event ends
    fill({ execId: '1;7', qty: '200', px: '0.10', at: 7, symbol: M2, side: '2' }), // 200 No at $0.90 = $180
  ];
}

const limits = { limits: [{ contracts: '100' }, { scope: 'event' as const, prefix: 'KXFED-', dollars: '50' }] };

/**
 * The alert of A crossing one limit (`where` = market or event / limit index) at execution 1;n of
 * the stream (its time is n seconds): warn at 80% (medium), breach above it (high); `holds` is the
 * rest of the sentence after "A holds".
 */
function crossing(level: 'warn' | 'breach', where: string, execId: string, market: string, holds: string): unknown {
  const warn = level === 'warn';
  return expected('position-limit', `${A}/${where}/${level}@${execId}`, {
    severity: warn ? 'medium' : 'high', accountIds: [A], market, raisedAt: at(Number(execId.split(';')[1])),
    title: warn ? 'Position limit 80% reached' : 'Position limit exceeded', text: `${A} holds ${holds}`, evidence: cites(A, [execId]),
  });
}

describe('position-limit', () => {
  test('warns at 80%, breaches above the limit, one alert per episode, per market and per event', () => {
    const alerts = new SurveillanceEngine(only({ positionLimit: limits })).processAll(stream());
    assert.deepEqual(alerts, [
      crossing('warn', `${M}/limit-0`, '1;2', M, `85 contracts (85% of its 100-contract limit) in market ${M}.`),
      crossing('breach', `${M}/limit-0`, '1;4', M, `105 contracts (105% of its 100-contract limit) in market ${M}.`),
      crossing('warn', `${EVENT}/limit-1`, '1;4', M, `$44.00 at cost (88% of its $50.00 limit) in event ${EVENT}.`),
      crossing('breach', `${M}/limit-0`, '1;6', M, `105 contracts (105% of its 100-contract limit) in market ${M}.`),
      crossing('warn', `${EVENT}/limit-1`, '1;6', M, `$46.43 at cost (92% of its $50.00 limit) in event ${EVENT}.`),
      crossing('breach', `${M2}/limit-0`, '1;7', M2, `200 contracts (200% of its 100-contract limit) in market ${M2}.`),
      crossing('breach', `${EVENT}/limit-1`, '1;7', M2, `$180.00 at cost (360% of its $50.00 limit) in event ${EVENT}.`),
    ]);
  });

  test('an allow-list entry marks matching alerts suppressed (kept, not dropped); an expired one does not', () => {
    const alerts = new SurveillanceEngine(only({
      positionLimit: limits,
      allowList: [
        { id: 'old-hedge', rule: 'position-limit', account: A, market: 'KXFED-*', reason: 'hedge book', who: 'J. Officer', expires: '2026-11-23' },
        { id: 'fed-hedge', rule: 'position-limit', account: A, market: `${M2}`, reason: 'approved hedge', who: 'J. Officer', expires: '2026-11-24' },
      ],
    })).processAll(stream());
    assert.equal(alerts.length, 7);
    assert.deepEqual(alerts.map((a) => [a.episodeKey, a.suppressedBy]), [
      [`${A}/${M}/limit-0/warn@1;2`, null],
      [`${A}/${M}/limit-0/breach@1;4`, null],
      [`${A}/${EVENT}/limit-1/warn@1;4`, null],
      [`${A}/${M}/limit-0/breach@1;6`, null],
      [`${A}/${EVENT}/limit-1/warn@1;6`, null],
      [`${A}/${M2}/limit-0/breach@1;7`, 'fed-hedge'],
      [`${A}/${EVENT}/limit-1/breach@1;7`, 'fed-hedge'],
    ]);
  });

  test('a limit for other markets (prefix) or other accounts does not apply', () => {
    const alerts = new SurveillanceEngine(only({ positionLimit: { limits: [{ prefix: 'KXHIGH', contracts: '1' }], accounts: ['someone-else'] } })).processAll(stream());
    assert.deepEqual(alerts, []);
  });
});
