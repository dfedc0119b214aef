// window-bounds-keeper.ts — remembers each kind of window's size and position in window-bounds.json in
// the app's data folder: read once at start (garbage ignored, see window-bounds.ts), saved a moment
// after the user stops moving or resizing, at once when a window closes, and on quit (flush) if
// anything moved since. Writes go one after the other through the atomic writer, so the file is always
// a whole, recent version.
import { readFileSync } from 'node:fs';
import type { BrowserWindow } from 'electron';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { parseBoundsFile, placeWindow, serializeBoundsFile, type Placement, type Rect, type SavedBounds, type WindowKind } from './window-bounds.ts';

export type TrackedWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'getNormalBounds' | 'isMaximized'>;

export interface BoundsKeeperOptions {
  /** Quiet time after the last move or resize before saving. Default 500 ms. */
  readonly debounceMs?: number;
  readonly log?: (line: string) => void;
}

export class WindowBoundsKeeper {
  readonly #path: string;
  readonly #debounceMs: number;
  readonly #log: (line: string) => void;
  readonly #saved: Partial<Record<WindowKind, SavedBounds>>;
  readonly #live = new Map<WindowKind, TrackedWindow>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> = Promise.resolve();
  #stopped = false;
  /** A window moved, resized, (un)maximized or closed since the last write. */
  #dirty = false;

  constructor(path: string, options: BoundsKeeperOptions = {}) {
    this.#path = path;
    this.#debounceMs = options.debounceMs ?? 500;
    this.#log = options.log ?? (() => {});
    this.#saved = this.#read();
  }

  /** Where a window of `kind` should open on today's displays. */
  placement(kind: WindowKind, workAreas: readonly Rect[], defaults: { readonly width: number; readonly height: number }): Placement {
    return placeWindow(this.#saved[kind], workAreas, defaults);
  }

  track(kind: WindowKind, window: TrackedWindow): void {
    this.#live.set(kind, window);
    const soon = () => {
      this.#dirty = true;
      this.#schedule(this.#debounceMs);
    };
    window.on('move', soon);
    window.on('resize', soon);
    window.on('maximize', soon);
    window.on('unmaximize', soon);
    // 'close' comes while the window still has its bounds ('closed' is too late).
    window.on('close', () => {
      this.#capture(kind, window);
      if (this.#live.get(kind) === window) this.#live.delete(kind);
      this.#dirty = true;
      this.#schedule(0);
    });
  }

  /** Saves the bounds of every open window now if any changed; resolves once they are on disk. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#dirty) return this.#writing;
    this.#dirty = false;
    for (const [kind, window] of this.#live) this.#capture(kind, window);
    const text = serializeBoundsFile(this.#saved);
    this.#writing = this.#writing.then(() => writeFileAtomic(this.#path, text)).catch((error: unknown) => {
      this.#log(`could not save window positions to ${this.#path}: ${String(error)}`);
    });
    return this.#writing;
  }

  /** No more saving: windows closing while the app quits must not start a write the exit could cut. */
  dispose(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
  }

  #capture(kind: WindowKind, window: TrackedWindow): void {
    if (window.isDestroyed()) return;
    // The normal-state bounds, also while maximized or minimized: what un-maximizing returns to.
    const { x, y, width, height } = window.getNormalBounds();
    this.#saved[kind] = { x, y, width, height, maximized: window.isMaximized() };
  }

  #read(): Partial<Record<WindowKind, SavedBounds>> {
    let text: string;
    try {
      text = readFileSync(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#log(`could not read ${this.#path}: ${String(error)}`);
      return {};
    }
    const saved = parseBoundsFile(text);
    if (Object.keys(saved).length === 0) this.#log(`${this.#path} held no usable window positions; using defaults`);
    return saved;
  }
}
