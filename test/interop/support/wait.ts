// wait.ts — small async helpers for the interop test: a free loopback port and polling for a condition.
import { createServer } from 'node:net';

/**
 * A port free on 127.0.0.1 right now. jspurefix's acceptor takes a fixed port from its description
 * (it listens on `port` and never reports the one the OS chose for 0), so we ask the OS first.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `predicate` every 10 ms; after `timeoutMs` rejects with `what` and, when given, `detail()`:
 * a timeout alone says nothing about why the other engine went quiet. The default is generous
 * because CI's 2 cores are shared; a passing run takes well under a second per wait.
 */
export async function waitFor(predicate: () => boolean, what: string, detail?: () => string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${detail === undefined ? '' : `\n${detail()}`}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
