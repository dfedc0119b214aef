// The worked example in README.md ("Positions and P&L"), kept true by this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PositionBook } from '../../../shared/positions/position-book.ts';
import { toString } from '../../../shared/decimal.ts';

test('README worked example: buy 10 @ 0.42, sell 4 @ 0.50, then settle Yes', () => {
  const book = new PositionBook();
  book.apply({ execId: '1;1', symbol: 'KXEX-26NOV24-A', side: '1', lastQty: '10', lastPx: '0.42', priceUnit: 'dollars', fee: '0.02', transactTime: '20261124-14:00:00' });
  book.apply({ execId: '1;2', symbol: 'KXEX-26NOV24-A', side: '2', lastQty: '4', lastPx: '0.50', priceUnit: 'dollars', fee: '0.01', transactTime: '20261124-14:01:00' });
  const open = book.market('KXEX-26NOV24-A');
  assert.deepEqual([open?.realized, open?.unrealized, open?.fees, open?.net, open?.cash].map((x) => toString(x ?? 0n as never, 2)), ['0.32', '0.48', '0.03', '0.77', '-2.23']);
  book.settle({ symbol: 'KXEX-26NOV24-A', result: 'yes', at: '20261125-00:00:00' });
  const settled = book.market('KXEX-26NOV24-A');
  assert.deepEqual([settled?.realized, settled?.unrealized, settled?.net].map((x) => toString(x ?? 0n as never, 2)), ['3.80', '0.00', '3.77']);
});
