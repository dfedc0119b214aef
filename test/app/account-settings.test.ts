// Settings' accounts and keys in main, through the IpcDoor as a window would call them: key files read
// by main and validated (the CLI's sentences), stored only in the keychain (a double here; the real
// gnome-keyring in keychain-daemon and the onboarding e2e), generated pairs filed under their API key
// id on save, one API key per account, a missing keychain refused with what to do and nothing written,
// and no answer ever carrying private key material.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { AccountDraft, IpcResult, SettingsView } from '../../shared/ipc/contract.ts';
import { AccountSettingsService, type AccountsTarget } from '../../electron/main/accounts/account-settings.ts';
import { KeyVault } from '../../electron/main/accounts/key-vault.ts';
import { IpcDoor, trustOrigins, type RequestHandlers } from '../../electron/main/ipc/ipc-door.ts';
import { SigningKeys } from '../../electron/main/keys/signing-keys.ts';
import { generateKeyPair } from '../../electron/core/signing/index.ts';
import { createCertificateAuthority } from '../../electron/simulator/certs.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';
import { inMemoryRuleHandlers, unusedHistoryHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };
const pair = generateKeyPair();
const API_KEY = '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77';

function setup(options: { accounts?: AccountConfig[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fw-settings-'));
  const keychain = new MemoryKeychain();
  const keys = new SigningKeys();
  const vault = new KeyVault(keychain, keys);
  let picked: string | null = null;
  const clipboard: string[] = [];
  const applied: string[] = [];
  const target: AccountsTarget = {
    apply: async (accounts, change) => { applied.push('saved' in change ? `saved ${change.saved.id} (${accounts.length})` : `removed ${change.removed} (${accounts.length})`); },
    demoActive: () => applied.length === 0,
    status: async (id) => ({ accountId: id, phase: 'active', since: 0, lastMessageAt: undefined, nextInbound: 1, nextOutbound: 2 }),
    start: async (id) => { applied.push(`start ${id}`); },
  };
  const settings = new AccountSettingsService({
    accountsPath: join(dir, 'accounts.json'), accounts: options.accounts ?? [], keychain, vault,
    pickFile: async () => picked, writeClipboard: (text) => clipboard.push(text), target, testTimeoutMs: 500,
  });
  const answers: unknown[] = [];
  const door = new IpcDoor({ ...unused(), ...inMemoryRuleHandlers(), ...settings.handlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers() } as RequestHandlers, trustOrigins(['app://fillwatch']));
  const call = async <T>(name: string, payload: unknown): Promise<IpcResult<T>> => {
    const answer = await door.handle(`fillwatch:${name}`, ours, payload) as IpcResult<T>;
    answers.push(answer);
    return answer;
  };
  const file = (name: string, text: string) => { const path = join(dir, name); writeFileSync(path, text); return path; };
  return {
    dir, keychain, keys, call, answers, clipboard, applied, file,
    pick: (path: string | null) => { picked = path; },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function unused() {
  const fail = () => { throw new Error('not part of this test'); };
  return { 'app.snapshot': fail, 'accounts.list': fail, 'positions.get': fail, 'session.get': fail, 'demo.status': fail };
}

const draft = (over: Partial<AccountDraft> = {}): AccountDraft => ({
  id: null, label: 'Desk 2', apiKeyId: API_KEY, environment: 'demo', target: 'KalshiRT', host: null, port: null,
  dropCopy: true, dropCopyPort: null, caCertificate: null, generatedKeyId: null, ...over,
});
const errorOf = (r: IpcResult<unknown>) => (r.ok ? 'ok' : `${r.error.kind}: ${r.error.message}`);

describe('Settings: keys', () => {
  test('a key file is validated before it is stored: a public key, a non-PEM, a missing or huge file are refused with what to do', async () => {
    const s = setup();
    try {
      s.pick(s.file('public.pem', pair.publicKeyPem));
      assert.match(errorOf(await s.call('keys.import', { apiKeyId: API_KEY })), /^rejected: This is a public key or certificate; Fillwatch needs the private key file/);
      s.pick(s.file('notes.txt', 'hello'));
      assert.match(errorOf(await s.call('keys.import', { apiKeyId: API_KEY })), /^rejected: This is not a readable PEM private key/);
      s.pick(join(s.dir, 'missing.pem'));
      assert.match(errorOf(await s.call('keys.import', { apiKeyId: API_KEY })), /^rejected: Could not open .*missing\.pem: ENOENT/);
      s.pick(s.file('big.pem', 'x'.repeat(70_000)));
      assert.match(errorOf(await s.call('keys.import', { apiKeyId: API_KEY })), /^rejected: .* a PEM key or certificate is a few KiB/);
      s.pick(null);
      assert.deepEqual(await s.call('keys.import', { apiKeyId: API_KEY }), { ok: true, value: { picked: false } });
      assert.equal(s.keychain.secrets.size, 0, 'nothing was stored');
      assert.match(errorOf(await s.call('keys.import', { apiKeyId: 'not-a-uuid' })), /^invalid-payload: .*the API key id is the UUID Kalshi shows beside the key/);
    } finally { s.done(); }
  });

  test('a good key file lands in the keychain under the API key id; answers carry only its public facts', async () => {
    const s = setup();
    try {
      s.pick(s.file('key.pem', pair.privateKeyPem));
      const answer = await s.call<{ picked: true; key: { bits: number; fingerprint: string; publicKeyPem: string } }>('keys.import', { apiKeyId: API_KEY.toUpperCase() });
      assert.ok(answer.ok && answer.value.picked);
      assert.equal(answer.value.key.bits, 2048);
      assert.equal(answer.value.key.publicKeyPem, pair.publicKeyPem);
      assert.deepEqual([...s.keychain.secrets.keys()], [API_KEY], 'filed under the lower-case id');
      assert.equal(s.keychain.secrets.get(API_KEY), pair.privateKeyPem);
      assert.equal(s.keys.has(API_KEY), true, 'main can sign with it');
      assert.deepEqual(await s.call('keys.copyPublicKey', { apiKeyId: API_KEY, generatedKeyId: null }), { ok: true, value: { copied: true } });
      assert.deepEqual(s.clipboard, [pair.publicKeyPem]);
      const view = await s.call<SettingsView>('keys.delete', { apiKeyId: API_KEY });
      assert.ok(view.ok);
      assert.equal(s.keychain.secrets.size, 0);
      assert.equal(s.keys.has(API_KEY), false);
      assert.doesNotMatch(JSON.stringify(s.answers), /PRIVATE KEY/);
    } finally { s.done(); }
  });

  test('no keychain: a clear refusal that says what to do, and nothing written anywhere', async () => {
    const s = setup();
    try {
      s.keychain.available = false;
      s.pick(s.file('key.pem', pair.privateKeyPem));
      const refused = errorOf(await s.call('keys.import', { apiKeyId: API_KEY }));
      assert.match(refused, /^unavailable: The OS keychain is not available \(Cannot autolaunch D-Bus.*\)\. Fillwatch keeps keys only in the OS keychain: install and unlock a Secret Service keyring/);
      assert.match(errorOf(await s.call('keys.generate', {})), /^unavailable: /);
      const view = await s.call<SettingsView>('settings.get', {});
      assert.ok(view.ok);
      assert.equal(view.value.keychain.available, false);
      assert.match(view.value.keychain.problem ?? '', /gnome-keyring/);
      assert.match(errorOf(await s.call('accounts.save', { account: draft() })), /^unavailable: /);
      assert.equal(existsSync(join(s.dir, 'accounts.json')), false, 'no account saved without its key');
      assert.equal(s.keychain.secrets.size, 0);
    } finally { s.done(); }
  });
});

describe('Settings: accounts', () => {
  test('an account needs its key; saved, it is written without secrets and applied; one API key per account', async () => {
    const s = setup();
    try {
      assert.match(errorOf(await s.call('accounts.save', { account: draft() })), /^rejected: No private key is stored for API key 3f2a9c1e-.*: import its key file or generate a key pair first\./);
      s.pick(s.file('key.pem', pair.privateKeyPem));
      await s.call('keys.import', { apiKeyId: API_KEY });
      const saved = await s.call<SettingsView>('accounts.save', { account: draft() });
      assert.ok(saved.ok, errorOf(saved));
      const [row] = saved.value.accounts;
      assert.equal(row!.account.listener.host, 'fix.demo.kalshi.co');
      assert.equal(row!.account.listener.port, 8230);
      assert.deepEqual(row!.account.dropCopy, { host: 'fix.demo.kalshi.co', port: 8229 });
      assert.equal(row!.key?.fingerprint.startsWith('SHA256:'), true);
      const file = readFileSync(join(s.dir, 'accounts.json'), 'utf8');
      assert.doesNotMatch(file, /PRIVATE KEY|BEGIN/);
      assert.equal((JSON.parse(file) as { accounts: AccountConfig[] }).accounts[0]!.apiKeyId, API_KEY);
      assert.deepEqual(s.applied, [`saved ${API_KEY} (1)`]);
      const twice = await s.call('accounts.save', { account: draft({ label: 'Same key again' }) });
      assert.match(errorOf(twice), /^rejected: API key .* is already used by "Desk 2"\. Kalshi allows one connection per API key: create a separate read-only key/);
      const removed = await s.call<SettingsView>('accounts.remove', { id: API_KEY, deleteKey: true });
      assert.ok(removed.ok);
      assert.deepEqual(removed.value.accounts, []);
      assert.equal(s.keychain.secrets.size, 0, 'the key was deleted with the account, as asked');
    } finally { s.done(); }
  });

  test('a generated pair: public key to copy, private half in the keychain, filed under the API key id on save', async () => {
    const s = setup();
    try {
      const generated = await s.call<{ generatedKeyId: string; key: { publicKeyPem: string } }>('keys.generate', {});
      assert.ok(generated.ok);
      const { generatedKeyId } = generated.value;
      assert.match(generated.value.key.publicKeyPem, /^-----BEGIN PUBLIC KEY-----/);
      assert.deepEqual([...s.keychain.secrets.keys()], [`generated:${generatedKeyId}`]);
      await s.call('keys.copyPublicKey', { apiKeyId: null, generatedKeyId });
      assert.deepEqual(s.clipboard, [generated.value.key.publicKeyPem]);
      const view = await s.call<SettingsView>('settings.get', {});
      assert.ok(view.ok);
      assert.equal(view.value.generatedKeys[0]?.generatedKeyId, generatedKeyId, 'a restart-proof reminder of the pair');
      const saved = await s.call<SettingsView>('accounts.save', { account: draft({ generatedKeyId }) });
      assert.ok(saved.ok, errorOf(saved));
      assert.deepEqual([...s.keychain.secrets.keys()], [API_KEY]);
      assert.equal(saved.value.accounts[0]!.key?.publicKeyPem, generated.value.key.publicKeyPem);
      assert.deepEqual(saved.value.generatedKeys, []);
      assert.doesNotMatch(JSON.stringify(s.answers), /PRIVATE KEY/);
    } finally { s.done(); }
  });

  test('a custom host takes its own CA (checked, kept in main) and ports; a wrong CA file is refused', async () => {
    const s = setup();
    try {
      s.pick(s.file('key.pem', pair.privateKeyPem));
      await s.call('keys.import', { apiKeyId: API_KEY });
      s.pick(s.file('not-a-cert.pem', pair.privateKeyPem));
      assert.match(errorOf(await s.call('tls.pickCaCertificate', {})), /^rejected: This file holds a private key, not a CA certificate/);
      const ca = createCertificateAuthority();
      s.pick(s.file('ca.pem', ca.certPem));
      const picked = await s.call<{ picked: true; pickId: string; certificate: { subject: string } }>('tls.pickCaCertificate', {});
      assert.ok(picked.ok && picked.value.picked);
      const missingPort = await s.call('accounts.save', { account: draft({ environment: 'custom', host: '127.0.0.1', caCertificate: { pickId: picked.value.pickId } }) });
      assert.match(errorOf(missingPort), /^rejected: A custom environment needs the listener's port\./);
      const saved = await s.call<SettingsView>('accounts.save', {
        account: draft({ environment: 'custom', host: '127.0.0.1', port: 9_443, dropCopyPort: 9_443, caCertificate: { pickId: picked.value.pickId } }),
      });
      assert.ok(saved.ok, errorOf(saved));
      assert.equal(saved.value.accounts[0]!.caCertificate?.subject, picked.value.certificate.subject);
      assert.doesNotMatch(JSON.stringify(saved), /BEGIN CERTIFICATE/, 'the body stays in main');
      const stored = (JSON.parse(readFileSync(join(s.dir, 'accounts.json'), 'utf8')) as { accounts: AccountConfig[] }).accounts[0]!;
      assert.equal(stored.tls?.caPem, ca.certPem);
      // Edited with 'keep', the CA stays.
      const edited = await s.call<SettingsView>('accounts.save', { account: draft({ id: API_KEY, label: 'Renamed', environment: 'custom', host: '127.0.0.1', port: 9_443, dropCopy: false, caCertificate: 'keep' }) });
      assert.ok(edited.ok, errorOf(edited));
      assert.equal(edited.value.accounts[0]!.account.label, 'Renamed');
      assert.equal(edited.value.accounts[0]!.caCertificate?.subject, picked.value.certificate.subject);
    } finally { s.done(); }
  });

  test('test connection reports the exchange\'s answer', async () => {
    const s = setup({ accounts: [] });
    try {
      s.pick(s.file('key.pem', pair.privateKeyPem));
      await s.call('keys.import', { apiKeyId: API_KEY });
      await s.call('accounts.save', { account: draft() });
      const answer = await s.call('accounts.testConnection', { id: API_KEY });
      assert.deepEqual(answer, { ok: true, value: { connected: true, phase: 'active', text: 'Connected: the exchange accepted the Logon and the listener is receiving.' } });
      assert.equal(errorOf(await s.call('accounts.testConnection', { id: randomUUID() })).split(':')[0], 'not-found');
    } finally { s.done(); }
  });
});
