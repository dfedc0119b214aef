// The Alerts view's and Settings → Surveillance's requests through the IpcDoor, over a real recorder
// service and journal: alerts listed open first (and "more" past the limit), one alert with its history
// and its evidence located in the journal, reviews signed with main's reviewer name (refused without
// one, refused with the store's sentence, pushed to every window once recorded), the rules document
// validated with the engine's schema (the refused field named), saved as a new version and applied.
// Also: how an alert reaches the live batches (once per frame, as it is now).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { SurveillanceAlertWire } from '../../shared/ipc/alerts-contract.ts';
import type { IpcResult, LiveBatch } from '../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../shared/service/recorder-api.ts';
import type { RulesDocument } from '../../shared/surveillance/rules-document.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { EventBatcher } from '../../electron/main/ipc/event-batcher.ts';
import { IpcDoor, trustOrigins, type RequestHandlers } from '../../electron/main/ipc/ipc-door.ts';
import { LiveFeed } from '../../electron/main/live/live-feed.ts';
import { surveillanceRequestHandlers } from '../../electron/main/surveillance/surveillance-handlers.ts';
import { SurveillanceSettings } from '../../electron/main/surveillance/surveillance-settings.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';
import { alertOf, API_KEY_ID, journalWithExecutions, T0 } from '../core/alerts/alert-fixtures.ts';
import { fakeRecorder } from './support/fake-recorder.ts';
import { ManualTimer } from './support/manual-timer.ts';

const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };
const noSigner = () => () => Promise.reject(new Error('no account in this test'));

function setup() {
  const dir = tempDir('fw-surveillance-ipc-');
  journalWithExecutions(dir.file('journal.db'));
  const service = new RecorderService({ journalPath: dir.file('journal.db'), signerFor: noSigner, now: () => T0 + 60_000 });
  const recorder = {
    listAlerts: async (f) => service.listAlerts(f),
    getAlert: async (id) => service.getAlert(id),
    reviewAlert: async (...args) => service.reviewAlert(...args),
    history: ((method: never, ...args: never[]) => Promise.resolve((service.history as (...a: unknown[]) => unknown)(method, ...args))) as RecorderApi['history'],
  } satisfies Pick<RecorderApi, 'listAlerts' | 'getAlert' | 'reviewAlert' | 'history'>;
  const settings = SurveillanceSettings.read(dir.path);
  const changed: SurveillanceAlertWire[] = [];
  const applied: RulesDocument[] = [];
  const handlers = surveillanceRequestHandlers({
    recorder: () => recorder, settings, changed: (a) => changed.push(a),
    applyRules: async (rules) => { applied.push(rules); return true; }, rulesApplied: () => true,
  });
  const door = new IpcDoor(handlers as unknown as RequestHandlers, trustOrigins(['app://fillwatch']));
  const call = <T>(name: string, payload: unknown) => door.handle(`fillwatch:${name}`, ours, payload) as Promise<IpcResult<T>>;
  return { dir, service, call, changed, applied, done: () => { void service.close(); dir.remove(); } };
}

const value = <T>(r: IpcResult<T>): T => {
  assert.ok(r.ok, r.ok ? '' : `${r.error.kind}: ${r.error.message}`);
  return r.value;
};

