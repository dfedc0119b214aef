// fillwatch.ts — the preload's API as the renderer reaches it (window.fillwatch), or undefined when the
// page was opened outside the app (then the window says so instead of drawing nothing).
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';

export function fillwatchApi(): FillwatchApi | undefined {
  return window.fillwatch;
}
