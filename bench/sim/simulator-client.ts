// simulator-client.ts — the bench's side of the simulator child process: forks it, starts the
// simulator, and lets an item wait for each report (started, dropped, backlog-ready, resent…) in turn.
// Owns the child's lifetime: stop() ends it, and a child that dies early fails every waiter.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimulatorCommand, SimulatorReport } from './protocol.ts';

type ReportType = SimulatorReport['type'];
type ReportOf<T extends ReportType> = Extract<SimulatorReport, { type: T }>;

export interface SimulatorHandle {
  readonly port: number;
  readonly caPem: string;
  /** The next report of `type` not yet taken (already received, or the next to arrive). */
  next<T extends ReportType>(type: T, timeoutMs?: number): Promise<ReportOf<T>>;
  /** Sends a command and waits for its answer (clock, stamps): one such question at a time. */
  ask<T extends 'clock' | 'stamps'>(type: T): Promise<ReportOf<T>>;
  stop(): Promise<void>;
}

export type StartOptions = Omit<Extract<SimulatorCommand, { type: 'start' }>, 'type'>;

export async function forkSimulator(options: StartOptions): Promise<SimulatorHandle> {
  const child = fork(fileURLToPath(new URL('./simulator-process.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const inbox = new Inbox(child);
  child.send({ type: 'start', ...options } satisfies SimulatorCommand);
  const started = await inbox.next('started', 30_000);
  return {
    port: started.port,
    caPem: started.caPem,
    next: (type, timeoutMs) => inbox.next(type, timeoutMs),
    ask: (type) => {
      const answer = inbox.next(type, 30_000);
      child.send({ type } satisfies SimulatorCommand);
      return answer;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' } satisfies SimulatorCommand);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

class Inbox {
  readonly #received: SimulatorReport[] = [];
  readonly #waiters = new Set<{ type: ReportType; resolve: (r: SimulatorReport) => void; reject: (e: Error) => void }>();
  #failure: Error | undefined;

  constructor(child: ChildProcess) {
    child.on('message', (message: SimulatorReport) => {
      if (message.type === 'failed') {
        this.#fail(new Error(`The simulator process failed: ${message.error}`));
        return;
      }
      for (const waiter of this.#waiters) {
        if (waiter.type === message.type) {
          this.#waiters.delete(waiter);
          waiter.resolve(message);
          return;
        }
      }
      this.#received.push(message);
    });
    child.on('exit', (code, signal) => this.#fail(new Error(`The simulator process exited (${signal ?? `code ${code}`}).`)));
    child.on('error', (error) => this.#fail(error));
  }

  next<T extends ReportType>(type: T, timeoutMs = 120_000): Promise<ReportOf<T>> {
    const index = this.#received.findIndex((r) => r.type === type);
    if (index >= 0) return Promise.resolve(this.#received.splice(index, 1)[0] as ReportOf<T>);
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise<ReportOf<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`No "${type}" report from the simulator within ${timeoutMs} ms.`));
      }, timeoutMs);
      const waiter = {
        type,
        resolve: (r: SimulatorReport) => {
          clearTimeout(timer);
          resolve(r as ReportOf<T>);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiters) waiter.reject(error);
    this.#waiters.clear();
  }
}
