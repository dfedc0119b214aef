// session-wire.ts — an account's status with its Session figures (AccountStatus.session) as the
// contract's AccountSessionWire: fields picked by name, undefined as null. Pure.
import type { AccountSessionWire, ConnectionStatsWire } from '../../../shared/ipc/contract.ts';
import type { ConnectionStats } from '../../../shared/service/connection-stats.ts';
import type { AccountStatus } from '../../../shared/service/service-events.ts';
import { toWireStatus } from './to-wire.ts';

function toConnection(c: ConnectionStats): ConnectionStatsWire {
  return {
    role: c.role, target: c.target, host: c.host, port: c.port, state: c.state, nextInbound: c.nextInbound, nextOutbound: c.nextOutbound,
    roundTrip: c.roundTrip === null ? null : { ms: c.roundTrip.ms, at: c.roundTrip.at }, connects: c.connects, logons: c.logons,
    reconnects: c.reconnects, lastLogonAt: c.lastLogonAt, lastDisconnect: c.lastDisconnect === null ? null : { at: c.lastDisconnect.at, text: c.lastDisconnect.text },
    gaps: c.gaps, resendRequests: c.resendRequests, resendsCompleted: c.resendsCompleted, gapFills: c.gapFills, sequenceResets: c.sequenceResets,
    duplicatesIgnored: c.duplicatesIgnored, testRequests: c.testRequests, heartbeatTimeouts: c.heartbeatTimeouts, possibleLosses: c.possibleLosses,
    malformed: c.malformed,
    backfills: c.backfills === null ? null : {
      started: c.backfills.started, covered: c.backfills.covered, incomplete: c.backfills.incomplete, requests: c.backfills.requests,
      replayed: c.backfills.replayed, recovered: c.backfills.recovered,
      last: c.backfills.last === null ? null : { at: c.backfills.last.at, covered: c.backfills.last.covered, text: c.backfills.last.text },
    },
  };
}

/** Null for a status without Session figures (a reader that keeps none). */
export function toAccountSession(s: AccountStatus): AccountSessionWire | null {
  const session = s.session;
  if (session === undefined) return null;
  return {
    accountId: s.accountId,
    status: toWireStatus(s),
    countingSince: session.countingSince,
    connections: session.connections.map(toConnection),
    undecodable: {
      count: session.undecodable.count,
      newest: session.undecodable.newest.map((n) => ({ rawId: n.rawId, msgType: n.msgType, msgSeqNum: n.msgSeqNum, possDup: n.possDup, receivedAt: n.receivedAt, reason: n.reason })),
    },
  };
}
