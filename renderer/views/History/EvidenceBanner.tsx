// EvidenceBanner.tsx — says which executions History marks for another view (an alert's evidence), how
// many of them the loaded rows hold, and clears the marks.
import { useHistoryStore } from '../../state/history/history-store.ts';

export function EvidenceBanner() {
  const evidence = useHistoryStore((s) => s.evidence);
  const shown = useHistoryStore((s) => (s.evidence === null ? 0 : s.window.rows.filter((r) => s.evidence!.rowIds.has(r.rowId)).length));
  const set = useHistoryStore((s) => s.set);
  if (evidence === null) return null;
  const total = evidence.rowIds.size;
  return (
    <div className="history-evidence" role="status" data-testid="history-evidence">
      <span className="history-evidence-mark" aria-hidden="true" />
      <span>
        <strong>{evidence.label}</strong>: {total} execution{total === 1 ? '' : 's'} marked{shown < total ? ` (${shown} in the rows loaded; scroll for the rest)` : ''}.
      </span>
      <button type="button" className="history-button" onClick={() => set({ evidence: null })}>Clear marks</button>
    </div>
  );
}
