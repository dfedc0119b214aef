// execution-report.ts — typed, validated view of an ExecutionReport (35=8) as Kalshi sends it
// (kalshi-fix.md §4.1). One pass over the message's field table records where each field is and
// checks every decimal and flag on the bytes; strings are made only when a field is read, so a
// consumer that needs five fields pays for five. Prices, quantities and amounts stay decimal
// strings; nothing here computes positions, P&L or dedupes ExecIDs.

import { DecodeError } from './errors.ts';
import type { FixMessage } from './decode.ts';
import { checkGroupCount, outsideGroup } from './field-readers.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';

export interface CollateralChange {
  /** CollateralAmountChange(1704): signed dollar delta, decimal text. */
  amount: string;
  /** CollateralAmountType(1705): 'BALANCE' or 'PAYOUT' (older revisions: '1'/'2'). */
  type: string;
}

export interface ExecutionReport {
  msgSeqNum: number;
  possDup: boolean;
  sendingTime: string;
  orderId: string;
  clOrdId: string;
  origClOrdId?: string;
  execId: string;
  execType: string;
  ordStatus: string;
  side: string;
  symbol: string;
  orderQty?: string;
  price?: string;
  lastQty?: string;
  lastPx?: string;
  cumQty: string;
  leavesQty: string;
  avgPx: string;
  transactTime?: string;
  text?: string;
  ordRejReason?: string;
  trdMatchId?: string;
  aggressor?: boolean;
  longQty?: string;
  shortQty?: string;
  /** MiscFeeAmt(137) of the first NoMiscFees entry: total fees in dollars. */
  fee?: string;
  /** NoCollateralAmountChanges(1703) entries in wire order. */
  collateralChanges: CollateralChange[];
  lastMkt?: string;
  allocAccount?: string;
  clearingBusinessDate?: string;
  timeInForce?: string;
  expireTime?: string;
}

// One slot per single-valued field; a view remembers the wire index of each (or -1).
const S_ORDER_ID = 0, S_CL_ORD_ID = 1, S_EXEC_ID = 2, S_EXEC_TYPE = 3, S_ORD_STATUS = 4, S_SIDE = 5, S_SYMBOL = 6,
  S_CUM_QTY = 7, S_LEAVES_QTY = 8, S_AVG_PX = 9, S_ORIG_CL_ORD_ID = 10, S_ORDER_QTY = 11, S_PRICE = 12, S_LAST_QTY = 13,
  S_LAST_PX = 14, S_TRANSACT_TIME = 15, S_TEXT = 16, S_ORD_REJ_REASON = 17, S_TRD_MATCH_ID = 18, S_AGGRESSOR = 19,
  S_LONG_QTY = 20, S_SHORT_QTY = 21, S_FEE = 22, S_LAST_MKT = 23, S_ALLOC_ACCOUNT = 24, S_CLEARING_DATE = 25,
  S_TIME_IN_FORCE = 26, S_EXPIRE_TIME = 27, S_NO_COLLATERAL = 28, SLOTS = 29;

/** The always-present fields (§4.1), in the order their absence is reported. */
const REQUIRED: ReadonlyArray<readonly [slot: number, tag: number]> = [
  [S_ORDER_ID, Tag.OrderID], [S_CL_ORD_ID, Tag.ClOrdID], [S_EXEC_ID, Tag.ExecID], [S_EXEC_TYPE, Tag.ExecType],
  [S_ORD_STATUS, Tag.OrdStatus], [S_SIDE, Tag.Side], [S_SYMBOL, Tag.Symbol], [S_CUM_QTY, Tag.CumQty],
  [S_LEAVES_QTY, Tag.LeavesQty], [S_AVG_PX, Tag.AvgPx],
];
const REQUIRED_BITS = REQUIRED.reduce((bits, [slot]) => bits | (1 << slot), 0);

