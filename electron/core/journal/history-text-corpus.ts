// history-text-corpus.ts — the quick filter's fields of every execution (ExecID, OrderID, ClOrdID, Text)
// kept in memory as one byte string per slice of rows, so a rare text is found by a byte search instead
// of a LIKE over every row of the table: ~10 ms instead of 0.35–0.75 s at a million rows (the search is
// text-find/: SIMD in WebAssembly, 4-5x Buffer.indexOf's ~45 ms here; bench/README.md). It matches
// exactly as history-filter-sql.ts's LIKE does: a literal substring of one field, ASCII letters without
// case, every other byte as is. Fields and rows end in a NUL, and a text with a NUL is not searched here
// (the caller asks SQL), so no match spans two fields.
// Rows are appended in row-id order and never change (the journal only grows). Costs ~80 bytes of
// memory a row (the fields' own length, its start, id and event time), up to maxBytes; the rows past
// that are left to SQL. Each row's event time lets newestMatches() read the newest rows first and stop
// as soon as a time-ordered page is certain.
// Pure bookkeeping: the history store reads the rows and decides when.
import { SearchableBytes } from './text-find/searchable-bytes.ts';

/** One row as the store reads it: its id, its fields each followed by a NUL (corpusLine()), and its event time (the time sort's key). */
export type CorpusRow = readonly [rowId: number, line: string, eventAt: number];

/** What newestMatches() found: rows by id, with their event times; `complete` when every row up to `upTo` was read. */
export interface NewestMatches {
  readonly ids: number[];
  readonly eventAts: number[];
  readonly complete: boolean;
  /** How many of the corpus's rows were read to find them (the match's density is ids / rowsRead). */
  readonly rowsRead: number;
}

/** A row's line: ExecID, OrderID, ClOrdID and Text, each followed by a NUL (a missing one empty). */
export function corpusLine(execId: string, orderId: string, clOrdId: string | null, text: string | null): string {
  return `${execId}\0${orderId}\0${clOrdId ?? ''}\0${text ?? ''}\0`;
}

/** The corpus stops growing at this size (about three million executions). */
export const DEFAULT_MAX_CORPUS_BYTES = 256 * 1024 * 1024;

interface Slice {
  /** Where the slice's bytes are in the SearchableBytes, and how many. */
  readonly offset: number;
  readonly length: number;
  /** Where each row starts, from `offset`. */
  readonly starts: Uint32Array;
  readonly rowIds: Float64Array;
  readonly eventAts: Float64Array;
  /** The latest event time in this slice and every slice before it: what the rows not yet read can reach. */
  readonly maxEventAtSoFar: number;
}

export class TextCorpus {
  readonly #maxBytes: number;
  readonly #slices: Slice[] = [];
  /** Made with the first rows: an empty corpus (most stores never search) holds no WebAssembly memory. */
  #store: SearchableBytes | undefined;
  #upTo = 0;
  #rows = 0;
  #bytes = 0;

  constructor(maxBytes = DEFAULT_MAX_CORPUS_BYTES) {
    this.#maxBytes = maxBytes;
  }

  /** Every row up to this id is in the corpus. */
  get upTo(): number {
    return this.#upTo;
  }

