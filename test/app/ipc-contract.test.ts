// The IPC contract (shared/ipc/contract.ts): every channel carries the fillwatch: prefix, the schemas
// accept what the engine produces and refuse what it never does (floats for money, unknown keys,
// out-of-range limits), and the envelope's error kinds are closed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IPC_ERROR_KINDS, MAX_SNAPSHOT_EXECUTIONS, REQUEST_NAMES, eventChannel, events, executionRecordSchema, ipcErrorSchema,
  liveBatchSchema, requestChannel, requests,
} from '../../shared/ipc/contract.ts';
import { sampleRecord } from './support/samples.ts';

describe('IPC contract', () => {
  test('every request and event channel is fillwatch:-prefixed and unique', () => {
    const channels = [...REQUEST_NAMES.map(requestChannel), ...Object.keys(events).map((n) => eventChannel(n as keyof typeof events))];
    for (const c of channels) assert.match(c, /^fillwatch:[a-z]+\.[a-zA-Z]+$/);
    assert.equal(new Set(channels).size, channels.length);
    assert.deepEqual([...REQUEST_NAMES].sort(), ['accounts.list', 'app.snapshot', 'demo.status', 'positions.get']);
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
  });

  test('a live batch carries executions with their journal position; a position must be a positive integer', () => {
    const batch = { seq: 1, executions: [{ accountId: 'a', position: 7, record: sampleRecord }], statuses: [], logs: [], alerts: [], positionsChanged: ['a'] };
    assert.equal(liveBatchSchema.safeParse(batch).success, true);
    assert.equal(liveBatchSchema.safeParse({ ...batch, seq: 0 }).success, false);
    assert.equal(liveBatchSchema.safeParse({ ...batch, executions: [{ accountId: 'a', position: 0, record: sampleRecord }] }).success, false);
  });

  test('error kinds are a closed set', () => {
    assert.deepEqual([...IPC_ERROR_KINDS], ['forbidden-sender', 'unknown-request', 'invalid-payload', 'not-found', 'failed']);
    assert.equal(ipcErrorSchema.safeParse({ kind: 'oops', message: 'x' }).success, false);
  });
});
