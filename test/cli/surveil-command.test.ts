// `fillwatch surveil`: the rules replayed over a journal of two accounts give exactly the alerts the
// live engine raised from the same commits (JSON), in CSV one row per alert with the evidence as
// account:ExecID lines, --from/--to keep a window, and a rules file that is not valid is refused with
// one line naming the field (exit 2, no usage needed to understand it).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { runCli } from '../../electron/cli/main.ts';
import type { CliIo } from '../../electron/cli/record-command.ts';
import { runSurveil } from '../../electron/cli/surveil-command.ts';
import { Journal } from '../../electron/core/journal/index.ts';
import { LiveSurveillance } from '../../electron/core/surveillance/index.ts';
import { parseRulesDocument } from '../../shared/surveillance/rules-document.ts';
import type { SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import { formatUtcTimestamp } from '../../electron/core/fix/time.ts';
import { inbound } from '../support/fix-builders.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const T0 = Date.UTC(2026, 10, 24, 15, 0, 0); // 10:00 New York, a Tuesday
const RULES = { version: 4, largeFill: { fillContracts: '100' }, offHours: { enabled: false }, dailyCaps: { enabled: false } };

function trade(seq: number, sender: string, execId: string, side: '1' | '2', qty: string, minutes: number) {
  return inbound('8', seq, [
    [37, `o-${sender.slice(0, 1)}-${execId}`], [11, `c-${seq}`], [17, execId], [150, 'F'], [39, '2'], [54, side], [55, 'KXFED-26DEC-T4.25'],
    [38, qty], [44, '0.4000'], [32, qty], [31, '0.4000'], [14, qty], [151, '0.00'], [6, '0.4000'], [60, formatUtcTimestamp(T0 + minutes * 60_000)],
    [136, 1], [137, '0.01'], [138, 'USD'], [139, 4], [891, 0], [880, `match-${execId}`],
  ], { target: sender });
}

/** Two accounts' listeners on one file, trading against each other; returns the live alerts. */
function record(path: string): SurveillanceAlert[] {
  const live: SurveillanceAlert[] = [];
  const engine = new LiveSurveillance({ rules: parseRulesDocument(RULES), journalPath: ':memory:', onAlerts: (a) => live.push(...a) });
  const open = (key: string) => Journal.open(path, { session: { senderCompId: key, targetCompId: 'KalshiRT' }, commitDelayMs: 0, onCommittedBatch: (b) => engine.committed(key, b) });
  const a = open(A);
  const b = open(B);
  a.accept(trade(1, A, '7;1', '1', '150.00', 0), 2, T0); a.flush();
  b.accept(trade(1, B, '7;1', '2', '150.00', 0), 2, T0); b.flush();
  a.accept(trade(2, A, '7;2', '1', '5.00', 60), 3, T0 + 1); a.flush();
  b.accept(trade(2, B, '7;2', '2', '5.00', 60), 3, T0 + 1); b.flush();
  a.close();
  b.close();
  return live;
}

function surveil(argv: string[]): string {
  let out = '';
  assert.equal(runSurveil(argv, (t) => { out += t; }), 0);
  return out;
}

describe('fillwatch surveil', () => {
  test('replay gives the live alerts; CSV; a time window', () => {
    const dir = tempDir('fw-surveil-cli-');
    try {
      const path = dir.file('journal.db');
      const live = record(path);
      assert.deepEqual(live.map((x) => x.id), [
        `large-fill:${A}/o-a-7;1@7;1`, `large-fill:${B}/o-b-7;1@7;1`, `cross-account:${A}+${B}/KXFED-26DEC-T4.25@7;1`, `cross-account:${A}+${B}/KXFED-26DEC-T4.25@7;2`,
      ]);
      const rules = dir.file('rules.json');
      writeFileSync(rules, JSON.stringify(RULES));
      const json = JSON.parse(surveil(['--db', path, '--rules', rules])) as { format: string; rulesVersion: number; alerts: SurveillanceAlert[] };
      assert.equal(json.format, 'fillwatch-surveil/1');
      assert.equal(json.rulesVersion, 4);
      assert.deepEqual(json.alerts, live, 'replay = live');

      const windowed = JSON.parse(surveil(['--db', path, '--rules', rules, '--from', '2026-11-24T15:30:00Z'])) as { alerts: SurveillanceAlert[] };
      assert.deepEqual(windowed.alerts.map((x) => x.id), [`cross-account:${A}+${B}/KXFED-26DEC-T4.25@7;2`]);

      const csv = surveil(['--db', path, '--rules', rules, '--format', 'csv', '--to', '2026-11-24T15:30:00Z']).split('\r\n');
      assert.equal(csv[0], 'id,suppressedBy,ruleId,rulesVersion,severity,raisedAt,accounts,market,title,text,evidenceExecIds,evidenceOrderIds,evidenceNote');
      assert.equal(csv.length, 1 + 3 + 1, 'a header and three alerts (cells break lines with LF only, rows with CRLF)');
      assert.ok(csv.some((line) => line.startsWith(`large-fill:${A}/o-a-7;1@7;1,,large-fill,4,medium,2026-11-24T15:00:00.000Z,${A},KXFED-26DEC-T4.25,Large fill,`)));
    } finally {
      dir.remove();
    }
  });

  test('a rules file that is not valid: one line naming the field, exit 2', async () => {
    const dir = tempDir('fw-surveil-cli-');
    try {
      const rules = dir.file('rules.json');
      writeFileSync(rules, JSON.stringify({ version: 1, positionLimit: { limits: [{ contracts: '-1' }] } }));
      const err: string[] = [];
      const io: CliIo = { out: () => {}, err: (l) => err.push(l), onSignal: () => () => {} };
      const code = await runCli(['surveil', '--db', dir.file('none.db'), '--rules', rules], io);
      assert.equal(code, 2);
      assert.equal(err[0], `fillwatch: ${rules}: positionLimit.limits[0].contracts: expected a positive decimal (text like "1000" or "0.25", at most 6 places)`);
    } finally {
      dir.remove();
    }
  });
});
