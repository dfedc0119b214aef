// market-settlement-report.ts — typed, validated view of a MarketSettlementReport (35=UMS, kalshi-fix.md
// §4.2): one page of a market's settlement, with a party group (20108) that nests collateral changes
// (1703) and fees (136). Amounts stay decimal strings. Never reassembles pages (reports differ per
// page; group them by Symbol upstream) and never computes payouts.

import { DecodeError } from './errors.ts';
import type { FixMessage } from './decode.ts';
import type { CollateralChange } from './execution-report.ts';
import { checkGroupCount, countAt, decimalAt, outsideGroup, yesNoAt } from './field-readers.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';

export interface SettlementFee {
  /** MiscFeeAmt(137): dollars. The PAYOUT change is already net of it (§4.2). */
  amount: string;
  currency?: string;
  type?: string;
  basis?: string;
}

export interface SettlementParty {
  partyId: string;
  partyRole?: string;
  /** LongQty(704): Yes contracts held. */
  longQty?: string;
  /** ShortQty(705): No contracts held. */
  shortQty?: string;
  collateralChanges: CollateralChange[];
  fees: SettlementFee[];
}

export interface MarketSettlementReport {
  msgSeqNum: number;
  possDup: boolean;
  sendingTime: string;
  reportId: string;
  symbol: string;
  clearingBusinessDate?: string;
  totalReports?: number;
  /** 'yes' | 'no' | 'scalar' as sent. */
  marketResult?: string;
  /** LastFragment(893): false while more pages follow. */
  lastFragment?: boolean;
  /** SettlementPrice(730): pre-fee Yes price in cents, up to 2 dp. */
  settlementPrice?: string;
  parties: SettlementParty[];
}

/**
 * Reads a 35=UMS. Throws DecodeError: 'bad-value' (35) for another MsgType; 'missing-field' for an
 * absent 20105 or 55, or a party entry without 20109; 'bad-value' for a malformed decimal, Y/N or
 * integer, or a group count (20108, 1703, 136) that does not match its entries.
 */
export function readMarketSettlementReport(msg: FixMessage): MarketSettlementReport {
  if (msg.msgType !== MsgType.MarketSettlementReport) {
    throw new DecodeError('bad-value', Tag.MsgType, `Expected a MarketSettlementReport (35=UMS), got 35=${msg.msgType}.`);
  }
  msg.assertReadable();
  const report: MarketSettlementReport = {
    msgSeqNum: msg.msgSeqNum,
    possDup: msg.possDup,
    sendingTime: msg.sendingTime,
    reportId: msg.require(Tag.MarketSettlementReportID),
    symbol: msg.require(Tag.Symbol),
    parties: [],
  };
  const parties = report.parties;
  /** Declared group counts per party (parallel to `parties`), checked once all fields are read. */
  const declared: { changes: number; fees: number }[] = [];
  let declaredParties = -1;

  for (let i = 0; i < msg.fieldCount; i++) {
    const tag = msg.tagAt(i);
    const party = parties[parties.length - 1];
    const counts = declared[declared.length - 1];
    switch (tag) {
      case Tag.ClearingBusinessDate:
        report.clearingBusinessDate ??= msg.valueAt(i);
        break;
      case Tag.TotNumMarketSettlementReports:
        report.totalReports ??= countAt(msg, i, tag);
        break;
      case Tag.MarketResult:
        report.marketResult ??= msg.valueAt(i);
        break;
      case Tag.LastFragment:
        report.lastFragment ??= yesNoAt(msg, i, tag);
        break;
      case Tag.SettlementPrice:
        report.settlementPrice ??= decimalAt(msg, i, tag);
        break;
      case Tag.NoMarketSettlementPartyIDs:
        declaredParties = countAt(msg, i, tag);
        break;
      case Tag.MarketSettlementPartyID:
        if (declaredParties < 0) throw outsideGroup(tag, Tag.NoMarketSettlementPartyIDs);
        parties.push({ partyId: msg.valueAt(i), collateralChanges: [], fees: [] });
        declared.push({ changes: -1, fees: -1 });
        break;
      case Tag.MarketSettlementPartyRole:
        inParty(party, tag).partyRole = msg.valueAt(i);
        break;
      case Tag.LongQty:
        inParty(party, tag).longQty = decimalAt(msg, i, tag);
        break;
      case Tag.ShortQty:
        inParty(party, tag).shortQty = decimalAt(msg, i, tag);
        break;
      case Tag.NoCollateralAmountChanges:
        inParty(party, tag);
        counts!.changes = countAt(msg, i, tag);
        break;
      case Tag.CollateralAmountChange:
        if (counts === undefined || counts.changes < 0) throw outsideGroup(tag, Tag.NoCollateralAmountChanges);
        party!.collateralChanges.push({ amount: decimalAt(msg, i, tag), type: '' });
        break;
      case Tag.CollateralAmountType: {
        const entry = party?.collateralChanges.at(-1);
        if (entry === undefined || entry.type !== '') throw outsideGroup(tag, Tag.CollateralAmountChange);
        entry.type = msg.valueAt(i);
        break;
      }
      case Tag.NoMiscFees:
        inParty(party, tag);
        counts!.fees = countAt(msg, i, tag);
        break;
      case Tag.MiscFeeAmt:
        if (counts === undefined || counts.fees < 0) throw outsideGroup(tag, Tag.NoMiscFees);
        party!.fees.push({ amount: decimalAt(msg, i, tag) });
        break;
      case Tag.MiscFeeCurr:
      case Tag.MiscFeeType:
      case Tag.MiscFeeBasis: {
        const fee = party?.fees.at(-1);
        if (fee === undefined) throw outsideGroup(tag, Tag.MiscFeeAmt);
        const value = msg.valueAt(i);
        if (tag === Tag.MiscFeeCurr) fee.currency = value;
        else if (tag === Tag.MiscFeeType) fee.type = value;
        else fee.basis = value;
        break;
      }
    }
  }

  if (declaredParties >= 0) checkGroupCount(Tag.NoMarketSettlementPartyIDs, declaredParties, parties.length);
  parties.forEach((party, n) => {
    const counts = declared[n]!;
    checkGroupCount(Tag.NoCollateralAmountChanges, Math.max(counts.changes, 0), party.collateralChanges.length);
    checkGroupCount(Tag.NoMiscFees, Math.max(counts.fees, 0), party.fees.length);
    for (const change of party.collateralChanges) {
      if (change.type === '') throw new DecodeError('missing-field', Tag.CollateralAmountType, 'A CollateralAmountChange(1704) entry has no CollateralAmountType(1705).');
    }
  });
  return report;
}

function inParty(party: SettlementParty | undefined, tag: number): SettlementParty {
  if (party === undefined) throw outsideGroup(tag, Tag.MarketSettlementPartyID);
  return party;
}
