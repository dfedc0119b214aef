// demo.ts — Fillwatch without Kalshi: a local simulator (its own CA, a fresh key pair registered
// with it) streaming execution reports over TLS, and the recorder printing each one as it lands.
// Until the Electron app lands this is the demo; Ctrl-C logs out and stops.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { generateKeyPair, importPrivateKeyPem, signLogon } from '../electron/core/signing/index.ts';
import { KalshiSimulator } from '../electron/simulator/simulator.ts';
import { Recorder } from '../electron/core/recorder/recorder.ts';
import { JsonlSink } from '../electron/core/recorder/jsonl-sink.ts';
import { makeSessionConfig } from '../electron/core/session/session-config.ts';
import { MemorySequenceStore } from '../electron/core/session/session-store.ts';
import { describeSessionEvent } from '../shared/events/session-events.ts';
import { enumLabel } from '../shared/fix/dictionary.ts';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '5' }, seconds: { type: 'string' } } });
const dir = mkdtempSync(join(tmpdir(), 'fillwatch-demo-'));
const apiKeyId = randomUUID();
const pair = generateKeyPair();
const key = importPrivateKeyPem(pair.privateKeyPem);

const simulator = new KalshiSimulator({
  accounts: [{ apiKeyId, publicKeyPem: pair.publicKeyPem }],
  ratePerSecond: Number(values.rate),
  faults: [{ every: 40, fault: { kind: 'drop-after', messages: 0 } }],
  streamWhileDisconnected: true,
});
const { port } = await simulator.start();
const out = join(dir, 'fills.jsonl');
const sink = new JsonlSink(out);
console.log(`Simulator on localhost:${port} (drops the connection every 40 messages); recording to ${out}\n`);

const recorder = new Recorder(
  {
    config: makeSessionConfig({ senderCompId: apiKeyId, targetCompId: 'KalshiRT' }),
    endpoint: { host: 'localhost', port, caPem: simulator.caCertPem ?? '' },
    signLogon: (fields) => signLogon(key, fields),
    store: new MemorySequenceStore(),
    backoff: { initialMs: 200, maxMs: 2_000 },
  },
  sink,
  {
    onExecution: (r) => {
      const what = `${enumLabel(150, r.execType) ?? r.execType}`.padEnd(9);
      const side = r.side === '1' ? 'Buy Yes ' : 'Sell Yes';
      const fill = r.lastQty === null ? '' : ` ${r.lastQty} @ ${r.lastPx}`;
      console.log(`${r.transactTime ?? ''}  ${what} ${side} ${r.symbol.padEnd(26)} cum ${r.cumQty.padStart(7)} left ${r.leavesQty.padStart(7)}${fill}  [${r.execId}${r.possDup ? ', resent' : ''}]`);
    },
    onEvent: (event) => {
      const { severity, text } = describeSessionEvent(event);
      if (severity !== 'info' || event.kind === 'logon-accepted' || event.kind === 'resend-requested') console.log(`  -- ${text}`);
    },
  },
);
const stop = async () => {
  await recorder.stop();
  sink.close();
  await simulator.stop();
  console.log(`\n${sink.count} executions recorded in ${out}; ${recorder.duplicatesSkipped} resent duplicates skipped.`);
};
process.once('SIGINT', () => void stop());
if (values.seconds !== undefined) setTimeout(() => void stop(), Number(values.seconds) * 1000);
await recorder.start();
