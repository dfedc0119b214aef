// `fillwatch evidence`: one alert's evidence pack — alert.json with its review history, every evidence
// message raw (byte for byte as stored) and decoded with tag names, and manifest.json whose SHA-256s
// match the files when recomputed and whose chain heads are the journal's — and the export recorded in
// the journal with the manifest's own hash. One-line errors for a missing alert, an --out that cannot
// be written or is not empty, and a file that is not a journal; nothing is left behind on failure.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AlertStore } from '../../electron/core/alerts/alert-store.ts';
import { verifyAll } from '../../electron/core/journal/verify.ts';
import { runCli } from '../../electron/cli/main.ts';
import { runEvidence } from '../../electron/cli/evidence-command.ts';
import { storedMessages, tempDir } from '../core/journal/journal-fixtures.ts';
import { alertOf, API_KEY_ID as K, journalWithExecutions, T0 } from '../core/alerts/alert-fixtures.ts';

const NOW = T0 + 60_000;
const EXPORTED = T0 + 3_600_000;
const ALERT = alertOf({
  id: 'large-fill:77;2',
  evidence: { executions: [{ accountId: K, execId: '77;2' }, { accountId: K, execId: '99;9' }], orderIds: ['ord-A'] },
});

function setUp() {
  const dir = tempDir('fillwatch-evidence-');
  const db = dir.file('journal.db');
  journalWithExecutions(db);
  const store = AlertStore.open(db, { now: () => NOW });
  store.record([ALERT]);
  store.review(ALERT.id, 'escalated', 'Ann Officer', 'Size well above the desk\'s usual.', NOW);
  const heads = store.heads();
  store.close();
  return { dir, db, heads };
}

