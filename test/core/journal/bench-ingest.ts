// bench-ingest.ts — measures durable ingest through the Journal (not a test; numbers are printed, not
// asserted): N ExecutionReports (UUID order ids, 3 reports per order, 50 markets, fees and collateral
// fields like a real Trade) are parsed, accepted and committed with a flush every CHUNK messages, as
// session.ts does after each socket chunk. Reports wall-clock and CPU time per message.
// Usage: node test/core/journal/bench-ingest.ts [N=100000] [CHUNK=500] [dir=os.tmpdir()]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import { formatUtcTimestamp } from '../../../electron/core/fix/time.ts';
import { Journal } from '../../../electron/core/journal/journal.ts';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';

const N = Number(process.argv[2] ?? 100_000);
const CHUNK = Number(process.argv[3] ?? 500);
const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

function frame(seq: number, orderId: string): Buffer {
  const at = formatUtcTimestamp(T0 + seq);
  return encodeMessage({ msgType: '8', senderCompId: 'KalshiRT', targetCompId: 'bench-key', msgSeqNum: seq, sendingTime: at }, [
    [37, orderId], [11, `cl-${seq}`], [17, `1042;${seq}`], [150, 'F'], [39, '1'], [54, seq % 2 === 0 ? '1' : '2'],
    [55, `KXHIGHNY-26NOV24-B${seq % 50}`], [38, '10.00'], [44, '0.4200'], [32, '1.00'], [31, '0.4200'], [14, '1.00'],
    [151, '9.00'], [6, '0.4200'], [60, at], [136, 1], [137, '0.0100'], [138, 'USD'], [139, '4'], [891, '0'],
    [880, `tm-${seq}`], [1057, 'Y'], [704, '1.00'], [705, '0.00'], [1703, 1], [1704, '-0.4300'], [1705, 'BALANCE'], [715, '20261124'],
  ]);
}

const orders = Array.from({ length: Math.ceil(N / 3) + 1 }, () => randomUUID());
const frames = Array.from({ length: N }, (_, i) => frame(i + 1, orders[Math.floor(i / 3)]!));
const dir = mkdtempSync(join(process.argv[4] ?? tmpdir(), 'fillwatch-bench-'));
const path = join(dir, 'bench.db');
let fresh = 0;
const journal = Journal.open(path, { session: { senderCompId: 'bench-key', targetCompId: 'KalshiRT' }, onCommitted: (r) => { fresh += r.length; } });
journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });

const cpu0 = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < N; i++) {
  const message = FixMessage.parse(frames[i]!);
  journal.accept(message, message.msgSeqNum + 1, T0 + i);
  if ((i + 1) % CHUNK === 0) journal.flush();
}
journal.flush();
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
journal.close();

const verifyStarted = performance.now();
const verified = verifyJournal(path);
const verifyMs = performance.now() - verifyStarted;
const sizeMb = statSync(path).size / 1e6;
rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({
  messages: N,
  chunk: CHUNK,
  newExecutions: fresh,
  wallMs: Math.round(wallMs),
  messagesPerSecond: Math.round((N / wallMs) * 1000),
  cpuMicrosPerMessage: Number(((cpu.user + cpu.system) / N).toFixed(1)),
  verifyMs: Math.round(verifyMs),
  verified: verified.ok,
  fileMb: Number(sizeMb.toFixed(1)),
  loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
}));
