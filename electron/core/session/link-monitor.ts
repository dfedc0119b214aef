// link-monitor.ts — heartbeat bookkeeping for one connection: when we last heard from the exchange,
// when we last wrote, and the TestRequest probe outstanding. It answers one question per tick —
// what is due now? — and sends nothing itself (session-machine.ts acts on the answer).
export type LinkDue =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'test-request'; readonly testReqId: string }
  | { readonly kind: 'timeout' };

export class LinkMonitor {
  lastRxAt = 0;
  lastTxAt = 0;
  #probe: { id: string; sentAt: number } | undefined;

  /** A fresh connection: both directions count as active from now. */
  restart(now: number): void {
    this.lastRxAt = now;
    this.lastTxAt = now;
    this.#probe = undefined;
  }

  /** Any inbound traffic proves the exchange is alive and answers an outstanding probe. */
  received(now: number): void {
    this.lastRxAt = now;
    this.#probe = undefined;
  }

  sent(now: number): void {
    this.lastTxAt = now;
  }

  /**
   * FIX heartbeat rules: probe a peer silent for HeartBtInt + grace with a TestRequest, give up if the
   * probe goes unanswered for another HeartBtInt; heartbeat ourselves after HeartBtInt of our silence.
   */
  due(now: number, heartBtMs: number, graceMs: number): LinkDue {
    if (this.#probe !== undefined) {
      if (now - this.#probe.sentAt >= heartBtMs) return { kind: 'timeout' };
    } else if (now - this.lastRxAt >= heartBtMs + graceMs) {
      const testReqId = `FW-${now}`;
      this.#probe = { id: testReqId, sentAt: now };
      return { kind: 'test-request', testReqId };
    }
    return now - this.lastTxAt >= heartBtMs ? { kind: 'heartbeat' } : { kind: 'nothing' };
  }
}
