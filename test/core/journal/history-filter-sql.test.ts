// history-filter-sql.test.ts — the SQL History filters with means what HistoryFilter says, checked in
// an in-memory SQLite table against plain JS over random values: exact decimal keys (migration 0003's
// generated columns) and bounds, event tickers as eventTickerOf defines them, ticker prefixes in
// UTF-8 order (surrogates and U+10FFFF included), and the text match's escaping and ASCII case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ABSENT_DECIMAL_KEY, decimalBoundKey, decimalKeySql } from '../../../electron/core/journal/history-decimal-key.ts';
import { compileFilter, prefixEnd, whereSql, type SqlTerm } from '../../../electron/core/journal/history-filter-sql.ts';
import { parse } from '../../../shared/decimal.ts';
import { HistoryQueryError } from '../../../shared/history/history-error.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import { eventTickerOf } from '../../../shared/positions/event-ticker.ts';

/** A table with the columns the filter terms read, holding the given rows. */
function table(rows: readonly Record<string, string | null>[]): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE executions (symbol TEXT, exec_key TEXT, order_id TEXT, cl_ord_id TEXT, text TEXT, last_px TEXT)');
  const insert = db.prepare('INSERT INTO executions VALUES (@symbol, @exec_key, @order_id, @cl_ord_id, @text, @last_px)');
  for (const row of rows) insert.run({ symbol: '', exec_key: '', order_id: '', cl_ord_id: '', text: null, last_px: null, ...row });
  return db;
}

function matching(db: Database.Database, term: SqlTerm | undefined): number[] {
  const where = whereSql(term === undefined ? [] : [term]);
  return db.prepare(`SELECT rowid FROM executions WHERE ${where.sql} ORDER BY rowid`).pluck().all(...where.params) as number[];
}

const digits = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const decimalText = fc.tuple(fc.boolean(), digits(1, 12), fc.option(digits(1, 9), { nil: undefined }))
  .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

/** The key the SQL must give: micro-units when exactly representable in 9 + 6 digits, else absent. */
function expectedKey(text: string): number {
  const [whole = '', fraction = ''] = text.replace('-', '').split('.');
  if (whole.replace(/^0+/, '').length > 9 || /[1-9]/.test(fraction.slice(6))) return ABSENT_DECIMAL_KEY;
  return Number(parse(text));
}

test('the decimal key in SQL is the exact micro-unit value (or the absent key), so it orders by value', () => {
  fc.assert(fc.property(fc.array(decimalText, { minLength: 1, maxLength: 50 }), (texts) => {
    const db = table(texts.map((t) => ({ last_px: t })));
    const keys = db.prepare(`SELECT ${decimalKeySql('last_px')} FROM executions ORDER BY rowid`).pluck().all() as number[];
    db.close();
    assert.deepEqual(keys, texts.map(expectedKey));
  }), { numRuns: 200 });
  const db = table([{ last_px: null }]);
  assert.equal(db.prepare(`SELECT ${decimalKeySql('last_px')} FROM executions`).pluck().get(), ABSENT_DECIMAL_KEY, 'no value');
  db.close();
});

test('decimal bounds are exact; text that is not a plain decimal of at most 6 places is refused', () => {
  assert.equal(decimalBoundKey('0.42', 'x'), 420_000);
  assert.equal(decimalBoundKey('0.4200000', 'x'), 420_000, 'zeros past the 6th place change nothing');
  assert.equal(decimalBoundKey('-12', 'x'), -12_000_000);
  assert.equal(decimalBoundKey('99999999999999', 'x'), Number.MAX_SAFE_INTEGER, 'beyond every key: clamped');
  for (const bad of ['', '1e3', '.5', '5.', '+1', '0.0000001', ' 1', '0x10']) {
    assert.throws(() => decimalBoundKey(bad, 'lastPx.min'), (e) => e instanceof HistoryQueryError && e.kind === 'bad-filter', bad);
  }
});

const symbolText = fc.string({ unit: fc.constantFrom('A', 'B', '-', '.', '+', 'é', '\u{1F600}'), maxLength: 7 });

