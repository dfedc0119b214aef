// fix-builders.ts — builds inbound FIX messages (exchange → us) for tests of the session layer.
import { encodeMessage, type FieldList } from '../../electron/core/fix/encode.ts';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { formatUtcTimestamp } from '../../electron/core/fix/time.ts';

export const API_KEY_ID = '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77';

export interface InboundOptions {
  readonly possDup?: boolean;
  readonly sender?: string;
  readonly target?: string;
  readonly at?: number;
}

export function inbound(msgType: string, msgSeqNum: number, body: FieldList = [], options: InboundOptions = {}): FixMessage {
  const sendingTime = formatUtcTimestamp(options.at ?? Date.UTC(2026, 10, 24, 14, 5, 9, 123));
  const frame = encodeMessage(
    {
      msgType,
      senderCompId: options.sender ?? 'KalshiRT',
      targetCompId: options.target ?? API_KEY_ID,
      msgSeqNum,
      sendingTime,
      ...(options.possDup ? { possDup: true, origSendingTime: sendingTime } : {}),
    },
    body,
  );
  return FixMessage.parse(frame);
}

let execCounter = 0;
/** A minimal valid ExecutionReport (a New ack) with a unique ExecID unless one is given. */
export function executionReport(msgSeqNum: number, options: InboundOptions & { execId?: string } = {}): FixMessage {
  const execId = options.execId ?? `1042;${++execCounter}`;
  return inbound('8', msgSeqNum, [
    [37, 'ord-1'], [11, 'cl-1'], [17, execId], [150, '0'], [39, '0'], [54, '1'],
    [55, 'KXHIGHNY-26NOV24-B52.5'], [38, '10.00'], [44, '0.4200'], [14, '0.00'], [151, '10.00'], [6, '0'],
  ], options);
}
