// tags.ts — FIX tag numbers and MsgType values of the Kalshi dialect (FIXT.1.1 / FIX50SP2), as plain
// `as const` objects so they erase to nothing and read like the spec (kalshi-fix.md §2–§5; names follow
// the SDK's "Kalshi FIX Dictionary v1.03"). Owns numbers and codes only; names for display live in
// dictionary.ts, and nothing here knows how a field is framed, parsed or validated.

export const Tag = {
  // Standard header and trailer
  BeginString: 8,
  BodyLength: 9,
  CheckSum: 10,
  MsgType: 35,
  MsgSeqNum: 34,
  SenderCompID: 49,
  SenderSubID: 50, // never sent on Logon: Kalshi rejects it there (§2.1)
  TargetCompID: 56,
  TargetSubID: 57,
  SendingTime: 52,
  PossDupFlag: 43,
  PossResend: 97,
  OrigSendingTime: 122,
  ApplVerID: 1128,
  CstmApplVerID: 1129,
  OnBehalfOfCompID: 115,
  DeliverToCompID: 128,
  SenderLocationID: 142,
  TargetLocationID: 143,
  SignatureLength: 93,
  Signature: 89,

  // Session layer
  TestReqID: 112,
  BeginSeqNo: 7,
  EndSeqNo: 16,
  NewSeqNo: 36,
  GapFillFlag: 123,
  RefSeqNum: 45,
  Text: 58,
  EncryptMethod: 98,
  HeartBtInt: 108,
  ResetSeqNumFlag: 141,
  RawDataLength: 95,
  RawData: 96,
  DefaultApplVerID: 1137,
  NextExpectedMsgSeqNum: 789,
  MaxMessageSize: 383,
  TestMessageIndicator: 464,
  Username: 553,
  Password: 554,
  SessionRejectReason: 373,
  RefTagID: 371,
  RefMsgType: 372,
  BusinessRejectRefID: 379,
  BusinessRejectReason: 380,

  // Logon options (Kalshi custom, §2.1)
  CancelOrdersOnDisconnect: 8013,
  ListenerSession: 20126,
  SkipPendingExecReports: 21011,
  /** Legacy number of SkipPendingExecReports, still accepted on Logon; now also ResendEventCount (§8.1). */
  SkipPendingExecReportsLegacy: 21003,
  ReceiveSettlementReports: 20127,
  MessageRetentionPeriod: 20200,
  UseDollars: 21005,
  CancelOrderOnPause: 21006,
  EnableIocCancelReport: 21007,
  PreserveOriginalOrderQty: 21008,
  UseExpiredOrdStatus: 21012,
  AlwaysEmitNewBeforeTrade: 21026,
  SplitCollateralReturn: 21027,

  // Orders and ExecutionReport (§4.1)
  OrderID: 37,
  ClOrdID: 11,
  OrigClOrdID: 41,
  ExecID: 17,
  ExecType: 150,
  OrdStatus: 39,
  Side: 54,
  Symbol: 55,
  OrderQty: 38,
  OrdType: 40,
  ExecInst: 18,
  SecondaryClOrdID: 526,
  SecurityID: 48,
  OrderGroupID: 20130,
  MaxExecutionCost: 21009,
  CumQty: 14,
  LeavesQty: 151,
  LastQty: 32,
  LastPx: 31,
  Price: 44,
  AvgPx: 6,
  TransactTime: 60,
  ExpireTime: 126,
  TimeInForce: 59,
  OrdRejReason: 103,
  ExecRestatementReason: 378,
  LastMkt: 30,
  AllocAccount: 79,
  ClearingBusinessDate: 715,
  LongQty: 704,
  ShortQty: 705,
  TrdMatchID: 880,
  AggressorIndicator: 1057,
  SelfTradePreventionType: 2964,
  SingleMarketCollateralReturn: 21030,
  RangedMarketCollateralReturn: 21031,

  // Multivariate (combo) market legs group (20181 → 20182, 20183, 20184), from the SDK dictionary
  MultivariateCollectionTicker: 20180,
  NoMultivariateSelectedLegs: 20181,
  MultivariateSelectedEventTicker: 20182,
  MultivariateSelectedMarketTicker: 20183,
  MultivariateSelectedSide: 20184,

  // Parties group (453 → 448, 452)
  NoPartyIDs: 453,
  PartyID: 448,
  PartyRole: 452,

  // Misc fees group (136 → 137, 138, 139, 891)
  NoMiscFees: 136,
  MiscFeeAmt: 137,
  MiscFeeCurr: 138,
  MiscFeeType: 139,
  MiscFeeBasis: 891,

  // Collateral changes group (1703 → 1704, 1705)
  NoCollateralAmountChanges: 1703,
  CollateralAmountChange: 1704,
  CollateralAmountType: 1705,

  // OrderCancelReject (35=9) and mass cancel (35=q / 35=r)
  CxlRejResponseTo: 434,
  CxlRejReason: 102,
  MassCancelRequestType: 530,
  MassCancelResponse: 531,
  MassCancelRejectReason: 532,

  // MarketSettlementReport (35=UMS, §4.2)
  MarketSettlementReportID: 20105,
  TotNumMarketSettlementReports: 20106,
  MarketResult: 20107,
  LastFragment: 893,
  SettlementPrice: 730,
  NoMarketSettlementPartyIDs: 20108,
  MarketSettlementPartyID: 20109,
  MarketSettlementPartyRole: 20110,

  // Drop copy event resend (35=U1/U2/U3, §5)
  BeginExecID: 21001,
  EndExecID: 21002,
  ResendEventCount: 21003,
  EventResendRejectReason: 21004,
} as const;

export type TagName = keyof typeof Tag;
export type TagNumber = (typeof Tag)[TagName];

export const MsgType = {
  Heartbeat: '0',
  TestRequest: '1',
  ResendRequest: '2',
  Reject: '3',
  SequenceReset: '4',
  Logout: '5',
  ExecutionReport: '8',
  OrderCancelReject: '9',
  Logon: 'A',
  NewOrderSingle: 'D',
  OrderCancelRequest: 'F',
  OrderCancelReplaceRequest: 'G',
  BusinessMessageReject: 'j',
  OrderMassCancelRequest: 'q',
  OrderMassCancelReport: 'r',
  QuoteRequest: 'R',
  MarketSettlementReport: 'UMS',
  EventResendRequest: 'U1',
  EventResendComplete: 'U2',
  EventResendReject: 'U3',
} as const;

export type MsgTypeName = keyof typeof MsgType;
export type MsgTypeValue = (typeof MsgType)[MsgTypeName];

/** FIXT.1.1 is the only BeginString Kalshi speaks (§1). */
export const BEGIN_STRING_FIXT11 = 'FIXT.1.1';
