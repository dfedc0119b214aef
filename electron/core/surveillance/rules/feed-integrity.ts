// feed-integrity.ts — rule 7: what says the record may be incomplete or wrong.
//  - sequenceGaps: the listener's MsgSeqNum jumped (or a SequenceReset moved it) and nothing was
//    resent: those messages were never stored. One alert per gap.
//  - missedFills: the listener's numbering restarted after messages had been stored (a reset Logon,
//    KalshiNR's reconnect, the exchange's restart): what was sent in between may be lost. One per restart.
//  - undecodable: a message kept raw because it could not be read (an ExecutionReport may hide a fill).
//    Episode per account: it ends when the account's next execution is read normally.
//  - settlementWithoutPosition: a settlement report for a market with no recorded fill of the account,
//    unless Kalshi says it held nothing there (704 = 705 = 0). One per account and market.
//  - execIdConflicts: an ExecID stored once that came again with different content. One per arrival.
//  - positionMismatch: after a fill, Kalshi's own position (704 − 705) differs from the recorded fills'
//    (fills before recording began, or missed ones); and a settlement's 704 − 705 differing from the
//    position held. Episode per account and market, ending when they agree again.
// RT gaps recovered by a resend leave nothing missing and raise nothing (the Session view counts them).
import { cmp, isZero, type Decimal } from '../../../../shared/decimal.ts';
import { describeUndecodable } from '../../../../shared/records/undecodable-notice.ts';
import type { FeedIntegrityParams } from '../../../../shared/surveillance/rules-document.ts';
import { Episodes } from '../episodes.ts';
import { contracts } from '../format.ts';
import { accountSet, cite, type Rule } from '../rule.ts';

const NO_EVIDENCE = { executions: [], orderIds: [] } as const;

export function feedIntegrityRule(p: FeedIntegrityParams): Rule {
  const episodes = new Episodes();
  // Which accounts have an unread episode open, and how many position episodes are open: most fills
  // agree with 704/705 and follow a readable message, and then nothing needs a key built.
  const unread = new Set<string>();
  let positionEpisodes = 0;
  const iso = (ms: number) => new Date(ms).toISOString();

  return {
    id: 'feed-integrity',
    accounts: accountSet(p.accounts),
    execution(input, facts, raise) {
      if (unread.size > 0 && unread.delete(input.accountId)) episodes.end(`${input.accountId}/undecodable`);
      const t = facts.trade;
      if (!p.positionMismatch || t === null || t.serverPosition === null) return;
      const agree = cmp(t.serverPosition, t.positionAfter) === 0;
      if (agree && positionEpisodes === 0) return;
      const key = `${input.accountId}/${t.symbol}/position`;
      if (agree) {
        if (episodes.isOpen(key)) positionEpisodes--;
        episodes.end(key);
        return;
      }
      const episodeKey = episodes.begin(key, input.record.execId);
      if (episodeKey === undefined) return;
      positionEpisodes++;
      raise({
        severity: p.severity, accountIds: [input.accountId], market: t.symbol, raisedAt: input.eventAt, episodeKey,
        title: 'Position differs from Kalshi\'s',
        text: `After ExecID ${input.record.execId}, Kalshi puts ${input.accountId}'s position in ${t.symbol} at ${net(t.serverPosition)} (LongQty − ShortQty); the recorded fills give ${net(t.positionAfter)}: fills may be missing or from before recording began.`,
        evidence: cite(input),
      });
    },
    settlement(input, facts, raise) {
      if (facts === null) return;
      const reported = facts.reportedPosition;
      const base = { severity: p.severity, accountIds: [input.accountId], market: facts.symbol, raisedAt: typeof input.settlement?.at === 'number' ? input.settlement.at : 0, evidence: { ...NO_EVIDENCE, note: `Settlement report: journal message ${input.rawId}.` } };
      if (!facts.hadFills && p.settlementWithoutPosition && (reported === null || !isZero(reported))) {
        raise({
          ...base, episodeKey: `${input.accountId}/${facts.symbol}/settlement@${input.rawId}`, title: 'Settlement without a recorded position',
          text: `${facts.symbol} settled for ${input.accountId}${reported === null ? '' : ` with a position of ${net(reported)} per Kalshi`}, but no fill of it was recorded: fills may be missing.`,
        });
      } else if (facts.hadFills && p.positionMismatch && reported !== null && cmp(reported, facts.positionBefore) !== 0) {
        raise({
          ...base, episodeKey: `${input.accountId}/${facts.symbol}/settlement@${input.rawId}`, title: 'Settled position differs from Kalshi\'s',
          text: `Kalshi settled ${net(reported)} of ${facts.symbol} for ${input.accountId}; the recorded fills give ${net(facts.positionBefore)}: fills may be missing.`,
        });
      }
      const key = `${input.accountId}/${facts.symbol}/position`;
      if (episodes.isOpen(key)) positionEpisodes--;
      episodes.end(key);
    },
    feed(input, raise) {
      const account = input.accountId;
      switch (input.kind) {
        case 'sequence-break': {
          if (input.cause === 'gap' ? !p.sequenceGaps : !p.missedFills) return;
          const gap = input.cause === 'gap';
          raise({
            severity: p.severity, accountIds: [account], market: null, raisedAt: input.untilMs, episodeKey: `${account}/${input.cause}@${input.rawId}`,
            title: gap ? 'Sequence gap' : 'Possible missed fills',
            text: gap
              ? `${account}'s listener never received MsgSeqNum ${input.expected} to ${input.received - 1} (between ${iso(input.sinceMs)} and ${iso(input.untilMs)}), and they were not resent: fills may be missing.`
              : `${account}'s listener restarted its sequence at ${input.received} after ${input.expected - 1}: what Kalshi sent between ${iso(input.sinceMs)} and ${iso(input.untilMs)} may be missing; check the account's fills for that period.`,
            evidence: { ...NO_EVIDENCE, note: `Journal message ${input.rawId} is the first after the ${gap ? 'gap' : 'restart'}.` },
          });
          return;
        }
        case 'undecodable': {
          if (!p.undecodable) return;
          const episodeKey = episodes.begin(`${account}/undecodable`, String(input.rawId));
          if (episodeKey === undefined) return;
          unread.add(account);
          raise({
            severity: p.severity, accountIds: [account], market: null, raisedAt: input.receivedAt, episodeKey,
            title: 'Message kept unread',
            text: describeUndecodable({ rawId: input.rawId, msgType: input.msgType, msgSeqNum: input.msgSeqNum, possDup: false, receivedAt: input.receivedAt, reason: input.reason }),
            evidence: { ...NO_EVIDENCE, note: `Journal message ${input.rawId}; later unreadable messages until the next readable execution are part of this alert.` },
          });
          return;
        }
        case 'exec-conflict': {
          if (!p.execIdConflicts) return;
          raise({
            severity: p.severity, accountIds: [account], market: null, raisedAt: input.receivedAt, episodeKey: `${account}/${input.execId}@${input.rawId}`,
            title: 'ExecID arrived twice, different',
            text: `ExecID ${input.execId} of ${account} arrived again with a different ${input.fields.join(', ')} (journal messages ${input.firstRawId} and ${input.rawId}); the first is the one recorded.`,
            evidence: { executions: [{ accountId: account, execId: input.execId }], orderIds: [], note: `Journal messages ${input.firstRawId} (recorded) and ${input.rawId} (kept raw).` },
          });
        }
      }
    },
  };
}

function net(x: Decimal): string {
  return contracts(x);
}
