// dictionary.ts — human-readable names for tags and their coded values, for logs and the Session
// Health / raw-message views only. Owns the labels (kalshi-fix.md §2–§5 plus standard FIX where Kalshi
// reuses a standard field); never used to validate or interpret a message.

import { MsgType, Tag } from './tags.ts';

const NAME_BY_TAG = new Map<number, string>();
for (const [name, tag] of Object.entries(Tag)) {
  // 21003 has two meanings (§8.1, §8.13); inbound it is always ResendEventCount (DC 35=U2).
  if (name === 'SkipPendingExecReportsLegacy') continue;
  NAME_BY_TAG.set(tag, name);
}

const YES_NO: Readonly<Record<string, string>> = { Y: 'Yes', N: 'No' };

// Message types Kalshi defines for other session kinds (order groups, market data, RFQ), shown by
// name if they ever reach us; the listener itself only handles the MsgType constants.
const MSG_TYPE_LABELS: Record<string, string> = {
  UOG: 'OrderGroupRequest',
  UOH: 'OrderGroupResponse',
  V: 'MarketDataRequest',
  W: 'MarketDataSnapshotFullRefresh',
  X: 'MarketDataIncrementalRefresh',
  Y: 'MarketDataRequestReject',
  e: 'SecurityStatusRequest',
  f: 'SecurityStatus',
  b: 'QuoteRequestAck',
  S: 'Quote',
  Z: 'QuoteCancel',
  AI: 'QuoteStatusReport',
  AG: 'QuoteRequestReject',
  U7: 'QuoteConfirm',
  U8: 'QuoteConfirmStatus',
  U9: 'QuoteCancelStatus',
  UA: 'AcceptQuote',
  UB: 'RFQCancelStatus',
  UC: 'AcceptQuoteStatus',
  UE: 'RFQCancel',
};
for (const [name, code] of Object.entries(MsgType)) MSG_TYPE_LABELS[code] = name;

