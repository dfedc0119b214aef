// The quick filter's SIMD byte search (electron/core/journal/text-find/) finds exactly what a plain
// search finds — every offset, overlapping ones too, within the range asked and from where asked, in
// ranges that do and do not fill its 16-byte steps, across many appends and more hits than one call
// returns — and the module shipped is text-find.wat as it stands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SearchableBytes } from '../../../electron/core/journal/text-find/searchable-bytes.ts';
import { TEXT_FIND_WASM } from '../../../electron/core/journal/text-find/text-find-wasm.ts';
import { compileTextFindWat } from '../../../scripts/wasm-source.ts';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

function plainMatches(hay: Uint8Array, needle: Uint8Array, from: number): number[] {
  const hits: number[] = [];
  for (let i = from; i + needle.length <= hay.length; i++) {
    let same = true;
    for (let j = 0; j < needle.length && same; j++) same = hay[i + j] === needle[j];
    if (same) hits.push(i);
  }
  return hits;
}

function allMatches(store: SearchableBytes, offset: number, length: number, needle: Uint8Array, from = 0): number[] {
  const hits: number[] = [];
  store.forEachMatch(offset, length, needle, from, (at) => { hits.push(at); return true; });
  return hits;
}

test('the shipped module is text-find.wat compiled (npm run build:wasm after changing it)', async () => {
  assert.deepEqual(Buffer.from(TEXT_FIND_WASM, 'base64'), Buffer.from(await compileTextFindWat()));
});

// Three letters and a byte of each half, so needles often match, overlap and straddle 16-byte steps.
const hayArb = fc.array(fc.constantFrom(0x61, 0x62, 0x63, 0x00, 0xff), { maxLength: 300 }).map((b) => Uint8Array.from(b));

test('finds every offset a plain search finds, in any appended range, from any start', () => {
  fc.assert(fc.property(fc.array(hayArb, { minLength: 1, maxLength: 5 }), fc.nat(), fc.integer({ min: 1, max: 24 }), fc.nat(), fc.nat(), (parts, pick, needleLength, cut, from) => {
    const store = new SearchableBytes();
    const offsets = parts.map((p) => store.append(p));
    assert.equal(store.size, parts.reduce((n, p) => n + p.length, 0));
    const k = pick % parts.length;
    const hay = parts[k]!;
    // A needle taken from the haystack (so it occurs) or, when it is too short, from a fixed text.
    const at = hay.length === 0 ? 0 : cut % hay.length;
    const needle = hay.length - at >= needleLength ? hay.slice(at, at + needleLength) : bytes('ab'.repeat(needleLength).slice(0, needleLength));
    const start = hay.length === 0 ? 0 : from % (hay.length + 1);
    assert.deepEqual(allMatches(store, offsets[k]!, hay.length, needle, start), plainMatches(hay, needle, start));
    assert.deepEqual(store.view(offsets[k]!, hay.length), hay, 'appended bytes read back as they were');
  }), { numRuns: 500 });
});

test('more hits than one call returns: all of them, in order; a callback can stop the search', () => {
  const store = new SearchableBytes();
  store.append(bytes('x'.repeat(37)));
  const hay = bytes('a'.repeat(20_000));
  const offset = store.append(hay);
  const aa = allMatches(store, offset, hay.length, bytes('aa'));
  assert.equal(aa.length, 19_999, 'overlapping matches included');
  assert.deepEqual(aa.slice(0, 3), [0, 1, 2]);
  assert.equal(aa[aa.length - 1], 19_998);
  assert.ok(aa.every((v, i) => i === 0 || v === aa[i - 1]! + 1));
  const firstFive: number[] = [];
  store.forEachMatch(offset, hay.length, bytes('a'), 10, (at) => { firstFive.push(at); return firstFive.length < 5; });
  assert.deepEqual(firstFive, [10, 11, 12, 13, 14]);
});

test('a range must lie within what was appended; an empty needle is refused', () => {
  const store = new SearchableBytes();
  const offset = store.append(bytes('abcdef'));
  assert.throws(() => store.view(offset, 7), RangeError);
  assert.throws(() => allMatches(store, offset + 1, 6, bytes('a')), RangeError);
  assert.throws(() => allMatches(store, offset, 6, new Uint8Array(0)), RangeError);
  assert.deepEqual(allMatches(store, offset, 6, bytes('abcdefg')), [], 'a needle longer than the range');
  assert.deepEqual(allMatches(store, offset, 6, bytes('f')), [5]);
});

test('grows past many pages of memory and keeps every earlier byte', () => {
  const store = new SearchableBytes();
  const chunk = new Uint8Array(100_003).map((_, i) => 0x61 + (i % 7));
  const offsets: number[] = [];
  for (let i = 0; i < 40; i++) offsets.push(store.append(chunk));
  assert.equal(store.size, 40 * chunk.length);
  const needle = chunk.slice(99_990, 100_003);
  for (const offset of [offsets[0]!, offsets[39]!]) {
    assert.deepEqual(store.view(offset, chunk.length), chunk);
    assert.deepEqual(allMatches(store, offset, chunk.length, needle), plainMatches(chunk, needle, 0));
  }
});
