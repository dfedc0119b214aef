// filter-form.ts — History's filter controls as the user fills them in (plain text in every box), and
// their mapping to the query History runs (shared/history HistoryFilter). A box that does not hold a
// valid value is left out of the query and reported with what to type, so a half-typed price never
// refuses the whole query. Times are typed and read in UTC, as the grid shows them. Pure.
import { parse } from '../../../shared/decimal.ts';
import type { HistoryFilterWire } from '../../../shared/ipc/contract.ts';

export interface FilterForm {
  /** Quick filter: part of an ExecID, OrderID, ClOrdID or Text (any case). */
  readonly text: string;
  /** SenderCompIDs (API key ids) of the accounts to show; empty: every account. */
  readonly accounts: readonly string[];
  /** A market ticker or the start of one (a series, an event). */
  readonly market: string;
  readonly sides: readonly string[];
  readonly execTypes: readonly string[];
  readonly ordStatuses: readonly string[];
  /** 'YYYY-MM-DDTHH:MM[:SS]' in UTC (a datetime-local box), or ''. */
  readonly from: string;
  readonly to: string;
  readonly qtyMin: string;
  readonly qtyMax: string;
  readonly pxMin: string;
  readonly pxMax: string;
}

export const EMPTY_FORM: FilterForm = {
  text: '', accounts: [], market: '', sides: [], execTypes: [], ordStatuses: [], from: '', to: '', qtyMin: '', qtyMax: '', pxMin: '', pxMax: '',
};

export type FormProblems = Partial<Record<keyof FilterForm, string>>;

const DECIMAL = /^\d+(\.\d+)?$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** The query for a form, and the boxes left out because they do not hold a valid value. */
export function filterFromForm(form: FilterForm): { readonly filter: HistoryFilterWire; readonly problems: FormProblems } {
  const problems: FormProblems = {};
  const filter: { -readonly [K in keyof HistoryFilterWire]: HistoryFilterWire[K] } = {};
  const text = form.text.trim();
  if (text !== '') filter.text = text;
  if (form.accounts.length > 0) filter.accounts = [...form.accounts];
  const market = form.market.trim().toUpperCase();
  if (market !== '') filter.market = { kind: 'prefix', prefix: market };
  if (form.sides.length > 0) filter.sides = [...form.sides];
  if (form.execTypes.length > 0) filter.execTypes = [...form.execTypes];
  if (form.ordStatuses.length > 0) filter.ordStatuses = [...form.ordStatuses];
  const from = timeOf(form.from, 'from', problems);
  const to = timeOf(form.to, 'to', problems);
  if (from !== undefined && to !== undefined && to <= from) problems.to = 'Must be after the start.';
  else if (from !== undefined || to !== undefined) filter.time = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  const qty = rangeOf(form, 'qtyMin', 'qtyMax', problems);
  if (qty !== undefined) filter.lastQty = qty;
  const px = rangeOf(form, 'pxMin', 'pxMax', problems);
  if (px !== undefined) filter.lastPx = px;
  return { filter, problems };
}

/** How many boxes (besides the quick filter) narrow the query: shown on the Filters button. */
export function activeFilterCount(form: FilterForm): number {
  const lists = [form.accounts, form.sides, form.execTypes, form.ordStatuses].filter((l) => l.length > 0).length;
  const boxes = [form.market, form.from, form.to, form.qtyMin, form.qtyMax, form.pxMin, form.pxMax].filter((b) => b.trim() !== '').length;
  return lists + boxes;
}

function timeOf(text: string, key: 'from' | 'to', problems: FormProblems): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const ms = LOCAL_TIME.test(value) ? Date.parse(`${value}Z`) : Number.NaN;
  if (Number.isNaN(ms) || ms < 0) {
    problems[key] = 'Type a date and time such as 2026-11-24T14:00 (UTC).';
    return undefined;
  }
  return ms;
}

function rangeOf(form: FilterForm, minKey: 'qtyMin' | 'pxMin', maxKey: 'qtyMax' | 'pxMax', problems: FormProblems): { min?: string; max?: string } | undefined {
  const min = decimalOf(form[minKey], minKey, problems);
  const max = decimalOf(form[maxKey], maxKey, problems);
  if (min !== undefined && max !== undefined && parse(max) < parse(min)) {
    problems[maxKey] = 'Must not be below the minimum.';
    return undefined;
  }
  if (min === undefined && max === undefined) return undefined;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function decimalOf(text: string, key: keyof FilterForm, problems: FormProblems): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  // At most 6 places: what History compares exactly (micro-units).
  if (!DECIMAL.test(value) || (value.split('.')[1]?.length ?? 0) > 6) {
    problems[key] = 'Type a plain number such as 0.42 (at most 6 decimal places).';
    return undefined;
  }
  return value;
}
