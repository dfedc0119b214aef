/// <reference lib="dom" />
// live-view-page.ts — what bench item 9 installs in the page before the app's own scripts run (through
// DevTools, so the app's CSP does not apply and the app's bundle is untouched): a MutationObserver that
// stamps each Live row (tr[data-exec-id]) the first time it enters the DOM, the start of the frame that
// paints it, and the page's long tasks (PerformanceObserver 'longtask') and long animation frames
// ('long-animation-frame', for where a long task's time went). Every stamp is
// performance.timeOrigin + performance.now() of the page, in ms (Chromium steps it by 0.1 ms without
// cross-origin isolation); the bench relates it to its own clock by calibration. Functions here are
// serialised into the page: they may use nothing from this module's scope.

export interface LongTaskStamp {
  /** Start, page clock (ms). */
  readonly at: number;
  readonly ms: number;
}

export interface LongFrameStamp extends LongTaskStamp {
  /** Time spent in scripts, style and layout, and what took it (the longest scripts first). */
  readonly blockingMs: number;
  readonly styleAndLayoutMs: number;
  readonly scripts: readonly { readonly invoker: string; readonly source: string; readonly ms: number; readonly forcedLayoutMs: number }[];
}

export interface LiveViewProbe {
  /** ExecID → when its row was first in the DOM (page clock). */
  readonly rows: Map<string, number>;
  /** ExecID → start of the next animation frame after its row was added (page clock). */
  readonly frames: Map<string, number>;
  readonly longTasks: LongTaskStamp[];
  readonly longFrames: LongFrameStamp[];
}

declare global {
  interface Window {
    __liveViewProbe?: LiveViewProbe;
  }
}

/** Installed with page.addInitScript: runs in every new document before any of its scripts. */
export function installLiveViewProbe(): void {
  const clock = (): number => performance.timeOrigin + performance.now();
  const probe: LiveViewProbe = { rows: new Map(), frames: new Map(), longTasks: [], longFrames: [] };
  window.__liveViewProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e = entry as PerformanceEntry & {
          blockingDuration: number; styleAndLayoutStart: number; renderStart: number;
          scripts: readonly { invoker: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number; duration: number; forcedStyleAndLayoutDuration: number }[];
        };
        if (e.duration <= 50) continue;
        probe.longFrames.push({
          at: performance.timeOrigin + e.startTime,
          ms: e.duration,
          blockingMs: e.blockingDuration,
          styleAndLayoutMs: e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: [...e.scripts].sort((a, b) => b.duration - a.duration).slice(0, 4).map((s) => ({
            invoker: s.invoker,
            source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.replace(/^.*\//, '')}:${s.sourceCharPosition}`,
            ms: s.duration,
            forcedLayoutMs: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // An older Chromium without the Long Animation Frames API: long tasks alone.
  }
  let pending: string[] = [];
  const stampFrame = (ts: number): void => {
    const at = performance.timeOrigin + ts;
    for (const id of pending) probe.frames.set(id, at);
    pending = [];
  };
  const seen = (row: Element, at: number): void => {
    const id = (row as HTMLElement).dataset['execId'];
    if (id === undefined || probe.rows.has(id)) return;
    probe.rows.set(id, at);
    if (pending.length === 0) requestAnimationFrame(stampFrame);
    pending.push(id);
  };
  new MutationObserver((records) => {
    const at = clock();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('tr[data-exec-id]')) seen(node, at);
        else for (const row of node.querySelectorAll('tr[data-exec-id]')) seen(row, at);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** The page's clock, for calibration. */
export function pageClock(): number {
  return performance.timeOrigin + performance.now();
}