describe('alerts.* and surveillance.* through the IpcDoor', () => {
  test('list (open first, "more" past the limit); get with history and evidence located in the journal', async () => {
    const { service, call, done } = setup();
    try {
      service.recordAlerts([alertOf({ id: 'large-fill:a' }), alertOf({ id: 'large-fill:b', raisedAt: T0 + 1, evidence: { executions: [{ accountId: API_KEY_ID, execId: 'missing;1' }], orderIds: [] } })]);
      service.reviewAlert('large-fill:a', 'closed', 'Ann', 'Pre-cleared.');
      const all = value(await call<{ alerts: SurveillanceAlertWire[]; more: boolean }>('alerts.list', { filter: {} }));
      assert.deepEqual(all.alerts.map((a) => [a.id, a.state]), [['large-fill:b', 'open'], ['large-fill:a', 'closed']]);
      assert.equal(all.more, false);
      const one = value(await call<{ alerts: SurveillanceAlertWire[]; more: boolean }>('alerts.list', { filter: { state: 'open' }, limit: 1 }));
      assert.deepEqual([one.alerts.length, one.more], [1, false]);
      assert.equal(value(await call<{ more: boolean }>('alerts.list', { filter: {}, limit: 1 })).more, true);

      const detail = value(await call<{ alert: SurveillanceAlertWire; history: { kind: string }[]; executions: { execId: string; rowId: number | null; lastQty: string | null; orderId: string | null }[] }>('alerts.get', { id: 'large-fill:a' }));
      assert.deepEqual(detail.history.map((h) => h.kind), ['raised', 'review']);
      assert.equal(detail.executions[0]!.execId, '77;2');
      assert.ok(detail.executions[0]!.rowId !== null, 'located in the journal');
      assert.deepEqual([detail.executions[0]!.lastQty, detail.executions[0]!.orderId], ['500.00', 'ord-A']);
      const missing = value(await call<{ executions: { rowId: number | null }[] }>('alerts.get', { id: 'large-fill:b' }));
      assert.equal(missing.executions[0]!.rowId, null, 'a cited ExecID the journal lacks');
      assert.equal(value(await call('alerts.get', { id: 'nope' })), null);
    } finally {
      done();
    }
  });

  test('reviews: refused without a reviewer name, refused with the store\'s sentence, recorded and pushed once signed', async () => {
    const { dir, service, call, changed, done } = setup();
    try {
      service.recordAlerts([alertOf({ id: 'large-fill:a' })]);
      const unsigned = await call('alerts.review', { id: 'large-fill:a', to: 'acknowledged', comment: 'Seen.' });
      assert.deepEqual(unsigned.ok ? null : [unsigned.error.kind, /Settings → Surveillance → Reviewer name/.test(unsigned.error.message)], ['rejected', true]);
      assert.equal(value(await call<{ reviewer: string | null }>('surveillance.setReviewer', { reviewer: '  Ann Lee ' })).reviewer, 'Ann Lee');
      assert.equal(JSON.parse(readFileSync(dir.file('reviewer.json'), 'utf8')).reviewer, 'Ann Lee');

      const blank = await call('alerts.review', { id: 'large-fill:a', to: 'acknowledged', comment: '  ' });
      assert.deepEqual(blank.ok ? null : blank.error, { kind: 'rejected', message: 'Review of "large-fill:a" refused: A review needs a comment saying why.' });
      const unknown = await call('alerts.review', { id: 'nope', to: 'acknowledged', comment: 'x' });
      assert.equal(unknown.ok ? null : unknown.error.kind, 'not-found');
      assert.equal(changed.length, 0, 'nothing pushed for a refusal');

      const done1 = value(await call<{ alert: SurveillanceAlertWire; history: { kind: string; reviewer?: string; comment?: string }[] }>('alerts.review', { id: 'large-fill:a', to: 'acknowledged', comment: 'Known hedge.' }));
      assert.equal(done1.alert.state, 'acknowledged');
      assert.deepEqual(done1.history.at(-1), { kind: 'review', auditId: done1.history.at(-1)!['auditId' as never], at: T0 + 60_000, from: 'open', to: 'acknowledged', reviewer: 'Ann Lee', comment: 'Known hedge.' });
      assert.deepEqual(changed.map((a) => [a.id, a.state, a.reviewCount]), [['large-fill:a', 'acknowledged', 1]]);
      const illegal = await call('alerts.review', { id: 'large-fill:a', to: 'open', comment: 'Again.' });
      assert.match(illegal.ok ? '' : illegal.error.message, /acknowledged cannot be moved to open; it can be moved to escalated or closed/);
    } finally {
      done();
    }
  });

  test('rules: defaults until saved; a refused document names its field; a change is the next version, saved and applied', async () => {
    const { dir, call, applied, done } = setup();
    try {
      type Settings = { rules: { document: RulesDocument; source: string; applied: boolean; text: string } };
      const before = value(await call<Settings>('surveillance.get', {}));
      assert.deepEqual([before.rules.source, before.rules.document.version, before.rules.applied], ['default', 1, true]);
      const notJson = value(await call<{ saved: boolean; field: string; message: string }>('surveillance.setRules', { text: '{' }));
      assert.deepEqual([notJson.saved, notJson.field], [false, '']);
      assert.match(notJson.message, /^rules: not valid JSON/);
      const bad = value(await call<{ saved: boolean; field: string; message: string }>('surveillance.setRules', { text: JSON.stringify({ version: 1, largeFill: { fillContracts: 'thirty' } }) }));
      assert.deepEqual([bad.saved, bad.field], [false, 'largeFill.fillContracts']);
      assert.match(bad.message, /^rules: largeFill\.fillContracts: expected a positive decimal/);
      assert.equal(applied.length, 0, 'nothing applied');

      const doc = { ...before.rules.document, largeFill: { ...before.rules.document.largeFill, fillContracts: '30' } };
      const saved = value(await call<{ saved: true; settings: Settings }>('surveillance.setRules', { text: JSON.stringify(doc) }));
      assert.equal(saved.settings.rules.document.version, 2, 'a change is a new version');
      assert.equal(saved.settings.rules.source, 'file');
      assert.deepEqual(applied.map((r) => [r.version, r.largeFill.fillContracts]), [[2, '30']]);
      const onDisk = JSON.parse(readFileSync(dir.file('rules.json'), 'utf8')) as RulesDocument;
      assert.deepEqual(onDisk, saved.settings.rules.document, 'the whole document, defaults written out');
      const again = value(await call<{ settings: Settings }>('surveillance.setRules', { text: JSON.stringify(doc) }));
      assert.equal(again.settings.rules.document.version, 2, 'the same rules stay the same version');
    } finally {
      done();
    }
  });

  test('an invalid rules.json: the defaults run, the problem names the field, the text is kept for the JSON editor', () => {
    const dir = tempDir('fw-rules-file-');
    try {
      writeFileSync(dir.file('rules.json'), '{"version": 4, "positionLimit": {"limits": [{"contract": "5"}]}}');
      const settings = SurveillanceSettings.read(dir.path);
      const view = settings.view(false);
      assert.equal(view.rules.source, 'invalid-file');
      assert.equal(view.rules.document.version, 1);
      assert.match(view.rules.problem ?? '', /positionLimit\.limits\[0\]\.contract: unknown field.*The default rules run until it is fixed\./);
      assert.match(view.rules.text, /"contract": "5"/);
    } finally {
      dir.remove();
    }
  });
});

