// samples.ts — small, realistic values the app tests share.
import { DEFAULT_NOTIFICATION_RULES, type NotificationRules } from '../../../shared/notifications/notification-rules.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';

export const sampleRecord: ExecutionRecord = {
  execId: '3021;7', orderId: 'o-1', clOrdId: 'c-1', origClOrdId: null, symbol: 'KXFEDDECISION-26DEC-H0', side: '1', execType: 'F',
  ordStatus: '1', lastQty: '4.00', lastPx: '0.4200', cumQty: '4.00', leavesQty: '6.00', avgPx: '0.4200',
  transactTime: '20261124-14:00:01.250', msgSeqNum: 12, possDup: false, fee: '0.0200', text: null,
};

/** The record of the n-th execution of a stream (distinct ExecIDs). */
export function recordNo(n: number): ExecutionRecord {
  return { ...sampleRecord, execId: `3021;${n}`, msgSeqNum: n };
}

/** Answers for the notification rules' requests, for tests that build a full RequestHandlers. */
export const inMemoryRuleHandlers = () => {
  let rules: NotificationRules = DEFAULT_NOTIFICATION_RULES;
  return {
    'notifications.getRules': () => rules,
    'notifications.setRules': ({ rules: next }: { readonly rules: NotificationRules }) => (rules = next),
  };
};

/** Settings' requests for tests that do not exercise them: each refuses, as an unwired handler would. */
export const unusedSettingsHandlers = () => {
  const refuse = () => { throw new Error('Settings are not wired in this test.'); };
  return {
    'settings.get': refuse, 'accounts.save': refuse, 'accounts.remove': refuse, 'accounts.testConnection': refuse,
    'keys.import': refuse, 'keys.generate': refuse, 'keys.delete': refuse, 'keys.copyPublicKey': refuse, 'tls.pickCaCertificate': refuse,
  };
};

/** History's requests for tests that do not exercise them: each refuses, as an unwired handler would. */
export const unusedHistoryHandlers = () => {
  const refuse = () => { throw new Error('History is not wired in this test.'); };
  return {
    'history.snapshot': refuse, 'history.page': refuse, 'history.around': refuse, 'history.count': refuse, 'history.changes': refuse,
    'history.row': refuse, 'history.byExecId': refuse, 'history.lifecycle': refuse, 'history.rawMessage': refuse,
    'history.export': refuse, 'history.cancelExport': refuse,
  };
};

/** The Alerts view's and Settings → Surveillance's requests, for tests that do not exercise them. */
export const unusedSurveillanceHandlers = () => {
  const refuse = () => { throw new Error('Surveillance is not wired in this test.'); };
  return {
    'alerts.list': refuse, 'alerts.get': refuse, 'alerts.review': refuse,
    'surveillance.get': refuse, 'surveillance.setReviewer': refuse, 'surveillance.setRules': refuse,
  };
};
