// SettingsView.tsx — Settings: the keychain's state, the configured accounts with their keys' public
// facts and live status, the account form (onboarding) to add or change one, the notification rules,
// surveillance (reviewer name, rules), and the display preferences (theme, time zone).
import { useCallback, useEffect, useState } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { useSettingsStore } from '../../state/settings-store.ts';
import { AccountFormView } from './AccountFormView.tsx';
import { AccountList } from './AccountList.tsx';
import { NotificationRulesForm } from './NotificationRulesForm.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';
import { SurveillanceSettings } from './SurveillanceSettings.tsx';
import { formFromAccount, NEW_ACCOUNT, type AccountForm } from './account-form.ts';
import './SettingsView.css';

export function SettingsView({ api }: { readonly api: FillwatchApi }) {
  const view = useSettingsStore((s) => s.view);
  const loadError = useSettingsStore((s) => s.loadError);
  const load = useSettingsStore((s) => s.load);
  const [editing, setEditing] = useState<AccountForm | null>(null);
  useEffect(() => {
    void load(api);
    return api.on.resync(() => void load(api));
  }, [api, load]);
  const closeForm = useCallback(() => setEditing(null), []);

  return (
    <section className="settings" aria-labelledby="settings-title">
      <div className="view-toolbar">
        <h1 id="settings-title" className="view-title">Settings</h1>
      </div>
      <div className="settings-body">
        {loadError !== null ? <p className="settings-banner is-error" role="alert">Settings could not be read: {loadError.message}</p> : null}
        {view !== null && !view.keychain.available ? (
          <p className="settings-banner is-error" role="alert"><strong>No keychain.</strong> {view.keychain.problem}</p>
        ) : null}
        {view?.demo === true ? (
          <p className="settings-banner is-demo">
            Demo mode: the fills you see come from Fillwatch's built-in simulator. Add your Kalshi account below and Fillwatch switches over to it
            (the demo's journal is kept apart from yours).
          </p>
        ) : null}
        <h2 className="settings-heading" id="accounts-heading">Accounts</h2>
        {view === null ? <p className="settings-note">Reading settings…</p> : (
          <AccountList api={api} accounts={view.accounts} onEdit={(settings) => setEditing(formFromAccount(settings))} />
        )}
        {editing === null ? (
          <button type="button" className="button is-primary" onClick={() => setEditing(NEW_ACCOUNT)} disabled={view === null}>Add an account</button>
        ) : (
          <AccountFormView api={api} initial={editing} generatedKeys={view?.generatedKeys ?? []} onClose={closeForm} />
        )}
        <NotificationRulesForm api={api} />
        <SurveillanceSettings api={api} />
        <PreferencesForm />
      </div>
    </section>
  );
}
