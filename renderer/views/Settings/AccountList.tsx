// AccountList.tsx — the configured accounts: where each connects, its API key id, whether its private
// key is in the keychain (fingerprint) and its live status; test the connection, edit, remove (and,
// if the user says so, delete the key from the keychain too).
import { useState } from 'react';
import type { AccountSettings, IpcError } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { useSettingsStore } from '../../state/settings-store.ts';

const ENVIRONMENTS = { production: 'Production', demo: 'Kalshi demo', custom: 'Custom host' } as const;

interface Outcome { readonly ok: boolean; readonly text: string }

export function AccountList({ api, accounts, onEdit }: {
  readonly api: FillwatchApi;
  readonly accounts: readonly AccountSettings[];
  readonly onEdit: (account: AccountSettings) => void;
}) {
  const statuses = useLiveStore((s) => s.accounts);
  const applyAnswer = useSettingsStore((s) => s.applyAnswer);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(new Map());
  const [removing, setRemoving] = useState<string | null>(null);
  const [deleteKey, setDeleteKey] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const say = (id: string, outcome: Outcome) => setOutcomes((m) => new Map(m).set(id, outcome));
  const failed = (id: string, error: IpcError) => say(id, { ok: false, text: error.message });

  if (accounts.length === 0) return <p className="settings-note">No account yet. Add the Kalshi account you want to watch; Fillwatch needs its own read-only API key.</p>;

  const test = async (id: string) => {
    setBusy(id);
    say(id, { ok: true, text: 'Connecting…' });
    const answer = await api.settings.testConnection(id);
    setBusy(null);
    if (answer.ok) say(id, { ok: answer.value.connected, text: answer.value.text });
    else failed(id, answer.error);
  };
  const remove = async (id: string) => {
    setBusy(id);
    const error = applyAnswer(await api.settings.removeAccount(id, deleteKey));
    setBusy(null);
    setRemoving(null);
    if (error !== null) failed(id, error);
  };

  return (
    <table className="account-list" aria-labelledby="accounts-heading">
      <thead>
        <tr><th scope="col">Account</th><th scope="col">Connects to</th><th scope="col">API key</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        {accounts.map((settings) => {
          const { account, key } = settings;
          const status = statuses.get(account.id)?.status;
          const outcome = outcomes.get(account.id);
          return (
            <tr key={account.id} data-account-id={account.id}>
              <th scope="row">{account.label}</th>
              <td>
                {ENVIRONMENTS[account.environment]} · {account.listener.target === 'KalshiRT' ? 'RT (resends)' : 'NR'}{account.dropCopy === null ? '' : ' + drop copy'}
                <div className="settings-dim">{account.listener.host}:{account.listener.port}</div>
              </td>
              <td>
                <code className="key-id">{account.apiKeyId}</code>
                <div className={key === null ? 'key-missing' : 'settings-dim'}>{key === null ? 'No private key stored: import it (Edit).' : `RSA-${key.bits} ${key.fingerprint}`}</div>
              </td>
              <td>
                <span className={`phase is-${status?.phase ?? 'stopped'}`}>{status?.phase ?? '—'}</span>
                {status?.reason !== null && status?.reason !== undefined ? <div className="settings-dim">{status.reason}</div> : null}
                <div className={outcome?.ok === false ? 'test-outcome is-error' : 'test-outcome'} role="status" aria-live="polite">{outcome?.text ?? ''}</div>
              </td>
              <td className="account-actions">
                {removing === account.id ? (
                  <span className="confirm-remove" role="group" aria-label={`Remove ${account.label}`}>
                    <label><input type="checkbox" checked={deleteKey} onChange={(e) => setDeleteKey(e.target.checked)} /> Also delete its key from the keychain</label>
                    <button type="button" className="button is-danger" onClick={() => void remove(account.id)} disabled={busy !== null}>Remove</button>
                    <button type="button" className="button" onClick={() => setRemoving(null)}>Keep</button>
                  </span>
                ) : (
                  <>
                    <button type="button" className="button" onClick={() => void test(account.id)} disabled={busy !== null}>Test connection</button>
                    <button type="button" className="button" onClick={() => onEdit(settings)}>Edit</button>
                    <button type="button" className="button" onClick={() => { setDeleteKey(false); setRemoving(account.id); }}>Remove…</button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
