// jspurefix-peer.ts — the decode item's handle on the peer: forks jspurefix-process.ts, hands it the
// workload (size, run plan, SHA-256 of the bytes) and waits for its timings. Owns the child's
// lifetime; a child that dies or answers with an error fails the item.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PeerReply, PeerRequest } from './jspurefix-process.ts';

export type PeerTimings = Extract<PeerReply, { ok: true }>;

export function measureJspurefix(request: PeerRequest): Promise<PeerTimings> {
  const child = fork(fileURLToPath(new URL('./jspurefix-process.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<PeerTimings>((resolve, reject) => {
    let replied = false;
    child.once('message', (reply: PeerReply) => {
      replied = true;
      if (reply.ok) resolve(reply);
      else reject(new Error(`jspurefix: ${reply.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!replied) reject(new Error(`The jspurefix process exited without an answer (${signal ?? `code ${code}`}).`));
    });
    child.send(request);
  });
}
