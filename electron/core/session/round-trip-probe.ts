// round-trip-probe.ts — the link's round trip, timed with our own TestRequest sent in place of a
// Heartbeat (config.roundTripProbe): the one probe outstanding and the last round trip answered.
// session-machine.ts decides when to send it; the Session view shows `last`.
export class RoundTripProbe {
  #outstanding: { id: string; sentAt: number } | undefined;
  #last: { ms: number; at: number } | undefined;

  /** The last round trip measured (TestRequest → Heartbeat with its TestReqID), if any. */
  get last(): { readonly ms: number; readonly at: number } | undefined {
    return this.#last;
  }

  get waiting(): boolean {
    return this.#outstanding !== undefined;
  }

  /** Starts a probe; returns the TestReqID to send. */
  start(now: number): string {
    const id = `FW-RTT-${now}`;
    this.#outstanding = { id, sentAt: now };
    return id;
  }

  /** A Heartbeat came with this TestReqID: if it answers our probe, that is one round trip. */
  answered(testReqId: string | undefined, now: number): void {
    if (this.#outstanding === undefined || testReqId !== this.#outstanding.id) return;
    this.#last = { ms: now - this.#outstanding.sentAt, at: now };
    this.#outstanding = undefined;
  }

  /** The probe is our traffic for an interval; one unanswered for a whole interval is given up. */
  free(now: number, intervalMs: number): boolean {
    return this.#outstanding === undefined || now - this.#outstanding.sentAt >= intervalMs;
  }

  /** The connection ended: its probe will never be answered. */
  clear(): void {
    this.#outstanding = undefined;
  }
}
