// alert-fixtures.ts — alerts as the rules engine would raise them, and a journal file holding the
// executions they cite (four ExecutionReports of one account, two orders), for the alert store, verify
// and CLI tests.
import type { SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import { API_KEY_ID } from '../../support/fix-builders.ts';
import { acceptAll, er, heartbeat, openJournal } from '../journal/journal-fixtures.ts';

export { API_KEY_ID };

export const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

export function alertOf(overrides: Partial<SurveillanceAlert> & { id: string }): SurveillanceAlert {
  return {
    ruleId: 'large-fill',
    rulesVersion: 3,
    severity: 'high',
    accountIds: [API_KEY_ID],
    market: 'KXHIGHNY-26NOV24-B52.5',
    raisedAt: T0,
    episodeKey: overrides.id.split(':').slice(1).join(':'),
    title: 'Large fill',
    text: 'Desk A bought 500 Yes in KXHIGHNY-26NOV24-B52.5 at 0.42, at or above the 250 contract threshold.',
    evidence: { executions: [{ accountId: API_KEY_ID, execId: '77;2' }], orderIds: ['ord-A'] },
    suppressedBy: null,
    ...overrides,
  };
}

/** A journal file with seq 1..5: ERs 77;1 and 77;2 of ord-A, a heartbeat, ERs 77;4 and 77;5 of ord-B. */
export function journalWithExecutions(path: string): void {
  const journal = openJournal(path);
  journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
  acceptAll(journal, [
    er(1, { execId: '77;1', orderId: 'ord-A', execType: '0', ordStatus: '0' }),
    er(2, { execId: '77;2', orderId: 'ord-A', lastQty: '500.00', transactTime: '20261124-14:00:00.000' }),
    heartbeat(3),
    er(4, { execId: '77;4', orderId: 'ord-B', execType: '0', ordStatus: '0' }),
    er(5, { execId: '77;5', orderId: 'ord-B', execType: '4', ordStatus: '4' }),
  ], T0);
  journal.close();
}
