// SortHeader.tsx — one History column header: its name as a button that sorts by it (a second click
// reverses), aria-sort on the sorted one, and a drag handle on its right edge to resize it (double-click
// resets the width). A column the journal cannot sort by says so in its tooltip.
import type { HistorySortWire } from '../../../shared/ipc/contract.ts';
import type { HistoryColumn } from './history-columns.ts';

export interface SortHeaderProps {
  readonly column: HistoryColumn;
  readonly sortColumn: string | null;
  readonly sort: HistorySortWire;
  readonly width: number;
  readonly onSort: (sort: HistorySortWire) => void;
  readonly onResizeStart: (event: unknown) => void;
  readonly onResetWidth: () => void;
}

export function SortHeader({ column, sortColumn, sort, width, onSort, onResizeStart, onResetWidth }: SortHeaderProps) {
  const sorted = sortColumn !== null && sort.column === sortColumn ? sort.direction : null;
  const toggle = () => {
    if (sortColumn === null) return;
    // Numbers and time read newest/largest first; text reads A→Z first.
    const first = column.numeric || column.id === 'time' ? 'desc' : 'asc';
    const direction = sorted === null ? first : sorted === 'asc' ? 'desc' : 'asc';
    onSort({ column: sortColumn as HistorySortWire['column'], direction });
  };
  return (
    <div
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      className={`hgrid-th${column.align === 'end' ? ' cell-end' : ''}`}
      style={{ width }}
      title={sortColumn === null ? `${column.description}. History cannot sort by this column.` : `${column.description}. Click to sort.`}
    >
      {sortColumn === null ? (
        <span className="hgrid-th-label">{column.header}</span>
      ) : (
        <button type="button" className="hgrid-sort" onClick={toggle}>
          <span className="hgrid-th-label">{column.header}</span>
          <span className="hgrid-sort-mark" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
        </button>
      )}
      <span className="hgrid-resizer" aria-hidden="true" onMouseDown={onResizeStart} onTouchStart={onResizeStart} onDoubleClick={onResetWidth} />
    </div>
  );
}
