// execution-report.ts — typed, validated view of an ExecutionReport (35=8) as Kalshi sends it
// (kalshi-fix.md §4.1). Reads the message in one pass over its field table. Prices, quantities and
// amounts stay decimal strings; nothing here computes positions, P&L or dedupes ExecIDs.

import { DecodeError } from './errors.ts';
import type { FixMessage } from './decode.ts';
import { checkGroupCount, decimalAt, outsideGroup, yesNoAt } from './field-readers.ts';
import { MsgType, Tag } from './tags.ts';

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

// One bit per single-valued tag: set once the first occurrence has been read (later ones are ignored).
const B_ORDER_ID = 1 << 0;
const B_CL_ORD_ID = 1 << 1;
const B_EXEC_ID = 1 << 2;
const B_EXEC_TYPE = 1 << 3;
const B_ORD_STATUS = 1 << 4;
const B_SIDE = 1 << 5;
const B_SYMBOL = 1 << 6;
const B_CUM_QTY = 1 << 7;
const B_LEAVES_QTY = 1 << 8;
const B_AVG_PX = 1 << 9;
const B_ORIG_CL_ORD_ID = 1 << 10;
const B_ORDER_QTY = 1 << 11;
const B_PRICE = 1 << 12;
const B_LAST_QTY = 1 << 13;
const B_LAST_PX = 1 << 14;
const B_TRANSACT_TIME = 1 << 15;
const B_TEXT = 1 << 16;
const B_ORD_REJ_REASON = 1 << 17;
const B_TRD_MATCH_ID = 1 << 18;
const B_AGGRESSOR = 1 << 19;
const B_LONG_QTY = 1 << 20;
const B_SHORT_QTY = 1 << 21;
const B_FEE = 1 << 22;
const B_LAST_MKT = 1 << 23;
const B_ALLOC_ACCOUNT = 1 << 24;
const B_CLEARING_DATE = 1 << 25;
const B_TIME_IN_FORCE = 1 << 26;
const B_EXPIRE_TIME = 1 << 27;
const B_NO_COLLATERAL = 1 << 28;

/** The always-present fields (§4.1), in the order their absence is reported. */
const REQUIRED: ReadonlyArray<readonly [bit: number, tag: number]> = [
  [B_ORDER_ID, Tag.OrderID],
  [B_CL_ORD_ID, Tag.ClOrdID],
  [B_EXEC_ID, Tag.ExecID],
  [B_EXEC_TYPE, Tag.ExecType],
  [B_ORD_STATUS, Tag.OrdStatus],
  [B_SIDE, Tag.Side],
  [B_SYMBOL, Tag.Symbol],
  [B_CUM_QTY, Tag.CumQty],
  [B_LEAVES_QTY, Tag.LeavesQty],
  [B_AVG_PX, Tag.AvgPx],
];
const REQUIRED_BITS = REQUIRED.reduce((bits, [bit]) => bits | bit, 0);

/**
 * Reads and validates an ExecutionReport in one pass over its fields. Throws DecodeError:
 * 'bad-value' (tag 35) for another MsgType; 'missing-field' for an absent always-present field
 * (37, 11, 17, 150, 39, 54, 55, 14, 151, 6); 'bad-value' for a decimal that is not
 * `-?digits[.digits]`, a 1057 other than Y/N, or a 1703 group whose count or entries do not match.
 * For single-valued tags the first occurrence wins, as with FixMessage.get.
 */
