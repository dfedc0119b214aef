// fake-recorder.ts — a RecorderApi with no engine behind it: the test fires ServiceEvents and sets
// what accounts()/configs()/positions() answer.
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import { Emitter } from '../../../shared/events/emitter.ts';
import type { PositionsSnapshot } from '../../../shared/positions/positions-snapshot.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import type { AccountStatus, ServiceEvent } from '../../../shared/service/service-events.ts';
import { recordNo } from './samples.ts';

export function accountConfig(id: string, extra: Partial<AccountConfig> = {}): AccountConfig {
  return {
    id, label: `Desk ${id}`, apiKeyId: `key-${id}`, environment: 'custom',
    listener: { host: '127.0.0.1', port: 9878, target: 'KalshiRT' },
    tls: { caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }, ...extra,
  };
}

export function fakeRecorder(accounts: AccountConfig[] = [accountConfig('a')]) {
  const events = new Emitter<ServiceEvent>();
  const statuses = new Map<string, AccountStatus>(accounts.map((a) => [a.id, {
    accountId: a.id, phase: 'active', since: 1_000, lastMessageAt: 2_000, nextInbound: 10, nextOutbound: 3,
  }]));
  let positions: PositionsSnapshot | undefined;
  let position = 0;
  let execNo = 0;
  const api: RecorderApi = {
    addAccount: async () => {}, removeAccount: async () => {}, reconfigure: async () => {}, startAccount: async () => {}, stopAccount: async () => {},
    accounts: async () => [...statuses.values()],
    configs: async () => accounts,
    positions: async (id) => {
      if (positions === undefined || !statuses.has(id)) throw new Error(`No account with id "${id}" is configured.`);
      return positions;
    },
    history: (() => Promise.reject(new Error('History is not part of this fake'))) as RecorderApi['history'],
    recordAlerts: async () => ({ recorded: [], evidenceAdded: [], unchanged: [] }),
    reviewAlert: () => Promise.reject(new Error('Alerts are not part of this fake')),
    listAlerts: async () => [],
    getAlert: async () => undefined,
    setRules: async () => {},
    close: async () => {},
    onEvent: events.event,
  };
  return {
    api,
    fire: (event: ServiceEvent) => events.fire(event),
    setStatus: (status: AccountStatus) => statuses.set(status.accountId, status),
    setPositions: (snapshot: PositionsSnapshot) => { positions = snapshot; },
    /** Commits `n` executions for `accountId` (consecutive positions, distinct ExecIDs); returns their ExecIDs. */
    commit(n: number, accountId = accounts[0]!.id): string[] {
      const executions = Array.from({ length: n }, () => ({ position: ++position, record: recordNo(++execNo) }));
      events.fire({ type: 'executions', accountId, executions });
      return executions.map((e) => e.record.execId);
    },
  };
}
