// message-text.ts — a stored FIX message as an auditor reads it in an evidence pack: one field per line
// in wire order, with its tag's name and what a coded value means (shared/fix/dictionary.ts), e.g.
// `ExecType(150)=F (Trade)`. A message kept because a field could not be read shows what reads, then
// the problem. The bytes themselves go into the pack unchanged beside this text.
import { Buffer } from 'node:buffer';
import { describeField } from '../../../shared/fix/dictionary.ts';
import { FixMessage } from '../fix/decode.ts';

export function describeMessageLines(raw: Buffer): string[] {
  let message: FixMessage;
  try {
    message = FixMessage.parseReceived(raw);
  } catch (error) {
    return [`(the message could not be read as FIX fields: ${error instanceof Error ? error.message : String(error)})`];
  }
  const lines: string[] = [];
  for (let i = 0; i < message.fieldCount; i++) {
    // The decoder reads bytes as latin1; text fields are UTF-8 on the wire.
    lines.push(describeField(message.tagAt(i), Buffer.from(message.valueAt(i), 'latin1').toString('utf8')));
  }
  if (message.problem !== undefined) lines.push(`(kept unread: ${message.problem.text})`);
  return lines;
}
