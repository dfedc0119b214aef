// account-form.ts — the account form's state and its checks, pure: what the user typed, which key
// they chose (a key file imported for this API key id, or a pair generated here), and the draft sent
// to main. Main checks everything again; these checks only say early what is missing.
import type { AccountDraft, AccountSettings, KeyFacts } from '../../../shared/ipc/contract.ts';

export type KeySource = 'file' | 'generate';

export interface AccountForm {
  readonly id: string | null;
  readonly label: string;
  readonly apiKeyId: string;
  readonly environment: AccountDraft['environment'];
  readonly target: AccountDraft['target'];
  readonly host: string;
  readonly port: string;
  readonly dropCopy: boolean;
  readonly dropCopyPort: string;
  readonly caCertificate: AccountDraft['caCertificate'];
  readonly caSubject: string | null;
  readonly keySource: KeySource;
  /** The key this form will use, once imported or generated. */
  readonly key: KeyFacts | null;
  readonly generatedKeyId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NEW_ACCOUNT: AccountForm = {
  id: null, label: '', apiKeyId: '', environment: 'production', target: 'KalshiRT', host: '', port: '', dropCopy: false,
  dropCopyPort: '', caCertificate: null, caSubject: null, keySource: 'file', key: null, generatedKeyId: null,
};

export function formFromAccount(settings: AccountSettings): AccountForm {
  const { account } = settings;
  const custom = account.environment === 'custom';
  return {
    id: account.id, label: account.label, apiKeyId: account.apiKeyId, environment: account.environment, target: account.listener.target,
    host: custom ? account.listener.host : '', port: custom ? String(account.listener.port) : '',
    dropCopy: account.dropCopy !== null, dropCopyPort: custom && account.dropCopy !== null ? String(account.dropCopy.port) : '',
    caCertificate: settings.caCertificate === null ? null : 'keep', caSubject: settings.caCertificate?.subject ?? null,
    keySource: 'file', key: settings.key, generatedKeyId: null,
  };
}

export function isApiKeyId(text: string): boolean {
  return UUID.test(text.trim());
}

/** What still stops the form from being saved, in the order the fields appear (empty: ready). */
export function formProblems(form: AccountForm): string[] {
  const problems: string[] = [];
  if (form.label.trim() === '') problems.push('Give the account a name.');
  if (form.environment === 'custom') {
    if (form.host.trim() === '') problems.push('Enter the listener\'s host name.');
    if (parsePort(form.port) === null) problems.push('Enter the listener\'s port (1–65535).');
    if (form.dropCopy && parsePort(form.dropCopyPort) === null) problems.push('Enter the drop copy\'s port (1–65535).');
  }
  if (form.keySource === 'generate' && form.generatedKeyId === null && form.key === null) problems.push('Generate the key pair and register its public key on Kalshi.');
  if (!isApiKeyId(form.apiKeyId)) problems.push('Enter the API key id Kalshi shows beside the key (a UUID).');
  else if (form.key === null) problems.push('Import the private key file of this API key.');
  return problems;
}

export function draftOf(form: AccountForm): AccountDraft {
  const custom = form.environment === 'custom';
  return {
    id: form.id,
    label: form.label.trim(),
    apiKeyId: form.apiKeyId.trim(),
    environment: form.environment,
    target: form.target,
    host: custom ? form.host.trim() : null,
    port: custom ? parsePort(form.port) : null,
    dropCopy: form.dropCopy,
    dropCopyPort: custom && form.dropCopy ? parsePort(form.dropCopyPort) : null,
    caCertificate: custom ? form.caCertificate : null,
    generatedKeyId: form.keySource === 'generate' ? form.generatedKeyId : null,
  };
}

function parsePort(text: string): number | null {
  const port = Number(text.trim());
  return Number.isInteger(port) && port >= 1 && port <= 65_535 && text.trim() !== '' ? port : null;
}
