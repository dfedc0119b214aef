// context.ts — what the runner hands every benchmark item: the mode, the store the ingest items write
// to, a progress logger and a scratch folder (journals, JSONL files) that the runner deletes at the
// end. Types only.
import type { StoreKind, WriterKind } from '../pipeline.ts';

export interface BenchContext {
  /** `--quick`: every item small, for CI; figures are printed but never judged. */
  readonly quick: boolean;
  /** Where items 4–6 store executions (`--store=journal|memory-jsonl`). */
  readonly store: StoreKind;
  /** Where the journal runs its transactions (`--writer=inline|thread`). */
  readonly writer: WriterKind;
  /** Progress lines (stderr), so stdout keeps only the table. */
  readonly log: (line: string) => void;
  /** A fresh folder of this run; deleted when the run ends. */
  readonly workDir: string;
}