/** Slot + 1 by tag number (all below 2048; 0 = not read). */
const SLOT_BY_TAG = new Int8Array(2048);
/** Slots whose value must be decimal text. */
let DECIMAL_SLOTS = 0;
for (const [tag, slot, decimal] of [
  [Tag.OrderID, S_ORDER_ID], [Tag.ClOrdID, S_CL_ORD_ID], [Tag.ExecID, S_EXEC_ID], [Tag.ExecType, S_EXEC_TYPE],
  [Tag.OrdStatus, S_ORD_STATUS], [Tag.Side, S_SIDE], [Tag.Symbol, S_SYMBOL], [Tag.CumQty, S_CUM_QTY, true],
  [Tag.LeavesQty, S_LEAVES_QTY, true], [Tag.AvgPx, S_AVG_PX, true], [Tag.OrigClOrdID, S_ORIG_CL_ORD_ID],
  [Tag.OrderQty, S_ORDER_QTY, true], [Tag.Price, S_PRICE, true], [Tag.LastQty, S_LAST_QTY, true], [Tag.LastPx, S_LAST_PX, true],
  [Tag.TransactTime, S_TRANSACT_TIME], [Tag.Text, S_TEXT], [Tag.OrdRejReason, S_ORD_REJ_REASON], [Tag.TrdMatchID, S_TRD_MATCH_ID],
  [Tag.AggressorIndicator, S_AGGRESSOR], [Tag.LongQty, S_LONG_QTY, true], [Tag.ShortQty, S_SHORT_QTY, true],
  [Tag.MiscFeeAmt, S_FEE, true], [Tag.LastMkt, S_LAST_MKT], [Tag.AllocAccount, S_ALLOC_ACCOUNT],
  [Tag.ClearingBusinessDate, S_CLEARING_DATE], [Tag.TimeInForce, S_TIME_IN_FORCE], [Tag.ExpireTime, S_EXPIRE_TIME],
  [Tag.NoCollateralAmountChanges, S_NO_COLLATERAL],
] as ReadonlyArray<readonly [number, number, boolean?]>) {
  SLOT_BY_TAG[tag] = slot + 1;
  if (decimal === true) DECIMAL_SLOTS |= 1 << slot;
}

/**
 * Field positions of many views share one slab, as FixMessage does with its field table, so reading
 * an ER allocates one small object. A retained view pins its slab (64 KiB).
 */
const STRIDE = SLOTS + 2; // + first CollateralAmountChange index, + entry count
const SLAB_INTS = 16 * 1024;
let slab = new Int16Array(SLAB_INTS);
let slabUsed = 0;

export class ExecutionReportView {
  readonly message: FixMessage;
  readonly #at: Int16Array;
  readonly #base: number;

  private constructor(message: FixMessage, at: Int16Array, base: number) {
    this.message = message;
    this.#at = at;
    this.#base = base;
  }

  /**
   * Validates in one pass. Throws DecodeError: 'bad-value' (tag 35) for another MsgType;
   * 'missing-field' for an absent always-present field (37, 11, 17, 150, 39, 54, 55, 14, 151, 6);
   * 'bad-value' for a decimal that is not `-?digits[.digits]`, a 1057 other than Y/N, or a 1703 group
   * whose count or entries do not match. For single-valued tags the first occurrence wins.
   */
  static read(msg: FixMessage): ExecutionReportView {
    if (msg.msgType !== MsgType.ExecutionReport) {
      throw new DecodeError('bad-value', Tag.MsgType, `Expected an ExecutionReport (35=8), got 35=${msg.msgType}.`);
    }
    msg.assertReadable();
    if (slabUsed + STRIDE > SLAB_INTS) {
      slab = new Int16Array(SLAB_INTS);
      slabUsed = 0;
    }
    const at = slab;
    const base = slabUsed;
    slabUsed += STRIDE;
    at.fill(-1, base, base + SLOTS + 1);
    let seen = 0;
    let changes = 0;
    let openEntry = false; // a 1704 read whose 1705 has not come yet
    const count = msg.fieldCount;
    for (let i = 0; i < count; i++) {
      const tag = msg.tagAt(i);
      const slot = tag < 2048 ? SLOT_BY_TAG[tag]! - 1 : -1;
      if (slot < 0) {
        if (tag === Tag.CollateralAmountChange) {
          if ((seen & (1 << S_NO_COLLATERAL)) === 0) throw outsideGroup(tag, Tag.NoCollateralAmountChanges);
          if (openEntry) throw missingType();
          if (!msg.isDecimalAt(i)) throw notDecimal(tag);
          if (changes === 0) at[base + SLOTS] = i;
          changes++;
          openEntry = true;
        } else if (tag === Tag.CollateralAmountType) {
          if (!openEntry) throw outsideGroup(tag, Tag.CollateralAmountChange);
          openEntry = false;
        }
        continue;
      }
      const bit = 1 << slot;
      if ((seen & bit) !== 0) continue;
      seen |= bit;
      at[base + slot] = i;
      if ((DECIMAL_SLOTS & bit) !== 0 && !msg.isDecimalAt(i)) throw notDecimal(tag);
      if (slot === S_AGGRESSOR) {
        const flag = msg.valueAt(i);
        if (flag !== 'Y' && flag !== 'N') throw new DecodeError('bad-value', tag, `Tag ${tag} must be Y or N.`);
      }
    }
    if ((seen & REQUIRED_BITS) !== REQUIRED_BITS) {
      for (const [slot, tag] of REQUIRED) {
        if ((seen & (1 << slot)) === 0) throw new DecodeError('missing-field', tag, `The ExecutionReport has no tag ${tag}.`);
      }
    }
    if ((seen & (1 << S_NO_COLLATERAL)) !== 0) {
      if (openEntry) throw missingType();
      checkGroupCount(Tag.NoCollateralAmountChanges, msg.intAt(at[base + S_NO_COLLATERAL]!) ?? -1, changes);
    }
    at[base + SLOTS + 1] = changes;
    return new ExecutionReportView(msg, at, base);
  }

