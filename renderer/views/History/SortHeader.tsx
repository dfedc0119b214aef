// SortHeader.tsx — one History column header: its name as a button that sorts by it (a second click
// reverses), aria-sort on the sorted one, and a drag handle on its right edge to resize it (double-click
// resets the width). From the keyboard, the focused header resizes with Alt+← / Alt+→ (10 px; with Shift
// 1 px) and Alt+Home resets it; the grid announces the new width. A column the journal cannot sort by
// says so in its tooltip, and its name is focusable so it can be resized too.
import type { KeyboardEvent } from 'react';
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
  /** Widen (positive) or narrow the column by this many px, from the keyboard. */
  readonly onResizeBy: (px: number) => void;
}

/** The header keys that resize: px per press, or 'reset'. */
export function resizeKeyStep(event: { readonly key: string; readonly altKey: boolean; readonly shiftKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean }): number | 'reset' | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const step = event.shiftKey ? 1 : 10;
  if (event.key === 'ArrowRight') return step;
  if (event.key === 'ArrowLeft') return -step;
  if (event.key === 'Home') return 'reset';
  return undefined;
}

const RESIZE_KEYS = 'Alt+ArrowLeft Alt+ArrowRight Alt+Home';

export function SortHeader({ column, sortColumn, sort, width, onSort, onResizeStart, onResetWidth, onResizeBy }: SortHeaderProps) {
  const sorted = sortColumn !== null && sort.column === sortColumn ? sort.direction : null;
  const toggle = () => {
    if (sortColumn === null) return;
    // Numbers and time read newest/largest first; text reads A→Z first.
    const first = column.numeric || column.id === 'time' ? 'desc' : 'asc';
    const direction = sorted === null ? first : sorted === 'asc' ? 'desc' : 'asc';
    onSort({ column: sortColumn as HistorySortWire['column'], direction });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step = resizeKeyStep(event);
    if (step === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    if (step === 'reset') onResetWidth();
    else onResizeBy(step);
  };
  const hint = 'Alt+← / Alt+→ resize, Alt+Home resets the width.';
  return (
    <div
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      className={`hgrid-th${column.align === 'end' ? ' cell-end' : ''}`}
      style={{ width }}
      title={sortColumn === null ? `${column.description}. History cannot sort by this column. ${hint}` : `${column.description}. Click to sort. ${hint}`}
      onKeyDown={onKeyDown}
    >
      {sortColumn === null ? (
        <span className="hgrid-th-label" tabIndex={0} aria-keyshortcuts={RESIZE_KEYS}>{column.header}</span>
      ) : (
        <button type="button" className="hgrid-sort" onClick={toggle} aria-keyshortcuts={RESIZE_KEYS}>
          <span className="hgrid-th-label">{column.header}</span>
          <span className="hgrid-sort-mark" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
        </button>
      )}
      <span className="hgrid-resizer" aria-hidden="true" onMouseDown={onResizeStart} onTouchStart={onResizeStart} onDoubleClick={onResetWidth} />
    </div>
  );
}
