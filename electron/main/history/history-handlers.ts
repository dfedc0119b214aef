// history-handlers.ts — History's requests as main answers them: each is one RecorderApi.history call
// (the engine's worker runs the SQL), with its answer shaped for the wire — the raw message decoded
// here so its bytes stay in main, a row placed in its page (the pages either side of it), exports written through
// main's save dialog. Answered by the app runtime, so they follow whichever journal records now.
// A refused query (HistoryQueryError, rebuilt by name when it crossed the worker) becomes the typed
// 'bad-query' error whose sentence says what to do.
import type { HistoryCursor, HistoryRow, JournalPosition } from '../../../shared/history/history-page.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type { HistorySort } from '../../../shared/history/history-sort.ts';
import { exportColumnsOf } from '../../../shared/history/export-columns.ts';
import type { RequestName } from '../../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import { IpcRequestError, type RequestHandlers } from '../ipc/ipc-door.ts';
import type { HistoryExports } from './history-exports.ts';
import { decodeRawMessage } from './raw-fields.ts';
import { defaultExportName, type SaveFile } from './save-dialog.ts';

export const HISTORY_REQUEST_NAMES = [
  'history.snapshot', 'history.page', 'history.around', 'history.count', 'history.changes', 'history.row', 'history.byExecId',
  'history.lifecycle', 'history.rawMessage', 'history.export', 'history.cancelExport',
] as const satisfies readonly RequestName[];
export type HistoryRequestName = (typeof HISTORY_REQUEST_NAMES)[number];

export interface HistoryHandlerOptions {
  /** The recorder of the journal recorded into now. */
  readonly recorder: () => Pick<RecorderApi, 'history'>;
  readonly exports: HistoryExports;
  /** Main's save dialog; without one, exports are refused as 'unavailable'. */
  readonly saveFile: SaveFile | undefined;
  readonly now?: () => Date;
}

const position = (text: string) => text as JournalPosition;
const cursor = (text: string) => text as HistoryCursor;

export function historyRequestHandlers(options: HistoryHandlerOptions): Pick<RequestHandlers, HistoryRequestName> {
  const history = ((method, ...args) => refusalsTyped(options.recorder().history(method, ...args) as Promise<unknown>)) as RecorderApi['history'];
  return {
    'history.snapshot': (r) => history('snapshot', { filter: r.filter, sort: r.sort, limit: r.limit }),
    'history.page': (r) => history('page', {
      filter: r.filter, sort: r.sort, limit: r.limit,
      ...(r.after === undefined ? {} : { after: cursor(r.after) }),
      ...(r.before === undefined ? {} : { before: cursor(r.before) }),
      ...(r.asOf === undefined ? {} : { asOf: position(r.asOf) }),
    }),
    'history.around': (r) => around(history, r),
    'history.count': (r) => history('count', r.filter, { ...(r.exact === undefined ? {} : { exact: r.exact }), ...(r.asOf === undefined ? {} : { asOf: position(r.asOf) }) }),
    'history.changes': (r) => history('changesSince', position(r.position), { ...(r.filter === undefined ? {} : { filter: r.filter }), ...(r.limit === undefined ? {} : { limit: r.limit }) }),
    'history.row': async ({ rowId }) => (await history('byRowId', rowId)) ?? null,
    'history.byExecId': ({ execId }) => history('byExecId', execId),
    'history.lifecycle': ({ orderId }) => history('orderLifecycle', orderId),
    'history.rawMessage': async ({ rowId }) => {
      const raw = await history('rawMessage', rowId);
      return raw === undefined ? null : decodeRawMessage(raw);
    },
    'history.export': async (r) => {
      const columns = exportColumnsOf(r.columns);
      if (columns === undefined) throw new IpcRequestError('invalid-payload', `history.export: unknown column in ${r.columns.join(', ')}.`);
      if (options.saveFile === undefined) throw new IpcRequestError('unavailable', 'This window has no save dialog, so nothing can be exported here.');
      const path = await options.saveFile({ format: r.format, defaultName: defaultExportName(r.format, (options.now ?? (() => new Date()))()) });
      if (path === null) return { started: false as const };
      const exportId = options.exports.start({ path, format: r.format, columns, filter: r.filter, sort: r.sort });
      return { started: true as const, exportId, path };
    },
    'history.cancelExport': ({ exportId }) => ({ cancelled: options.exports.cancel(exportId) }),
  };
}

interface AroundRequest {
  readonly filter: HistoryFilter;
  readonly sort: HistorySort;
  readonly limit: number;
  readonly rowId: number;
  readonly asOf?: string;
}

/**
 * The row with up to limit/2 rows on each side in the view's order, or null when the row does not exist
 * or does not match the filter. The filter is checked by reading the
 * rows of the row's own millisecond (few) under the filter.
 */
async function around(history: RecorderApi['history'], r: AroundRequest) {
  const row = await history('byRowId', r.rowId);
  if (row === undefined) return null;
  const asOf = r.asOf === undefined ? {} : { asOf: position(r.asOf) };
  if (!(await matches(history, row, r.filter, asOf))) return null;
  const half = Math.max(1, Math.floor(r.limit / 2));
  const [above, below] = await Promise.all([
    // Placed by the journal's own sort key of the row (a price's key depends on its account's unit).
    history('page', { filter: r.filter, sort: r.sort, limit: half, beforeRow: row.rowId, ...asOf }),
    history('page', { filter: r.filter, sort: r.sort, limit: half, afterRow: row.rowId, ...asOf }),
  ]);
  return { page: { rows: [...above.rows, row, ...below.rows], previous: above.previous, next: below.next }, index: above.rows.length };
}

async function matches(history: RecorderApi['history'], row: HistoryRow, filter: HistoryFilter, asOf: { asOf?: JournalPosition }): Promise<boolean> {
  const from = Math.max(filter.time?.from ?? 0, row.eventAt);
  const to = Math.min(filter.time?.to ?? Number.MAX_SAFE_INTEGER, row.eventAt + 1);
  if (from >= to) return false;
  const page = await history('page', { filter: { ...filter, time: { from, to } }, sort: { column: 'time', direction: 'asc' }, limit: 1_000, ...asOf });
  return page.rows.some((r) => r.rowId === row.rowId);
}

async function refusalsTyped<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof Error && error.name === 'HistoryQueryError') throw new IpcRequestError('bad-query', error.message);
    throw error;
  }
}
