// HistoryFilters.tsx — History's per-column filters: accounts, market or event (a ticker prefix), side,
// ExecType, OrdStatus, a time range in UTC, and LastQty / LastPx ranges. A box holding something that is
// not a valid value is marked and says what to type; the rest of the filter still applies.
import type { ReactNode } from 'react';
import type { FilterForm, FormProblems } from '../../state/history/filter-form.ts';
import { useLiveStore } from '../../state/live-store.ts';

const SIDES = [['1', 'Buy Yes'], ['2', 'Sell Yes']] as const;
const EXEC_TYPES = [['0', 'New'], ['F', 'Trade (fill)'], ['4', 'Canceled'], ['5', 'Replaced'], ['8', 'Rejected'], ['C', 'Expired']] as const;
const ORD_STATUSES = [['0', 'New'], ['1', 'Partially filled'], ['2', 'Filled'], ['4', 'Canceled'], ['5', 'Replaced'], ['8', 'Rejected'], ['C', 'Expired']] as const;

export interface HistoryFiltersProps {
  readonly id: string;
  readonly form: FilterForm;
  readonly problems: FormProblems;
  /** Applied at once, typing and choices alike (the controller reads only the newest of quick edits). */
  readonly onChange: (patch: Partial<FilterForm>) => void;
  readonly onClear: () => void;
}

export function HistoryFilters({ id, form, problems, onChange, onClear }: HistoryFiltersProps) {
  const accounts = useLiveStore((s) => s.accounts);
  const accountOptions = [...accounts.values()].map((a) => [a.account.apiKeyId, a.account.label] as const);
  const toggle = (key: 'accounts' | 'sides' | 'execTypes' | 'ordStatuses', value: string) => {
    const list = form[key];
    onChange({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  };
  const box = (key: keyof FilterForm, label: string, extra: { type?: string; inputMode?: 'decimal'; placeholder?: string; step?: number } = {}) => (
    <div className="hfilter-box">
      <label htmlFor={`hf-${key}`}>{label}</label>
      <input
        id={`hf-${key}`} type={extra.type ?? 'text'} inputMode={extra.inputMode} placeholder={extra.placeholder} step={extra.step}
        value={form[key] as string} aria-invalid={problems[key] !== undefined} aria-describedby={problems[key] === undefined ? undefined : `hf-${key}-problem`}
        onChange={(e) => onChange({ [key]: e.target.value })}
      />
      {problems[key] === undefined ? null : <span id={`hf-${key}-problem`} className="hfilter-problem">{problems[key]}</span>}
    </div>
  );
  return (
    <div id={id} className="history-filters" role="group" aria-label="Filters">
      <Choices legend="Account" options={accountOptions} chosen={form.accounts} onToggle={(v) => toggle('accounts', v)} empty="No account configured" />
      {box('market', 'Market or event (ticker start)', { placeholder: 'KXHIGHNY-26NOV24' })}
      <Choices legend="Side" options={SIDES} chosen={form.sides} onToggle={(v) => toggle('sides', v)} />
      <Choices legend="ExecType" options={EXEC_TYPES} chosen={form.execTypes} onToggle={(v) => toggle('execTypes', v)} />
      <Choices legend="Order status" options={ORD_STATUSES} chosen={form.ordStatuses} onToggle={(v) => toggle('ordStatuses', v)} />
      <div className="hfilter-pair">
        {box('from', 'From (UTC)', { type: 'datetime-local', step: 1 })}
        {box('to', 'Before (UTC)', { type: 'datetime-local', step: 1 })}
      </div>
      <div className="hfilter-pair">
        {box('qtyMin', 'Qty at least', { inputMode: 'decimal' })}
        {box('qtyMax', 'Qty at most', { inputMode: 'decimal' })}
      </div>
      <div className="hfilter-pair">
        {box('pxMin', 'Price at least', { inputMode: 'decimal', placeholder: '0.10' })}
        {box('pxMax', 'Price at most', { inputMode: 'decimal', placeholder: '0.90' })}
      </div>
      <button type="button" className="history-button" onClick={onClear}>Clear filters</button>
    </div>
  );
}

function Choices({ legend, options, chosen, onToggle, empty }: {
  readonly legend: string; readonly options: readonly (readonly [string, string])[]; readonly chosen: readonly string[];
  readonly onToggle: (value: string) => void; readonly empty?: ReactNode;
}) {
  return (
    <fieldset className="hfilter-choices">
      <legend>{legend}</legend>
      {options.length === 0 ? <span className="hfilter-empty">{empty}</span> : options.map(([value, label]) => (
        <label key={value} className="hfilter-choice">
          <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
