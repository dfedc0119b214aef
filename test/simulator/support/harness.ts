// harness.ts — starts a KalshiSimulator on 127.0.0.1:0 with the test CA and accounts, fast heartbeat
// settings, and hands out logged-on RawFixClients; `stop()` tears everything down so no test leaks a
// socket or a timer.
import { KalshiSimulator } from '../../../electron/simulator/simulator.ts';
import type { SimulatorOptions } from '../../../electron/simulator/simulator.ts';
import { MsgType } from '../../../shared/fix/tags.ts';
import { accountA, accountB, testTls } from './fixtures.ts';
import type { TestAccount } from './fixtures.ts';
import { RawFixClient } from './raw-client.ts';
import type { LogonOptions } from './raw-client.ts';

/** Polls `condition` every 5 ms; rejects with `what` after `timeoutMs`. For server-side state only. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface Harness {
  readonly simulator: KalshiSimulator;
  readonly port: number;
  readonly log: string[];
  connect(): Promise<RawFixClient>;
  /** Connects and logs on, resolving once the Logon response arrived. */
  logon(account?: TestAccount, options?: LogonOptions): Promise<RawFixClient>;
  stop(): Promise<void>;
}

export async function startHarness(options: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const tls = testTls();
  const log: string[] = [];
  const simulator = new KalshiSimulator({
    tls: tls.server,
    accounts: [accountA(), accountB()].map((a) => ({ apiKeyId: a.apiKeyId, publicKeyPem: a.publicKeyPem })),
    seed: 7,
    ratePerSecond: 0,
    totalReports: 20,
    startTimeMs: Date.UTC(2026, 10, 24, 14, 0, 0),
    heartbeatUnitMs: 1000,
    heartbeatGraceMs: 2000,
    log: (line) => log.push(line),
    ...options,
  });
  const { port } = await simulator.start();
  const clients: RawFixClient[] = [];
  const connect = async (): Promise<RawFixClient> => {
    const client = await RawFixClient.connect(port, tls.caPem);
    clients.push(client);
    return client;
  };
  return {
    simulator,
    port,
    log,
    connect,
    async logon(account = accountA(), logonOptions = {}) {
      // A previous connection of this key may still be closing on the server side.
      await eventually(() => !simulator.isLoggedOn(account.apiKeyId), `${account.apiKeyId} to be released`);
      const client = await connect();
      client.logon(account, logonOptions);
      const first = await client.waitFor((m) => m.msgType === MsgType.Logon || m.msgType === MsgType.Logout, 'Logon response');
      if (first.msgType !== MsgType.Logon) throw new Error(`Logon refused: ${first.toDisplayString()}`);
      return client;
    },
    async stop() {
      for (const c of clients) c.close();
      await simulator.stop();
    },
  };
}
