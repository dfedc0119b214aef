// settlement-from-report.ts — the bridge from a MarketSettlementReport (35=UMS, kalshi-fix.md §4.2)
// to the ledger's Settlement: our party entry's payout (1704 PAYOUT, already net of fees), its fee
// (137) and the contracts settled (704/705). A report without a known result is not a settlement.
import type { MarketSettlementReport } from '../fix/market-settlement-report.ts';
import type { Settlement, SettlementResult } from '../../../shared/positions/fill.ts';

export function settlementFromReport(report: MarketSettlementReport, at: number): Settlement | undefined {
  const result = report.marketResult?.toLowerCase();
  if (result !== 'yes' && result !== 'no' && result !== 'scalar') return undefined;
  // A member sees one party entry (its own account); FCMs see one per customer — the first is ours.
  const party = report.parties[0];
  const payout = party?.collateralChanges.find((c) => c.type === 'PAYOUT' || c.type === '2')?.amount;
  return {
    symbol: report.symbol,
    result: result as SettlementResult,
    settlementPriceCents: report.settlementPrice,
    payout,
    fee: party?.fees[0]?.amount,
    longQty: party?.longQty,
    shortQty: party?.shortQty,
    at,
  };
}
