// electron-ipc.ts — the IpcDoor and the live batches on Electron's transport: one ipcMain.handle per
// request channel of the contract (the sender is the invoking frame), and each batch sent to every
// window that shows our page. No runtime `electron` import: ipcMain and the windows are passed in.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Disposable, Event } from '../../../shared/events/emitter.ts';
import { REQUEST_NAMES, eventChannel, requestChannel, type LiveBatch } from '../../../shared/ipc/contract.ts';
import { APP_ORIGIN } from '../security.ts';
import { originOf, type IpcDoor, type IpcSender } from './ipc-door.ts';

export type InvokeEvent = { readonly senderFrame: Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'> | null };

export function senderOf(event: InvokeEvent): IpcSender {
  const frame = event.senderFrame;
  // A destroyed or navigated-away frame has no senderFrame: unknown, hence refused.
  return frame === null ? { url: null, isMainFrame: false } : { url: frame.url, isMainFrame: frame.parent === null };
}

export function exposeRequests(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, door: IpcDoor): Disposable {
  const channels = REQUEST_NAMES.map(requestChannel);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => door.handle(channel, senderOf(event as InvokeEvent), payload));
  }
  return { dispose: () => { for (const channel of channels) ipcMain.removeHandler(channel); } };
}

export type BatchTarget = Pick<WebContents, 'isDestroyed' | 'getURL' | 'send'>;

/** Sends each batch to every live window showing our page (never to a page that navigated elsewhere). */
export function pushLiveBatches(onBatch: Event<LiveBatch>, targets: () => readonly BatchTarget[], origin = APP_ORIGIN): Disposable {
  const channel = eventChannel('live.batch');
  return onBatch((batch) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed() && originOf(contents.getURL()) === origin) contents.send(channel, batch);
    }
  });
}