test('an event filter matches exactly the markets whose eventTickerOf is one of its events', () => {
  fc.assert(fc.property(fc.uniqueArray(symbolText, { maxLength: 30 }), fc.array(symbolText, { minLength: 1, maxLength: 3 }), (symbols, events) => {
    const db = table(symbols.map((symbol) => ({ symbol })));
    const compiled = compileFilter({ events }, () => []);
    const expected = symbols.flatMap((s, i) => (events.includes(eventTickerOf(s)) ? [i + 1] : []));
    assert.deepEqual(compiled.market === undefined ? [] : matching(db, compiled.market.term), expected, 'SQL');
    assert.deepEqual(symbols.flatMap((s, i) => (compiled.market?.matches(s) === true ? [i + 1] : [])), expected, 'the planner\'s JS test');
    db.close();
  }), { numRuns: 300 });
});

test('a prefix filter matches exactly the tickers that start with it, whatever code points end it', () => {
  const unit = fc.constantFrom('A', 'z', '-', '\u007f', '\u00ff', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{10ffff}');
  fc.assert(fc.property(fc.uniqueArray(fc.string({ unit, maxLength: 4 }), { maxLength: 25 }), fc.string({ unit, minLength: 1, maxLength: 3 }), (symbols, prefix) => {
    const db = table(symbols.map((symbol) => ({ symbol })));
    const compiled = compileFilter({ market: { kind: 'prefix', prefix } }, () => []);
    assert.deepEqual(matching(db, compiled.market?.term), symbols.flatMap((s, i) => (s.startsWith(prefix) ? [i + 1] : [])));
    db.close();
  }), { numRuns: 300 });
  assert.equal(prefixEnd('KX'), 'KY');
  assert.equal(prefixEnd('a\ud7ff'), 'a\ue000', 'no code point lies in the surrogate range');
  assert.equal(prefixEnd('a\u{10ffff}'), undefined);
});

test('the text match is a substring of ExecID, OrderID, ClOrdID or Text, %, _ and \\ taken literally, ASCII case ignored', () => {
  const unit = fc.constantFrom('a', 'B', '%', '_', '\\', 'é', 'É', ';');
  const value = fc.string({ unit, maxLength: 6 });
  fc.assert(fc.property(fc.array(fc.record({ exec_key: value, order_id: value, cl_ord_id: value, text: fc.option(value, { nil: null }) }), { maxLength: 20 }), fc.string({ unit, minLength: 1, maxLength: 3 }), (rows, needle) => {
    const db = table(rows);
    const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const expected = rows.flatMap((r, i) => ([r.exec_key, r.order_id, r.cl_ord_id, r.text ?? ''].some((h) => fold(h).includes(fold(needle))) ? [i + 1] : []));
    assert.deepEqual(matching(db, compileFilter({ text: needle }, () => []).text), expected);
    db.close();
  }), { numRuns: 300 });
  // A pending report's stored key widens ExecID '-1;-1'; only the ExecID itself is matched.
  const db = table([{ exec_key: '-1;-1|ord-7|F|20261124-14:00:00.000' }, { exec_key: '5;6' }]);
  assert.deepEqual(matching(db, compileFilter({ text: '|F|' }, () => []).text), []);
  assert.deepEqual(matching(db, compileFilter({ text: '1;-1' }, () => []).text), [1]);
  db.close();
});

test('a filter of the wrong shape is refused, and an empty list or an unknown account matches nothing', () => {
  const refuse = (filter: unknown): void => {
    assert.throws(() => compileFilter(filter as HistoryFilter, () => []), (e) => e instanceof HistoryQueryError && e.kind === 'bad-filter', JSON.stringify(filter));
  };
  refuse(null);
  refuse({ sides: [1] });
  refuse({ market: { kind: 'exact', tickers: 'A' } });
  refuse({ market: { kind: 'prefix', prefix: 7 } });
  refuse({ time: { to: '2026-11-24' } });
  refuse({ lastQty: { min: 5 } });
  refuse({ text: 42 });
  assert.equal(compileFilter({ execTypes: [] }, () => []).matchesNothing, true);
  assert.equal(compileFilter({ accounts: ['nobody'] }, () => []).matchesNothing, true);
  assert.equal(compileFilter({ market: { kind: 'exact', tickers: [] } }, () => []).matchesNothing, true);
  assert.equal(compileFilter({ events: [] }, () => []).matchesNothing, true);
  assert.equal(compileFilter({ market: { kind: 'prefix', prefix: '' }, text: '' }, () => []).market, undefined, 'an empty prefix or text filters nothing');
});
