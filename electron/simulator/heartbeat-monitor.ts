// heartbeat-monitor.ts — the acceptor's heartbeat rules as a pure function of the clock: Heartbeat
// after HeartBtInt of our silence, TestRequest after HeartBtInt + grace of the client's, hang up when
// that TestRequest stays unanswered as long again. Never reads the clock or touches a socket.

export interface HeartbeatState {
  readonly heartbeatMs: number;
  readonly graceMs: number;
  readonly lastRxMs: number;
  readonly lastTxMs: number;
  /** Our outstanding TestRequest; any inbound message clears it. */
  readonly testRequest: { readonly id: string; readonly sentAt: number } | undefined;
}

export type HeartbeatAction =
  | { readonly kind: 'send-heartbeat' }
  | { readonly kind: 'send-test-request' }
  | { readonly kind: 'time-out'; readonly testReqId: string };

export function heartbeatActions(s: HeartbeatState, nowMs: number): HeartbeatAction[] {
  const actions: HeartbeatAction[] = [];
  if (nowMs - s.lastTxMs >= s.heartbeatMs) actions.push({ kind: 'send-heartbeat' });
  const limit = s.heartbeatMs + s.graceMs;
  if (s.testRequest !== undefined) {
    if (nowMs - s.testRequest.sentAt >= limit) actions.push({ kind: 'time-out', testReqId: s.testRequest.id });
  } else if (nowMs - s.lastRxMs >= limit) {
    actions.push({ kind: 'send-test-request' });
  }
  return actions;
}
