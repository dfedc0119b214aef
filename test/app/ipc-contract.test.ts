// The IPC contract (shared/ipc/contract.ts): every channel carries the fillwatch: prefix, the schemas
// accept what the engine produces and refuse what it never does (floats for money, unknown keys,
// out-of-range limits), and the envelope's error kinds are closed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IPC_ERROR_KINDS, MAX_SNAPSHOT_EXECUTIONS, REQUEST_NAMES, eventChannel, events, executionRecordSchema, ipcErrorSchema,
  liveBatchSchema, requestChannel, requests,
} from '../../shared/ipc/contract.ts';
import { DEFAULT_NOTIFICATION_RULES } from '../../shared/notifications/notification-rules.ts';
import { sampleRecord } from './support/samples.ts';

describe('IPC contract', () => {
  test('every request and event channel is fillwatch:-prefixed and unique', () => {
    const channels = [...REQUEST_NAMES.map(requestChannel), ...Object.keys(events).map((n) => eventChannel(n as keyof typeof events))];
    for (const c of channels) assert.match(c, /^fillwatch:[a-z]+\.[a-zA-Z]+$/);
    assert.equal(new Set(channels).size, channels.length);
    assert.deepEqual([...REQUEST_NAMES].filter((n) => !/^(settings|keys|tls|history)\.|^accounts\.(save|remove|testConnection)$/.test(n)).sort(), [
      'accounts.list', 'alerts.get', 'alerts.list', 'alerts.review', 'app.snapshot', 'demo.status', 'notifications.getRules', 'notifications.setRules', 'positions.get', 'session.get',
      'surveillance.get', 'surveillance.setReviewer', 'surveillance.setRules',
    ]);
  });

  test('an engine record parses unchanged; a price as a number or an extra field is refused', () => {
    assert.deepEqual(executionRecordSchema.parse(sampleRecord), sampleRecord);
    assert.equal(executionRecordSchema.safeParse({ ...sampleRecord, lastPx: 0.42 }).success, false);
    assert.equal(executionRecordSchema.safeParse({ ...sampleRecord, lastPx: '4.2e-1' }).success, false);
    assert.equal(executionRecordSchema.safeParse({ ...sampleRecord, privateKeyPem: 'x' }).success, false);
  });

  test('requests: snapshot limit is bounded, no-argument requests refuse arguments, positions needs an account', () => {
    const snapshot = requests['app.snapshot'].request;
    assert.equal(snapshot.safeParse({}).success, true);
    assert.equal(snapshot.safeParse({ limit: 200 }).success, true);
    assert.equal(snapshot.safeParse({ limit: 0 }).success, false);
    assert.equal(snapshot.safeParse({ limit: MAX_SNAPSHOT_EXECUTIONS + 1 }).success, false);
    assert.equal(snapshot.safeParse({ limit: 1.5 }).success, false);
    assert.equal(requests['accounts.list'].request.safeParse({ all: true }).success, false);
    assert.equal(requests['positions.get'].request.safeParse({}).success, false);
    assert.equal(requests['positions.get'].request.safeParse({ accountId: '' }).success, false);
    assert.equal(requests['positions.get'].request.safeParse({ accountId: 'demo-1' }).success, true);
    assert.equal(requests['positions.get'].request.safeParse({ accountId: 'demo-1', timeZone: 'UTC' }).success, true);
    assert.equal(requests['positions.get'].request.safeParse({ accountId: 'demo-1', timeZone: '' }).success, false);
    assert.equal(requests['session.get'].request.safeParse({ accountId: 'demo-1' }).success, false);
  });

  test('a live batch carries executions with their journal position; a position must be a positive integer', () => {
    const batch = { seq: 1, executions: [{ accountId: 'a', position: 7, record: sampleRecord }], statuses: [], logs: [], alerts: [], positionsChanged: ['a'], surveillance: [] };
    assert.equal(liveBatchSchema.safeParse(batch).success, true);
    assert.equal(liveBatchSchema.safeParse({ ...batch, seq: 0 }).success, false);
    assert.equal(liveBatchSchema.safeParse({ ...batch, executions: [{ accountId: 'a', position: 0, record: sampleRecord }] }).success, false);
  });

  test('error kinds are a closed set', () => {
    assert.deepEqual([...IPC_ERROR_KINDS], ['forbidden-sender', 'unknown-request', 'invalid-payload', 'not-found', 'failed', 'rejected', 'unavailable', 'bad-query']);
    assert.equal(ipcErrorSchema.safeParse({ kind: 'oops', message: 'x' }).success, false);
  });
});

describe('IPC contract: notifications', () => {
  test('rules are checked: exact decimals, HH:MM quiet hours, no extra fields; a notification and its click target parse', () => {
    const rules = { ...DEFAULT_NOTIFICATION_RULES, allFills: false, minQty: '100', quietHours: { from: '22:00', to: '07:00', timeZone: 'America/New_York' } };
    assert.deepEqual(requests['notifications.setRules'].request.parse({ rules }), { rules });
    for (const bad of [{ ...rules, minQty: 100 }, { ...rules, minQty: '1e2' }, { ...rules, quietHours: { from: '25:00', to: '07:00', timeZone: 'UTC' } }, { ...rules, sound: true }, { ...rules, enabled: undefined }]) {
      assert.equal(requests['notifications.setRules'].request.safeParse({ rules: bad }).success, false, JSON.stringify(bad));
    }
    const shown = { id: 1, at: 1, title: 't', body: 'b', urgency: 'normal', target: { accountId: 'a', position: 3, execId: 'x' } };
    assert.deepEqual(events['notifications.shown'].parse(shown), shown);
    assert.equal(events['notifications.shown'].safeParse({ ...shown, urgency: 'loud' }).success, false);
    assert.deepEqual(events['notifications.clicked'].parse(shown.target), shown.target);
  });
});
