// history-text-cache.ts — the rows a rare quick-filter text matched, kept so the next keystroke reads
// only those. Typing an ExecID narrows the match one character at a time, and every row that contains
// the longer text contains the shorter one (LIKE folds ASCII case only, so compare folded). A rare match
// costs one scan of the table (~0.3–0.75 s at 1M rows); its rows (at most MAX_IDS) are kept with the
// journal position the scan covered, and a text that contains a kept one is then read from those rows
// plus any committed after that position: a lookup and a sort of a few rows instead of another scan.
// The filter's other fields and the sort still apply in full. Pure bookkeeping; the store runs the SQL.
import type { SqlTerm } from './history-filter-sql.ts';

/** More matches than this are not kept: the time-ordered walk finds a common match's page quickly anyway. */
export const MAX_TEXT_IDS = 20_000;
const ENTRIES = 4;

interface Entry {
  /** The text, ASCII letters folded to lower case. */
  readonly needle: string;
  /** Every row up to this id that the text matched. */
  readonly upTo: number;
  readonly ids: readonly number[];
}

export class TextMatchCache {
  #entries: Entry[] = [];

  /**
   * The narrowest kept match that `text` refines, as candidate row ids; undefined when none. `exact`:
   * kept for this very text (else the store narrows it to this text and keeps that too).
   */
  candidates(text: string | undefined): { readonly rowIds: SqlTerm; readonly count: number; readonly exact: boolean } | undefined {
    if (text === undefined || text === '') return undefined;
    const needle = foldAscii(text);
    let best: Entry | undefined;
    for (const e of this.#entries) if (needle.includes(e.needle) && (best === undefined || e.ids.length < best.ids.length)) best = e;
    if (best === undefined) return undefined;
    return {
      rowIds: { sql: 'SELECT value FROM json_each(?) UNION ALL SELECT raw_id FROM executions WHERE raw_id > ?', params: [JSON.stringify(best.ids), best.upTo] },
      count: best.ids.length,
      exact: best.needle === needle,
    };
  }

  remember(text: string, upTo: number, ids: readonly number[]): void {
    const needle = foldAscii(text);
    this.#entries = [{ needle, upTo, ids }, ...this.#entries.filter((e) => e.needle !== needle)].slice(0, ENTRIES);
  }
}

/** As LIKE compares: ASCII letters without case, everything else as is. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
