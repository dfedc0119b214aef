// jspurefix-process.ts — the child process in which the decode item times jspurefix. Loading jspurefix
// (and its dependencies: tsyringe, reflect-metadata, mathjs, winston, express…) makes other code in
// the same process measurably slower (our decode by ~20-35% on this machine), so the peer runs here,
// in the same bench run, on the very same bytes (regenerated from the same seed and checked by
// SHA-256), while the parent waits idle. Replies once over IPC, then exits.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { timePerOp, type RunPlan, type Summary } from '../stats.ts';
import { concatFrames, executionReportFrames } from '../workloads.ts';
import { loadJspurefix, type JspurefixDepth } from './jspurefix-parser.ts';

export interface PeerRequest {
  readonly count: number;
  readonly plan: RunPlan;
  /** SHA-256 (hex) of the stream the parent measured; the child refuses to time anything else. */
  readonly sha256: string;
}

export type PeerReply =
  | { readonly ok: true; readonly version: string; readonly loadMs: number; readonly view: Summary; readonly object: Summary }
  | { readonly ok: false; readonly error: string };

function measure(request: PeerRequest): Promise<PeerReply> {
  return (async (): Promise<PeerReply> => {
    const { frames, reports } = executionReportFrames(request.count);
    const stream = concatFrames(frames);
    const sha256 = createHash('sha256').update(stream).digest('hex');
    if (sha256 !== request.sha256) return { ok: false, error: 'The regenerated ER stream differs from the one the parent measured.' };
    const version = (createRequire(import.meta.url)('jspurefix/package.json') as { version: string }).version;
    const peer = await loadJspurefix(version);
    const time = (depth: JspurefixDepth): Summary => {
      const parser = peer.parser(depth);
      const summary = timePerOp(request.plan, () => {
        const n = parser.parse(stream);
        if (n !== frames.length) throw new Error(`jspurefix (${depth}) parsed ${n} of ${frames.length} messages.`);
        return n;
      });
      if (depth === 'object') {
        const execId = (parser.lastObject as { ExecID?: unknown } | null)?.ExecID;
        const expected = reports[reports.length - 1]!.execId;
        if (execId !== expected) throw new Error(`jspurefix's last object has ExecID ${String(execId)}, expected ${expected}.`);
      }
      return summary;
    };
    return { ok: true, version, loadMs: peer.loadMs, view: time('view'), object: time('object') };
  })().catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
}

process.once('message', (request: PeerRequest) => {
  void measure(request).then((reply) => process.send?.(reply, () => process.exit(0)));
});
process.on('disconnect', () => process.exit(0));
