// The feed never stalls on a malformed message (issue: robustness §1). Over real TLS, the simulator
// sends ExecutionReports with random field-rule violations (every kind the field scanner refuses) at
// random places, mixed with sequence gaps so some of them arrive held behind a gap or as resent copies.
// (Bad checksums are left to recorder-simulator.test.ts: one that hits a resent frame legitimately
// makes the session ask again, which this property forbids.) Into a real journal file, every well-formed ExecID must be recorded exactly once,
// every malformed one kept raw exactly once (and named), no ResendRequest may repeat a range, and every
// resend must complete on its first round trip.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { Tag } from '../../shared/fix/tags.ts';
import { describeUndecodable, openJournalReader, type UndecodableNotice } from '../../electron/core/journal/index.ts';
import type { SessionEvent } from '../../shared/events/session-events.ts';
import { MALFORMED_DEFECTS, type MalformedDefect } from '../../electron/simulator/malformed-defects.ts';
import type { FaultRequest } from '../../electron/simulator/faults.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startRecorder, startSimulator, waitFor } from '../support/simulator-fixture.ts';

const TOTAL = 240;
const RUNS = Number(process.env.FILLWATCH_MALFORMED_RUNS ?? 6);
const defects = Object.keys(MALFORMED_DEFECTS) as MalformedDefect[];

/** A gap must be followed by a later message that reveals it (a tail loss waits for a heartbeat). */
const revealed = (every: number) => Math.floor(TOTAL / every) * every < TOTAL - 4;
const scheduleArb = fc.record({
  malformed: fc.array(fc.record({ every: fc.integer({ min: 7, max: 60 }), defect: fc.constantFrom(...defects) }), { minLength: 1, maxLength: 4 }),
  gapEvery: fc.option(fc.integer({ min: 25, max: 90 }).filter(revealed), { nil: undefined }),
});

async function recordThrough(faults: FaultRequest[]) {
  const { simulator, port, caPem } = await startSimulator({ totalReports: TOTAL, faults });
  let malformedSent = 0;
  simulator.on('fault', (e: { fault: { kind: string } }) => { if (e.fault.kind === 'malformed') malformedSent++; });
  const dir = mkdtempSync(join(tmpdir(), 'fw-malformed-'));
  const events: Array<{ at: number; event: SessionEvent }> = [];
  const notices: UndecodableNotice[] = [];
  const r = startRecorder(port, caPem, { journalPath: join(dir, 'journal.db'), listeners: { onEvent: (event) => events.push({ at: Date.now(), event }) } });
  r.service.onEvent((e) => { if (e.type === 'undecodable') notices.push(e.notice); });
  try {
    await waitFor(() => r.sink.records.length + notices.length >= TOTAL, `${TOTAL} executions recorded or kept`, 30_000);
    await r.recorder.stop();
    await r.done;
    const reader = openJournalReader(join(dir, 'journal.db'));
    const kept = reader.undecodable();
    reader.close();
    return { all: simulator.execIdsFor(API_KEY_ID), recorded: r.sink.records.map((x) => x.execId), notices: [...notices], kept, events, malformedSent };
  } finally {
    await r.recorder.stop();
    await simulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('malformed messages over a real socket into a real journal', () => {
  test('property: every ExecID exactly once (recorded or kept raw), no repeated ResendRequest, no stall', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async (schedule) => {
        const faults: FaultRequest[] = schedule.malformed.map(({ every, defect }) => ({ every, fault: { kind: 'malformed', defect } }));
        // Gaps make some malformed messages arrive held behind a gap, or as resent (PossDup) copies.
        if (schedule.gapEvery !== undefined) faults.push({ every: schedule.gapEvery, fault: { kind: 'seq-gap', skip: 2 } });
        const run = await recordThrough(faults);

        // Exactly once: well-formed reports as executions, malformed ones as kept raw messages.
        assert.equal(new Set(run.recorded).size, run.recorded.length, 'an ExecID was recorded twice');
        const keptExecIds = run.kept.map((k) => FixMessage.parseReceived(k.raw).get(Tag.ExecID));
        assert.equal(new Set(keptExecIds).size, keptExecIds.length, 'a malformed message was kept twice');
        assert.deepEqual([...run.recorded, ...keptExecIds].sort(), [...run.all].sort());
        assert.ok(run.kept.length > 0 && run.kept.length <= run.malformedSent);
        assert.deepEqual(run.notices.map((n) => n.rawId).sort(), run.kept.map((k) => k.rawId).sort());
        for (const notice of run.notices) assert.match(describeUndecodable(notice), /^ExecutionReport 34=\d+ could not be read: .+; kept in the journal \(message \d+\)\. A fill may be hidden in it/);

        // No ResendRequest repeats a range, and each resend completes before the next one starts.
        const requested = run.events.filter((e) => e.event.kind === 'resend-requested');
        const begins = requested.map((e) => (e.event as { begin: number }).begin);
        assert.equal(new Set(begins).size, begins.length, `a ResendRequest was repeated: ${begins.join(',')}`);
        let open: number | undefined;
        for (const { at, event } of run.events) {
          if (event.kind === 'resend-requested') { assert.equal(open, undefined, 'a second resend started before the first completed'); open = at; }
          if (event.kind === 'resend-complete') open = undefined;
          if (event.kind === 'disconnected') assert.notEqual(event.reason.kind, 'resend-stalled');
        }
        assert.ok(!run.events.some((e) => e.event.kind === 'disconnected' && e.event.reason.kind !== 'logout-complete'), 'the session dropped');
        assert.equal(run.events.filter((e) => e.event.kind === 'malformed-message').length, run.kept.length);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
