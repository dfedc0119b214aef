// kalshi-acceptor-session.ts — the jspurefix session that plays KalshiRT in the interop test: a stock
// jspurefix AsciiSession (jspurefix does the framing, parsing, dictionary checks, sequencing, Logon
// and Logout handshakes, TestRequest answers) with a Kalshi-style Logon check and a short script run
// once the peer is logged on. It records what jspurefix decoded and what it encoded, so the test can
// assert on the other engine's view of our bytes. It never decodes with Fillwatch's codec.
import './reflect-polyfill.ts';
import { constants, createPublicKey, verify } from 'node:crypto';
import { AsciiSession, MsgTag, MsgType, SegmentType, type IJsFixConfig, type ILooseObject, type MsgView } from 'jspurefix';
import { verifyLogonSignature } from '../../../electron/core/signing/index.ts';

/** What the acceptor does once the peer is logged on. */
export interface AcceptorScript {
  /** The public key registered for the API key; the Logon signature must verify against it. */
  readonly publicKeyPem: string;
  /** Sent first after our Logon reply; the peer must answer with a Heartbeat echoing it. */
  readonly testReqId: string;
  /** ExecutionReport bodies in jspurefix's object form, sent in order after the TestRequest. */
  readonly executionReports: readonly ILooseObject[];
}

/** One inbound message as jspurefix decoded it. */
export interface DecodedByJspurefix {
  readonly msgType: string;
  readonly msgSeqNum: number;
  /** What jspurefix's own integrity check found wrong (empty when the message is clean). */
  readonly problems: readonly string[];
  /** jspurefix's typed view of the message (field names from its dictionary). */
  readonly object: ILooseObject;
}

export interface LogonSeen {
  /** Header fields as jspurefix received them; the signature covers exactly these. */
  readonly sendingTime: string;
  readonly msgSeqNum: number;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly signature: string;
  /** Fillwatch's verifier (verifyLogonSignature). */
  readonly validByFillwatch: boolean;
  /** node:crypto over the payload rebuilt here from kalshi-fix.md §2.2, independent of Fillwatch. */
  readonly validIndependently: boolean;
}

export interface AcceptorObservations {
  readonly decoded: DecodedByJspurefix[];
  /** Every message jspurefix encoded, `|`-delimited as its transmitter reports it. */
  readonly sent: Array<{ readonly msgType: string; readonly text: string }>;
  readonly logons: LogonSeen[];
  readonly applicationMessages: string[];
  /** Set once the session ends: error undefined = a clean end (Logout handshake or peer close). */
  stopped: { readonly error: string | undefined } | undefined;
}

export function emptyObservations(): AcceptorObservations {
  return { decoded: [], sent: [], logons: [], applicationMessages: [], stopped: undefined };
}

export class KalshiAcceptorSession extends AsciiSession {
  readonly observed: AcceptorObservations;
  readonly #script: AcceptorScript;

  constructor(config: IJsFixConfig, script: AcceptorScript, observed: AcceptorObservations) {
    super(config);
    this.#script = script;
    this.observed = observed;
  }

  /** Asks jspurefix to log out (it sends Logout and waits for the peer's). */
  logout(): void {
    this.done();
  }

  protected override onMsg(msgType: string, view: MsgView): void {
    this.observed.decoded.push({
      msgType,
      msgSeqNum: Number(view.getString(MsgTag.MsgSeqNum)),
      problems: integrityProblems(view),
      object: (view.toObject() ?? {}) as ILooseObject,
    });
    super.onMsg(msgType, view);
  }

  protected override onLogon(view: MsgView, _user: string, _password: string): boolean {
    const seen = {
      sendingTime: view.getString(MsgTag.SendingTime) ?? '',
      msgSeqNum: Number(view.getString(MsgTag.MsgSeqNum)),
      senderCompId: view.getString(MsgTag.SenderCompID) ?? '',
      targetCompId: view.getString(MsgTag.TargetCompID) ?? '',
      signature: view.getString(MsgTag.RawData) ?? '',
    };
    const logon: LogonSeen = {
      ...seen,
      validByFillwatch: verifyLogonSignature(this.#script.publicKeyPem, seen, seen.signature),
      validIndependently: verifyIndependently(this.#script.publicKeyPem, seen),
    };
    this.observed.logons.push(logon);
    // Refusing makes jspurefix send Logout("logon rejected by application") and drop the connection.
    return logon.validByFillwatch && logon.validIndependently;
  }

  protected override onReady(_view: MsgView): void {
    this.send(MsgType.TestRequest, { TestReqID: this.#script.testReqId });
    for (const report of this.#script.executionReports) this.send(MsgType.ExecutionReport, report);
  }

  protected override onApplicationMsg(msgType: string, _view: MsgView): void {
    this.observed.applicationMessages.push(msgType);
  }

  protected override onEncoded(msgType: string, text: string): void {
    this.observed.sent.push({ msgType, text });
  }

  protected override onDecoded(_msgType: string, _text: string): void {
    // onMsg records the parsed view; the raw text adds nothing.
  }

  protected override onStopped(error?: Error): void {
    this.observed.stopped = { error: error?.message };
  }
}

/** The same checks jspurefix's acceptor runs before acting on a message (AsciiSession.checkIntegrity). */
function integrityProblems(view: MsgView): string[] {
  const problems: string[] = [];
  const declared = Number.parseInt(view.getString(MsgTag.CheckSum) ?? '', 10);
  if (declared !== view.checksum()) problems.push(`checksum ${declared} != computed ${view.checksum()}`);
  if (view.segment.type === SegmentType.Unknown) problems.push('unknown MsgType');
  const invalid = view.invalid();
  if (invalid.length > 0) problems.push(`tags not in the dictionary: ${invalid.join(', ')}`);
  const undefinedForMsg = view.undefinedForMsg();
  if (undefinedForMsg !== null) problems.push(`tag not defined for this MsgType: ${undefinedForMsg}`);
  const missing = view.missing();
  if (missing.length > 0) problems.push(`required tags missing: ${missing.join(', ')}`);
  return problems;
}

/** RSA-PSS/SHA-256/MGF1-SHA-256/salt 32 over 52 SOH "A" SOH 34 SOH 49 SOH 56 (kalshi-fix.md §2.2). */
function verifyIndependently(publicKeyPem: string, seen: Omit<LogonSeen, 'validByFillwatch' | 'validIndependently'>): boolean {
  const payload = [seen.sendingTime, 'A', String(seen.msgSeqNum), seen.senderCompId, seen.targetCompId].join('\x01');
  try {
    return verify(
      'sha256',
      Buffer.from(payload, 'ascii'),
      { key: createPublicKey(publicKeyPem), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      Buffer.from(seen.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
