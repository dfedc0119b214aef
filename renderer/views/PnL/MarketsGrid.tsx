// MarketsGrid.tsx — one row per market of the chosen account, sortable by any column (TanStack Table's
// row sorting with exact-decimal comparators), a total row, and the Live grid's keyboard model: one
// row is the tab stop, arrows/Page/Home/End move it, Enter (or a click on the ticker) opens the
// market's fills in History. Cells carry their exact value in data-exact and show it formatted.
import { memo, useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import type { MarketPosition, PositionsView } from '../../../shared/ipc/contract.ts';
import { feeEstimate, formatFeeAmount, formatMoney, toneOf } from '../../format/pnl-format.ts';
import { usePnlStore } from '../../state/pnl/pnl-store.ts';
import { nextRowIndex } from '../Live/grid-keys.ts';
import { PNL_COLUMNS, type PnlColumn } from './pnl-columns.ts';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, MarketPosition>();
const COLUMNS = helper.columns(PNL_COLUMNS.map((c) => helper.accessor((m) => m, {
  id: c.id, header: c.header, sortFn: (a, b) => c.compare(a.original, b.original), sortDescFirst: c.numeric,
})));
const PAGE_ROWS = 15;

const apply = <T,>(updater: Updater<T>, value: T): T => (typeof updater === 'function' ? (updater as (old: T) => T)(value) : updater);

export function MarketsGrid({ view, onOpen }: { readonly view: PositionsView; readonly onOpen: (symbol: string) => void }) {
  const sorting = usePnlStore((s) => s.sorting);
  const set = usePnlStore((s) => s.set);
  const table = useTable({
    features, columns: COLUMNS, data: view.markets as MarketPosition[], getRowId: (m) => m.symbol, state: { sorting: [...sorting] },
    onSortingChange: (u) => set({ sorting: apply(u, [...usePnlStore.getState().sorting] as SortingState) }),
  }, (state) => state.sorting);
  const rows = table.getRowModel().rows.map((r) => r.original);
  const [active, setActive] = useState<string | null>(null);
  const activeSymbol = active !== null && rows.some((m) => m.symbol === active) ? active : rows[0]?.symbol;

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = Math.max(0, rows.findIndex((m) => m.symbol === activeSymbol));
    if (event.key === 'Enter' && activeSymbol !== undefined) {
      event.preventDefault();
      onOpen(activeSymbol);
      return;
    }
    const next = nextRowIndex(event.key, index, rows.length, PAGE_ROWS);
    if (next === undefined) return;
    event.preventDefault();
    const symbol = rows[next]!.symbol;
    setActive(symbol);
    event.currentTarget.querySelector<HTMLElement>(`tr[data-symbol="${CSS.escape(symbol)}"]`)?.focus();
  }, [rows, activeSymbol, onOpen]);

  return (
    <div className="pnl-grid-scroll">
      <table role="grid" aria-label={`Positions and P&L by market, ${rows.length} market${rows.length === 1 ? '' : 's'}`} aria-readonly="true" className="pnl-grid">
        <colgroup>{PNL_COLUMNS.map((c) => <col key={c.id} style={c.width === null ? undefined : { width: c.width }} />)}</colgroup>
        <thead>
          <tr role="row">
            {table.getHeaderGroups()[0]!.headers.map((header, i) => {
              const column = PNL_COLUMNS[i]!;
              const sorted = header.column.getIsSorted();
              return (
                <th key={header.id} role="columnheader" scope="col" title={column.description} className={column.align === 'end' ? 'cell-end' : undefined}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                  <button type="button" className="pnl-sort" onClick={header.column.getToggleSortingHandler()}>
                    {column.header}<span className="pnl-sort-mark" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((m) => <MarketRow key={m.symbol} market={m} active={m.symbol === activeSymbol} onFocusRow={setActive} onOpen={onOpen} />)}
        </tbody>
        <tfoot>
          <TotalRow view={view} />
        </tfoot>
      </table>
    </div>
  );
}

interface MarketRowProps {
  readonly market: MarketPosition;
  readonly active: boolean;
  readonly onFocusRow: (symbol: string) => void;
  readonly onOpen: (symbol: string) => void;
}

// Memoised on the market object: an answer that left a market unchanged still brings a new object, so
// this saves work only between answers (sorting, focus), which is when rows would otherwise all redraw.
const MarketRow = memo(function MarketRow({ market: m, active, onFocusRow, onOpen }: MarketRowProps) {
  return (
    <tr role="row" data-symbol={m.symbol} tabIndex={active ? 0 : -1} className="pnl-row" onFocus={() => onFocusRow(m.symbol)}>
      {PNL_COLUMNS.map((c) => <Cell key={c.id} column={c} market={m} onOpen={onOpen} />)}
    </tr>
  );
});

function Cell({ column: c, market: m, onOpen }: { readonly column: PnlColumn; readonly market: MarketPosition; readonly onOpen: (symbol: string) => void }) {
  const className = [`pcell-${c.id}`, c.align === 'end' ? 'cell-end' : '', c.numeric ? 'cell-num' : '', c.tone?.(m) ?? ''].filter(Boolean).join(' ');
  const exact = c.exact?.(m);
  return (
    <td role="gridcell" className={className} title={c.title?.(m)} data-exact={exact ?? undefined}>
      {c.id === 'symbol'
        ? <button type="button" tabIndex={-1} className="pnl-market-link" onClick={() => onOpen(m.symbol)}>{m.symbol}</button>
        : c.text(m)}
    </td>
  );
}

function TotalRow({ view }: { readonly view: PositionsView }) {
  const t = view.totals;
  const cells = useMemo(() => new Map<string, { text: string; exact: string; tone?: string; title?: string }>([
    ['realized', { text: formatMoney(t.realized), exact: t.realized, tone: `pnl-${toneOf(t.realized)}` }],
    ['unrealized', { text: formatMoney(t.unrealized), exact: t.unrealized, tone: `pnl-${toneOf(t.unrealized)}` }],
    ['fees', { text: formatFeeAmount(t.fees) + (feeEstimate(t.fees, t.estimatedFees) === 'none' ? '' : ' est.'), exact: t.fees, title: `of which $${t.estimatedFees} estimated` }],
    ['net', { text: formatMoney(t.net), exact: t.net, tone: `pnl-${toneOf(t.net)}` }],
  ]), [t]);
  return (
    <tr role="row" className="pnl-total" data-total="all">
      {PNL_COLUMNS.map((c) => {
        const cell = cells.get(c.id);
        if (c.id === 'symbol') return <th key={c.id} role="rowheader" scope="row">Total · {t.markets} market{t.markets === 1 ? '' : 's'}</th>;
        if (cell === undefined) return <td key={c.id} role="gridcell" />;
        return <td key={c.id} role="gridcell" className={['cell-end cell-num', `pcell-${c.id}`, cell.tone ?? ''].join(' ')} data-exact={cell.exact} title={cell.title}>{cell.text}</td>;
      })}
    </tr>
  );
}
