// encode.ts (bench item 3) — outbound admin messages per second through the session's real writer
// (encodeAdminMessage): a Heartbeat, and a Logon with its RSA-PSS signature (node-forge, as shipped).
// Baselines in the same process: a hand-written Heartbeat template (the least work a correct encoder
// can do), and the same Logon signed by node:crypto's native RSA-PSS (what the signing library costs).
import { Buffer } from 'node:buffer';
import { constants, createPrivateKey, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fixChecksum, formatChecksum } from '../../electron/core/fix/checksum.ts';
import { formatUtcTimestamp } from '../../electron/core/fix/time.ts';
import { encodeAdminMessageNow } from '../../electron/core/session/admin-encoder.ts';
import type { SyncLogonSigner as LogonSigner } from '../../electron/core/session/admin-encoder.ts';
import { logonSignaturePayload, signLogon, verifyLogonSignature } from '../../electron/core/signing/index.ts';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import type { Figure, ItemResult } from '../report.ts';
import { mapSummary, timePerOp, type RunPlan, type Summary } from '../stats.ts';
import { benchKeys, benchSessionConfig } from '../workloads.ts';
import type { BenchContext } from './context.ts';

const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

export function runEncode(ctx: BenchContext): ItemResult {
  const config = benchSessionConfig();
  const keys = benchKeys();
  const forgeSigner: LogonSigner = (fields) => signLogon(keys.key, fields);
  const nativeKey = createPrivateKey(keys.privateKeyPem);
  const nativeSigner: LogonSigner = (fields) => signNative(nativeKey, logonSignaturePayload(fields));
  const noSigner: LogonSigner = () => {
    throw new Error('A Heartbeat must not be signed.');
  };

  const plan: RunPlan = ctx.quick ? { warmup: 1, runs: 5 } : { warmup: 2, runs: 7 };
  const heartbeats = ctx.quick ? 20_000 : 200_000;
  let bytes = 0;
  const heartbeat = timePerOp(plan, () => {
    for (let i = 0; i < heartbeats; i++) bytes += encodeAdminMessageNow({ type: 'Heartbeat' }, i + 2, false, config, T0 + i, noSigner).length;
    return heartbeats;
  });
  const template = timePerOp(plan, () => {
    for (let i = 0; i < heartbeats; i++) bytes += templateHeartbeat(config.senderCompId, config.targetCompId, i + 2, T0 + i).length;
    return heartbeats;
  });
  checkSameBytes(encodeAdminMessageNow({ type: 'Heartbeat' }, 7, false, config, T0, noSigner), templateHeartbeat(config.senderCompId, config.targetCompId, 7, T0));

  const logonPlan: RunPlan = ctx.quick ? { warmup: 1, runs: 5 } : { warmup: 1, runs: 5 };
  const forgeLogons = ctx.quick ? 2 : 10;
  const nativeLogons = ctx.quick ? 20 : 200;
  const logon = (signer: LogonSigner, n: number) => () => {
    for (let i = 0; i < n; i++) bytes += encodeAdminMessageNow({ type: 'Logon', resetSeqNum: false }, i + 1, false, config, T0 + i, signer).length;
    return n;
  };
  const forge = timePerOp(logonPlan, logon(forgeSigner, forgeLogons));
  const native = timePerOp(logonPlan, logon(nativeSigner, nativeLogons));
  for (const signer of [forgeSigner, nativeSigner]) checkLogonVerifies(encodeAdminMessageNow({ type: 'Logon', resetSeqNum: false }, 1, false, config, T0, signer), keys.publicKeyPem);
  if (bytes === 0) throw new Error('The encode loops produced nothing.');

  const perSecond = (s: Summary): Summary => mapSummary(s, (ns) => 1e9 / ns);
  const figures: Figure[] = [
    {
      id: 'encode.heartbeat',
      label: 'Fillwatch: Heartbeat (encodeAdminMessage)',
      unit: 'msg/s',
      better: 'higher',
      summary: perSecond(heartbeat),
      rate: { value: heartbeat.median / 1000, unit: 'µs/msg' },
      baselineOf: 'encode.heartbeat-template',
    },
    {
      id: 'encode.heartbeat-template',
      label: 'baseline: hand-written Heartbeat template',
      unit: 'msg/s',
      better: 'higher',
      summary: perSecond(template),
      rate: { value: template.median / 1000, unit: 'µs/msg' },
    },
    {
      id: 'encode.logon-forge',
      label: 'Fillwatch: signed Logon (node-forge RSA-PSS)',
      unit: 'msg/s',
      better: 'higher',
      summary: perSecond(forge),
      rate: { value: forge.median / 1e6, unit: 'ms/msg' },
      baselineOf: 'encode.logon-native',
    },
    {
      id: 'encode.logon-native',
      label: 'baseline: same Logon, node:crypto RSA-PSS',
      unit: 'msg/s',
      better: 'higher',
      summary: perSecond(native),
      rate: { value: native.median / 1e6, unit: 'ms/msg' },
    },
  ];
  return {
    id: 'encode',
    title: '3. Encode: Heartbeat and signed Logon',
    figures,
    notes: [
      'Both encoders run the real writer path: header, body, BodyLength, CheckSum; SendingTime formatted from a clock value each time.',
      'Heartbeat baseline: one template string per message with the same SendingTime formatter, BodyLength and CheckSum, byte-identical output; no validation. It bounds what encodeAdminMessage\'s checks and field lists cost.',
      'Logon baseline: the identical Logon, signature made by node:crypto (native OpenSSL RSA-PSS, SHA-256, salt 32) instead of node-forge (pure JS); both signatures verify. A Logon is signed once per connection, so this matters for reconnect latency, not throughput.',
    ],
    settings: { heartbeatsPerRun: heartbeats, forgeLogonsPerRun: forgeLogons, nativeLogonsPerRun: nativeLogons, rsaBits: keys.key.bits, warmupRuns: plan.warmup, runs: plan.runs },
  };
}

/** RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32 — Kalshi's parameters — with OpenSSL. */
function signNative(key: KeyObject, payload: string): string {
  return sign('sha256', Buffer.from(payload, 'utf8'), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }).toString('base64');
}

/** A Heartbeat written by hand: the fixed parts are constants, only 34 and 52 change. */
function templateHeartbeat(sender: string, target: string, msgSeqNum: number, nowMs: number): Buffer {
  const body = `35=0\x0134=${msgSeqNum}\x0149=${sender}\x0152=${formatUtcTimestamp(nowMs)}\x0156=${target}\x01`;
  const text = `8=FIXT.1.1\x019=${body.length}\x01${body}`;
  const out = Buffer.allocUnsafe(text.length + 7);
  const at = out.write(text, 0, 'latin1');
  out.write(`10=${formatChecksum(fixChecksum(out, 0, at))}\x01`, at, 'latin1');
  return out;
}

function checkSameBytes(ours: Buffer, template: Buffer): void {
  if (!ours.equals(template)) throw new Error(`The Heartbeat template differs from encodeAdminMessage: ${template.toString('latin1')} vs ${ours.toString('latin1')}`);
}

function checkLogonVerifies(frame: Buffer, publicKeyPem: string): void {
  const msg = FixMessage.parse(frame);
  const fields = { sendingTime: msg.sendingTime, msgSeqNum: msg.msgSeqNum, senderCompId: msg.senderCompId, targetCompId: msg.targetCompId };
  if (!verifyLogonSignature(publicKeyPem, fields, msg.require(96))) throw new Error('A benchmarked Logon carries a signature that does not verify.');
}
