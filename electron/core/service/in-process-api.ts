// in-process-api.ts — the RecorderApi over a RecorderService on this thread (the CLI, tests, the bench's
// baseline): the same asynchronous surface the worker host offers, so callers are written once.
import { RECORDER_METHODS, type RecorderApi } from '../../../shared/service/recorder-api.ts';
import type { RecorderService } from './recorder-service.ts';

export function inProcessApi(service: RecorderService): RecorderApi {
  const call = (method: (typeof RECORDER_METHODS)[number]) => async (...args: unknown[]) => {
    const fn = service[method] as (...a: unknown[]) => unknown;
    return fn.apply(service, args);
  };
  return { ...Object.fromEntries(RECORDER_METHODS.map((m) => [m, call(m)])), onEvent: service.onEvent } as RecorderApi;
}
