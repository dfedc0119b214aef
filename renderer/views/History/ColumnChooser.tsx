// ColumnChooser.tsx — which columns History shows and in what order: a checkbox per column and buttons
// to move it left or right, plus "Reset" (order, visibility and widths back to the defaults). Changes
// apply at once and are saved with the layout. A non-modal popover: Esc or the button closes it.
import { useEffect, useRef, useState } from 'react';
import type { HistoryController } from '../../state/history/history-controller.ts';
import { useHistoryStore } from '../../state/history/history-store.ts';
import { DEFAULT_LAYOUT } from '../../state/history/layout.ts';
import { HISTORY_COLUMN_BY_ID } from './history-columns.ts';

export function ColumnChooser({ controller }: { readonly controller: HistoryController }) {
  const [open, setOpen] = useState(false);
  const layout = useHistoryStore((s) => s.layout);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('input')?.focus();
  }, [open]);

  const visible = (id: string) => layout.columnVisibility[id] !== false;
  const shownCount = layout.columnOrder.filter(visible).length;
  const move = (id: string, by: -1 | 1) => {
    const order = [...layout.columnOrder];
    const from = order.indexOf(id);
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    controller.setLayout({ columnOrder: order });
  };
  const close = () => { setOpen(false); button.current?.focus(); };

  return (
    <div className="history-columns">
      <button ref={button} type="button" className="history-button" aria-expanded={open} aria-controls="history-columns-panel" onClick={() => setOpen((o) => !o)}>
        Columns
      </button>
      {open ? (
        <div id="history-columns-panel" ref={panel} className="history-popover" role="dialog" aria-label="Columns" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } }}>
          <ul className="columns-list">
            {layout.columnOrder.map((id, i) => {
              const column = HISTORY_COLUMN_BY_ID.get(id)!;
              return (
                <li key={id} className="columns-item">
                  <label>
                    <input type="checkbox" checked={visible(id)} disabled={visible(id) && shownCount === 1}
                      onChange={() => controller.setLayout({ columnVisibility: { ...layout.columnVisibility, [id]: !visible(id) } })} />
                    {column.header}
                  </label>
                  <span className="columns-move">
                    <button type="button" aria-label={`Move ${column.header} left`} disabled={i === 0} onClick={() => move(id, -1)}>↑</button>
                    <button type="button" aria-label={`Move ${column.header} right`} disabled={i === layout.columnOrder.length - 1} onClick={() => move(id, 1)}>↓</button>
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="columns-actions">
            <button type="button" className="history-button" onClick={() => controller.setLayout({ columnOrder: DEFAULT_LAYOUT.columnOrder, columnVisibility: DEFAULT_LAYOUT.columnVisibility, columnSizing: {} })}>Reset columns</button>
            <button type="button" className="history-button" onClick={close}>Done</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
