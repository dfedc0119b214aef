// A window that (re)loads while executions stream in: main's LiveFeed + EventBatcher on one side, the
// renderer's LiveSync + live rows on the other, an ordered channel between them (as Electron IPC and
// the harness's WebSocket are). Whatever the interleaving of commits, frames, snapshot answers,
// deliveries and reloads, the window ends up showing exactly the newest executions committed, each
// once, in journal order.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventBatcher, FRAME_MS } from '../../electron/main/ipc/event-batcher.ts';
import { IpcDoor, trustOrigins } from '../../electron/main/ipc/ipc-door.ts';
import { liveRequestHandlers } from '../../electron/main/ipc/request-handlers.ts';
import { LiveFeed } from '../../electron/main/live/live-feed.ts';
import { requestChannel, type AppSnapshot, type IpcResult, type LiveBatch } from '../../shared/ipc/contract.ts';
import { addExecutions, NO_ROWS, rowsFromSnapshot, type LiveRows } from '../../renderer/state/live-rows.ts';
import { LiveSync } from '../../renderer/state/live-sync.ts';
import { accountConfig, fakeRecorder } from './support/fake-recorder.ts';
import { ManualTimer } from './support/manual-timer.ts';
import { inMemoryRuleHandlers, unusedSettingsHandlers, unusedHistoryHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

const KEEP = 20;
const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

type Message = { kind: 'batch'; batch: LiveBatch } | { kind: 'answer'; deliver: () => void };

/** One renderer: its rows, its LiveSync, and the ordered channel main writes to it. */
class Window {
  rows: LiveRows = NO_ROWS;
  readonly inbox: Message[] = [];
  readonly sync: LiveSync;
  #listener: ((b: LiveBatch) => void) | undefined;

  constructor(main: Main) {
    this.sync = new LiveSync({
      snapshot: () => new Promise<IpcResult<AppSnapshot>>((resolve) => main.requests.push({ window: this, resolve })),
      onBatch: (listener) => { this.#listener = listener; main.windows.add(this); return () => main.windows.delete(this); },
    }, {
      snapshot: (s) => { this.rows = rowsFromSnapshot(s, KEEP); },
      batch: (b) => { this.rows = addExecutions(this.rows, b.executions, true, KEEP); },
      failed: () => assert.fail('the snapshot never fails here'),
    });
    this.sync.start();
  }

  deliverOne(): boolean {
    const message = this.inbox.shift();
    if (message === undefined) return false;
    if (message.kind === 'batch') this.#listener?.(message.batch);
    else message.deliver();
    return true;
  }
}

class Main {
  readonly timer = new ManualTimer();
  readonly recorder = fakeRecorder([accountConfig('a'), accountConfig('b')]);
  readonly feed = new LiveFeed(this.recorder.api, { batcher: new EventBatcher({ timer: this.timer }), keepExecutions: 50, statusPollMs: 3_600_000 });
  readonly door = new IpcDoor({ ...liveRequestHandlers(this.feed), ...inMemoryRuleHandlers(), ...unusedSettingsHandlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers() }, trustOrigins(['app://fillwatch']));
  readonly windows = new Set<Window>();
  readonly requests: { window: Window; resolve: (r: IpcResult<AppSnapshot>) => void }[] = [];
  readonly committed: string[] = [];

  constructor() {
    this.feed.onBatch((batch) => { for (const w of this.windows) w.inbox.push({ kind: 'batch', batch }); });
  }

  /** Main answers the oldest pending snapshot request: the answer joins that window's channel. */
  async serveOne(): Promise<void> {
    const request = this.requests.shift();
    if (request === undefined) return;
    const answer = await this.door.handle(requestChannel('app.snapshot'), ours, { limit: KEEP }) as IpcResult<AppSnapshot>;
    request.window.inbox.push({ kind: 'answer', deliver: () => request.resolve(answer) });
  }
}

const action = fc.oneof(
  fc.record({ kind: fc.constant('commit' as const), n: fc.integer({ min: 1, max: 12 }), account: fc.constantFrom('a', 'b') }),
  fc.record({ kind: fc.constant('frame' as const), ms: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('serve' as const) }),
  fc.record({ kind: fc.constant('deliver' as const), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('reload' as const) }),
);

describe('snapshot + live batches (resync)', () => {
  test('the window shows exactly the newest committed executions, once each, for any interleaving', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 60 }), async (actions) => {
      const main = new Main();
      let window = new Window(main);
      try {
        for (const a of actions) {
          switch (a.kind) {
            case 'commit': main.committed.push(...main.recorder.commit(a.n, a.account)); break;
            case 'frame': main.timer.advance(a.ms); break;
            case 'serve': await main.serveOne(); break;
            case 'deliver': for (let i = 0; i < a.n; i++) window.deliverOne(); break;
            case 'reload': window.sync.stop(); main.windows.delete(window); window = new Window(main); break;
          }
          await settle();
        }
        // Quiesce: every frame flushed, every request served, every message delivered.
        main.timer.advance(FRAME_MS);
        while (main.requests.length > 0 || window.inbox.length > 0) {
          await main.serveOne();
          while (window.deliverOne()) await settle();
          await settle();
        }
        const shown = window.rows.order.map((p) => window.rows.byPosition.get(p)!.execution.record.execId);
        assert.deepEqual(shown, main.committed.slice(-KEEP).reverse());
        assert.equal(window.sync.phase, 'live');
      } finally {
        main.feed.dispose();
      }
    }), { numRuns: 150 });
  });

  test('a lost batch is noticed by its number and repaired with a fresh snapshot', async () => {
    const main = new Main();
    const window = new Window(main);
    try {
      await main.serveOne();
      window.deliverOne();
      await settle();
      main.committed.push(...main.recorder.commit(3));
      main.timer.advance(FRAME_MS);
      main.committed.push(...main.recorder.commit(2));
      main.timer.advance(FRAME_MS);
      window.inbox.shift(); // the first batch is lost on the way
      window.deliverOne();
      await settle();
      assert.equal(window.sync.resyncs, 1);
      await main.serveOne();
      window.deliverOne();
      await settle();
      const shown = window.rows.order.map((p) => window.rows.byPosition.get(p)!.execution.record.execId);
      assert.deepEqual(shown, [...main.committed].reverse());
    } finally {
      main.feed.dispose();
    }
  });
});

