// The export's bytes (electron/main/history/export-format.ts): RFC 4180 quoting, CRLF, formula-safe
// cells (an apostrophe before = + - @ tab CR, except a plain number in a numeric column), exact
// decimals as stored, ISO times, coded fields by name in CSV and by code in JSON.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, encodeAll } from '../../electron/main/history/export-format.ts';
import { EXPORT_COLUMNS, exportColumnsOf, HISTORY_COLUMN_IDS } from '../../shared/history/export-columns.ts';
import type { HistoryRow } from '../../shared/history/history-page.ts';
import { sampleRecord } from './support/samples.ts';

const row: HistoryRow = { ...sampleRecord, rowId: 42, account: 'key-1', eventAt: Date.UTC(2026, 10, 24, 14, 0, 1, 250), balanceChange: null };

describe('CSV cells', () => {
  test('plain text and numbers pass unchanged; empty and null are empty', () => {
    assert.equal(csvCell('KXFED-26DEC-H0', false), 'KXFED-26DEC-H0');
    assert.equal(csvCell('0.4200', true), '0.4200');
    assert.equal(csvCell(null, false), '');
    assert.equal(csvCell('', true), '');
  });

  test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
    for (const danger of ['=1+1', '+33', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      assert.ok(csvCell(danger, false).replace(/^"/, '').startsWith("'"), JSON.stringify(danger));
    }
    assert.equal(csvCell('-0.0150', true), '-0.0150', 'a negative number in a numeric column stays a number');
    assert.equal(csvCell('-0.0150', false), "'-0.0150", 'in a text column it is text');
    assert.equal(csvCell('-1e5', true), "'-1e5", 'not a plain number: neutralised even in a numeric column');
    assert.equal(csvCell('=1,2', false), `"'=1,2"`);
  });

  test('quotes, commas, line breaks and edge spaces are quoted, quotes doubled', () => {
    assert.equal(csvCell('a,b', false), '"a,b"');
    assert.equal(csvCell('say "hi"', false), '"say ""hi"""');
    assert.equal(csvCell('two\nlines', false), '"two\nlines"');
    assert.equal(csvCell(' padded', false), '" padded"');
    assert.equal(csvCell('ünïcode ÿ', false), 'ünïcode ÿ');
  });
});

describe('files', () => {
  test('CSV: a header line, CRLF ends, exact decimals, ISO time, FIX names for codes', () => {
    const columns = exportColumnsOf(['time', 'market', 'execType', 'side', 'lastQty', 'lastPx', 'fee', 'ordStatus', 'text'])!;
    const csv = encodeAll('csv', columns, [row, { ...row, lastPx: null, text: '=cmd|x', fee: '-0.0100' }]);
    assert.equal(csv, [
      'Time (UTC),Market,ExecType,Side,LastQty,LastPx,Fee,OrdStatus,Text',
      '2026-11-24T14:00:01.250Z,KXFEDDECISION-26DEC-H0,Trade,Buy (Yes),4.00,0.4200,0.0200,PartiallyFilled,',
      "2026-11-24T14:00:01.250Z,KXFEDDECISION-26DEC-H0,Trade,Buy (Yes),4.00,,-0.0100,PartiallyFilled,'=cmd|x",
      '',
    ].join('\r\n'));
  });

  test('JSON: one array, a row object per line, codes and decimal text as values', () => {
    const columns = exportColumnsOf(['execId', 'side', 'lastPx', 'possDup', 'rowId'])!;
    const json = encodeAll('json', columns, [row, row]);
    assert.equal(json, '[\n{"execId":"3021;7","side":"1","lastPx":"0.4200","possDup":false,"rowId":42},\n{"execId":"3021;7","side":"1","lastPx":"0.4200","possDup":false,"rowId":42}\n]\n');
    assert.deepEqual(JSON.parse(encodeAll('json', columns, [])), []);
  });

  test('every History column has an export column, and unknown ids are refused', () => {
    assert.deepEqual(EXPORT_COLUMNS.map((c) => c.id), [...HISTORY_COLUMN_IDS]);
    assert.equal(exportColumnsOf(['time', 'nope']), undefined);
  });
});
