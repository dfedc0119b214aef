// Alerts lost between a commit and their store (the recorder died, or the store refused the write)
// come back at the next start: the service replays what came after its last run began, with that run's
// rules, and stores what the journal lacks — told once, with a line saying so. Real TLS to the
// simulator, a real journal file; the store's failure is a real SQLite refusal (a trigger that aborts
// every alert insert, as a full disk would).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { parseRulesDocument, type RulesDocument } from '../../shared/surveillance/rules-document.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { AlertStore } from '../../electron/core/alerts/alert-store.ts';
import { openJournalReader } from '../../electron/core/journal/index.ts';
import { replaySurveillance } from '../../electron/core/surveillance/index.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';

/** Saturday 2026-11-28 03:00 in New York: every fill is off-hours. */
const SATURDAY_NIGHT = Date.UTC(2026, 10, 28, 8, 0, 0);
const REPORTS = 60;
const RULES_V3 = parseRulesDocument({ version: 3, largeFill: { fillContracts: '5' } });
const RULES_V4 = parseRulesDocument({ version: 4, largeFill: { enabled: false }, offHours: { enabled: false } });

function serviceOn(journalPath: string, rules: RulesDocument, events: ServiceEvent[]): RecorderService {
  const service = new RecorderService({
    journalPath, rules, signerFor: () => (fields) => signLogon(testKeys().key, fields),
    backoff: { initialMs: 20, maxMs: 200, minMs: 0 }, tickMs: 50,
  });
  service.onEvent((e) => events.push(e));
  return service;
}

const storedIds = (path: string) => {
  const store = AlertStore.open(path);
  try {
    return store.list().map((a) => a.id).sort();
  } finally {
    store.close();
  }
};

/** Records REPORTS executions while every alert insert is refused; returns the journal and what the rules raised. */
async function recordWithAlertsRefused(dir: ReturnType<typeof tempDir>): Promise<{ journalPath: string; refusals: string[] }> {
  const { simulator, port, caPem } = await startSimulator({ totalReports: REPORTS, ratePerSecond: 300, startTimeMs: SATURDAY_NIGHT, seed: 21 });
  const journalPath = dir.file('journal.db');
  AlertStore.open(journalPath).close(); // creates and migrates the file
  const db = new Database(journalPath);
  db.exec(`CREATE TRIGGER refuse_alerts BEFORE INSERT ON alerts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  db.close();
  const events: ServiceEvent[] = [];
  const service = serviceOn(journalPath, RULES_V3, events);
  let recorded = 0;
  service.onEvent((e) => { if (e.type === 'executions') recorded += e.executions.length; });
  const account: AccountConfig = { id: 'a', label: 'a', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port, target: 'KalshiRT' }, tls: { caPem } };
  try {
    service.addAccount(account);
    await waitFor(() => recorded === REPORTS, 'every execution recorded', 20_000);
  } finally {
    await service.close();
    await simulator.stop();
  }
  const unblock = new Database(journalPath);
  unblock.exec('DROP TRIGGER refuse_alerts');
  unblock.close();
  const refusals = events.flatMap((e) => (e.type === 'service-error' && /Could not store/.test(e.text) ? [e.text] : []));
  return { journalPath, refusals };
}

function replayed(journalPath: string, rules: RulesDocument) {
  const reader = openJournalReader(journalPath);
  try {
    return replaySurveillance(reader, rules).alerts;
  } finally {
    reader.close();
  }
}

describe('surveillance alerts lost before their store are recovered at the next start', () => {
  test('same rules: every alert the replay gives is stored and told once; a third start recovers nothing', async () => {
    const dir = tempDir('fw-surveil-recover-');
    try {
      const { journalPath, refusals } = await recordWithAlertsRefused(dir);
      assert.ok(refusals.length > 0, 'the live raises were refused');
      assert.match(refusals[0]!, /database or disk is full/);
      assert.deepEqual(storedIds(journalPath), [], 'nothing stored while refused');
      const expected = replayed(journalPath, RULES_V3);
      assert.ok(expected.some((a) => a.ruleId === 'off-hours') && expected.some((a) => a.ruleId === 'large-fill'));

      const events: ServiceEvent[] = [];
      const restarted = serviceOn(journalPath, RULES_V3, events);
      restarted.addAccount({ id: 'a', label: 'a', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port: 1, target: 'KalshiRT' } }, { start: false });
      await restarted.close();
      const told = events.flatMap((e) => (e.type === 'alerts' ? e.alerts : []));
      assert.deepEqual(told, expected, 'told once, as a replay raises them');
      assert.deepEqual(storedIds(journalPath), expected.map((a) => a.id).sort());
      assert.ok(events.some((e) => e.type === 'service-error' && e.text.startsWith(`${expected.length} surveillance alert(s) raised before the last stop had not been stored`)));

      const again: ServiceEvent[] = [];
      const third = serviceOn(journalPath, RULES_V3, again);
      third.addAccount({ id: 'a', label: 'a', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port: 1, target: 'KalshiRT' } }, { start: false });
      await third.close();
      assert.deepEqual(again.filter((e) => e.type === 'alerts' || e.type === 'service-error'), [], 'nothing lost since: nothing told');
    } finally {
      dir.remove();
    }
  });

  test('new rules at restart: the lost alerts are those the old rules raised (their version), and the new rules raise nothing about the past', async () => {
    const dir = tempDir('fw-surveil-recover-rules-');
    try {
      const { journalPath } = await recordWithAlertsRefused(dir);
      const events: ServiceEvent[] = [];
      const restarted = serviceOn(journalPath, RULES_V4, events);
      restarted.addAccount({ id: 'a', label: 'a', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port: 1, target: 'KalshiRT' } }, { start: false });
      await restarted.close();
      const told = events.flatMap((e) => (e.type === 'alerts' ? e.alerts : []));
      assert.deepEqual(told, replayed(journalPath, RULES_V3));
      assert.ok(told.every((a) => a.rulesVersion === 3));

      const db = new Database(journalPath, { readonly: true });
      const runs = db.prepare('SELECT rules_version, from_raw_id FROM surveillance_runs ORDER BY id').all() as { rules_version: number; from_raw_id: number }[];
      db.close();
      assert.deepEqual(runs.map((r) => r.rules_version), [3, 4], 'each run written down with its document');
      assert.equal(runs[0]!.from_raw_id, 0, 'the first run began on an empty journal');
      assert.ok(runs[1]!.from_raw_id > 0);
    } finally {
      dir.remove();
    }
  });
});