/** Every file under `root`, '/'-separated, sorted. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) => {
    const name = prefix === '' ? e.name : `${prefix}/${e.name}`;
    return e.isDirectory() ? filesUnder(root, name) : [name];
  }).sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), onSignal: () => () => {} });
  return { code, out, err };
}

describe('fillwatch evidence', () => {
  test('the pack: alert.json, raw and decoded messages, a manifest whose hashes and heads check out; the export recorded', () => {
    const { dir, db, heads } = setUp();
    try {
      const pack = dir.file('pack');
      const lines: string[] = [];
      assert.equal(runEvidence(['--db', db, '--alert', ALERT.id, '--out', pack], (l) => lines.push(l), { now: () => EXPORTED, user: 'auditor' }), 0);
      assert.deepEqual(lines, [`evidence pack of alert "large-fill:77;2" written to ${pack}: 5 file(s), recorded in the journal`]);
      assert.deepEqual(filesUnder(pack), ['alert.json', 'manifest.json', 'messages.txt', 'messages/000001.fix', 'messages/000002.fix']);
      assert.deepEqual(readdirSync(dir.path).filter((f) => f.includes('.part')), [], 'no part folder left');

      // Raw: the bytes as stored (77;1 is there as an execution of the cited order, 77;2 as cited and of the order).
      const stored = storedMessages(db);
      for (const id of [1, 2]) assert.deepEqual(readFileSync(join(pack, `messages/00000${id}.fix`)), stored[id - 1]!.raw);

      const alertJson = JSON.parse(readFileSync(join(pack, 'alert.json'), 'utf8'));
      assert.equal(alertJson.format, 'fillwatch-evidence-pack/1');
      assert.equal(alertJson.alert.id, ALERT.id);
      assert.equal(alertJson.alert.state, 'escalated');
      assert.deepEqual(alertJson.alert.history.map((h: { kind: string }) => h.kind), ['raised', 'review']);
      assert.equal(alertJson.alert.history[1].comment, 'Size well above the desk\'s usual.');
      assert.deepEqual(alertJson.evidenceMessages.map((m: { messageId: number; file: string; reasons: string[] }) => [m.messageId, m.file, m.reasons]), [
        [1, 'messages/000001.fix', ['order ord-A']],
        [2, 'messages/000002.fix', ['cited execution', 'order ord-A']],
      ]);
      assert.deepEqual(alertJson.missingExecutions, [{ accountId: K, execId: '99;9' }], 'a cited ExecID the journal lacks is listed, not guessed');

      const text = readFileSync(join(pack, 'messages.txt'), 'utf8');
      assert.match(text, /^Evidence of alert large-fill:77;2: 2 message\(s\) from /);
      assert.match(text, new RegExp(`Message 2 \\(messages/000002\\.fix\\), account ${K}, received 2026-11-24T14:00:00\\.002Z, MsgSeqNum 2: cited execution, order ord-A\\n`));
      assert.match(text, /\n {2}ExecID\(17\)=77;2\n/);
      assert.match(text, /\n {2}ExecType\(150\)=F \(Trade\)\n/);
      assert.match(text, /\n {2}MsgType\(35\)=8 \(ExecutionReport\)\n/);

      // The manifest: every other file with its SHA-256, recomputed here; the heads are the journal's.
      const manifestBytes = readFileSync(join(pack, 'manifest.json'));
      const manifest = JSON.parse(manifestBytes.toString('utf8'));
      assert.deepEqual(manifest.files.map((f: { name: string }) => f.name), filesUnder(pack).filter((f) => f !== 'manifest.json'));
      for (const f of manifest.files as { name: string; bytes: number; sha256: string }[]) {
        const bytes = readFileSync(join(pack, f.name));
        assert.deepEqual({ bytes: f.bytes, sha256: f.sha256 }, { bytes: bytes.length, sha256: sha256(bytes) }, f.name);
      }
      assert.deepEqual(manifest.journal, {
        file: db,
        messageChainHead: { messageId: 5, sha256: heads.messages.lastHash.toString('hex') },
        auditChainHead: { entryId: 2, sha256: heads.audit.lastHash.toString('hex') },
      });
      assert.equal(manifest.alertId, ALERT.id);
      assert.equal(manifest.createdAt, '2026-11-24T15:00:00.000Z');
      assert.equal(manifest.createdBy, 'auditor');
      const conn = new Database(db, { readonly: true });
      try {
        const entry = conn.prepare('SELECT hash FROM audit_log WHERE id = ?').get(manifest.journal.auditChainHead.entryId) as { hash: Buffer };
        assert.equal(entry.hash.toString('hex'), manifest.journal.auditChainHead.sha256, 'the head names a real link of the audit chain');
      } finally {
        conn.close();
      }

      // Recorded: the alert's history ends with this export, naming every file, manifest.json included.
      const store = AlertStore.open(db);
      try {
        const last = store.get(ALERT.id)!.history.at(-1)!;
        assert.equal(last.kind, 'exported');
        if (last.kind === 'exported') {
          assert.deepEqual({ ...last, files: undefined }, { kind: 'exported', auditId: 3, command: 'evidence', alertId: ALERT.id, user: 'auditor', format: 'pack', filter: {}, files: undefined, at: EXPORTED });
          assert.deepEqual(last.files.find((f) => f.name === 'manifest.json'), { name: 'manifest.json', bytes: manifestBytes.length, sha256: sha256(manifestBytes) });
          assert.deepEqual(last.files.map((f) => f.name).sort(), filesUnder(pack));
        }
      } finally {
        store.close();
      }
      assert.deepEqual(verifyAll(db).audit, { ok: true, entries: 3 });
    } finally {
      dir.remove();
    }
  });

  test('one-line errors, nothing written or recorded: a missing alert, an --out that cannot be written or is not empty, a file that is not a journal', async () => {
    const { dir, db } = setUp();
    try {
      assert.deepEqual(await run(['evidence', '--db', db, '--alert', 'nope', '--out', dir.file('p1')]), { code: 1, out: [], err: [`fillwatch: no alert with id "nope" in "${db}"`] });
      const unwritable = dir.file('missing/pack');
      assert.deepEqual(await run(['evidence', '--db', db, '--alert', ALERT.id, '--out', unwritable]), {
        code: 2, out: [], err: [`fillwatch: cannot write the evidence folder "${unwritable}": no such file or folder`],
      });
      mkdirSync(dir.file('full'));
      writeFileSync(dir.file('full/keep.txt'), 'precious');
      assert.deepEqual(await run(['evidence', '--db', db, '--alert', ALERT.id, '--out', dir.file('full')]), {
        code: 2, out: [], err: [`fillwatch: the evidence folder "${dir.file('full')}" already exists and is not empty`],
      });
      assert.deepEqual(readdirSync(dir.file('full')), ['keep.txt']);
      writeFileSync(dir.file('notes.db'), '');
      const conn = new Database(dir.file('notes.db'));
      conn.exec('CREATE TABLE notes (x TEXT)');
      conn.close();
      const other = await run(['evidence', '--db', dir.file('notes.db'), '--alert', ALERT.id, '--out', dir.file('p2')]);
      assert.equal(other.code, 1);
      assert.match(other.err[0]!, /^fillwatch: cannot read ".*notes\.db": The journal file is damaged or is not a Fillwatch journal\./);
      const missingFlag = await run(['evidence', '--db', db, '--out', dir.file('p3')]);
      assert.deepEqual([missingFlag.code, missingFlag.err[0]], [2, 'fillwatch: --alert is required']);
      assert.deepEqual(readdirSync(dir.path).filter((f) => f.startsWith('p') || f.includes('.part')), [], 'no pack and no part folder');
      assert.deepEqual(verifyAll(db).audit, { ok: true, entries: 2 }, 'no failed export was recorded');
      // An empty folder is fine: the pack takes its place.
      mkdirSync(dir.file('empty'));
      assert.equal((await run(['evidence', '--db', db, '--alert', ALERT.id, '--out', dir.file('empty')])).code, 0);
      assert.ok(readdirSync(dir.file('empty')).includes('manifest.json'));
    } finally {
      dir.remove();
    }
  });
});
