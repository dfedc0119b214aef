// emitter.ts — one typed event shape for the engine and its readers (after VS Code's
// base/common/event.ts): `emitter.event(listener)` returns a Disposable; `fire` calls every listener.
// A listener can never hurt the emitter or the other listeners: one that throws is reported once
// and dropped; one that keeps taking longer than `slowMs` (three calls in a row) is reported once and
// dropped too, so a stuck window or notification sink cannot hold up recording. Plain TypeScript
// with no node: import, so the renderer uses it as well.

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => void;
export type Event<T> = (listener: Listener<T>) => Disposable;

/** Why a listener was dropped; handed to `onListenerDropped` once per listener. */
export type ListenerDrop =
  | { readonly kind: 'threw'; readonly error: unknown }
  | { readonly kind: 'slow'; readonly ms: number };

export interface EmitterOptions {
  readonly onListenerDropped?: (drop: ListenerDrop) => void;
  /** A call longer than this counts as slow; three slow calls in a row drop the listener. Default 250. */
  readonly slowMs?: number;
  readonly now?: () => number;
}

const SLOW_CALLS_TO_DROP = 3;

interface Subscription<T> {
  readonly listener: Listener<T>;
  slowCalls: number;
  live: boolean;
}

export class Emitter<T> {
  readonly #options: EmitterOptions;
  #subscriptions: Subscription<T>[] = [];
  #disposed = false;

  constructor(options: EmitterOptions = {}) {
    this.#options = options;
  }

  /** Subscribe; dispose() the result to unsubscribe (idempotent). */
  readonly event: Event<T> = (listener) => {
    if (this.#disposed) return { dispose() {} };
    const subscription: Subscription<T> = { listener, slowCalls: 0, live: true };
    this.#subscriptions = [...this.#subscriptions, subscription];
    return { dispose: () => this.#remove(subscription) };
  };

  get listenerCount(): number {
    return this.#subscriptions.length;
  }

  fire(event: T): void {
    const now = this.#options.now ?? (() => performance.now());
    const slowMs = this.#options.slowMs ?? 250;
    // Iterate a snapshot: listeners may (un)subscribe while being called.
    for (const subscription of this.#subscriptions) {
      if (!subscription.live) continue;
      const started = now();
      try {
        subscription.listener(event);
      } catch (error) {
        this.#drop(subscription, { kind: 'threw', error });
        continue;
      }
      const ms = now() - started;
      subscription.slowCalls = ms > slowMs ? subscription.slowCalls + 1 : 0;
      if (subscription.slowCalls >= SLOW_CALLS_TO_DROP) this.#drop(subscription, { kind: 'slow', ms });
    }
  }

  dispose(): void {
    this.#disposed = true;
    for (const s of this.#subscriptions) s.live = false;
    this.#subscriptions = [];
  }

  #drop(subscription: Subscription<T>, drop: ListenerDrop): void {
    this.#remove(subscription);
    try {
      this.#options.onListenerDropped?.(drop);
    } catch { /* the reporter itself must not break the emitter */ }
  }

  #remove(subscription: Subscription<T>): void {
    if (!subscription.live) return;
    subscription.live = false;
    this.#subscriptions = this.#subscriptions.filter((s) => s !== subscription);
  }
}

/** Disposes a group of subscriptions (and other disposables) at once. */
export class DisposableStore implements Disposable {
  #items: Disposable[] = [];
  #disposed = false;

  add<D extends Disposable>(item: D): D {
    if (this.#disposed) item.dispose();
    else this.#items.push(item);
    return item;
  }

  dispose(): void {
    this.#disposed = true;
    const items = this.#items;
    this.#items = [];
    for (const item of items) item.dispose();
  }
}
