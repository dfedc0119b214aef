// crash-writer.ts — the child process of crash-safety.test.ts (not a test itself): resumes the journal
// from its stored sequence number and writes the deterministic stream in random-sized batches, forever,
// until the parent kills it with SIGKILL. Prints "ready" once its first batch is committed. After that
// each batch ends with flush(), as a socket chunk does, so commits follow the journal's commit policy.
// With `thread`, transactions run on the journal's writer thread and the loop yields to the event
// loop between batches, as a socket read would, so commits overlap the next batches.
// Usage: node crash-writer.ts <journal path> <seed> [thread]
import { writeSync } from 'node:fs';
import { openJournal } from './journal-fixtures.ts';
import { seededRandom, streamMessage } from './crash-stream.ts';

const [path, seedText, mode] = process.argv.slice(2);
if (path === undefined || seedText === undefined) throw new Error('usage: crash-writer.ts <journal path> <seed>');
const random = seededRandom(Number(seedText));
const threaded = mode === 'thread';
const journal = openJournal(path, threaded ? { batchMaxMessages: 2_000, writer: 'thread' } : { batchMaxMessages: 100_000 });
const resume = journal.load();
if (resume === undefined) journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
let seq = resume?.nextInbound ?? 1;
const deadline = Date.now() + 20_000; // never outlive a parent that died without killing us
let ready = false;
while (Date.now() < deadline) {
  const size = 1 + Math.floor(random() * 400);
  for (let i = 0; i < size; i++, seq++) journal.accept(streamMessage(seq), seq + 1, Date.now());
  if (ready) journal.flush();
  else journal.commit();
  if (!ready) {
    writeSync(1, 'ready\n');
    ready = true;
  }
  if (threaded) await new Promise((resolve) => setImmediate(resolve));
}
journal.close();
