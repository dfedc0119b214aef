// wire-basics.ts — the pieces every area of the IPC contract is built from: exact decimals as text,
// account ids, epoch milliseconds, journal positions, the execution record as it crosses, and the
// empty request. Imports nothing else of the contract, so every area file may import it.
import { z } from 'zod';
import { EXEC_TYPES, ORD_STATUSES, SIDES, type ExecutionRecord } from '../../records/execution-record.ts';

/** An exact decimal as text: '-12.5', '0.4200'. Formatted only at display. */
export const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a plain decimal number');
export const accountId = z.string().min(1).max(200);
export const epochMs = z.int().nonnegative();
/** An execution's place in the journal (its message id): unique, increasing in commit order. */
export const journalPosition = z.int().positive();

export const executionRecordSchema = z.strictObject({
  execId: z.string(),
  orderId: z.string(),
  clOrdId: z.string(),
  origClOrdId: z.string().nullable(),
  symbol: z.string(),
  side: z.enum(SIDES),
  execType: z.enum(EXEC_TYPES),
  ordStatus: z.enum(ORD_STATUSES),
  lastQty: decimalText.nullable(),
  lastPx: decimalText.nullable(),
  cumQty: decimalText,
  leavesQty: decimalText,
  avgPx: decimalText,
  transactTime: z.string().nullable(),
  msgSeqNum: z.int(),
  possDup: z.boolean(),
  fee: decimalText.nullable(),
  text: z.string().nullable(),
}).readonly();

// Compile-time guard: the wire record is exactly the engine's record (shared/records).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _recordIsTheEngines: Same<z.infer<typeof executionRecordSchema>, ExecutionRecord> = true;

/** The request of a call that takes no arguments. */
export const noArguments = z.strictObject({});

export type ExecutionRecordWire = z.infer<typeof executionRecordSchema>;
