// Never log on again within a second (Kalshi rate-limits Logon), and wait much longer when the
// exchange's Logout says rate limit or maintenance. Real TLS, the simulator's logout fault, the
// production backoff (only the random draw is fixed, at its lowest).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionEvent } from '../../shared/events/session-events.ts';
import { startRecorder, startSimulator, waitFor } from '../support/simulator-fixture.ts';

async function afterLogout(text: string) {
  const { simulator, port, caPem } = await startSimulator({ totalReports: 20, faults: [{ kind: 'logout', text }] });
  const timeline: Array<{ at: number; event: SessionEvent }> = [];
  const r = startRecorder(port, caPem, {
    backoff: { random: () => 0 },
    listeners: { onEvent: (event) => timeline.push({ at: performance.now(), event }) },
  });
  return { simulator, r, timeline };
}

describe('reconnect pacing after an exchange Logout', () => {
  test('an ordinary Logout: the next connection attempt comes no sooner than 1 s later', async () => {
    const { simulator, r, timeline } = await afterLogout('Session closed by the exchange');
    try {
      await waitFor(() => timeline.filter((t) => t.event.kind === 'connecting').length >= 2, 'a second connection attempt', 10_000);
      const logout = timeline.find((t) => t.event.kind === 'exchange-logout')!;
      const reconnect = timeline.filter((t) => t.event.kind === 'connecting')[1]!;
      const scheduled = timeline.find((t) => t.event.kind === 'reconnect-scheduled')!.event;
      assert.ok(scheduled.kind === 'reconnect-scheduled' && !scheduled.slowDown && scheduled.delayMs >= 1000);
      assert.ok(reconnect.at - logout.at >= 1000, `logged on again ${(reconnect.at - logout.at).toFixed(0)} ms after the Logout`);
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  for (const text of ['Logon rate limit exceeded', 'Scheduled maintenance']) {
    test(`"${text}": the reconnect waits 30 s, and stopping cuts the wait short`, async () => {
      const { simulator, r, timeline } = await afterLogout(text);
      try {
        await waitFor(() => timeline.some((t) => t.event.kind === 'reconnect-scheduled'), 'the reconnect schedule', 10_000);
        const scheduled = timeline.find((t) => t.event.kind === 'reconnect-scheduled')!.event;
        assert.ok(scheduled.kind === 'reconnect-scheduled' && scheduled.slowDown && scheduled.delayMs >= 30_000, JSON.stringify(scheduled));
      } finally {
        const stopping = performance.now();
        await r.recorder.stop();
        await r.done;
        assert.ok(performance.now() - stopping < 5_000, 'stop() waited out the back-off');
        await simulator.stop();
      }
      assert.equal(timeline.filter((t) => t.event.kind === 'connecting').length, 1, 'it logged on again during the wait');
    });
  }
});
