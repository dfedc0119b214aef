// comp-ids.ts — is an inbound message addressed to this session? 56 must be our key; 49 may be the
// session name or just "Kalshi" (§8.21). A pure check; session-machine.ts ends a misrouted session.
import type { FixMessage } from '../fix/decode.ts';
import { Tag } from '../../../shared/fix/tags.ts';

/** Why the message belongs to another session ('wrong CompIDs (49=…, 56=…)'), or undefined when it is ours. */
export function misaddressed(message: FixMessage, senderCompId: string): string | undefined {
  // Every message of a burst: the parser already knows where 49 and 56 are (their first occurrence).
  if (message.problem === undefined && message.targetCompId === senderCompId && message.senderCompId.startsWith('Kalshi')) return undefined;
  const sender = message.get(Tag.SenderCompID);
  // A CompID lost to a field problem is that message's problem (Reject, advance), not a misroute.
  if (message.problem !== undefined && (sender === undefined || !message.has(Tag.TargetCompID))) return undefined;
  const target = message.get(Tag.TargetCompID);
  if (target !== senderCompId || sender === undefined || !sender.startsWith('Kalshi')) return `wrong CompIDs (49=${sender ?? ''}, 56=${target ?? ''})`;
  return undefined;
}
