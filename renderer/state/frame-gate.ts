// frame-gate.ts — at most one store update (so one React render and one grid update) per animation
// frame, without delaying the common case. A batch that arrives when nothing has changed since the last
// frame is applied at once (its rows reach the DOM in the same task, painted by the next frame); one that
// arrives while an earlier change still waits for its frame is held and applied, merged with any others,
// at the start of that frame (requestAnimationFrame, before style and layout). So when the page falls
// behind — a loaded machine, a catch-up — it never builds rows that a later batch pushes out before
// they are painted. A large batch (a catch-up's thousands of executions) is always held: the task that
// parsed it stays short, and its rows are built in the frame that paints them. Pure apart from the
// scheduler, which tests pass in.

export interface FrameGateOptions<T> {
  /** Applies items in arrival order (one call, one store update). */
  readonly apply: (items: readonly T[]) => void;
  /** requestAnimationFrame, or a test's stand-in. */
  readonly nextFrame?: (callback: () => void) => void;
  /** Held for the next frame whatever else happened (e.g. a batch larger than the window). */
  readonly holdWhen?: (item: T) => boolean;
}

export class FrameGate<T> {
  readonly #apply: (items: readonly T[]) => void;
  readonly #nextFrame: (callback: () => void) => void;
  readonly #holdWhen: (item: T) => boolean;
  #held: T[] = [];
  /** The store changed since the last frame began; that change is not painted yet. */
  #dirty = false;
  #frameAsked = false;

  constructor(options: FrameGateOptions<T>) {
    this.#apply = options.apply;
    this.#nextFrame = options.nextFrame ?? nextFrameOrSoon;
    this.#holdWhen = options.holdWhen ?? (() => false);
  }

  push(item: T): void {
    if (this.#dirty || this.#held.length > 0 || this.#holdWhen(item)) {
      this.#held.push(item);
    } else {
      this.#dirty = true;
      this.#apply([item]);
    }
    this.#askFrame();
  }

  /** Forgets what is held (a snapshot supersedes it). */
  clear(): void {
    this.#held = [];
  }

  #askFrame(): void {
    if (this.#frameAsked) return;
    this.#frameAsked = true;
    this.#nextFrame(() => {
      this.#frameAsked = false;
      // Whatever is applied now is painted by this very frame.
      this.#dirty = false;
      if (this.#held.length === 0) return;
      const items = this.#held;
      this.#held = [];
      this.#apply(items);
    });
  }
}

/** The next animation frame, or 100 ms, whichever comes first: a hidden window gets no frames, and what it holds must not pile up. */
function nextFrameOrSoon(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 100);
}
