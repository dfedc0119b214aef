// replay-book.ts — positions and P&L of one journal (or one account in it), rebuilt from what it
// stores: every trade in event order (TransactTime, then storage order), then every settlement report
// in storage order. This order is THE definition of P&L: `fillwatch pnl` prints it and the live book
// (live-book.ts) must always equal it. Reads; never writes.
import { FixMessage } from '../fix/decode.ts';
import { DecodeError } from '../fix/errors.ts';
import { readMarketSettlementReport } from '../fix/market-settlement-report.ts';
import type { JournalReader, StoredTrade } from '../journal/index.ts';
import { PositionBook, type PositionBookOptions } from '../../../shared/positions/position-book.ts';
import { PositionError, type Settlement } from '../../../shared/positions/fill.ts';
import { AccountMessages } from './account-messages.ts';
import { fillFromTrade } from './fill-from-execution.ts';
import { settlementFromReport } from './settlement-from-report.ts';

export interface ReplayOptions extends Omit<PositionBookOptions, 'dedupe'> {
  /** Only this API key's sessions; every account in the file when absent. */
  readonly senderCompId?: string;
  /** A fill or settlement the ledger refuses is skipped and reported here (the replay goes on). */
  readonly onSkipped?: (what: string, error: Error) => void;
}

export interface ReplayedBook {
  readonly book: PositionBook;
  /** Per market, the latest event time applied: a later fill older than this needs a replay. */
  readonly lastEventAt: Map<string, number>;
  /** Markets with a settlement applied: a later fill for one needs a replay. */
  readonly settled: Set<string>;
}

export function replayBook(reader: JournalReader, options: ReplayOptions): ReplayedBook {
  const { senderCompId, onSkipped, ...bookOptions } = options;
  const mine = senderCompId === undefined ? undefined : new AccountMessages(reader.accountMessageRanges(senderCompId));
  // The journal's ExecIDs are unique already, so the book need not remember them.
  const replayed: ReplayedBook = { book: new PositionBook({ ...bookOptions, dedupe: 'none' }), lastEventAt: new Map(), settled: new Set() };
  for (const trade of reader.trades()) {
    if (mine === undefined || mine.has(trade.rawId)) applyTrade(replayed, trade, onSkipped);
  }
  for (const stored of reader.settlements()) {
    if (mine !== undefined && !mine.has(stored.rawId)) continue;
    const raw = reader.rawMessage(stored.rawId);
    if (raw !== undefined) applySettlementFrame(replayed, raw.raw, stored.receivedAt, onSkipped);
  }
  return replayed;
}

/** Books one trade (the same function for replay and live, so both compute the same thing). */
export function applyTrade(target: ReplayedBook, trade: StoredTrade, onSkipped?: (what: string, error: Error) => void): void {
  const fill = fillFromTrade(trade);
  if (fill === undefined) return;
  try {
    target.book.apply(fill);
  } catch (error) {
    if (!(error instanceof PositionError)) throw error;
    onSkipped?.(`execution ${trade.execId}`, error);
    return;
  }
  const last = target.lastEventAt.get(trade.symbol);
  if (last === undefined || trade.eventAt > last) target.lastEventAt.set(trade.symbol, trade.eventAt);
}

/** Books one settlement report from its stored frame; returns the market it settled, if any. */
export function applySettlementFrame(target: ReplayedBook, frame: Buffer, receivedAt: number, onSkipped?: (what: string, error: Error) => void): string | undefined {
  let settlement: Settlement | undefined;
  try {
    settlement = settlementFromReport(readMarketSettlementReport(FixMessage.parse(frame)), receivedAt);
    if (settlement === undefined) return undefined;
    target.book.settle(settlement);
  } catch (error) {
    if (!(error instanceof PositionError) && !(error instanceof DecodeError)) throw error;
    onSkipped?.(`settlement report ${settlement?.symbol ?? ''}`.trim(), error);
    return undefined;
  }
  target.settled.add(settlement.symbol);
  return settlement.symbol;
}
