// AlertFilters.tsx — the Alerts view's filters: state, rule, severity, account and market. Main answers
// the list for them (alerts.list); the market box is applied after typing pauses.
import { useEffect, useId, useRef, useState } from 'react';
import { ALERT_STATES, RULE_IDS, SEVERITIES } from '../../../shared/surveillance/alert.ts';
import { RULE_LABELS, SEVERITY_LABELS, STATE_LABELS } from '../../format/alert-format.ts';
import { EMPTY_ALERT_FILTER, type AlertFilterForm } from '../../state/alerts/alert-list.ts';

const MARKET_DEBOUNCE_MS = 250;

export interface AlertFiltersProps {
  readonly form: AlertFilterForm;
  readonly onChange: (form: AlertFilterForm) => void;
  /** API key id → label, for the account choice. */
  readonly accounts: ReadonlyMap<string, string>;
  /** Markets seen in the alerts listed (suggestions for the box). */
  readonly markets: readonly string[];
}

export function AlertFilters({ form, onChange, accounts, markets }: AlertFiltersProps) {
  const id = useId();
  const [market, setMarket] = useState(form.market);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(form);
  latest.current = form;
  useEffect(() => setMarket(form.market), [form.market]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const set = (patch: Partial<AlertFilterForm>) => onChange({ ...form, ...patch });
  const typeMarket = (value: string) => {
    setMarket(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ ...latest.current, market: value }), MARKET_DEBOUNCE_MS);
  };
  const narrowed = form.state !== '' || form.ruleId !== '' || form.severity !== '' || form.accountId !== '' || form.market.trim() !== '';
  return (
    <div className="alerts-filters" role="group" aria-label="Filter alerts">
      <label className="alerts-filter"><span>State</span>
        <select value={form.state} onChange={(e) => set({ state: e.target.value as AlertFilterForm['state'] })}>
          <option value="">Any state</option>
          {ALERT_STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
        </select>
      </label>
      <label className="alerts-filter"><span>Rule</span>
        <select value={form.ruleId} onChange={(e) => set({ ruleId: e.target.value as AlertFilterForm['ruleId'] })}>
          <option value="">Any rule</option>
          {RULE_IDS.map((r) => <option key={r} value={r}>{RULE_LABELS[r]}</option>)}
        </select>
      </label>
      <label className="alerts-filter"><span>Severity</span>
        <select value={form.severity} onChange={(e) => set({ severity: e.target.value as AlertFilterForm['severity'] })}>
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
        </select>
      </label>
      <label className="alerts-filter"><span>Account</span>
        <select value={form.accountId} onChange={(e) => set({ accountId: e.target.value })}>
          <option value="">Every account</option>
          {[...accounts].map(([key, label]) => <option key={key} value={key}>{label}</option>)}
        </select>
      </label>
      <label className="alerts-filter"><span>Market</span>
        <input value={market} onChange={(e) => typeMarket(e.target.value)} list={`${id}-markets`} spellCheck={false} placeholder="Ticker, exactly" />
        <datalist id={`${id}-markets`}>{markets.map((m) => <option key={m} value={m} />)}</datalist>
      </label>
      <button type="button" className="history-button" disabled={!narrowed} onClick={() => { setMarket(''); onChange(EMPTY_ALERT_FILTER); }}>Clear filters</button>
    </div>
  );
}
