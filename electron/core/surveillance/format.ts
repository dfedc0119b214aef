// format.ts — figures as alert sentences show them: contracts as exact decimals ('850', '12.5'),
// dollars as '$1,234.50', shares of a limit as whole percent (rounded down: '99%' is never a breach).
import { type Decimal, fromInteger, mulDiv, toString } from '../../../shared/decimal.ts';
import { formatUsd } from '../../../shared/money.ts';

export function contracts(x: Decimal): string {
  const [whole = '', frac] = toString(x).split('.');
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (frac === undefined ? '' : `.${frac}`);
}
export const usd = (x: Decimal): string => formatUsd(x);

const HUNDRED = fromInteger(100);

/** value ÷ limit as whole percent, rounded down. */
export function percentOf(value: Decimal, limit: Decimal): string {
  return `${toString(mulDiv(value, HUNDRED, limit, 0, 'floor'))}%`;
}

/** limit × percent ÷ 100, rounded up to 6 places (the level at which a warning is due). */
export function share(limit: Decimal, percent: number): Decimal {
  return mulDiv(limit, fromPercent(percent), HUNDRED, 6, 'ceil');
}

function fromPercent(percent: number): Decimal {
  // The schema allows (0, 100]; at most 6 places are meaningful.
  return mulDiv(fromInteger(Math.round(percent * 1_000_000)), fromInteger(1), fromInteger(1_000_000), 6, 'half-even');
}

/** 'ExecID 1042;7' or 'ExecIDs 1042;7, 1042;9'. */
export function execIds(ids: readonly string[]): string {
  return `${ids.length === 1 ? 'ExecID' : 'ExecIDs'} ${ids.join(', ')}`;
}
