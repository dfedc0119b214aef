// KeyStep.tsx — the form's private-key step. "I have the key file": the API key id, then main's open
// dialog imports the file into the keychain. "Generate": main makes an RSA-2048 pair and keeps the
// private half in the keychain; the public half is shown with a copy button to register on Kalshi,
// whose API key id the user then enters. Only public facts are ever shown.
import { useId, useState } from 'react';
import type { KeyFacts } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import type { AccountForm } from './account-form.ts';

export function KeyStep({ api, form, update, busy, run, generatedKeys, apiKeyIdValid }: {
  readonly api: FillwatchApi;
  readonly form: AccountForm;
  readonly update: (patch: Partial<AccountForm>) => void;
  readonly busy: boolean;
  readonly run: (work: () => Promise<string | null>) => Promise<void>;
  readonly generatedKeys: readonly { readonly generatedKeyId: string; readonly key: KeyFacts }[];
  readonly apiKeyIdValid: boolean;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const importKey = () => run(async () => {
    const answer = await api.settings.importKey(form.apiKeyId.trim());
    if (!answer.ok) return answer.error.message;
    if (answer.value.picked) update({ key: answer.value.key, generatedKeyId: null });
    return null;
  });
  const generate = () => run(async () => {
    const answer = await api.settings.generateKey();
    if (!answer.ok) return answer.error.message;
    update({ key: answer.value.key, generatedKeyId: answer.value.generatedKeyId });
    return null;
  });
  const copy = () => run(async () => {
    const answer = await api.settings.copyPublicKey(form.generatedKeyId !== null
      ? { apiKeyId: null, generatedKeyId: form.generatedKeyId }
      : { apiKeyId: form.apiKeyId.trim(), generatedKeyId: null });
    setCopied(answer.ok);
    return answer.ok ? null : answer.error.message;
  });
  const apiKeyIdField = (
    <label className="field">
      <span>API key id <span className="settings-dim">— the UUID Kalshi shows beside the key</span></span>
      <input
        value={form.apiKeyId} onChange={(e) => update({ apiKeyId: e.target.value, ...(form.keySource === 'file' && form.id === null ? { key: null } : {}) })}
        spellCheck={false} autoComplete="off" placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" aria-invalid={form.apiKeyId !== '' && !apiKeyIdValid}
      />
    </label>
  );

  return (
    <fieldset className="field-group">
      <legend>Private key</legend>
      <label className="choice">
        <input type="radio" name={`${id}-source`} checked={form.keySource === 'file'} onChange={() => update({ keySource: 'file', generatedKeyId: null, key: null })} />
        <span>I have the private key file of this API key</span>
      </label>
      <label className="choice">
        <input type="radio" name={`${id}-source`} checked={form.keySource === 'generate'} onChange={() => update({ keySource: 'generate', key: null })} />
        <span>Generate a new key pair here <span className="settings-dim">— then register its public key on Kalshi</span></span>
      </label>

      {form.keySource === 'file' ? (
        <>
          {apiKeyIdField}
          <div className="field-inline">
            <button type="button" className="button" onClick={() => void importKey()} disabled={busy || !apiKeyIdValid}>{form.key === null ? 'Import key file…' : 'Replace key file…'}</button>
            <KeyStored facts={form.key} />
          </div>
          <p className="settings-dim">The file is read by Fillwatch's main process, checked (RSA, at least 2048 bits, not encrypted) and stored only in your OS keychain. You can delete the file afterwards.</p>
        </>
      ) : (
        <>
          {form.key === null ? (
            <div className="field-inline">
              <button type="button" className="button" onClick={() => void generate()} disabled={busy}>Generate key pair</button>
              {generatedKeys.length > 0 ? (
                <button type="button" className="button" onClick={() => update({ key: generatedKeys.at(-1)!.key, generatedKeyId: generatedKeys.at(-1)!.generatedKeyId })}>
                  Use the pair generated earlier ({generatedKeys.at(-1)!.key.fingerprint.slice(0, 18)}…)
                </button>
              ) : null}
            </div>
          ) : (
            <div className="public-key">
              <label className="field">
                <span>Public key — paste it on Kalshi's API keys page when you create the read-only key</span>
                <textarea readOnly value={form.key.publicKeyPem} rows={9} spellCheck={false} />
              </label>
              <div className="field-inline">
                <button type="button" className="button" onClick={() => void copy()} disabled={busy}>Copy public key</button>
                <span role="status" className="settings-dim">{copied ? 'Copied to the clipboard.' : ''}</span>
                <KeyStored facts={form.key} />
              </div>
            </div>
          )}
          {apiKeyIdField}
        </>
      )}
    </fieldset>
  );
}

function KeyStored({ facts }: { readonly facts: KeyFacts | null }) {
  if (facts === null) return null;
  return <span className="key-stored" data-fingerprint={facts.fingerprint}>In the keychain: RSA-{facts.bits} {facts.fingerprint}</span>;
}
