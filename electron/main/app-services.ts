// app-services.ts — the composition root of everything main runs besides Electron itself: the signing
// keys, demo mode's simulator, the recorder engine in its worker thread (RecorderHost), and the
// LiveFeed with the request handlers windows talk to. Plain Node, so Electron's main and the app
// harness run exactly the same services; only the transport to the renderer differs.
import type { DemoStatus } from '../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../shared/service/recorder-api.ts';
import { RecorderHost } from '../core/service/recorder-host.ts';
import { startDemo, type Demo, type DemoOptions } from './demo/demo-mode.ts';
import type { RequestHandlers } from './ipc/ipc-door.ts';
import { liveRequestHandlers } from './ipc/request-handlers.ts';
import { SigningKeys } from './keys/signing-keys.ts';
import { LiveFeed } from './live/live-feed.ts';

export interface AppServicesOptions {
  /** The journal every account records into. */
  readonly journalPath: string;
  /** Start the built-in simulator with demo accounts (what the app does with no account configured). */
  readonly demo?: false | DemoOptions;
  readonly statusPollMs?: number;
}

export interface AppServices {
  readonly feed: LiveFeed;
  readonly handlers: RequestHandlers;
  readonly recorder: RecorderApi;
  readonly demo: DemoStatus;
  close(): Promise<void>;
}

export async function startAppServices(options: AppServicesOptions): Promise<AppServices> {
  const keys = new SigningKeys();
  const demo: Demo | undefined = options.demo === false || options.demo === undefined ? undefined : await startDemo(keys, options.demo);
  const host = new RecorderHost({ journalPath: options.journalPath, signerFor: keys.signerFor });
  const feed = new LiveFeed(host.api, {
    ...(demo === undefined ? {} : { demo: demo.status }),
    ...(options.statusPollMs === undefined ? {} : { statusPollMs: options.statusPollMs }),
  });
  try {
    for (const account of demo?.accounts ?? []) await host.api.addAccount(account);
    await feed.refreshAccounts();
  } catch (error) {
    feed.dispose();
    await host.close().catch(() => {});
    await demo?.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    feed,
    handlers: liveRequestHandlers(feed),
    recorder: host.api,
    demo: feed.demoStatus(),
    close: () => closing ??= (async () => {
      feed.dispose();
      try {
        await host.close();
      } finally {
        await demo?.stop();
      }
    })(),
  };
}
