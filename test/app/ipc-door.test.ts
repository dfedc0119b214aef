// IpcDoor: the sender is checked before anything else (our origin, main frame), then the channel, then
// the payload against the contract; handler refusals keep their kind, and an answer that breaks the
// contract is refused by main itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IpcDoor, IpcRequestError, originOf, trustOrigins, type IpcSender, type RequestHandlers } from '../../electron/main/ipc/ipc-door.ts';
import { requestChannel, type IpcResult } from '../../shared/ipc/contract.ts';
import { inMemoryRuleHandlers, unusedSettingsHandlers, unusedHistoryHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

const ours: IpcSender = { url: 'app://fillwatch/index.html', isMainFrame: true };
const demoStatus = { active: true, accountIds: ['demo-1'], reportsPerSecond: 2 };

function door(overrides: Partial<RequestHandlers> = {}) {
  const calls: string[] = [];
  const refused: string[] = [];
  const handlers: RequestHandlers = {
    'app.snapshot': () => { calls.push('snapshot'); return { seq: 0, position: null, accounts: [], executions: [], logs: [], alerts: [], demo: demoStatus }; },
    'accounts.list': () => { calls.push('accounts'); return []; },
    'positions.get': ({ accountId }) => { calls.push(`positions ${accountId}`); throw new IpcRequestError('not-found', `No account "${accountId}" is configured.`); },
    'session.get': () => [],
    'demo.status': () => { calls.push('demo'); return demoStatus; },
    ...inMemoryRuleHandlers(),
    ...unusedSettingsHandlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers(),
    ...overrides,
  };
  const d = new IpcDoor(handlers, trustOrigins(['app://fillwatch']), { onRefused: (channel, kind) => refused.push(`${channel} ${kind}`) });
  return { door: d, calls, refused };
}

const errorKind = (r: IpcResult<unknown>) => (r.ok ? 'ok' : r.error.kind);

describe('IpcDoor', () => {
  test('answers our own main frame', async () => {
    const { door: d, calls } = door();
    const answer = await d.handle(requestChannel('demo.status'), ours, {});
    assert.deepEqual(answer, { ok: true, value: demoStatus });
    assert.deepEqual(calls, ['demo']);
  });

  test('refuses a foreign origin, a sub-frame and an unknown sender before reading the payload', async () => {
    const { door: d, calls, refused } = door();
    for (const sender of [
      { url: 'https://evil.example/x', isMainFrame: true },
      { url: 'app://fillwatch.evil/index.html', isMainFrame: true },
      { url: 'file:///tmp/index.html', isMainFrame: true },
      { url: 'app://fillwatch/index.html', isMainFrame: false },
      { url: null, isMainFrame: true },
    ]) {
      assert.equal(errorKind(await d.handle(requestChannel('app.snapshot'), sender, { limit: 'not even valid' })), 'forbidden-sender');
    }
    assert.deepEqual(calls, []);
    assert.equal(refused.length, 5);
  });

  test('refuses an unknown channel and a bad payload with typed errors, never calling the handler', async () => {
    const { door: d, calls } = door();
    assert.equal(errorKind(await d.handle('fillwatch:keys.export', ours, {})), 'unknown-request');
    assert.equal(errorKind(await d.handle('app.snapshot', ours, {})), 'unknown-request');
    assert.equal(errorKind(await d.handle('fillwatch:__proto__', ours, {})), 'unknown-request');
    const bad = await d.handle(requestChannel('app.snapshot'), ours, { limit: -1 });
    assert.equal(errorKind(bad), 'invalid-payload');
    assert.match(bad.ok ? '' : bad.error.message, /limit/);
    assert.equal(errorKind(await d.handle(requestChannel('positions.get'), ours, { accountId: 42 })), 'invalid-payload');
    assert.equal(errorKind(await d.handle(requestChannel('demo.status'), ours, { extra: 1 })), 'invalid-payload');
    assert.deepEqual(calls, []);
  });

  test('a handler refusal keeps its kind; a throw becomes "failed" with its sentence', async () => {
    const { door: d } = door({ 'accounts.list': () => { throw new Error('The recorder engine stopped before answering.'); } });
    const missing = await d.handle(requestChannel('positions.get'), ours, { accountId: 'nope' });
    assert.deepEqual(missing, { ok: false, error: { kind: 'not-found', message: 'No account "nope" is configured.' } });
    const failed = await d.handle(requestChannel('accounts.list'), ours, undefined);
    assert.deepEqual(failed, { ok: false, error: { kind: 'failed', message: 'accounts.list failed: The recorder engine stopped before answering.' } });
  });

  test('an answer that breaks the contract is refused by main, not shown', async () => {
    const { door: d } = door({ 'demo.status': () => ({ ...demoStatus, privateKeyPem: '-----BEGIN PRIVATE KEY-----' }) as never });
    const answer = await d.handle(requestChannel('demo.status'), ours, {});
    assert.equal(errorKind(answer), 'failed');
    assert.doesNotMatch(JSON.stringify(answer), /BEGIN PRIVATE KEY/);
  });

  test('originOf handles the custom scheme (WHATWG gives it the opaque origin)', () => {
    assert.equal(originOf('app://fillwatch/assets/x.js'), 'app://fillwatch');
    assert.equal(originOf('http://127.0.0.1:4173/'), 'http://127.0.0.1:4173');
    assert.equal(originOf('about:blank'), null);
    assert.equal(originOf('not a url'), null);
  });
});