export function readExecutionReport(msg: FixMessage): ExecutionReport {
  if (msg.msgType !== MsgType.ExecutionReport) {
    throw new DecodeError('bad-value', Tag.MsgType, `Expected an ExecutionReport (35=8), got 35=${msg.msgType}.`);
  }
  // Required strings start empty and are checked through `seen` below, so the object has one shape
  // for its required part and gets optional properties only when present (exactOptionalPropertyTypes).
  const er: ExecutionReport = {
    msgSeqNum: msg.msgSeqNum,
    possDup: msg.possDup,
    sendingTime: msg.sendingTime,
    orderId: '',
    clOrdId: '',
    execId: '',
    execType: '',
    ordStatus: '',
    side: '',
    symbol: '',
    cumQty: '',
    leavesQty: '',
    avgPx: '',
    collateralChanges: [],
  };
  const changes = er.collateralChanges;
  let seen = 0;
  const count = msg.fieldCount;
  for (let i = 0; i < count; i++) {
    const tag = msg.tagAt(i);
    const bit = tag < 2048 ? BIT_BY_TAG[tag]! : 0;
    if (bit === 0) {
      if (tag === Tag.CollateralAmountChange) {
        if ((seen & B_NO_COLLATERAL) === 0) throw outsideGroup(tag, Tag.NoCollateralAmountChanges);
        changes.push({ amount: decimalAt(msg, i, tag), type: '' });
      } else if (tag === Tag.CollateralAmountType) {
        const entry = changes[changes.length - 1];
        if (entry === undefined || entry.type !== '') throw outsideGroup(tag, Tag.CollateralAmountChange);
        entry.type = msg.valueAt(i);
      }
      continue;
    }
    if ((seen & bit) !== 0) continue;
    seen |= bit;
    switch (bit) {
      case B_ORDER_ID: er.orderId = msg.valueAt(i); break;
      case B_CL_ORD_ID: er.clOrdId = msg.valueAt(i); break;
      case B_EXEC_ID: er.execId = msg.valueAt(i); break;
      case B_EXEC_TYPE: er.execType = msg.valueAt(i); break;
      case B_ORD_STATUS: er.ordStatus = msg.valueAt(i); break;
      case B_SIDE: er.side = msg.valueAt(i); break;
      case B_SYMBOL: er.symbol = msg.valueAt(i); break;
      case B_CUM_QTY: er.cumQty = decimalAt(msg, i, tag); break;
      case B_LEAVES_QTY: er.leavesQty = decimalAt(msg, i, tag); break;
      case B_AVG_PX: er.avgPx = decimalAt(msg, i, tag); break;
      case B_ORIG_CL_ORD_ID: er.origClOrdId = msg.valueAt(i); break;
      case B_ORDER_QTY: er.orderQty = decimalAt(msg, i, tag); break;
      case B_PRICE: er.price = decimalAt(msg, i, tag); break;
      case B_LAST_QTY: er.lastQty = decimalAt(msg, i, tag); break;
      case B_LAST_PX: er.lastPx = decimalAt(msg, i, tag); break;
      case B_TRANSACT_TIME: er.transactTime = msg.valueAt(i); break;
      case B_TEXT: er.text = msg.valueAt(i); break;
      case B_ORD_REJ_REASON: er.ordRejReason = msg.valueAt(i); break;
      case B_TRD_MATCH_ID: er.trdMatchId = msg.valueAt(i); break;
      case B_AGGRESSOR: er.aggressor = yesNoAt(msg, i, tag); break;
      case B_LONG_QTY: er.longQty = decimalAt(msg, i, tag); break;
      case B_SHORT_QTY: er.shortQty = decimalAt(msg, i, tag); break;
      case B_FEE: er.fee = decimalAt(msg, i, tag); break;
      case B_LAST_MKT: er.lastMkt = msg.valueAt(i); break;
      case B_ALLOC_ACCOUNT: er.allocAccount = msg.valueAt(i); break;
      case B_CLEARING_DATE: er.clearingBusinessDate = msg.valueAt(i); break;
      case B_TIME_IN_FORCE: er.timeInForce = msg.valueAt(i); break;
      case B_EXPIRE_TIME: er.expireTime = msg.valueAt(i); break;
      case B_NO_COLLATERAL: break; // the count is checked once the entries have been read
    }
  }

  if ((seen & REQUIRED_BITS) !== REQUIRED_BITS) {
    for (const [bit, tag] of REQUIRED) {
      if ((seen & bit) === 0) throw new DecodeError('missing-field', tag, `The ExecutionReport has no tag ${tag}.`);
    }
  }
  if ((seen & B_NO_COLLATERAL) !== 0) {
    checkGroupCount(Tag.NoCollateralAmountChanges, msg.getInt(Tag.NoCollateralAmountChanges) ?? 0, changes.length);
    for (const entry of changes) {
      if (entry.type === '') throw new DecodeError('missing-field', Tag.CollateralAmountType, 'A CollateralAmountChange(1704) entry has no CollateralAmountType(1705).');
    }
  }
  return er;
}

/** Bit of each single-valued tag we read, by tag number (all are below 2048); 0 for the rest. */
const BIT_BY_TAG = new Int32Array(2048);
for (const [tag, bit] of [
  [Tag.OrderID, B_ORDER_ID],
  [Tag.ClOrdID, B_CL_ORD_ID],
  [Tag.ExecID, B_EXEC_ID],
  [Tag.ExecType, B_EXEC_TYPE],
  [Tag.OrdStatus, B_ORD_STATUS],
  [Tag.Side, B_SIDE],
  [Tag.Symbol, B_SYMBOL],
  [Tag.CumQty, B_CUM_QTY],
  [Tag.LeavesQty, B_LEAVES_QTY],
  [Tag.AvgPx, B_AVG_PX],
  [Tag.OrigClOrdID, B_ORIG_CL_ORD_ID],
  [Tag.OrderQty, B_ORDER_QTY],
  [Tag.Price, B_PRICE],
  [Tag.LastQty, B_LAST_QTY],
  [Tag.LastPx, B_LAST_PX],
  [Tag.TransactTime, B_TRANSACT_TIME],
  [Tag.Text, B_TEXT],
  [Tag.OrdRejReason, B_ORD_REJ_REASON],
  [Tag.TrdMatchID, B_TRD_MATCH_ID],
  [Tag.AggressorIndicator, B_AGGRESSOR],
  [Tag.LongQty, B_LONG_QTY],
  [Tag.ShortQty, B_SHORT_QTY],
  [Tag.MiscFeeAmt, B_FEE],
  [Tag.LastMkt, B_LAST_MKT],
  [Tag.AllocAccount, B_ALLOC_ACCOUNT],
  [Tag.ClearingBusinessDate, B_CLEARING_DATE],
  [Tag.TimeInForce, B_TIME_IN_FORCE],
  [Tag.ExpireTime, B_EXPIRE_TIME],
  [Tag.NoCollateralAmountChanges, B_NO_COLLATERAL],
] as const) {
  BIT_BY_TAG[tag] = bit;
}
