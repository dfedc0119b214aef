// crash-safety.test.ts — kill -9 at random moments: a child process writes the stream in batches and is
// SIGKILLed at seeded random delays, 10 rounds, each resuming from the stored sequence number. The
// writer flushes as the session does, so it is killed with deferred batches queued as well as mid-commit. After
// every round: the expected inbound number is exactly one past the last stored message, every MsgSeqNum
// 1..last is stored once (nothing lost, nothing doubled), every ExecID of those messages is stored once,
// and the hash chain verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';
import { expectedExecKeys, seededRandom } from './crash-stream.ts';
import { openJournal, storedSeqs, tempDir } from './journal-fixtures.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const ROUNDS = 10;
const SEED = 20261124;

/** Starts the writer, waits for its first commit, lets it run `delayMs`, then SIGKILLs it. */
function killWhileWriting(path: string, seed: number, delayMs: number, mode: 'inline' | 'thread' = 'inline'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, path, String(seed), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.on('data', (chunk: Buffer) => {
      if (killed || !chunk.toString().includes('ready')) return;
      killed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve();
      else reject(new Error(`the writer ended on its own (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

function checkJournal(path: string): number {
  const journal = openJournal(path); // reopening recovers the WAL as a restarted recorder would
  const resume = journal.load();
  journal.close();
  const seqs = storedSeqs(path);
  const db = new Database(path, { readonly: true });
  try {
    const last = seqs.length;
    assert.ok(last > 0, 'the writer stored something');
    assert.deepEqual(resume, { nextInbound: last + 1, nextOutbound: 1 }, 'next expected = 1 + the last stored MsgSeqNum');
    seqs.forEach((seq, i) => { if (seq !== i + 1) assert.fail(`row ${i + 1} holds MsgSeqNum ${seq}: a message was lost or doubled`); });

    const keys = db.prepare('SELECT exec_key FROM executions ORDER BY raw_id').pluck().all() as string[];
    assert.equal(new Set(keys).size, keys.length, 'no ExecID stored twice');
    assert.deepEqual(new Set(keys), expectedExecKeys(last), 'exactly the ExecIDs of the stored messages');
    const execIds = db.prepare("SELECT count(*) AS n, count(DISTINCT exec_id) AS d FROM executions WHERE exec_id <> '-1;-1'").get() as { n: number; d: number };
    assert.equal(execIds.n, execIds.d);
  } finally {
    db.close();
  }
  const verified = verifyJournal(path);
  assert.equal(verified.ok, true, `hash chain: ${JSON.stringify(verified)}`);
  return verified.rows;
}

test(`kill -9 at ${ROUNDS} random moments: resume loses nothing and doubles nothing`, { timeout: 120_000 }, async () => {
  const dir = tempDir();
  try {
    const path = dir.file('crash.db');
    const random = seededRandom(SEED);
    let rows = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await killWhileWriting(path, SEED + round, Math.floor(random() * 150));
      const now = checkJournal(path);
      assert.ok(now > rows, `round ${round} stored more messages (${rows} → ${now})`);
      rows = now;
    }
  } finally {
    dir.remove();
  }
});

test(`writer thread: kill -9 at ${ROUNDS} random moments, commits in flight on the writer thread, resume loses nothing and doubles nothing`, { timeout: 120_000 }, async () => {
  const dir = tempDir();
  try {
    const path = dir.file('crash-thread.db');
    const random = seededRandom(SEED + 1);
    let rows = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await killWhileWriting(path, SEED + 100 + round, Math.floor(random() * 150), 'thread');
      const now = checkJournal(path);
      assert.ok(now > rows, `round ${round} stored more messages (${rows} → ${now})`);
      rows = now;
    }
  } finally {
    dir.remove();
  }
});
