// NotificationRulesForm.tsx — Settings → Notifications: which executions and session events become
// desktop notifications, and when to keep quiet. Main saves the rules (atomically) and answers with the
// rules now in force; the form shows that answer, never its own guess.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { formFromRules, rulesFromForm, type RulesForm } from './rules-form.ts';

const HOUR_MS = 3_600_000;
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function NotificationRulesForm({ api }: { readonly api: FillwatchApi }) {
  const [form, setForm] = useState<RulesForm | null>(null);
  const [message, setMessage] = useState<{ readonly error: boolean; readonly text: string } | null>(null);
  const id = useId();
  useEffect(() => {
    void api.notifications.getRules().then((answer) => {
      if (answer.ok) setForm(formFromRules(answer.value, localZone()));
      else setMessage({ error: true, text: `The rules could not be read: ${answer.error.message}` });
    });
  }, [api]);
  if (form === null) return message === null ? <p className="settings-note">Reading the rules…</p> : <p className="form-error" role="alert">{message.text}</p>;

  const update = (patch: Partial<RulesForm>) => { setForm({ ...form, ...patch }); setMessage(null); };
  const save = async (next: RulesForm) => {
    const built = rulesFromForm(next);
    if ('problem' in built) return setMessage({ error: true, text: built.problem });
    const answer = await api.notifications.setRules(built.rules);
    if (!answer.ok) return setMessage({ error: true, text: answer.error.message });
    setForm(formFromRules(answer.value, localZone()));
    setMessage({ error: false, text: 'Saved.' });
  };
  const submit = (event: FormEvent) => { event.preventDefault(); void save(form); };
  const quietNow = form.quietUntil !== null && form.quietUntil > Date.now();

  return (
    <form className="account-form rules-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`} className="settings-heading">Notifications</h2>
      <Check label="Desktop notifications" checked={form.enabled} onChange={(enabled) => update({ enabled })} />
      <fieldset className="field-group" disabled={!form.enabled}>
        <legend>Fills</legend>
        <Check label="Every fill" checked={form.allFills} onChange={(allFills) => update({ allFills })} />
        <div className="field-row">
          <label className="field"><span>…or at least this many contracts</span><input value={form.minQty} onChange={(e) => update({ minQty: e.target.value })} inputMode="decimal" disabled={form.allFills} /></label>
          <label className="field"><span>…or at least this notional ($)</span><input value={form.minNotional} onChange={(e) => update({ minNotional: e.target.value })} inputMode="decimal" disabled={form.allFills} /></label>
        </div>
        <label className="field"><span>Only these markets or events <span className="settings-dim">— tickers or event prefixes, comma separated; empty: all</span></span>
          <input value={form.markets} onChange={(e) => update({ markets: e.target.value })} spellCheck={false} placeholder="e.g. KXFEDDECISION-26DEC, KXHIGHNY" />
        </label>
        <Check label="Cancels and rejects" checked={form.cancelsAndRejects} onChange={(cancelsAndRejects) => update({ cancelsAndRejects })} />
        <Check label="Session alerts: down, sequence gaps, possible missed fills, unreadable messages" checked={form.sessionAlerts} onChange={(sessionAlerts) => update({ sessionAlerts })} />
        <Check label="Surveillance alerts of high or critical severity (each once; a burst is one notification)" checked={form.surveillanceAlerts} onChange={(surveillanceAlerts) => update({ surveillanceAlerts })} />
      </fieldset>
      <fieldset className="field-group" disabled={!form.enabled}>
        <legend>Do not disturb</legend>
        <div className="field-inline">
          {quietNow
            ? <><span>Quiet until {new Date(form.quietUntil!).toLocaleTimeString()}.</span><button type="button" className="button" onClick={() => void save({ ...form, quietUntil: null })}>Resume now</button></>
            : <button type="button" className="button" onClick={() => void save({ ...form, quietUntil: Date.now() + HOUR_MS })}>Quiet for one hour</button>}
        </div>
        <Check label="Every day between" checked={form.quietHours} onChange={(quietHours) => update({ quietHours })} />
        <div className="field-row">
          <label className="field is-narrow"><span>From</span><input value={form.quietFrom} onChange={(e) => update({ quietFrom: e.target.value })} disabled={!form.quietHours} placeholder="22:00" /></label>
          <label className="field is-narrow"><span>To</span><input value={form.quietTo} onChange={(e) => update({ quietTo: e.target.value })} disabled={!form.quietHours} placeholder="07:00" /></label>
          <label className="field"><span>Time zone</span><input value={form.quietTimeZone} onChange={(e) => update({ quietTimeZone: e.target.value })} disabled={!form.quietHours} spellCheck={false} /></label>
        </div>
        <Check label="Session and surveillance alerts still show while quiet" checked={form.alertsBypassQuiet} onChange={(alertsBypassQuiet) => update({ alertsBypassQuiet })} />
      </fieldset>
      {message !== null ? <p className={message.error ? 'form-error' : 'settings-dim'} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
      <div className="form-actions"><button type="submit" className="button is-primary">Save rules</button></div>
    </form>
  );
}

function Check({ label, checked, onChange }: { readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
