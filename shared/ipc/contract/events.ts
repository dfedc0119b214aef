// events.ts — every event main pushes to the renderer, in one table (the areas define their payloads).
import { z } from 'zod';
import { APP_VIEWS } from '../app-views.ts';
import { exportProgressSchema } from './history.ts';
import { liveBatchSchema } from './live.ts';
import { notificationSchema, notificationTargetSchema } from './notifications.ts';

/** Which view the main window should show (shared/ipc/app-views.ts). */
export const navigateSchema = z.strictObject({ view: z.enum(APP_VIEWS) }).readonly();

export const events = {
  'live.batch': liveBatchSchema,
  /** A notification main showed (or would show): the window lists it in its toast log. */
  'notifications.shown': notificationSchema,
  /** The user clicked a notification: show and highlight its execution. */
  'notifications.clicked': notificationTargetSchema,
  /** What main serves changed as a whole (demo mode ended, accounts changed): take a fresh snapshot. */
  'app.resync': z.strictObject({ reason: z.string() }).readonly(),
  /** The app menu (View → Live, History, …) asks the main window to show a view. */
  'app.navigate': navigateSchema,
  /** A History export's progress (after each page written), then its end. */
  'history.exportProgress': exportProgressSchema,
} as const;

export type EventName = keyof typeof events;
export type EventOf<N extends EventName> = z.infer<(typeof events)[N]>;

export type NavigateWire = z.infer<typeof navigateSchema>;
