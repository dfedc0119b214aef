// account-session-stats.ts — one account's Session view figures, gathered where the account recorder
// already sees its events: the listener's and the drop copy's counters (connection-counters.ts) and the
// unreadable messages its sessions kept in the journal (counted once from the journal at start, then
// kept up to date from the journal's own notices). Snapshots are plain data for AccountStatus.
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import type { SessionEvent } from '../../../shared/events/session-events.ts';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';
import type { AccountSessionStats } from '../../../shared/service/connection-stats.ts';
import type { BackfillEvent } from '../dropcopy/index.ts';
import type { JournalReader } from '../journal/index.ts';
import { DropCopyCounters, ListenerCounters, type ListenerNow } from './connection-counters.ts';

/** Unreadable messages listed (newest first); the count covers them all. */
const NEWEST_UNDECODABLE = 20;

export class AccountSessionCounters {
  readonly #since: number;
  readonly #listener: ListenerCounters;
  readonly #dropCopy: DropCopyCounters | undefined;
  #undecodableCount = 0;
  #undecodable: readonly UndecodableNotice[] = [];

  constructor(config: AccountConfig, since: number) {
    this.#since = since;
    this.#listener = new ListenerCounters({ target: config.listener.target, host: config.listener.host, port: config.listener.port });
    this.#dropCopy = config.dropCopy === undefined ? undefined : new DropCopyCounters({ target: 'KalshiDC', host: config.dropCopy.host, port: config.dropCopy.port });
  }

  /** What the journal already holds for this API key (a failure to read leaves the count at what arrives live). */
  loadUndecodable(reader: JournalReader, apiKeyId: string): void {
    try {
      const stored = reader.undecodableOf(apiKeyId, NEWEST_UNDECODABLE);
      this.#undecodableCount = stored.count;
      this.#undecodable = stored.newest;
    } catch {
      // A journal that cannot be read says so through the recorder's own errors.
    }
  }

  onSessionEvent(event: SessionEvent, at: number): void {
    this.#listener.onSessionEvent(event, at);
  }

  onBackfillEvent(event: BackfillEvent, at: number): void {
    this.#dropCopy?.onBackfillEvent(event, at);
  }

  onUndecodable(notices: readonly UndecodableNotice[]): void {
    this.#undecodableCount += notices.length;
    this.#undecodable = [...[...notices].reverse(), ...this.#undecodable].slice(0, NEWEST_UNDECODABLE);
  }

  snapshot(listener: ListenerNow): AccountSessionStats {
    return {
      countingSince: this.#since,
      connections: this.#dropCopy === undefined ? [this.#listener.snapshot(listener)] : [this.#listener.snapshot(listener), this.#dropCopy.snapshot()],
      undecodable: { count: this.#undecodableCount, newest: this.#undecodable },
    };
  }
}
