// to-wire.ts — the engine's shapes (shared/service, shared/positions) as the IPC contract's plain,
// JSON-safe shapes: every field picked by name (so nothing unlisted ever crosses), `undefined` as
// null, bigint decimals as their exact text. Pure; with pnl-wire.ts (positions) and session-wire.ts
// (the Session view's figures), the only place that knows both sides.
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import type {
  AccountStatusWire, AccountSummary, Alert, ExecutionRecordWire, LiveExecutionWire, LogLine,
} from '../../../shared/ipc/contract.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { AccountStatus, LiveExecution, ServiceEvent } from '../../../shared/service/service-events.ts';

export function toWireRecord(r: ExecutionRecord): ExecutionRecordWire {
  return {
    execId: r.execId, orderId: r.orderId, clOrdId: r.clOrdId, origClOrdId: r.origClOrdId, symbol: r.symbol, side: r.side,
    execType: r.execType, ordStatus: r.ordStatus, lastQty: r.lastQty, lastPx: r.lastPx, cumQty: r.cumQty, leavesQty: r.leavesQty,
    avgPx: r.avgPx, transactTime: r.transactTime, msgSeqNum: r.msgSeqNum, possDup: r.possDup, fee: r.fee, text: r.text,
  };
}

export function toWireExecution(accountId: string, e: LiveExecution): LiveExecutionWire {
  return { accountId, position: e.position, record: toWireRecord(e.record) };
}

export function toWireStatus(s: AccountStatus): AccountStatusWire {
  return {
    accountId: s.accountId, phase: s.phase, since: s.since, lastMessageAt: s.lastMessageAt ?? null,
    nextInbound: s.nextInbound ?? null, nextOutbound: s.nextOutbound ?? null, reason: s.reason ?? null,
  };
}

/** The public part of an account's settings: no CA body, no pins, no session internals. */
export function toAccountSummary(config: AccountConfig, demo: boolean): AccountSummary {
  return {
    id: config.id,
    label: config.label,
    apiKeyId: config.apiKeyId,
    environment: config.environment,
    listener: { host: config.listener.host, port: config.listener.port, target: config.listener.target },
    dropCopy: config.dropCopy === undefined ? null : { host: config.dropCopy.host, port: config.dropCopy.port },
    priceUnit: config.session?.useDollars === false ? 'cents' : 'dollars',
    demo,
  };
}

export function toLogLine(event: Extract<ServiceEvent, { type: 'log' }>): LogLine {
  return { accountId: event.accountId, source: event.source, at: event.at, severity: event.severity, text: event.text };
}

type AlertEvent = Extract<ServiceEvent, { type: 'missed-fills' | 'undecodable' | 'store-failed' | 'engine-restarted' | 'service-error' }>;

export function isAlertEvent(event: ServiceEvent): event is AlertEvent {
  switch (event.type) {
    case 'missed-fills': case 'undecodable': case 'store-failed': case 'engine-restarted': case 'service-error':
      return true;
    default:
      return false;
  }
}

export function toAlert(event: AlertEvent, at: number): Alert {
  const accountId = 'accountId' in event && event.accountId !== undefined ? event.accountId : null;
  return { kind: event.type, accountId, at, text: event.text };
}
