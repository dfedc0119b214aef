// recorder-worker.ts — the worker thread's entry: runs a RecorderService off the host's event loop
// (TLS, decoding, journal commits and history queries never block the thread that serves windows),
// answers the host's calls, forwards every service event, and asks the host for each Logon signature:
// the key stays with the host. workerData: { journalPath, timeZone?, backoff?, tickMs? }.
import { parentPort, workerData } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from '../../../shared/service/recorder-protocol.ts';
import { toWireError } from '../../../shared/service/recorder-protocol.ts';
import { RECORDER_METHODS, type RecorderCalls } from '../../../shared/service/recorder-api.ts';
import { RecorderService, type RecorderServiceOptions } from './recorder-service.ts';

export type RecorderWorkerData = Omit<RecorderServiceOptions, 'signerFor' | 'now'>;

const port = parentPort;
if (port === null) throw new Error('recorder-worker.ts must run in a worker thread.');
const post = (message: WorkerToHost) => port.postMessage(message);

let nextSignId = 1;
const pendingSignatures = new Map<number, { resolve: (signature: string) => void; reject: (error: Error) => void }>();

const service = new RecorderService({
  ...(workerData as RecorderWorkerData),
  signerFor: (apiKeyId) => (fields) => new Promise<string>((resolve, reject) => {
    const id = nextSignId++;
    pendingSignatures.set(id, { resolve, reject });
    post({ kind: 'sign', id, apiKeyId, fields });
  }),
});
service.onEvent((event) => post({ kind: 'event', event }));

port.on('message', (message: HostToWorker) => {
  switch (message.kind) {
    case 'call':
      void answer(message.seq, message.method, message.args);
      return;
    case 'signed':
    case 'sign-failed': {
      const pending = pendingSignatures.get(message.id);
      pendingSignatures.delete(message.id);
      if (message.kind === 'signed') pending?.resolve(message.signature);
      else pending?.reject(new Error(message.message));
      return;
    }
  }
});

async function answer(seq: number, method: keyof RecorderCalls, args: readonly unknown[]): Promise<void> {
  try {
    if (!RECORDER_METHODS.includes(method)) throw new TypeError(`Unknown recorder call "${String(method)}".`);
    const call = service[method] as (...a: readonly unknown[]) => unknown;
    const value: unknown = await call.apply(service, [...args]);
    post({ kind: 'result', seq, ok: true, value });
  } catch (error) {
    post({ kind: 'result', seq, ok: false, error: toWireError(error) });
  }
  if (method === 'close') port!.close();
}

post({ kind: 'ready' });