describe('surveillance alerts in the live batches', () => {
  test('a new alert is sent open; one raised and reviewed in the same frame is sent once, as it is now', () => {
    const timer = new ManualTimer();
    const batcher = new EventBatcher({ timer });
    const fake = fakeRecorder();
    const feed = new LiveFeed(fake.api, { batcher, now: () => 5_000 });
    const batches: LiveBatch[] = [];
    feed.onBatch((b) => batches.push(b));
    try {
      fake.fire({ type: 'alerts', alerts: [alertOf({ id: 'large-fill:a' })] });
      timer.advance(16);
      assert.deepEqual(batches.at(-1)!.surveillance.map((a) => [a.id, a.state, a.recordedAt, a.reviewCount]), [['large-fill:a', 'open', 5_000, 0]]);
      fake.fire({ type: 'alerts', alerts: [alertOf({ id: 'large-fill:b' })] });
      feed.surveillanceChanged({ ...batches.at(-1)!.surveillance[0]!, id: 'large-fill:b', state: 'closed', reviewCount: 1 });
      timer.advance(16);
      assert.deepEqual(batches.at(-1)!.surveillance.map((a) => [a.id, a.state]), [['large-fill:b', 'closed']]);
    } finally {
      feed.dispose();
    }
  });

  test('evidence a later raise adds reaches the windows as the journal has it (stored by the real service)', async () => {
    const { service, done } = setup();
    const timer = new ManualTimer();
    const fake = fakeRecorder();
    const api: RecorderApi = { ...fake.api, getAlert: async (id) => service.getAlert(id), onEvent: service.onEvent };
    const feed = new LiveFeed(api, { batcher: new EventBatcher({ timer }), now: () => 5_000 });
    const batches: LiveBatch[] = [];
    feed.onBatch((b) => batches.push(b));
    try {
      service.recordAlerts([alertOf({ id: 'large-fill:a' })]);
      timer.advance(16);
      assert.deepEqual(batches.at(-1)!.surveillance.map((a) => [a.id, a.evidence.executions.length]), [['large-fill:a', 1]]);
      const more = alertOf({ id: 'large-fill:a', evidence: { executions: [{ accountId: API_KEY_ID, execId: '77;2' }, { accountId: API_KEY_ID, execId: '78;2' }], orderIds: ['ord-A'] } });
      assert.deepEqual(service.recordAlerts([more]).evidenceAdded, ['large-fill:a']);
      await new Promise((resolve) => setImmediate(resolve)); // the feed reads the stored alert
      timer.advance(16);
      assert.deepEqual(batches.at(-1)!.surveillance.map((a) => [a.id, a.evidence.executions.map((x) => x.execId)]), [['large-fill:a', ['77;2', '78;2']]]);
    } finally {
      feed.dispose();
      done();
    }
  });
});
