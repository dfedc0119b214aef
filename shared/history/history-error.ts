// history-error.ts — why a History request was refused, as a closed set of kinds with one sentence
// each, so the renderer can say it in words. Storage failures are not here: they stay the store's
// own errors (JournalError for the local journal).
import { assertNever } from '../assert-never.ts';

export type HistoryQueryErrorKind = 'bad-filter' | 'bad-sort' | 'bad-cursor' | 'bad-position' | 'bad-limit';

export function describeHistoryQueryErrorKind(kind: HistoryQueryErrorKind): string {
  switch (kind) {
    case 'bad-filter':
      return 'The filter is not valid (for example a price that is not a plain decimal number).';
    case 'bad-sort':
      return 'History cannot sort by that column.';
    case 'bad-cursor':
      return 'The page cursor is not valid for this sort; start again from the first page.';
    case 'bad-position':
      return 'The journal position is not valid; take a new snapshot.';
    case 'bad-limit':
      return 'The page size must be a whole number from 1 to 1000.';
    default:
      return assertNever(kind, 'history query error kind');
  }
}

export class HistoryQueryError extends Error {
  override readonly name = 'HistoryQueryError';
  readonly kind: HistoryQueryErrorKind;

  constructor(kind: HistoryQueryErrorKind, detail?: string) {
    super(detail === undefined ? describeHistoryQueryErrorKind(kind) : `${describeHistoryQueryErrorKind(kind)} (${detail})`);
    this.kind = kind;
  }
}
