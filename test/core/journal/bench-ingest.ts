// bench-ingest.ts — measures durable ingest through the Journal (not a test; numbers are printed, not
// asserted): N ExecutionReports (UUID order ids, 3 reports per order, 50 markets, fees and collateral
// fields like a real Trade) are parsed, accepted and flushed every CHUNK messages, as session.ts does
// after each socket chunk (a 16 KiB TLS record holds about 40 of them), with the journal's default
// commit policy. Reports wall-clock and CPU time per message, commits, bytes per ER, then the time to
// verify the chain and to read every execution back in event order (what export and P&L do).
// Usage: node test/core/journal/bench-ingest.ts [N=100000] [CHUNK=40] [dir=os.tmpdir()] [commitDelayMs]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import { formatUtcTimestamp } from '../../../electron/core/fix/time.ts';
import { Journal } from '../../../electron/core/journal/journal.ts';
import { openJournalReader } from '../../../electron/core/journal/open-reader.ts';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';

const N = Number(process.argv[2] ?? 100_000);
const CHUNK = Number(process.argv[3] ?? 40);
const DELAY = process.argv[5] === undefined ? {} : { commitDelayMs: Number(process.argv[5]) };
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

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: Math.round(performance.now() - started) };
}

const orders = Array.from({ length: Math.ceil(N / 3) + 1 }, () => randomUUID());
const frames = Array.from({ length: N }, (_, i) => frame(i + 1, orders[Math.floor(i / 3)]!));
const frameBytes = frames.reduce((n, f) => n + f.length, 0);
const dir = mkdtempSync(join(process.argv[4] ?? tmpdir(), 'fillwatch-bench-'));
const path = join(dir, 'bench.db');
let fresh = 0;
let commits = 0;
const journal = Journal.open(path, {
  session: { senderCompId: 'bench-key', targetCompId: 'KalshiRT' },
  ...DELAY,
  onCommitted: (r) => {
    fresh += r.length;
    commits++;
  },
});
journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });

const cpu0 = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < N; i++) {
  const message = FixMessage.parse(frames[i]!);
  journal.accept(message, message.msgSeqNum + 1, T0 + i);
  if ((i + 1) % CHUNK === 0) journal.flush();
}
journal.commit();
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
const bytesOpen = fileBytes(path) + fileBytes(`${path}-wal`);
journal.close();

const verified = timed(() => verifyJournal(path));
const reader = openJournalReader(path);
const exported = timed(() => {
  let rows = 0;
  for (const e of reader.executions()) if (e.execId !== '') rows++;
  return rows;
});
const market = timed(() => reader.executionCount({ market: 'KXHIGHNY-26NOV24-B7' }));
reader.close();
const bytes = fileBytes(path);
rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({
  messages: N,
  chunk: CHUNK,
  newExecutions: fresh,
  commits,
  wallMs: Math.round(wallMs),
  messagesPerSecond: Math.round((N / wallMs) * 1000),
  cpuMicrosPerMessage: Number(((cpu.user + cpu.system) / N).toFixed(1)),
  frameBytesPerEr: Math.round(frameBytes / N),
  journalBytesPerEr: Math.round(bytes / N),
  journalBytesPerErWhileOpen: Math.round(bytesOpen / N),
  verifyMs: verified.ms,
  verified: verified.value.ok,
  readAllInEventOrderMs: exported.ms,
  readRows: exported.value,
  countOneMarketMs: market.ms,
  loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
}));
