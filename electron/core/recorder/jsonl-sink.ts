// jsonl-sink.ts — appends execution records to a JSON-lines file, one record per line, and keeps the
// ExecIDs already in the file so a restart or a resend never writes the same execution twice.
// Writes are buffered briefly (a catch-up burst can be 100k messages) and flushed on a short timer,
// on close, and before the process exits.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dedupeKey, type ExecutionRecord } from '../../../shared/records/execution-record.ts';

const FLUSH_BYTES = 256 * 1024;
const FLUSH_MS = 50;

export class JsonlSink {
  readonly path: string;
  readonly #fd: number;
  readonly #seen = new Set<string>();
  #pending: string[] = [];
  #pendingBytes = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(path: string) {
    this.path = path;
    if (existsSync(path)) this.#loadExisting(readFileSync(path, 'utf8'));
    this.#fd = openSync(path, 'a');
  }

  get count(): number {
    return this.#seen.size;
  }

  /** Appends the record unless its execution is already in the file; returns whether it was new. */
  write(record: ExecutionRecord): boolean {
    const key = dedupeKey(record);
    if (this.#seen.has(key)) return false;
    this.#seen.add(key);
    const line = JSON.stringify(record) + '\n';
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    if (this.#pendingBytes >= FLUSH_BYTES) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), FLUSH_MS);
    return true;
  }

  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0 || this.#closed) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingBytes = 0;
    writeSync(this.#fd, text);
  }

  close(): void {
    if (this.#closed) return;
    this.flush();
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#closed = true;
  }

  #loadExisting(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = JSON.parse(line) as Partial<ExecutionRecord>;
        if (typeof parsed.execId === 'string' && typeof parsed.orderId === 'string' && typeof parsed.execType === 'string') {
          this.#seen.add(dedupeKey({ execId: parsed.execId, orderId: parsed.orderId, execType: parsed.execType, transactTime: parsed.transactTime ?? null }));
        }
      } catch {
        // A torn last line from a crash: keep going; the execution will be recorded again.
      }
    }
  }
}
