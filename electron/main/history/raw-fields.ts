// raw-fields.ts — a stored message as History's details drawer shows it: every field in wire order
// with its tag's name and, for coded fields, what the value means (shared/fix/dictionary.ts). The
// bytes stay in main; only this text crosses to the window. A message that was kept because a field
// could not be read is still shown as far as it reads, with the problem stated.
import { Buffer } from 'node:buffer';
import { enumLabel, tagName } from '../../../shared/fix/dictionary.ts';
import type { RawFixMessage } from '../../../shared/history/history-page.ts';
import type { RawMessageWire } from '../../../shared/ipc/contract.ts';
import { FixMessage } from '../../core/fix/decode.ts';

export function decodeRawMessage(message: RawFixMessage): RawMessageWire {
  let parsed: FixMessage;
  try {
    parsed = FixMessage.parseReceived(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
  } catch (error) {
    return { ...header(message), fields: [], problem: `The message could not be read as FIX fields: ${error instanceof Error ? error.message : String(error)}` };
  }
  const fields: RawMessageWire['fields'][number][] = [];
  for (let i = 0; i < parsed.fieldCount; i++) {
    const tag = parsed.tagAt(i);
    // The decoder reads bytes as latin1; text fields are UTF-8 on the wire.
    const value = Buffer.from(parsed.valueAt(i), 'latin1').toString('utf8');
    const name = tagName(tag);
    fields.push({ tag, name: name === String(tag) ? null : name, value, meaning: enumLabel(tag, value) ?? null });
  }
  return { ...header(message), fields, problem: parsed.problem === undefined ? null : parsed.problem.text };
}

function header(message: RawFixMessage) {
  return { rowId: message.rowId, receivedAt: message.receivedAt, msgSeqNum: message.msgSeqNum };
}
