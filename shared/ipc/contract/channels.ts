// channels.ts — the channel names requests and events travel on: the name prefixed with `fillwatch:`.
import type { EventName } from './events.ts';
import type { RequestName } from './requests.ts';

export const IPC_PREFIX = 'fillwatch:';

export type RequestChannel<N extends RequestName = RequestName> = `${typeof IPC_PREFIX}${N}`;
export type EventChannel<N extends EventName = EventName> = `${typeof IPC_PREFIX}${N}`;

export function requestChannel<N extends RequestName>(name: N): RequestChannel<N> {
  return `${IPC_PREFIX}${name}`;
}

export function eventChannel<N extends EventName>(name: N): EventChannel<N> {
  return `${IPC_PREFIX}${name}`;
}
