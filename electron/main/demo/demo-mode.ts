// demo-mode.ts — Fillwatch without Kalshi: the built-in simulator on 127.0.0.1 with its own CA, one
// freshly generated key pair per demo account (public half registered with the simulator, private
// half kept in main's SigningKeys), and a steady stream of execution reports — acks, partials, fills,
// cancels, replaces, rejects — for the recorder to watch like a real account. Nothing is written to
// disk here; the keys die with the process.
import { randomUUID } from 'node:crypto';
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import type { DemoStatus } from '../../../shared/ipc/contract.ts';
import { generateKeyPairAsync, importPrivateKeyPem } from '../../core/signing/index.ts';
import { KalshiSimulator } from '../../simulator/simulator.ts';
import type { SigningKeys } from '../keys/signing-keys.ts';

export interface DemoOptions {
  /** Demo accounts, each its own API key and report stream. Default 2. */
  readonly accounts?: number;
  /** Execution reports per second per account. Default 2. */
  readonly reportsPerSecond?: number;
  readonly seed?: number;
}

export interface Demo {
  readonly accounts: readonly AccountConfig[];
  readonly status: DemoStatus;
  readonly simulator: KalshiSimulator;
  stop(): Promise<void>;
}

const DESK_NAMES = ['Demo desk A', 'Demo desk B', 'Demo desk C', 'Demo desk D'];

export async function startDemo(keys: SigningKeys, options: DemoOptions = {}): Promise<Demo> {
  const count = options.accounts ?? 2;
  const reportsPerSecond = options.reportsPerSecond ?? 2;
  const seed = options.seed ?? Date.now() % 100_000;
  const registered = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const pair = await generateKeyPairAsync();
    const apiKeyId = randomUUID();
    keys.add(apiKeyId, importPrivateKeyPem(pair.privateKeyPem));
    return { apiKeyId, publicKeyPem: pair.publicKeyPem, seed: seed + i * 7919, index: i };
  }));
  const simulator = new KalshiSimulator({
    accounts: registered.map(({ apiKeyId, publicKeyPem, seed: s }) => ({ apiKeyId, publicKeyPem, seed: s })),
    ratePerSecond: reportsPerSecond,
    // As on Kalshi RT: what was produced while we were away is resent after the next Logon.
    streamWhileDisconnected: true,
  });
  const { host, port } = await simulator.start();
  const caPem = simulator.caCertPem ?? '';
  const accounts: AccountConfig[] = registered.map(({ apiKeyId, index }) => ({
    id: `demo-${index + 1}`,
    label: DESK_NAMES[index] ?? `Demo desk ${index + 1}`,
    apiKeyId,
    environment: 'custom',
    listener: { host, port, target: 'KalshiRT' },
    tls: { caPem },
  }));
  return {
    accounts,
    simulator,
    status: { active: true, accountIds: accounts.map((a) => a.id), reportsPerSecond },
    stop: () => simulator.stop(),
  };
}
