// app-services.ts — the composition root of everything main runs besides Electron itself: the signing
// keys, demo mode's simulator, the recorder engine in its worker thread (RecorderHost), and the
// LiveFeed with the request handlers windows talk to, and desktop notifications (their sinks are
// added by whoever shows them: Electron's main, or the harness's toast log). Plain Node, so Electron's main and the app
// harness run exactly the same services; only the transport to the renderer differs.
import { dirname, join } from 'node:path';
import type { DemoStatus } from '../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../shared/service/recorder-api.ts';
import { RecorderHost } from '../core/service/recorder-host.ts';
import { startDemo, type Demo, type DemoOptions } from './demo/demo-mode.ts';
import type { FaultRequest } from '../simulator/faults.ts';
import { liveRequestHandlers, type ServiceHandlers } from './ipc/request-handlers.ts';
import { SigningKeys } from './keys/signing-keys.ts';
import { LiveFeed } from './live/live-feed.ts';
import { notificationRequestHandlers } from './notifications/notification-handlers.ts';
import { NotificationService, type NotificationServiceOptions } from './notifications/notification-service.ts';
import type { RulesDocument } from '../../shared/surveillance/rules-document.ts';

export interface AppServicesOptions {
  /** The journal every account records into. */
  readonly journalPath: string;
  /** Start the built-in simulator with demo accounts (what the app does with no account configured). */
  readonly demo?: false | DemoOptions;
  readonly statusPollMs?: number;
  /** The notifications' rules and progress (default: notifications.json beside the journal). */
  readonly notificationsPath?: string;
  readonly notifications?: Partial<Pick<NotificationServiceOptions, 'clock' | 'tickMs' | 'coalesceMs' | 'log'>>;
  /** The private keys Logons are signed with (default: a new, empty set); the harness's callers add their own. */
  readonly keys?: SigningKeys;
  /** The surveillance rules the recorder runs (default: the engine's defaults). */
  readonly rules?: RulesDocument;
}

export interface AppServices {
  readonly feed: LiveFeed;
  /** Everything but Settings' accounts and keys, which the app runtime answers. */
  readonly handlers: ServiceHandlers;
  readonly recorder: RecorderApi;
  readonly notifications: NotificationService;
  readonly demo: DemoStatus;
  /** Kills the engine's worker as a crash would (tests of the restart path; the host restarts it). */
  crashEngineForTest(): Promise<void>;
  /** Stages a simulator fault (a gap, an unreadable report, a drop) on a demo account: tests, the Session view's screenshot. */
  injectDemoFaultForTest(fault: FaultRequest, accountId: string): void;
  close(): Promise<void>;
}

export async function startAppServices(options: AppServicesOptions): Promise<AppServices> {
  const keys = options.keys ?? new SigningKeys();
  const demo: Demo | undefined = options.demo === false || options.demo === undefined ? undefined : await startDemo(keys, options.demo);
  // History's text search is filled from the start (in slices, yielding to queries), ready before the first keystroke there.
  const host = new RecorderHost({ journalPath: options.journalPath, signerFor: keys.signerFor, warmHistoryAfterMs: 0, ...(options.rules === undefined ? {} : { rules: options.rules }) });
  const feed = new LiveFeed(host.api, {
    ...(demo === undefined ? {} : { demo: demo.status }),
    ...(options.statusPollMs === undefined ? {} : { statusPollMs: options.statusPollMs }),
  });
  // Subscribed before any account starts, so the first executions are seen too.
  const notifications = new NotificationService(host.api, {
    ...options.notifications,
    statePath: options.notificationsPath ?? join(dirname(options.journalPath), 'notifications.json'),
    journalPath: options.journalPath,
  });
  try {
    for (const account of demo?.accounts ?? []) await host.api.addAccount(account);
    await Promise.all([feed.refreshAccounts(), notifications.refreshAccounts()]);
  } catch (error) {
    await notifications.close().catch(() => {});
    feed.dispose();
    await host.close().catch(() => {});
    await demo?.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    feed,
    handlers: { ...liveRequestHandlers(feed), ...notificationRequestHandlers(notifications) },
    recorder: host.api,
    notifications,
    demo: feed.demoStatus(),
    crashEngineForTest: () => host.crashForTest(),
    injectDemoFaultForTest: (fault, accountId) => {
      const account = demo?.accounts.find((a) => a.id === accountId);
      if (demo === undefined || account === undefined) throw new Error(`"${accountId}" is not a demo account.`);
      demo.simulator.injectFault(fault, account.apiKeyId);
    },
    close: () => closing ??= (async () => {
      feed.dispose();
      try {
        await notifications.close();
        await host.close();
      } finally {
        await demo?.stop();
      }
    })(),
  };
}
