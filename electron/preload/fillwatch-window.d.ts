// fillwatch-window.d.ts — the renderer's view of what the preload exposes (types only).
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the harness bridge; absent in a plain browser tab. */
    readonly fillwatch?: FillwatchApi;
  }
}
