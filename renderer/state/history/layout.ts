// layout.ts — what History remembers between sessions: column order, visibility and widths, the sort
// and the filters. Kept in the renderer's localStorage (per app profile; nothing in it is secret or
// journal data, and main need not know it). Whatever is read back is checked part by part: a part
// that is missing, from an older version or damaged falls back to its default, never the whole layout.
import { HISTORY_COLUMN_IDS } from '../../../shared/history/export-columns.ts';
import { HISTORY_SORT_COLUMNS } from '../../../shared/history/history-sort.ts';
import type { HistorySortWire } from '../../../shared/ipc/contract.ts';
import { EMPTY_FORM, type FilterForm } from './filter-form.ts';

export const LAYOUT_KEY = 'fillwatch.history.layout.v1';
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 800;

export interface HistoryLayout {
  readonly columnOrder: readonly string[];
  readonly columnVisibility: Readonly<Record<string, boolean>>;
  readonly columnSizing: Readonly<Record<string, number>>;
  readonly sort: HistorySortWire;
  readonly form: FilterForm;
}

/** Shown until the user chooses: what a blotter reads first; ids, ClOrdIDs and journal fields on demand. */
const HIDDEN_BY_DEFAULT = ['clOrdId', 'origClOrdId', 'transactTime', 'msgSeqNum', 'possDup', 'balanceChange', 'rowId'];

export const DEFAULT_LAYOUT: HistoryLayout = {
  columnOrder: [...HISTORY_COLUMN_IDS],
  columnVisibility: Object.fromEntries(HIDDEN_BY_DEFAULT.map((id) => [id, false])),
  columnSizing: {},
  sort: { column: 'time', direction: 'desc' },
  form: EMPTY_FORM,
};

const KNOWN: ReadonlySet<string> = new Set(HISTORY_COLUMN_IDS);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseLayout(text: string | null): HistoryLayout {
  let raw: unknown;
  try {
    raw = text === null ? undefined : JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (!isRecord(raw)) return DEFAULT_LAYOUT;
  return {
    columnOrder: orderOf(raw['columnOrder']),
    columnVisibility: isRecord(raw['columnVisibility'])
      ? Object.fromEntries(Object.entries(raw['columnVisibility']).filter(([k, v]) => KNOWN.has(k) && typeof v === 'boolean')) as Record<string, boolean>
      : DEFAULT_LAYOUT.columnVisibility,
    columnSizing: isRecord(raw['columnSizing'])
      ? Object.fromEntries(Object.entries(raw['columnSizing']).filter(([k, v]) => KNOWN.has(k) && typeof v === 'number' && Number.isFinite(v))
        .map(([k, v]) => [k, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(v as number)))]))
      : {},
    sort: sortOf(raw['sort']),
    form: formOf(raw['form']),
  };
}

export function serializeLayout(layout: HistoryLayout): string {
  return JSON.stringify(layout);
}

/** Known ids in the saved order, then any column added since, in its default place at the end. */
function orderOf(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return DEFAULT_LAYOUT.columnOrder;
  const saved = [...new Set(value.filter((v): v is string => typeof v === 'string' && KNOWN.has(v)))];
  return [...saved, ...HISTORY_COLUMN_IDS.filter((id) => !saved.includes(id))];
}

function sortOf(value: unknown): HistorySortWire {
  if (!isRecord(value)) return DEFAULT_LAYOUT.sort;
  const column = value['column'];
  const direction = value['direction'];
  return (HISTORY_SORT_COLUMNS as readonly unknown[]).includes(column) && (direction === 'asc' || direction === 'desc')
    ? { column: column as HistorySortWire['column'], direction }
    : DEFAULT_LAYOUT.sort;
}

function formOf(value: unknown): FilterForm {
  if (!isRecord(value)) return EMPTY_FORM;
  const text = (k: keyof FilterForm): string => (typeof value[k] === 'string' ? (value[k] as string).slice(0, 200) : '');
  const list = (k: keyof FilterForm): string[] => (Array.isArray(value[k]) ? (value[k] as unknown[]).filter((v): v is string => typeof v === 'string').slice(0, 50) : []);
  return {
    text: text('text'), accounts: list('accounts'), market: text('market'), sides: list('sides'), execTypes: list('execTypes'), ordStatuses: list('ordStatuses'),
    from: text('from'), to: text('to'), qtyMin: text('qtyMin'), qtyMax: text('qtyMax'), pxMin: text('pxMin'), pxMax: text('pxMax'),
  };
}

/** Reads the saved layout (localStorage may be unavailable: then the defaults). */
export function loadLayout(storage: Pick<Storage, 'getItem'> | undefined): HistoryLayout {
  try {
    return parseLayout(storage?.getItem(LAYOUT_KEY) ?? null);
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function saveLayout(storage: Pick<Storage, 'setItem'> | undefined, layout: HistoryLayout): void {
  try {
    storage?.setItem(LAYOUT_KEY, serializeLayout(layout));
  } catch {
    // A full or disabled storage only loses the layout for next time.
  }
}
