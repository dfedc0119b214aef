// AlertsView.tsx — surveillance alerts from the journal: open ones first, severity and state as words on
// their colours, filters (state, rule, severity, account, market), the ones an allow-list entry
// suppressed kept apart, and one alert's details beside the grid (evidence one click from History,
// reviews with a comment). Below: what the recording engine itself raised. Kept current by the live
// batches (alerts-controller.ts); times in the chosen zone.
import { useCallback, useEffect, useMemo } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { alertsController } from '../../state/alerts/alerts-controller.ts';
import { splitSuppressed, type AlertFilterForm } from '../../state/alerts/alert-list.ts';
import { useAlertsStore } from '../../state/alerts/alerts-store.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { effectiveTimeZone, usePreferences } from '../../state/preferences-store.ts';
import { AlertDetails } from './AlertDetails.tsx';
import { AlertFilters } from './AlertFilters.tsx';
import { AlertsGrid } from './AlertsGrid.tsx';
import { EngineAlerts } from './EngineAlerts.tsx';
import './AlertsView.css';

export function AlertsView({ api }: { readonly api: FillwatchApi }) {
  const controller = useMemo(() => alertsController(api), [api]);
  const alerts = useAlertsStore((s) => s.alerts);
  const form = useAlertsStore((s) => s.form);
  const load = useAlertsStore((s) => s.load);
  const error = useAlertsStore((s) => s.error);
  const more = useAlertsStore((s) => s.more);
  const selectedId = useAlertsStore((s) => s.selectedId);
  const accounts = useLiveStore((s) => s.accounts);
  const timeZone = effectiveTimeZone(usePreferences((s) => s.timeZone));
  // Alerts name accounts by API key id (the journal's name); the rest of the app by Fillwatch id.
  const byKey = useMemo(() => new Map([...accounts.values()].map((a) => [a.account.apiKeyId, a.account.label])), [accounts]);
  const byId = useMemo(() => new Map([...accounts.values()].map((a) => [a.account.id, a.account.label])), [accounts]);
  const units = useMemo(() => new Map([...accounts.values()].map((a) => [a.account.apiKeyId, a.account.priceUnit])), [accounts]);
  const markets = useMemo(() => [...new Set(alerts.flatMap((a) => (a.market === null ? [] : [a.market])))].sort(), [alerts]);
  const { active, suppressed } = useMemo(() => splitSuppressed(alerts), [alerts]);
  const open = useCallback((id: string) => void controller.select(id), [controller]);
  const close = useCallback(() => {
    const id = useAlertsStore.getState().selectedId;
    void controller.select(null);
    if (id !== null) requestAnimationFrame(() => document.querySelector<HTMLElement>(`.alerts-grid tr[data-alert-id="${CSS.escape(id)}"]`)?.focus());
  }, [controller]);
  // A newly opened alert: its heading takes focus, so a keyboard user lands in the details.
  useEffect(() => { if (selectedId !== null) document.getElementById('alert-details-title')?.focus(); }, [selectedId]);
  const setForm = useCallback((next: AlertFilterForm) => controller.setForm(next), [controller]);
  const openCount = active.filter((a) => a.state === 'open').length;
  // The engine's own alerts are rare and urgent (possible missed fills): above the grid while there are any.
  const engineFirst = useLiveStore((s) => s.alerts.length > 0);
  const engine = <EngineAlerts labels={byId} timeZone={timeZone} />;

  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <div className="view-toolbar">
        <h1 id="alerts-title" className="view-title">Alerts</h1>
        <p className="view-meta" data-testid="alerts-count">
          {load === 'ready' || alerts.length > 0 ? `${openCount} open · ${active.length} shown${suppressed.length > 0 ? ` · ${suppressed.length} suppressed` : ''}${more ? ' · more match: narrow the filters' : ''}` : 'Reading alerts…'} · times in {timeZone}
        </p>
      </div>
      <AlertFilters form={form} onChange={setForm} accounts={byKey} markets={markets} />
      {error === null || load !== 'failed' ? null : (
        <div className="banner banner-danger" role="alert">
          <span>Alerts could not be read from the journal ({error.message}). The recorder may be restarting: try again in a moment; if this stays, restart Fillwatch.</span>
          <button type="button" className="banner-action" onClick={() => void controller.reload()}>Try again</button>
        </div>
      )}
      <div className="alerts-body">
        <div className="alerts-main">
          {engineFirst ? engine : null}
          {active.length === 0 ? <EmptyState loading={load !== 'ready'} narrowed={narrowed(form)} onClear={() => setForm({ state: '', ruleId: '', accountId: '', market: '', severity: '' })} />
            : <AlertsGrid alerts={active} label="Alerts, open first" selectedId={selectedId} labels={byKey} timeZone={timeZone} onOpen={open} compact={selectedId !== null} />}
          {suppressed.length === 0 ? null : (
            <section className="alerts-section" aria-labelledby="alerts-suppressed-title">
              <h2 id="alerts-suppressed-title" className="alerts-section-title">Suppressed by the allow-list <span className="alerts-dim">· {suppressed.length} · kept with their evidence and exported, never counted as open</span></h2>
              <AlertsGrid alerts={suppressed} label="Suppressed alerts" selectedId={selectedId} labels={byKey} timeZone={timeZone} onOpen={open} suppressed compact={selectedId !== null} />
            </section>
          )}
          {engineFirst ? null : engine}
        </div>
        {selectedId === null ? null : <AlertDetails api={api} controller={controller} labels={byKey} priceUnits={units} timeZone={timeZone} onClose={close} />}
      </div>
    </section>
  );
}

function narrowed(form: AlertFilterForm): boolean {
  return form.state !== '' || form.ruleId !== '' || form.severity !== '' || form.accountId !== '' || form.market.trim() !== '';
}

function EmptyState({ loading, narrowed: isNarrowed, onClear }: { readonly loading: boolean; readonly narrowed: boolean; readonly onClear: () => void }) {
  if (loading) return <p className="empty-state" role="status">Reading alerts from the journal…</p>;
  if (isNarrowed) {
    return <p className="empty-state" role="status">No alert matches these filters. <button type="button" className="history-button" onClick={onClear}>Clear filters</button></p>;
  }
  return (
    <p className="empty-state" role="status">
      No surveillance alert yet. The rules (Settings → Surveillance: position limits, large fills, restricted list, off-hours, daily caps…) run on
      every execution as it is recorded; what they raise appears here, open first, with its evidence.
    </p>
  );
}