describe('LiveFeed', () => {
  test('statuses come from the engine and follow phase events; alerts and logs are kept for a reload', async () => {
    const main = new Main();
    try {
      await main.feed.refreshAccounts();
      assert.deepEqual(main.feed.accounts().map((a) => [a.account.id, a.status.phase, a.status.lastMessageAt]), [['a', 'active', 2_000], ['b', 'active', 2_000]]);
      assert.equal(main.feed.accounts()[0]!.account.priceUnit, 'dollars');
      assert.ok(!JSON.stringify(main.feed.accounts()).includes('CERTIFICATE'), 'no certificate body crosses');
      main.recorder.fire({ type: 'phase', accountId: 'a', phase: 'reconnect-wait', text: 'socket closed' });
      main.recorder.fire({ type: 'missed-fills', accountId: 'b', sinceMs: 1, untilMs: 2, text: 'Possible missed fills between 14:00 and 14:05' });
      main.recorder.fire({ type: 'log', accountId: 'a', source: 'listener', at: 3, severity: 'warning', text: 'Heartbeat late' });
      const batches: LiveBatch[] = [];
      main.feed.onBatch((b) => batches.push(b));
      main.timer.advance(FRAME_MS);
      assert.equal(batches.length, 1);
      assert.equal(batches[0]!.statuses[0]!.phase, 'reconnect-wait');
      const snapshot = main.feed.snapshot();
      assert.equal(snapshot.seq, 1);
      assert.equal(snapshot.accounts.find((a) => a.account.id === 'a')!.status.phase, 'reconnect-wait');
      assert.deepEqual(snapshot.alerts.map((a) => [a.kind, a.accountId]), [['missed-fills', 'b']]);
      assert.equal(snapshot.logs[0]!.text, 'Heartbeat late');
    } finally {
      main.feed.dispose();
    }
  });
});
