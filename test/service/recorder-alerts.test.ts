// Alerts through the recorder service: recordAlerts stores them in the service's journal and tells
// readers only the ones new to it; reviews, lists and single alerts answer from the journal, the same
// in-process and across the worker thread (a refused review comes back as AlertStoreError).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { RecorderHost } from '../../electron/core/service/recorder-host.ts';
import { AlertStore } from '../../electron/core/alerts/alert-store.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';
import { alertOf, journalWithExecutions, T0 } from '../core/alerts/alert-fixtures.ts';

const NOW = T0 + 60_000;
const noSigner = () => () => Promise.reject(new Error('no account in this test'));

describe('RecorderService alerts', () => {
  test('stored first, then told once; reviews default to now; list and get answer from the journal', () => {
    const dir = tempDir('fw-service-alerts-');
    const service = new RecorderService({ journalPath: dir.file('journal.db'), signerFor: noSigner, now: () => NOW });
    try {
      journalWithExecutions(dir.file('journal.db'));
      const told: ServiceEvent[] = [];
      service.onEvent((e) => {
        if (e.type === 'alerts') {
          // Stored before anyone hears of it: a reader may look it up at once.
          assert.ok(e.alerts.every((a) => service.getAlert(a.id) !== undefined));
          told.push(e);
        }
      });
      const a = alertOf({ id: 'large-fill:a' });
      const b = alertOf({ id: 'large-fill:b', severity: 'critical' });
      assert.deepEqual(service.recordAlerts([a, b, a]), { recorded: ['large-fill:a', 'large-fill:b'], evidenceAdded: [], unchanged: ['large-fill:a'] });
      assert.deepEqual(service.recordAlerts([a]).unchanged, ['large-fill:a']);
      assert.deepEqual(told, [{ type: 'alerts', alerts: [a, b] }], 'each new alert told once, a re-raise not at all');
      assert.deepEqual(service.reviewAlert('large-fill:b', 'escalated', 'Ann', 'To the CCO.'), { alertId: 'large-fill:b', from: 'open', to: 'escalated', reviewer: 'Ann', comment: 'To the CCO.', at: NOW });
      assert.deepEqual(service.listAlerts({ state: 'escalated' }).map((x) => x.id), ['large-fill:b']);
      assert.equal(service.getAlert('large-fill:b')!.history.length, 2);
    } finally {
      void service.close();
      dir.remove();
    }
  });

  test('across the worker thread: the same calls, and a refused review comes back typed', async () => {
    const dir = tempDir('fw-host-alerts-');
    const path = dir.file('journal.db');
    journalWithExecutions(path);
    const host = new RecorderHost({ journalPath: path, signerFor: noSigner });
    try {
      const events: ServiceEvent[] = [];
      host.onEvent((e) => events.push(e));
      const alert = alertOf({ id: 'restricted-list:KXFED', ruleId: 'restricted-list' });
      assert.deepEqual(await host.api.recordAlerts([alert]), { recorded: ['restricted-list:KXFED'], evidenceAdded: [], unchanged: [] });
      const review = await host.api.reviewAlert('restricted-list:KXFED', 'closed', 'Ann', 'Pre-cleared trade.', NOW);
      assert.deepEqual(review, { alertId: 'restricted-list:KXFED', from: 'open', to: 'closed', reviewer: 'Ann', comment: 'Pre-cleared trade.', at: NOW });
      await assert.rejects(host.api.reviewAlert('restricted-list:KXFED', 'acknowledged', 'Ann', '', NOW + 1),
        (e: Error) => e.name === 'AlertStoreError' && /closed cannot be moved to acknowledged/.test(e.message));
      assert.deepEqual((await host.api.listAlerts()).map((a) => [a.id, a.state]), [['restricted-list:KXFED', 'closed']]);
      assert.equal((await host.api.getAlert('restricted-list:KXFED'))?.history.length, 2);
      assert.equal(await host.api.getAlert('none'), undefined);
      assert.ok(events.some((e) => e.type === 'alerts' && e.alerts[0]!.id === 'restricted-list:KXFED'));
    } finally {
      await host.close();
    }
    // The worker wrote into the journal file itself.
    const store = AlertStore.open(path);
    try {
      assert.equal(store.get('restricted-list:KXFED')!.state, 'closed');
    } finally {
      store.close();
      dir.remove();
    }
  });
});
