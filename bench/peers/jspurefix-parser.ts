// jspurefix-parser.ts — the peer FIX engine the decode item compares against, set up the way its own
// benchmark (dist/benchmark/parse-bench.js) sets it up: an AsciiParser from a session scope, fed whole
// buffers through parseBuffer, counting 'msg' events. Two depths, as jspurefix names them: 'view'
// (tokenise, find the structure, build the view: its parse-only path) and 'object' (the same plus
// view.toObject(), its typed object). Loaded with the Kalshi subset of jspurefix's FIX50SP2 dictionary
// (test/interop/support/kalshi-dictionary.ts), which is the smallest dictionary that knows Kalshi's
// ERs and so the most favourable to jspurefix. Imported only by jspurefix-process.ts (a child process:
// loading jspurefix slows the rest of its process). Bench-only; never used by the app.
import '../../test/interop/support/reflect-polyfill.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Buffer } from 'node:buffer';
import { AsciiParser, DITokens, EmptyLogFactory, SessionContainer } from 'jspurefix';
import type { ElasticBuffer, IJsFixConfig, MsgView } from 'jspurefix';
import { makeSessionScope } from 'jspurefix/dist/runtime/session-scope.js';
import { kalshiRtDescription } from '../../test/interop/support/jspurefix-acceptor.ts';
import { writeKalshiDictionary } from '../../test/interop/support/kalshi-dictionary.ts';

export type JspurefixDepth = 'view' | 'object';

export interface JspurefixParser {
  /** Parses every message in `stream`; returns how many 'msg' events fired. */
  parse(stream: Buffer): number;
  /** The object jspurefix made for the last message (object depth only), for a sanity check. */
  readonly lastObject: unknown;
}

export interface JspurefixPeer {
  readonly version: string;
  /** Milliseconds it took to load the dictionary and build the session container. */
  readonly loadMs: number;
  parser(depth: JspurefixDepth): JspurefixParser;
}

export async function loadJspurefix(version: string): Promise<JspurefixPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-bench-jspurefix-'));
  try {
    const started = performance.now();
    const dictionaryPath = writeKalshiDictionary(dir);
    const container = new SessionContainer();
    container.registerGlobal(new EmptyLogFactory());
    // An acceptor description: makeSystem only builds the container here, it opens no port.
    const description = kalshiRtDescription({ port: 0, certPem: '', keyPem: '', apiKeyId: 'bench', dictionaryPath });
    const scope = await container.makeSystem(description);
    const config = scope.resolve<IJsFixConfig>(DITokens.IJsFixConfig);
    const loadMs = performance.now() - started;
    return { version, loadMs, parser: (depth) => makeParser(config, depth) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function makeParser(config: IJsFixConfig, depth: JspurefixDepth): JspurefixParser {
  const scoped = makeSessionScope(config);
  const buffer = scoped.sessionContainer.resolve<ElasticBuffer>(DITokens.ParseBuffer);
  const parser = new AsciiParser(scoped, null, buffer, 160 * 1024);
  let count = 0;
  let lastObject: unknown;
  if (depth === 'object') {
    parser.on('msg', (_msgType: string, view: MsgView) => {
      count++;
      lastObject = view.toObject();
    });
  } else {
    parser.on('msg', () => {
      count++;
    });
  }
  // jspurefix reports structural problems as 'error' events; a bench must not swallow them.
  parser.on('error', (error: unknown) => {
    throw error instanceof Error ? error : new Error(String(error));
  });
  return {
    parse(stream: Buffer): number {
      count = 0;
      parser.parseBuffer(stream);
      return count;
    },
    get lastObject() {
      return lastObject;
    },
  };
}
