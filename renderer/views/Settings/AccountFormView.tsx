// AccountFormView.tsx — onboarding: add or change a Kalshi account. It says first why Fillwatch needs
// its own read-only API key, then asks where to connect and for the key: import the key file (main
// opens the dialog and stores the key in the OS keychain; the page never sees it) or generate a pair
// here and register the public half on Kalshi. Saving starts the account; main checks it all again.
import { useId, useState, type FormEvent } from 'react';
import type { KeyFacts } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { useSettingsStore } from '../../state/settings-store.ts';
import { draftOf, formProblems, isApiKeyId, type AccountForm } from './account-form.ts';
import { KeyStep } from './KeyStep.tsx';

export function AccountFormView({ api, initial, generatedKeys, onClose }: {
  readonly api: FillwatchApi;
  readonly initial: AccountForm;
  readonly generatedKeys: readonly { readonly generatedKeyId: string; readonly key: KeyFacts }[];
  readonly onClose: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const applyAnswer = useSettingsStore((s) => s.applyAnswer);
  const id = useId();
  const update = (patch: Partial<AccountForm>) => { setForm((f) => ({ ...f, ...patch })); setError(null); };
  const problems = formProblems(form);
  const custom = form.environment === 'custom';

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try { setError(await work()); } finally { setBusy(false); }
  };
  const pickCa = () => run(async () => {
    const answer = await api.settings.pickCaCertificate();
    if (!answer.ok) return answer.error.message;
    if (answer.value.picked) update({ caCertificate: { pickId: answer.value.pickId }, caSubject: answer.value.certificate.subject });
    return null;
  });
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) return;
    void run(async () => {
      const failure = applyAnswer(await api.settings.saveAccount(draftOf(form)));
      if (failure !== null) return failure.message;
      onClose();
      return null;
    });
  };

  return (
    <form className="account-form" aria-labelledby={`${id}-title`} onSubmit={save} noValidate>
      <h2 id={`${id}-title`} className="settings-heading">{form.id === null ? 'Add a Kalshi account' : `Edit ${initial.label}`}</h2>
      <p className="onboarding-why">
        Fillwatch only listens: it logs on as a read-only listener and can never send an order. Kalshi allows <strong>one connection per
        API key</strong>, so create a <strong>separate API key with read-only scope</strong> for Fillwatch on Kalshi's API keys page.
        Never use your trading key: Fillwatch's connection would knock your trading session off.
      </p>

      <label className="field">
        <span>Name</span>
        <input value={form.label} onChange={(e) => update({ label: e.target.value })} placeholder="e.g. Desk 2 — main account" autoComplete="off" maxLength={80} />
      </label>

      <fieldset className="field-group">
        <legend>Exchange</legend>
        <Choice name={`${id}-env`} value="production" current={form.environment} onChange={(environment) => update({ environment })} label="Production" hint="fix.elections.kalshi.com" />
        <Choice name={`${id}-env`} value="demo" current={form.environment} onChange={(environment) => update({ environment })} label="Kalshi demo" hint="fix.demo.kalshi.co" />
        <Choice name={`${id}-env`} value="custom" current={form.environment} onChange={(environment) => update({ environment })} label="Custom host" hint="a test venue or simulator" />
        {custom ? (
          <>
            <div className="field-row">
              <label className="field"><span>Host</span><input value={form.host} onChange={(e) => update({ host: e.target.value })} autoComplete="off" spellCheck={false} /></label>
              <label className="field is-narrow"><span>Port</span><input value={form.port} onChange={(e) => update({ port: e.target.value })} inputMode="numeric" /></label>
            </div>
            <div className="field" role="group" aria-labelledby={`${id}-ca`}>
              <span id={`${id}-ca`}>CA certificate</span>
              <div className="field-inline">
                <span className="settings-dim">{form.caSubject ?? 'None: trust the system\'s roots only'}</span>
                <button type="button" className="button" onClick={() => void pickCa()} disabled={busy}>Choose…</button>
                {form.caCertificate !== null ? <button type="button" className="button" onClick={() => update({ caCertificate: null, caSubject: null })}>Clear</button> : null}
              </div>
            </div>
          </>
        ) : null}
      </fieldset>

      <fieldset className="field-group">
        <legend>Session</legend>
        <Choice name={`${id}-target`} value="KalshiRT" current={form.target} onChange={(target) => update({ target })} label="KalshiRT" hint="resends what was missed after a reconnect (recommended; Kalshi grants access on request)" />
        <Choice name={`${id}-target`} value="KalshiNR" current={form.target} onChange={(target) => update({ target })} label="KalshiNR" hint="no resends: turn on the drop copy below to backfill" />
        <label className="choice">
          <input type="checkbox" checked={form.dropCopy} onChange={(e) => update({ dropCopy: e.target.checked })} />
          <span>Backfill possible missed fills over the drop copy (KalshiDC)</span>
        </label>
        {custom && form.dropCopy ? (
          <label className="field is-narrow"><span>Drop copy port</span><input value={form.dropCopyPort} onChange={(e) => update({ dropCopyPort: e.target.value })} inputMode="numeric" /></label>
        ) : null}
      </fieldset>

      <KeyStep api={api} form={form} update={update} busy={busy} run={run} generatedKeys={generatedKeys} apiKeyIdValid={isApiKeyId(form.apiKeyId)} />

      {problems.length > 0 ? (
        <div className="form-problems" aria-live="polite">
          <span>To save:</span>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {error !== null ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button is-primary" disabled={busy || problems.length > 0}>{form.id === null ? 'Save and connect' : 'Save and reconnect'}</button>
        <button type="button" className="button" onClick={onClose} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}

function Choice<T extends string>({ name, value, current, onChange, label, hint }: {
  readonly name: string; readonly value: T; readonly current: T; readonly onChange: (value: T) => void; readonly label: string; readonly hint: string;
}) {
  return (
    <label className="choice">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => onChange(value)} />
      <span>{label} <span className="settings-dim">— {hint}</span></span>
    </label>
  );
}
