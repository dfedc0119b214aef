// connection-counters.ts — counts what an account's connections went through, for the Session view
// (shared/service/connection-stats.ts): fed by the listener's session events and the backfill's events,
// which are rare (gaps, resends, logons, backfills), so nothing is added per message. Pure bookkeeping:
// no I/O, no clock (the caller passes `at`).
import { describeDisconnect, type SessionEvent } from '../../../shared/events/session-events.ts';
import type { BackfillStats, ConnectionState, ConnectionStats } from '../../../shared/service/connection-stats.ts';
import { describeBackfillEvent, describeDropCopyFailure, type BackfillEvent } from '../dropcopy/index.ts';

type Counts = {
  -readonly [K in Exclude<keyof ConnectionStats, 'role' | 'target' | 'host' | 'port' | 'state' | 'nextInbound' | 'nextOutbound' | 'roundTrip' | 'backfills'>]: ConnectionStats[K]
};

const zero = (): Counts => ({
  connects: 0, logons: 0, reconnects: 0, lastLogonAt: null, lastDisconnect: null, gaps: 0, resendRequests: 0, resendsCompleted: 0,
  gapFills: 0, sequenceResets: 0, duplicatesIgnored: 0, testRequests: 0, heartbeatTimeouts: 0, possibleLosses: 0, malformed: 0,
});

export interface Endpoint {
  readonly target: ConnectionStats['target'];
  readonly host: string;
  readonly port: number;
}

export interface ListenerNow {
  readonly state: ConnectionState;
  readonly nextInbound: number;
  readonly nextOutbound: number;
  readonly roundTrip: { readonly ms: number; readonly at: number } | undefined;
}

export class ListenerCounters {
  readonly #endpoint: Endpoint;
  readonly #counts = zero();

  constructor(endpoint: Endpoint) {
    this.#endpoint = endpoint;
  }

  onSessionEvent(event: SessionEvent, at: number): void {
    const c = this.#counts;
    switch (event.kind) {
      case 'connecting': c.connects++; return;
      case 'logon-accepted': c.logons++; c.lastLogonAt = at; return;
      case 'disconnected': c.lastDisconnect = { at, text: describeDisconnect(event.reason) }; return;
      case 'reconnect-scheduled': c.reconnects++; return;
      case 'seq-gap': c.gaps++; return;
      case 'resend-requested': c.resendRequests++; return;
      case 'resend-complete': c.resendsCompleted++; return;
      case 'gap-fill': c.gapFills++; return;
      case 'seq-reset': case 'exchange-sequence-restarted': c.sequenceResets++; return;
      case 'duplicate-ignored': c.duplicatesIgnored++; return;
      case 'test-request-sent': c.testRequests++; return;
      case 'heartbeat-timeout': c.heartbeatTimeouts++; return;
      case 'possible-missed-messages': c.possibleLosses++; return;
      case 'malformed-message': c.malformed++; return;
      default: return;
    }
  }

  snapshot(now: ListenerNow): ConnectionStats {
    return {
      role: 'listener', ...this.#endpoint, state: now.state, nextInbound: now.nextInbound, nextOutbound: now.nextOutbound,
      roundTrip: now.roundTrip === undefined ? null : { ms: now.roundTrip.ms, at: now.roundTrip.at }, ...this.#counts, backfills: null,
    };
  }
}

export class DropCopyCounters {
  readonly #endpoint: Endpoint;
  readonly #counts = zero();
  #state: ConnectionState = 'idle';
  #backfills: { -readonly [K in keyof BackfillStats]: BackfillStats[K] } = {
    started: 0, covered: 0, incomplete: 0, requests: 0, replayed: 0, recovered: 0, last: null,
  };

  constructor(endpoint: Endpoint) {
    this.#endpoint = endpoint;
  }

  onBackfillEvent(event: BackfillEvent, at: number): void {
    const b = this.#backfills;
    switch (event.kind) {
      case 'backfill-started': b.started++; return;
      case 'backfill-complete':
        if (event.covered) b.covered++;
        else b.incomplete++;
        b.replayed += event.replayed;
        b.recovered += event.recovered;
        b.last = { at, covered: event.covered, text: describeBackfillEvent(event).text };
        return;
      case 'missed-fills-alert': this.#counts.possibleLosses++; return;
      case 'drop-copy': this.#onDropCopy(event.event, at); return;
      default: return;
    }
  }

  snapshot(): ConnectionStats {
    return {
      role: 'drop-copy', ...this.#endpoint, state: this.#state, nextInbound: null, nextOutbound: null, roundTrip: null,
      ...this.#counts, backfills: { ...this.#backfills },
    };
  }

  #onDropCopy(event: Extract<BackfillEvent, { kind: 'drop-copy' }>['event'], at: number): void {
    const c = this.#counts;
    switch (event.kind) {
      case 'connecting': c.connects++; this.#state = 'connecting'; return;
      case 'logon-accepted': c.logons++; c.lastLogonAt = at; this.#state = 'active'; return;
      case 'request-sent': this.#backfills.requests++; return;
      case 'seq-gap': c.gaps++; return;
      case 'test-request-sent': c.testRequests++; return;
      case 'malformed-message': c.malformed++; return;
      case 'ended':
        this.#state = 'idle';
        c.lastDisconnect = { at, text: event.failure === undefined ? 'logged out after the backfill' : describeDropCopyFailure(event.failure) };
        return;
      default: return;
    }
  }
}