  get msgSeqNum(): number { return this.message.msgSeqNum; }
  get possDup(): boolean { return this.message.possDup; }
  get sendingTime(): string { return this.message.sendingTime; }
  get orderId(): string { return this.#required(S_ORDER_ID); }
  get clOrdId(): string { return this.#required(S_CL_ORD_ID); }
  get execId(): string { return this.#required(S_EXEC_ID); }
  get execType(): string { return this.#required(S_EXEC_TYPE); }
  get ordStatus(): string { return this.#required(S_ORD_STATUS); }
  get side(): string { return this.#required(S_SIDE); }
  get symbol(): string { return this.#required(S_SYMBOL); }
  get cumQty(): string { return this.#required(S_CUM_QTY); }
  get leavesQty(): string { return this.#required(S_LEAVES_QTY); }
  get avgPx(): string { return this.#required(S_AVG_PX); }
  get origClOrdId(): string | undefined { return this.#optional(S_ORIG_CL_ORD_ID); }
  get orderQty(): string | undefined { return this.#optional(S_ORDER_QTY); }
  get price(): string | undefined { return this.#optional(S_PRICE); }
  get lastQty(): string | undefined { return this.#optional(S_LAST_QTY); }
  get lastPx(): string | undefined { return this.#optional(S_LAST_PX); }
  get transactTime(): string | undefined { return this.#optional(S_TRANSACT_TIME); }
  get text(): string | undefined { return this.#optional(S_TEXT); }
  get ordRejReason(): string | undefined { return this.#optional(S_ORD_REJ_REASON); }
  get trdMatchId(): string | undefined { return this.#optional(S_TRD_MATCH_ID); }
  get aggressor(): boolean | undefined {
    const value = this.#optional(S_AGGRESSOR);
    return value === undefined ? undefined : value === 'Y';
  }
  get longQty(): string | undefined { return this.#optional(S_LONG_QTY); }
  get shortQty(): string | undefined { return this.#optional(S_SHORT_QTY); }
  get fee(): string | undefined { return this.#optional(S_FEE); }
  get lastMkt(): string | undefined { return this.#optional(S_LAST_MKT); }
  get allocAccount(): string | undefined { return this.#optional(S_ALLOC_ACCOUNT); }
  get clearingBusinessDate(): string | undefined { return this.#optional(S_CLEARING_DATE); }
  get timeInForce(): string | undefined { return this.#optional(S_TIME_IN_FORCE); }
  get expireTime(): string | undefined { return this.#optional(S_EXPIRE_TIME); }

  /** NoCollateralAmountChanges(1703) entries in wire order (checked by read()). */
  get collateralChanges(): CollateralChange[] {
    const out: CollateralChange[] = [];
    const msg = this.message;
    let i = this.#at[this.#base + SLOTS]!;
    for (let left = this.#at[this.#base + SLOTS + 1]!; left > 0 && i >= 0; left--) {
      const amount = msg.valueAt(i);
      const typeAt = msg.indexOf(Tag.CollateralAmountType, i + 1);
      out.push({ amount, type: msg.valueAt(typeAt) });
      i = msg.indexOf(Tag.CollateralAmountChange, typeAt + 1);
    }
    return out;
  }

  /**
   * Amount of the first NoCollateralAmountChanges(1703) entry whose CollateralAmountType(1705) is one
   * of `types`, or undefined; reads the group in place (no entry objects).
   */
  collateralAmountOf(types: readonly string[]): string | undefined {
    const msg = this.message;
    let i = this.#at[this.#base + SLOTS]!;
    for (let left = this.#at[this.#base + SLOTS + 1]!; left > 0 && i >= 0; left--) {
      const typeAt = msg.indexOf(Tag.CollateralAmountType, i + 1);
      if (types.includes(msg.valueAt(typeAt))) return msg.valueAt(i);
      i = msg.indexOf(Tag.CollateralAmountChange, typeAt + 1);
    }
    return undefined;
  }

  /** Every field as a plain object (what readExecutionReport returns). */
  toObject(): ExecutionReport {
    const er: ExecutionReport = {
      msgSeqNum: this.msgSeqNum, possDup: this.possDup, sendingTime: this.sendingTime,
      orderId: this.orderId, clOrdId: this.clOrdId, execId: this.execId, execType: this.execType,
      ordStatus: this.ordStatus, side: this.side, symbol: this.symbol, cumQty: this.cumQty,
      leavesQty: this.leavesQty, avgPx: this.avgPx, collateralChanges: this.collateralChanges,
    };
    for (const [key, slot] of OPTIONAL_STRING_FIELDS) {
      const value = this.#optional(slot);
      if (value !== undefined) er[key] = value;
    }
    const aggressor = this.aggressor;
    if (aggressor !== undefined) er.aggressor = aggressor;
    return er;
  }

  #required(slot: number): string {
    return this.message.valueAt(this.#at[this.#base + slot]!);
  }

  #optional(slot: number): string | undefined {
    const i = this.#at[this.#base + slot]!;
    return i < 0 ? undefined : this.message.valueAt(i);
  }
}

type OptionalStringKey = 'origClOrdId' | 'orderQty' | 'price' | 'lastQty' | 'lastPx' | 'transactTime' | 'text' | 'ordRejReason'
  | 'trdMatchId' | 'longQty' | 'shortQty' | 'fee' | 'lastMkt' | 'allocAccount' | 'clearingBusinessDate' | 'timeInForce' | 'expireTime';
const OPTIONAL_STRING_FIELDS: ReadonlyArray<readonly [OptionalStringKey, number]> = [
  ['origClOrdId', S_ORIG_CL_ORD_ID], ['orderQty', S_ORDER_QTY], ['price', S_PRICE], ['lastQty', S_LAST_QTY],
  ['lastPx', S_LAST_PX], ['transactTime', S_TRANSACT_TIME], ['text', S_TEXT], ['ordRejReason', S_ORD_REJ_REASON],
  ['trdMatchId', S_TRD_MATCH_ID], ['longQty', S_LONG_QTY], ['shortQty', S_SHORT_QTY], ['fee', S_FEE],
  ['lastMkt', S_LAST_MKT], ['allocAccount', S_ALLOC_ACCOUNT], ['clearingBusinessDate', S_CLEARING_DATE],
  ['timeInForce', S_TIME_IN_FORCE], ['expireTime', S_EXPIRE_TIME],
];

/** Reads and validates an ExecutionReport into a plain object (see ExecutionReportView.read). */
export function readExecutionReport(msg: FixMessage): ExecutionReport {
  return ExecutionReportView.read(msg).toObject();
}

function notDecimal(tag: number): DecodeError {
  return new DecodeError('bad-value', tag, `Tag ${tag} is not a decimal number.`);
}

function missingType(): DecodeError {
  return new DecodeError('missing-field', Tag.CollateralAmountType, 'A CollateralAmountChange(1704) entry has no CollateralAmountType(1705).');
}
