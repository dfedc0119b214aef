// logon-signature-fields.ts — what a Kalshi Logon signature covers (kalshi-fix.md §2): the exact
// SendingTime(52) text, MsgSeqNum(34), SenderCompID(49) and TargetCompID(56). Plain data, so a
// signing request can cross a thread without the key ever crossing back.
export interface LogonSignatureFields {
  readonly sendingTime: string;
  readonly msgSeqNum: number;
  readonly senderCompId: string;
  readonly targetCompId: string;
}
