// manual-timer.ts — a timer whose clock moves only when the test says so: the event batcher's BatchTimer
// and the updater's UpdateTimers (one shape).
import type { BatchTimer } from '../../../electron/main/ipc/event-batcher.ts';

export class ManualTimer implements BatchTimer {
  #now = 0;
  #due: { at: number; fn: () => void; live: boolean }[] = [];

  now(): number {
    return this.#now;
  }

  after(ms: number, fn: () => void): () => void {
    const entry = { at: this.#now + ms, fn, live: true };
    this.#due.push(entry);
    return () => { entry.live = false; };
  }

  get pending(): number {
    return this.#due.filter((d) => d.live).length;
  }

  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const next = this.#due.filter((d) => d.live && d.at <= until).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.#now = next.at;
      next.live = false;
      next.fn();
    }
    this.#due = this.#due.filter((d) => d.live);
    this.#now = until;
  }
}
