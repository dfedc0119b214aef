// account-config.ts — one watched Kalshi account as the user configures it: which API key, which
// exchange host and session (RT or NR), optional drop-copy backfill, and the Logon options. Plain
// data (no secret: the private key lives in the OS keychain under the API key id), so it can be
// saved as settings, sent over IPC and shown in the renderer.

export type KalshiEnvironment = 'production' | 'demo' | 'custom';
export type ListenerTargetName = 'KalshiRT' | 'KalshiNR';

/** kalshi-fix.md §1: order-entry hosts; the ports are the same in both environments. */
export const KALSHI_HOSTS: Readonly<Record<Exclude<KalshiEnvironment, 'custom'>, string>> = {
  production: 'fix.elections.kalshi.com',
  demo: 'fix.demo.kalshi.co',
};
export const KALSHI_PORTS: Readonly<Record<ListenerTargetName | 'KalshiDC', number>> = { KalshiNR: 8228, KalshiDC: 8229, KalshiRT: 8230 };

export interface AccountEndpoint {
  readonly host: string;
  readonly port: number;
}

export interface AccountTls {
  /** A CA certificate (PEM) to trust besides Node's bundled roots: Kalshi's pinned cert or a simulator's CA. */
  readonly caPem?: string;
  /** SHA-256 fingerprints the server certificate must match (hex or base64). */
  readonly pinnedSha256?: readonly string[];
  readonly servername?: string;
}

export interface AccountSessionOptions {
  readonly heartBtIntSec?: number;
  /** 21005=Y: prices in dollars (default true). */
  readonly useDollars?: boolean;
  /** 20127=Y: settlement reports on RT. */
  readonly receiveSettlementReports?: boolean;
  readonly skipPendingTag?: 21011 | 21003;
  readonly retentionHours?: number;
  readonly sendRawDataLength?: boolean;
}

export interface AccountConfig {
  /** Stable id of the account in Fillwatch; the API key id unless the user watches one key twice. */
  readonly id: string;
  readonly label: string;
  /** Kalshi API key id (UUID): our SenderCompID and the keychain entry's name. */
  readonly apiKeyId: string;
  readonly environment: KalshiEnvironment;
  readonly listener: AccountEndpoint & { readonly target: ListenerTargetName };
  /** KalshiDC for backfilling possible missed fills (needed on NR; optional on RT). */
  readonly dropCopy?: AccountEndpoint;
  readonly tls?: AccountTls;
  readonly session?: AccountSessionOptions;
}

/** 'Trading desk (demo, KalshiRT)' */
export function describeAccount(account: AccountConfig): string {
  return `${account.label} (${account.environment}, ${account.listener.target}${account.dropCopy === undefined ? '' : ' + drop copy'})`;
}
