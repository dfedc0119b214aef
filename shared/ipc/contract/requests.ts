// requests.ts — every request (renderer → main, answered once) in one table, put together from the
// areas' own tables, so main's handlers, the preload and the renderer are typed from one object.
import type { z } from 'zod';
import { alertRequests } from '../alerts-contract.ts';
import { historyRequests } from './history.ts';
import { liveRequests } from './live.ts';
import { notificationRequests } from './notifications.ts';
import { positionsRequests } from './positions.ts';
import { sessionRequests } from './session.ts';
import { settingsRequests } from './settings.ts';

export const requests = {
  ...liveRequests,
  ...positionsRequests,
  ...sessionRequests,
  ...notificationRequests,
  ...settingsRequests,
  ...historyRequests,
  /** The Alerts view and Settings → Surveillance (alerts-contract.ts). */
  ...alertRequests,
} as const;

export type RequestName = keyof typeof requests;
export type RequestOf<N extends RequestName> = z.infer<(typeof requests)[N]['request']>;
export type ResponseOf<N extends RequestName> = z.infer<(typeof requests)[N]['response']>;

export const REQUEST_NAMES = Object.keys(requests) as readonly RequestName[];