const LABELS: ReadonlyMap<number, Readonly<Record<string, string>>> = new Map<number, Readonly<Record<string, string>>>([
  [Tag.MsgType, MSG_TYPE_LABELS],
  [Tag.PossDupFlag, YES_NO],
  [Tag.PossResend, YES_NO],
  [Tag.GapFillFlag, YES_NO],
  [Tag.ResetSeqNumFlag, YES_NO],
  [Tag.EncryptMethod, { '0': 'None' }],
  [Tag.DefaultApplVerID, { '9': 'FIX50SP2' }],
  [Tag.ApplVerID, { '9': 'FIX50SP2' }],
  [Tag.CancelOrdersOnDisconnect, YES_NO],
  [Tag.ListenerSession, YES_NO],
  [Tag.SkipPendingExecReports, YES_NO],
  [Tag.ReceiveSettlementReports, YES_NO],
  [Tag.UseDollars, YES_NO],
  [Tag.CancelOrderOnPause, YES_NO],
  [Tag.EnableIocCancelReport, YES_NO],
  [Tag.PreserveOriginalOrderQty, YES_NO],
  [Tag.UseExpiredOrdStatus, YES_NO],
  [Tag.AlwaysEmitNewBeforeTrade, YES_NO],
  [Tag.SplitCollateralReturn, YES_NO],
  [
    Tag.SessionRejectReason,
    {
      '0': 'InvalidTagNumber',
      '1': 'RequiredTagMissing',
      '2': 'TagNotDefinedForThisMessageType',
      '3': 'UndefinedTag',
      '4': 'TagSpecifiedWithoutAValue',
      '5': 'ValueIsIncorrect',
      '6': 'IncorrectDataFormatForValue',
      '7': 'DecryptionProblem',
      '8': 'SignatureProblem',
      '9': 'CompIDProblem',
      '10': 'SendingTimeAccuracyProblem',
      '11': 'InvalidMsgType',
      '12': 'XMLValidationError',
      '13': 'TagAppearsMoreThanOnce',
      '14': 'TagSpecifiedOutOfRequiredOrder',
      '15': 'RepeatingGroupFieldsOutOfOrder',
      '16': 'IncorrectNumInGroupCountForRepeatingGroup',
      '17': 'NonDataValueIncludesFieldDelimiter',
      '18': 'InvalidUnsupportedApplicationVersion',
      '99': 'Other',
    },
  ],
  [
    Tag.BusinessRejectReason,
    {
      '0': 'Other',
      '1': 'UnknownID',
      '2': 'UnknownSecurity',
      '3': 'UnsupportedMessageType',
      '4': 'ApplicationNotAvailable',
      '5': 'ConditionallyRequiredFieldMissing',
      '6': 'NotAuthorized',
      '8': 'ThrottleLimitExceeded',
    },
  ],
  [
    Tag.ExecType,
    {
      '0': 'New',
      '4': 'Canceled',
      '5': 'Replaced',
      '6': 'PendingCancel',
      '8': 'Rejected',
      A: 'PendingNew',
      C: 'Expired',
      E: 'PendingReplace',
      F: 'Trade',
    },
  ],
  [
    Tag.OrdStatus,
    {
      '0': 'New',
      '1': 'PartiallyFilled',
      '2': 'Filled',
      '4': 'Canceled',
      '5': 'Replaced',
      '6': 'PendingCancel',
      '8': 'Rejected',
      A: 'PendingNew',
      C: 'Expired',
      E: 'PendingReplace',
    },
  ],
  // Kalshi: every order is a bid or ask on the Yes contract (§4.1).
  [Tag.Side, { '1': 'Buy (Yes)', '2': 'Sell (Yes) / Buy No' }],
  [Tag.OrdType, { '1': 'Market', '2': 'Limit' }],
  [Tag.ExecInst, { '6': 'ParticipateDontInitiate (post-only)' }],
  [Tag.MassCancelRequestType, { '6': 'CancelAllOrders' }],
  [Tag.MassCancelResponse, { '0': 'CancelRequestRejected', '6': 'CancelAllOrders' }],
  [Tag.TimeInForce, { '0': 'Day', '1': 'GoodTillCancel', '3': 'ImmediateOrCancel', '4': 'FillOrKill', '6': 'GoodTillDate' }],
  [
    Tag.OrdRejReason,
    {
      '1': 'UnknownSymbol',
      '2': 'ExchangeClosed',
      '3': 'OrderExceedsLimit',
      '4': 'TooLateToEnter',
      '6': 'DuplicateOrder',
      '8': 'StaleOrder',
      '11': 'UnsupportedOrderCharacteristic',
      '13': 'IncorrectQuantity',
      '15': 'UnknownAccount',
      '99': 'Other',
    },
  ],
  [Tag.AggressorIndicator, { Y: 'Taker', N: 'Maker' }],
  [Tag.SelfTradePreventionType, { '0': 'Unknown', '1': 'CancelTakerAtCross', '2': 'CancelMaker' }],
  [Tag.PartyRole, { '12': 'ExecutingTrader', '24': 'CustomerAccount' }],
  [Tag.MarketSettlementPartyRole, { '24': 'CustomerAccount' }],
  [Tag.MiscFeeType, { '4': 'ExchangeFees' }],
  [Tag.MiscFeeBasis, { '0': 'Absolute' }],
  [Tag.CollateralAmountType, { BALANCE: 'Balance', PAYOUT: 'Payout', '1': 'Balance', '2': 'Payout' }],
  [Tag.CxlRejResponseTo, { '1': 'OrderCancelRequest', '2': 'OrderCancelReplaceRequest' }],
  [Tag.CxlRejReason, { '0': 'TooLateToCancel', '1': 'UnknownOrder', '2': 'BrokerOption', '18': 'InvalidPriceIncrement', '99': 'Other' }],
  [Tag.MarketResult, { yes: 'Yes', no: 'No', scalar: 'Scalar' }],
  [Tag.LastFragment, { Y: 'LastPage', N: 'MorePages' }],
  [
    Tag.EventResendRejectReason,
    { '1': 'TooManyRequests', '2': 'ServerError', '3': 'BeginExecIDTooOld', '4': 'EndExecIDTooLarge', '5': 'NotEnabled' },
  ],
]);

/** 'ExecType' for 150, or the number as text when the tag is not in Kalshi's dictionary. */
export function tagName(tag: number): string {
  return NAME_BY_TAG.get(tag) ?? String(tag);
}

/** (150, 'F') → 'Trade'; undefined when the tag has no coded values or the value is unknown. */
export function enumLabel(tag: number, value: string): string | undefined {
  const labels = LABELS.get(tag);
  return labels !== undefined && Object.hasOwn(labels, value) ? labels[value] : undefined;
}

/** 'ExecType(150)=F (Trade)', 'Symbol(55)=KX…', '9999=x' for unknown tags. */
export function describeField(tag: number, value: string): string {
  const name = NAME_BY_TAG.get(tag);
  const label = enumLabel(tag, value);
  const head = name === undefined ? `${tag}=${value}` : `${name}(${tag})=${value}`;
  return label === undefined ? head : `${head} (${label})`;
}
