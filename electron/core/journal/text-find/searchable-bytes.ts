// searchable-bytes.ts — a growing run of bytes kept in WebAssembly memory, where text-find.wat can search
// it with SIMD (5-9 GB/s; Buffer.indexOf does ~2 GB/s on the History corpus, whose ids are all digits
// and hex). Bytes are only appended; an append returns where they went, and searches name a range.
// The module's memory moves when it grows, so no view of it is kept: each call takes a fresh one.
import { TEXT_FIND_WASM } from './text-find-wasm.ts';

type FindFn = (hay: number, length: number, needle: number, needleLength: number, out: number, cap: number) => number;

const PAGE = 65_536;
/** Offsets returned by one call into the module; a search asks again past the last one when it is full. */
const HITS_PER_CALL = 4_096;

let compiled: WebAssembly.Module | undefined;
const moduleOf = (): WebAssembly.Module => (compiled ??= new WebAssembly.Module(Buffer.from(TEXT_FIND_WASM, 'base64')));

export class SearchableBytes {
  readonly #memory: WebAssembly.Memory;
  readonly #find: FindFn;
  #used = 0;

  constructor() {
    const instance = new WebAssembly.Instance(moduleOf(), {});
    this.#memory = instance.exports['memory'] as WebAssembly.Memory;
    this.#find = instance.exports['find'] as FindFn;
  }

  /** Bytes appended so far. */
  get size(): number {
    return this.#used;
  }

  /** Copies `bytes` to the end; returns their offset. */
  append(bytes: Uint8Array): number {
    const at = this.#used;
    this.#reserve(at + bytes.length);
    new Uint8Array(this.#memory.buffer, at, bytes.length).set(bytes);
    this.#used = at + bytes.length;
    return at;
  }

  /** A view of appended bytes, valid until the next append (the memory may move then). */
  view(offset: number, length: number): Uint8Array {
    this.#checkAppended(offset, length);
    return new Uint8Array(this.#memory.buffer, offset, length);
  }

  /**
   * Offsets (from `offset`, ascending) where `needle` occurs in the appended bytes [offset, offset +
   * length), at or after `from`; calls `onHit` with each and stops when it returns false.
   */
  forEachMatch(offset: number, length: number, needle: Uint8Array, from: number, onHit: (at: number) => boolean): void {
    this.#checkAppended(offset, length);
    if (needle.length === 0) throw new RangeError('an empty needle matches everywhere');
    // Scratch past the bytes: the needle, then room for the offsets of one call.
    const needleAt = this.#used;
    const hitsAt = align4(needleAt + needle.length);
    this.#reserve(hitsAt + HITS_PER_CALL * 4);
    new Uint8Array(this.#memory.buffer, needleAt, needle.length).set(needle);
    let start = from;
    while (start + needle.length <= length) {
      const n = this.#find(offset + start, length - start, needleAt, needle.length, hitsAt, HITS_PER_CALL);
      const hits = new Int32Array(this.#memory.buffer, hitsAt, n);
      for (let i = 0; i < n; i++) if (!onHit(start + hits[i]!)) return;
      if (n < HITS_PER_CALL) return;
      start += hits[n - 1]! + 1;
    }
  }

  #checkAppended(offset: number, length: number): void {
    if (offset < 0 || length < 0 || offset + length > this.#used) throw new RangeError(`bytes ${offset}+${length} are not all appended (${this.#used})`);
  }

  #reserve(bytes: number): void {
    const have = this.#memory.buffer.byteLength;
    if (bytes <= have) return;
    // At least double, so a corpus filled slice by slice grows a few dozen times, not once per slice.
    const pages = Math.ceil(Math.max(bytes - have, have) / PAGE);
    this.#memory.grow(pages);
  }
}

const align4 = (n: number): number => (n + 3) & ~3;
