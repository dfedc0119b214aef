// RuleFields.tsx — the small inputs the surveillance rules form is made of. Each box carries the
// document path it edits (data-field), so main's refusal, which names a path, marks the right box and
// takes the focus there.
import { useId, type ReactNode } from 'react';
import { SEVERITIES, type Severity } from '../../../shared/surveillance/alert.ts';
import { SEVERITY_LABELS } from '../../format/alert-format.ts';
import { fieldInvalid } from './surveillance-form.ts';

/** The refused field and the id of the sentence that says why (for aria-describedby). */
export interface Refusal { readonly field: string | null; readonly messageId: string }

export function invalidProps(refusal: Refusal, path: string) {
  const invalid = fieldInvalid(refusal.field, path);
  return { 'data-field': path, 'aria-invalid': invalid, 'aria-describedby': invalid ? refusal.messageId : undefined } as const;
}

export function TextField({ label, hint, path, value, onChange, refusal, narrow = false, placeholder }: {
  readonly label: string; readonly hint?: string; readonly path: string; readonly value: string; readonly onChange: (value: string) => void;
  readonly refusal: Refusal; readonly narrow?: boolean; readonly placeholder?: string;
}) {
  return (
    <label className={`field${narrow ? ' is-narrow' : ''}`}>
      <span>{label}{hint === undefined ? null : <span className="settings-dim"> — {hint}</span>}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} placeholder={placeholder} {...invalidProps(refusal, path)} />
    </label>
  );
}

/** A rule's block: on/off and severity, then its own parameters. */
export function RuleBlock({ title, what, path, enabled, severity, onChange, refusal, children }: {
  readonly title: string; readonly what: string; readonly path: string; readonly enabled: boolean; readonly severity: Severity;
  readonly onChange: (patch: { enabled?: boolean; severity?: Severity }) => void; readonly refusal: Refusal; readonly children?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="field-group rule-block" aria-describedby={`${id}-what`}>
      <legend>{title}</legend>
      <p id={`${id}-what`} className="settings-dim rule-what">{what}</p>
      <div className="field-inline">
        <label className="choice"><input type="checkbox" checked={enabled} onChange={(e) => onChange({ enabled: e.target.checked })} {...invalidProps(refusal, `${path}.enabled`)} /><span>On</span></label>
        <label className="rule-severity"><span>Severity</span>
          <select value={severity} onChange={(e) => onChange({ severity: e.target.value as Severity })} {...invalidProps(refusal, `${path}.severity`)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
          </select>
        </label>
      </div>
      {children === undefined ? null : <div className="rule-params" data-disabled={!enabled}>{children}</div>}
    </fieldset>
  );
}

/** Rows of a list (limits, restricted entries, allow-list entries) with add and remove. */
export function RowList<T>({ label, noun, rows, empty, newRow, onChange, render }: {
  readonly label: string; readonly noun: string; readonly rows: readonly T[]; readonly empty: string; readonly newRow: T;
  readonly onChange: (rows: T[]) => void; readonly render: (row: T, index: number, set: (patch: Partial<T>) => void) => ReactNode;
}) {
  return (
    <div className="row-list" role="group" aria-label={label}>
      {rows.length === 0 ? <p className="settings-dim">{empty}</p> : rows.map((row, i) => (
        <div className="row-list-item" key={i}>
          {render(row, i, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}
          <button type="button" className="button" aria-label={`Remove ${noun} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rows, newRow])}>Add {/^[aeiou]/i.test(noun) ? 'an' : 'a'} {noun}</button>
    </div>
  );
}