  /** How many rows it holds. */
  get rows(): number {
    return this.#rows;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** No more rows are taken (maxBytes reached). */
  get full(): boolean {
    return this.#bytes >= this.#maxBytes;
  }

  /** Whether match() can answer for this text (a NUL is the corpus's own separator). */
  static searchable(text: string): boolean {
    return text !== '' && !text.includes('\0');
  }

  /**
   * Adds rows that follow upTo, in row-id order. False when full (nothing added). Throws when the
   * memory cannot grow, and then holds what it held before (upTo never claims rows it lacks).
   */
  append(rows: readonly CorpusRow[]): boolean {
    if (rows.length === 0) return true;
    if (this.full) return false;
    const starts = new Uint32Array(rows.length);
    const rowIds = new Float64Array(rows.length);
    const eventAts = new Float64Array(rows.length);
    let maxEventAt = this.#slices.at(-1)?.maxEventAtSoFar ?? Number.NEGATIVE_INFINITY;
    let bytes: Buffer = Buffer.allocUnsafe(rows.length * 96);
    let at = 0;
    let last = this.#upTo;
    for (let i = 0; i < rows.length; i++) {
      const [rowId, line, eventAt] = rows[i]!;
      if (rowId <= last) throw new Error(`corpus rows must follow row ${last} (got ${rowId})`);
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (at + line.length * 3 > bytes.length) bytes = grow(bytes, at + line.length * 3);
      starts[i] = at;
      rowIds[i] = rowId;
      eventAts[i] = eventAt;
      if (eventAt > maxEventAt) maxEventAt = eventAt;
      at += bytes.write(line, at, 'utf8');
      last = rowId;
    }
    const kept = bytes.subarray(0, at);
    foldAscii(kept);
    this.#store ??= new SearchableBytes();
    const offset = this.#store.append(kept);
    this.#slices.push({ offset, length: at, starts, rowIds, eventAts, maxEventAtSoFar: maxEventAt });
    this.#bytes += at + starts.byteLength + rowIds.byteLength + eventAts.byteLength;
    this.#rows += rows.length;
    this.#upTo = last;
    return true;
  }

  /**
   * The ids, ascending, of the rows up to `upTo` (and up to this.upTo) with `text` in one of their
   * fields; 'over' as soon as more than `max` match. The text must be searchable().
   */
  match(text: string, upTo: number, max: number): number[] | 'over' {
    const needle = needleOf(text);
    const ids: number[] = [];
    const store = this.#store;
    if (store === undefined) return ids;
    for (const slice of this.#slices) {
      if (slice.rowIds[0]! > upTo) break;
      if (!rowsWith(store, slice, needle, upTo, (row) => ids.push(slice.rowIds[row]!) <= max)) return 'over';
    }
    return ids;
  }

  /**
   * The rows up to `upTo` with `text`, read newest slice first, until the `want` latest by the time
   * sort's order (event time, then row id, both descending) are certain: every slice left unread holds
   * only rows that come after them (older ids, and no later event time than the want-th found). A common
   * text stops in the newest slice; a rare one reads them all (`complete`). 'over' past `max` matches.
   * The text must be searchable().
   */
  newestMatches(text: string, upTo: number, want: number, max: number): NewestMatches | 'over' {
    const needle = needleOf(text);
    const ids: number[] = [];
    const eventAts: number[] = [];
    let rowsRead = 0;
    const store = this.#store;
    if (store === undefined) return { ids, eventAts, complete: true, rowsRead };
    for (let s = this.#slices.length - 1; s >= 0; s--) {
      const slice = this.#slices[s]!;
      if (slice.rowIds[0]! > upTo) continue;
      rowsRead += slice.rowIds.length;
      const under = rowsWith(store, slice, needle, upTo, (row) => {
        ids.push(slice.rowIds[row]!);
        eventAts.push(slice.eventAts[row]!);
        return ids.length <= max;
      });
      if (!under) return 'over';
      const unread = this.#slices[s - 1]?.maxEventAtSoFar;
      if (unread === undefined) break;
      if (ids.length >= want && unread <= nthLatest(eventAts, want)) return { ids, eventAts, complete: false, rowsRead };
    }
    return { ids, eventAts, complete: true, rowsRead };
  }
}

/** The text as the corpus holds it (UTF-8, ASCII letters folded); a NUL is refused. */
function needleOf(text: string): Buffer {
  if (!TextCorpus.searchable(text)) throw new Error('The corpus cannot search a text with a NUL.');
  const needle = Buffer.from(text, 'utf8');
  foldAscii(needle);
  return needle;
}

/**
 * Calls `take` with the index of each row of `slice`, up to `upTo`, that holds the needle, once per row,
 * in id order; false as soon as `take` says stop (the caller's cap), else true.
 */
function rowsWith(store: SearchableBytes, slice: Slice, needle: Buffer, upTo: number, take: (row: number) => boolean): boolean {
  let lastRow = -1;
  let stopped = false;
  store.forEachMatch(slice.offset, slice.length, needle, 0, (hit) => {
    const row = lastAtOrBefore(slice.starts, hit);
    if (row === lastRow) return true; // one match per row
    if (slice.rowIds[row]! > upTo) return false;
    lastRow = row;
    stopped = !take(row);
    return !stopped;
  });
  return !stopped;
}

/** The n-th largest event time (1-based) among `eventAts`. */
function nthLatest(eventAts: readonly number[], n: number): number {
  return [...eventAts].sort((a, b) => b - a)[n - 1]!;
}

function grow(bytes: Buffer, needed: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(needed, bytes.length * 2));
  bytes.copy(bigger);
  return bigger;
}

/** A–Z to a–z in place, as LIKE compares; UTF-8's other bytes (all ≥ 0x80 beyond ASCII) stay. */
function foldAscii(bytes: Buffer): void {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x41 && b <= 0x5a) bytes[i] = b + 0x20;
  }
}

/** The index of the last element ≤ value (starts[0] is 0, so one always is). */
function lastAtOrBefore(starts: Uint32Array, value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
