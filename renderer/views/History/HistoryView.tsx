// HistoryView.tsx — every execution of every account, read page by page from the journal: the quick
// filter (Ctrl+F or /), the per-column filters, the column chooser, export, "Displaying X of Y", the
// grid and the details drawer (Enter opens it, Esc closes it). Every keystroke is applied at once: the
// controller reads one query at a time and, when it answers, the newest form only (not one per letter
// typed meanwhile), so fast typing costs no timer's wait and never queues stale scans.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { activeFilterCount, filterFromForm, type FilterForm } from '../../state/history/filter-form.ts';
import { historyController } from '../../state/history/history-controller.ts';
import { useHistoryStore } from '../../state/history/history-store.ts';
import { applyHistoryIntent } from '../../state/history/intent-landing.ts';
import { useHistoryIntent } from '../../state/history-intent.ts';
import { EvidenceBanner } from './EvidenceBanner.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { DetailsDrawer } from './DetailsDrawer.tsx';
import { ExportControls } from './ExportControls.tsx';
import { HistoryFilters } from './HistoryFilters.tsx';
import { HistoryGrid } from './HistoryGrid.tsx';
import { HistoryStatus, RowCount } from './HistoryStatus.tsx';
import './HistoryView.css';

export function HistoryView({ api }: { readonly api: FillwatchApi }) {
  const controller = useMemo(() => historyController(api), [api]);
  const form = useHistoryStore((s) => s.layout.form);
  const drawerRowId = useHistoryStore((s) => s.drawerRowId);
  const set = useHistoryStore((s) => s.set);
  const [draft, setDraft] = useState<FilterForm>(form);
  const [filtersOpen, setFiltersOpen] = useState(activeFilterCount(form) > 0);
  const quick = useRef<HTMLInputElement>(null);
  const pushed = useRef<FilterForm>(form);

  // Another view asked for some fills (P&L's market, an alert's evidence): applied once, then cleared.
  const intent = useHistoryIntent((s) => s.intent);
  useEffect(() => {
    const taken = intent === null ? null : useHistoryIntent.getState().take();
    if (taken !== null) void applyHistoryIntent(controller, taken);
  }, [intent, controller]);

  // The form changed from elsewhere (a notification cleared the filters): show it.
  useEffect(() => { if (form !== pushed.current) { draftNow.current = form; setDraft(form); } }, [form]);

  const draftNow = useRef<FilterForm>(draft);
  const update = useCallback((patch: Partial<FilterForm>) => {
    const next = { ...draftNow.current, ...patch };
    draftNow.current = next;
    setDraft(next);
    pushed.current = next;
    controller.setForm(next);
  }, [controller]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && (event.target.matches('input, select, textarea') || event.target.isContentEditable);
      if ((event.key === 'f' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
        event.preventDefault();
        quick.current?.focus();
        quick.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const closeDrawer = useCallback(() => {
    set({ drawerRowId: null });
    document.querySelector<HTMLElement>('.hgrid-scroll')?.focus();
  }, [set]);
  const problems = filterFromForm(draft).problems;
  const narrowing = activeFilterCount(draft);

  return (
    <section className="history" aria-labelledby="history-title">
      <div className="view-toolbar history-toolbar">
        <h1 id="history-title" className="view-title">History</h1>
        <div className="history-quick">
          <label htmlFor="history-quick" className="visually-hidden">Quick filter</label>
          <input
            ref={quick} id="history-quick" type="search" className="history-quick-input" value={draft.text} spellCheck={false} autoComplete="off"
            placeholder="Filter by ExecID, OrderID, ClOrdID or text  ( / )" aria-keyshortcuts="Control+F /"
            onChange={(e) => update({ text: e.target.value })}
          />
        </div>
        <button type="button" className="history-button" aria-expanded={filtersOpen} aria-controls="history-filters" onClick={() => setFiltersOpen((o) => !o)}>
          Filters{narrowing > 0 ? ` (${narrowing})` : ''}
        </button>
        <ColumnChooser controller={controller} />
        <ExportControls api={api} />
        <RowCount />
      </div>
      {filtersOpen ? <HistoryFilters id="history-filters" form={draft} problems={problems} onChange={update} onClear={() => update(clearedForm(draft))} /> : null}
      <EvidenceBanner />
      <HistoryStatus controller={controller} onClearFilters={() => update(clearedForm(draft))} />
      <div className="history-body">
        <HistoryGrid controller={controller} onOpen={(rowId) => set({ drawerRowId: rowId })} />
        {drawerRowId === null ? null : <DetailsDrawer api={api} rowId={drawerRowId} onClose={closeDrawer} />}
      </div>
    </section>
  );
}

function clearedForm(form: FilterForm): FilterForm {
  return { ...form, text: '', accounts: [], market: '', sides: [], execTypes: [], ordStatuses: [], from: '', to: '', qtyMin: '', qtyMax: '', pxMin: '', pxMax: '' };
}
