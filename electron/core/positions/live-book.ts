// live-book.ts — one account's positions kept live from the journal's commits, always equal to a
// replay of the journal (replay-book.ts). Commits are booked as they come while they keep the replay
// order: a trade no older than the newest already booked in its market, in a market not yet settled.
// A trade that breaks that order (a late drop-copy backfill with an older TransactTime, or a fill
// after its market settled) is booked by replaying the journal instead: rare, and at 1M executions
// about 1.3 s (README, Performance), off the window's thread.
import type { CommittedBatch, JournalReader, StoredTrade } from '../journal/index.ts';
import type { PositionBook } from '../../../shared/positions/position-book.ts';
import { applySettlementFrame, applyTrade, replayBook, type ReplayedBook, type ReplayOptions } from './replay-book.ts';

export interface LiveBookChange {
  /** Markets whose position or P&L may have changed. */
  readonly symbols: readonly string[];
  /** True when the book was rebuilt from the journal (every market may have changed). */
  readonly replayed: boolean;
}

export class LiveBook {
  readonly #reader: () => JournalReader;
  readonly #options: ReplayOptions;
  #state: ReplayedBook;

  /** `reader` gives a reader that sees every commit reported so far (the journal's own). */
  constructor(reader: () => JournalReader, options: ReplayOptions) {
    this.#reader = reader;
    this.#options = options;
    this.#state = replayBook(reader(), options);
  }

  get book(): PositionBook {
    return this.#state.book;
  }

  /** Books one committed batch of this account; the batch is already in the journal. */
  applyCommitted(batch: CommittedBatch): LiveBookChange {
    const trades: StoredTrade[] = [];
    for (const e of batch.executions) {
      const r = e.record;
      if (r.execType !== 'F' || r.lastQty === null || r.lastPx === null) continue;
      trades.push({ execId: r.execId, symbol: r.symbol, side: r.side, lastQty: r.lastQty, lastPx: r.lastPx, fee: r.fee, balanceChange: e.balanceChange, eventAt: e.eventAt, rawId: e.rawId, priceUnit: e.priceUnit });
    }
    if (trades.some((t) => this.#breaksReplayOrder(t))) {
      this.#state = replayBook(this.#reader(), this.#options);
      return { symbols: [], replayed: true };
    }
    // Markets are independent ledgers, so replay order matters only within a market: this batch's
    // trades in event order, then its settlements, is exactly how a replay would book them.
    const symbols = new Set<string>();
    const sorted = trades.length > 1 ? [...trades].sort((a, b) => a.eventAt - b.eventAt || a.rawId - b.rawId) : trades;
    for (const trade of sorted) {
      applyTrade(this.#state, trade, this.#options.onSkipped);
      symbols.add(trade.symbol);
    }
    for (const s of batch.settlements) {
      const symbol = applySettlementFrame(this.#state, s.raw, s.receivedAt, this.#options.onSkipped);
      if (symbol !== undefined) symbols.add(symbol);
    }
    return { symbols: [...symbols], replayed: false };
  }

  /** Rebuilds from the journal (e.g. after the time zone changed). */
  replay(): void {
    this.#state = replayBook(this.#reader(), this.#options);
  }

  #breaksReplayOrder(trade: StoredTrade): boolean {
    if (this.#state.settled.has(trade.symbol)) return true;
    const last = this.#state.lastEventAt.get(trade.symbol);
    return last !== undefined && trade.eventAt < last;
  }
}
