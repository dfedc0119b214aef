// recorder-host.ts — the host side of the recorder worker (Electron's main process, or a test): starts
// recorder-worker.ts in a worker thread, turns calls into messages and results back into promises,
// re-fires the worker's events, and signs each Logon the worker asks for with the key it holds (the
// key never crosses to the worker). If the worker dies, pending calls fail with a clear error, a
// 'service-error' event says so, and — unless the host is closing — a new worker starts and the
// accounts it knew are added again: they resume from the journal, nothing is lost.
import { Worker } from 'node:worker_threads';
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import { Emitter, type Event } from '../../../shared/events/emitter.ts';
import { RECORDER_METHODS, type RecorderApi, type RecorderMethod } from '../../../shared/service/recorder-api.ts';
import type { HostToWorker, WireError, WorkerToHost } from '../../../shared/service/recorder-protocol.ts';
import type { ServiceEvent } from '../../../shared/service/service-events.ts';
import type { LogonSigner } from '../session/admin-encoder.ts';
import type { RecorderWorkerData } from './recorder-worker.ts';

export interface RecorderHostOptions extends RecorderWorkerData {
  /** Signs a Logon for one API key; runs on the host's thread. */
  readonly signerFor: (apiKeyId: string) => LogonSigner;
  /** Restart the worker after it died (default true). */
  readonly restartOnCrash?: boolean;
}

/** An error thrown in the worker, rebuilt with its class name so callers can tell kinds apart. */
export class RecorderCallError extends Error {
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
  }
}

const WORKER_URL = new URL('./recorder-worker.ts', import.meta.url);

export class RecorderHost {
  readonly api: RecorderApi;
  readonly #options: RecorderHostOptions;
  readonly #events = new Emitter<ServiceEvent>();
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** The rules last set through this host, for a restarted worker (else the options' rules). */
  #rules: RecorderHostOptions['rules'];
  /** Accounts as last configured through this host, to add again after a crash. */
  readonly #accounts = new Map<string, { config: AccountConfig; running: boolean }>();
  #worker: Worker;
  #ready: Promise<void>;
  #seq = 0;
  #closing = false;
  /** How many times the worker was restarted after dying. */
  restarts = 0;

  constructor(options: RecorderHostOptions) {
    this.#options = options;
    ({ worker: this.#worker, ready: this.#ready } = this.#spawn());
    const call = (method: RecorderMethod) => (...args: unknown[]) => this.#call(method, args);
    this.api = {
      ...Object.fromEntries(RECORDER_METHODS.map((m) => [m, call(m)])),
      onEvent: this.#events.event,
    } as RecorderApi;
    this.#wrapAccountBookkeeping();
  }

  get onEvent(): Event<ServiceEvent> {
    return this.#events.event;
  }

  /** The worker's thread id (tests check the work really runs elsewhere). */
  get workerThreadId(): number {
    return this.#worker.threadId;
  }

  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    try {
      await this.#call('close', []);
    } finally {
      await this.#worker.terminate();
      this.#events.dispose();
    }
  }

  #spawn(): { worker: Worker; ready: Promise<void> } {
    const { signerFor: _s, restartOnCrash: _r, ...data } = this.#options;
    const worker = new Worker(WORKER_URL, { workerData: this.#rules === undefined ? data : { ...data, rules: this.#rules } });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: WorkerToHost) => { if (message.kind === 'ready') { worker.off('error', reject); resolve(); } };
      worker.once('error', reject);
      worker.on('message', onMessage);
    });
    worker.on('message', (message: WorkerToHost) => this.#onMessage(worker, message));
    worker.on('error', (error) => this.#events.fire({ type: 'service-error', text: `The recorder engine crashed: ${error.message}` }));
    worker.on('exit', (code) => this.#onExit(worker, code));
    return { worker, ready };
  }

  async #call(method: RecorderMethod, args: readonly unknown[]): Promise<never> {
    await this.#ready;
    const seq = ++this.#seq;
    const message: HostToWorker = { kind: 'call', seq, method, args };
    return new Promise<never>((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage(message);
    });
  }

  #onMessage(worker: Worker, message: WorkerToHost): void {
    switch (message.kind) {
      case 'ready':
        return;
      case 'result': {
        const pending = this.#pending.get(message.seq);
        this.#pending.delete(message.seq);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(new RecorderCallError(message.error));
        return;
      }
      case 'event':
        this.#events.fire(message.event);
        return;
      case 'sign':
        void this.#sign(worker, message.id, message.apiKeyId, message.fields);
        return;
    }
  }

  async #sign(worker: Worker, id: number, apiKeyId: string, fields: Parameters<LogonSigner>[0]): Promise<void> {
    let reply: HostToWorker;
    try {
      reply = { kind: 'signed', id, signature: await this.#options.signerFor(apiKeyId)(fields) };
    } catch (error) {
      // The reason only (e.g. "the keychain is locked"): never key material.
      reply = { kind: 'sign-failed', id, message: error instanceof Error ? error.message : String(error) };
    }
    if (worker === this.#worker) worker.postMessage(reply);
  }

  #onExit(worker: Worker, code: number): void {
    if (worker !== this.#worker) return;
    const failure = new Error(`The recorder engine stopped (exit code ${code}) before answering.`);
    for (const pending of this.#pending.values()) pending.reject(failure);
    this.#pending.clear();
    if (this.#closing) return;
    this.#events.fire({ type: 'service-error', text: `The recorder engine stopped unexpectedly (exit code ${code}); restarting it. The journal is intact and every account resumes from it.` });
    if (this.#options.restartOnCrash === false) return;
    this.restarts++;
    ({ worker: this.#worker, ready: this.#ready } = this.#spawn());
    // The accounts first: calls reach the new worker in the order they are made, so whatever a listener
    // of engine-restarted asks (the accounts configured, to resync) is answered with them back in place.
    for (const { config, running } of this.#accounts.values()) {
      void this.#call('addAccount', [config, { start: running }]).catch((error: Error) => this.#events.fire({ type: 'service-error', accountId: config.id, text: `Could not restart account "${config.label}": ${error.message}` }));
    }
    this.#events.fire({ type: 'engine-restarted', text: 'The recorder engine was restarted; resyncing from the journal.' });
  }

  /** Remembers what was configured, so a restarted worker gets the same accounts. */
  #wrapAccountBookkeeping(): void {
    const api = this.api as { -readonly [K in keyof RecorderApi]: RecorderApi[K] };
    const { addAccount, removeAccount, reconfigure, startAccount, stopAccount, setRules } = api;
    api.setRules = async (rules) => {
      await setRules(rules);
      this.#rules = rules;
    };
    api.addAccount = async (config, options) => {
      await addAccount(config, options);
      this.#accounts.set(config.id, { config, running: options?.start ?? true });
    };
    api.removeAccount = async (id) => {
      await removeAccount(id);
      this.#accounts.delete(id);
    };
    api.reconfigure = async (config) => {
      await reconfigure(config);
      const known = this.#accounts.get(config.id);
      this.#accounts.set(config.id, { config, running: known?.running ?? false });
    };
    api.startAccount = async (id) => {
      await startAccount(id);
      const known = this.#accounts.get(id);
      if (known !== undefined) known.running = true;
    };
    api.stopAccount = async (id) => {
      await stopAccount(id);
      const known = this.#accounts.get(id);
      if (known !== undefined) known.running = false;
    };
  }

  /** Test hook: end the worker abruptly, as a crash would. */
  async crashForTest(): Promise<void> {
    await this.#worker.terminate();
  }
}
