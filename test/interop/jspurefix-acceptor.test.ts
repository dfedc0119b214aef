// jspurefix-acceptor.test.ts — Fillwatch's codec and session against an independent FIX engine.
// jspurefix (TimelordUK/jspurefix, a devDependency) runs in-process as a KalshiRT-like TLS acceptor
// (FIXT.1.1, DefaultApplVerID 9, FIX50SP2 dictionary) and a real Recorder connects to it over TLS.
// jspurefix parses and validates everything we send against its dictionary, checks our RSA-PSS Logon
// signature, and encodes ExecutionReports with its own encoder; we check what each side saw.
// Run alone: node --test test/interop/jspurefix-acceptor.test.ts (FILLWATCH_INTEROP_LOG=1 for jspurefix's log).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExecutionReport } from '../../electron/core/fix/execution-report.ts';
import { generateKeyPair, type GeneratedKeyPair } from '../../electron/core/signing/index.ts';
import { createCertificateAuthority, issueServerCertificate, type CertificateAuthority, type IssuedCertificate } from '../../electron/simulator/certs.ts';
import { generateExecutionReports } from './support/execution-reports.ts';
import { startJspurefixAcceptor, type RunningAcceptor } from './support/jspurefix-acceptor.ts';
import type { AcceptorObservations } from './support/kalshi-acceptor-session.ts';
import { startListener, type ListenerOptions, type RunningListener } from './support/fillwatch-listener.ts';
import { writeKalshiDictionary } from './support/kalshi-dictionary.ts';
import { freePort, waitFor } from './support/wait.ts';

const API_KEY_ID = '3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77';
const REPORT_COUNT = 50;
const ACCEPTOR_TEST_REQ_ID = 'KALSHI-TR-1';
/** Our HeartBtInt (30 s) plus the TestRequest grace (2 s) plus margin: makes our session probe the peer. */
const SILENCE_MS = 33_000;

describe('Fillwatch against jspurefix acting as KalshiRT over TLS', () => {
  let dir: string;
  let dictionaryPath: string;
  let ca: CertificateAuthority;
  let server: IssuedCertificate;
  let ours: GeneratedKeyPair;
  let other: GeneratedKeyPair;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fillwatch-interop-'));
    dictionaryPath = writeKalshiDictionary(dir);
    ca = createCertificateAuthority();
    server = issueServerCertificate(ca, ['localhost', '127.0.0.1']);
    ours = generateKeyPair();
    other = generateKeyPair();
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function start(
    signingKeyPem: string,
    reportCount: number,
    session?: ListenerOptions['session'],
  ): Promise<{ acceptor: RunningAcceptor; listener: RunningListener; explain: () => string }> {
    const port = await freePort();
    const acceptor = await startJspurefixAcceptor({
      port,
      certPem: server.certPem,
      keyPem: server.keyPem,
      apiKeyId: API_KEY_ID,
      dictionaryPath,
      script: {
        publicKeyPem: ours.publicKeyPem,
        testReqId: ACCEPTOR_TEST_REQ_ID,
        executionReports: generateExecutionReports(reportCount).map((r) => r.jspurefix),
      },
    });
    const listener = startListener({ port, caPem: ca.certPem, apiKeyId: API_KEY_ID, privateKeyPem: signingKeyPem, ...(session === undefined ? {} : { session }) });
    return { acceptor, listener, explain: () => explain(acceptor, listener) };
  }

  test('logon, 50 ExecutionReports, TestRequests both ways and a clean Logout', async () => {
    const expected = generateExecutionReports(REPORT_COUNT).map((r) => r.expected);
    const { acceptor, listener, explain } = await start(ours.privateKeyPem, REPORT_COUNT);
    let connection: AcceptorObservations | undefined;
    try {
      await waitFor(() => listener.records.length === REPORT_COUNT, `${REPORT_COUNT} execution records`, explain);
      connection = acceptor.connections[0]!;
      const acceptorSawHeartbeat = (id: string) => connection!.decoded.some((m) => m.msgType === '0' && m.object['TestReqID'] === id);
      await waitFor(() => acceptorSawHeartbeat(ACCEPTOR_TEST_REQ_ID), "our Heartbeat answering jspurefix's TestRequest", explain);

      // Let our session believe the exchange went quiet, so it sends its own TestRequest.
      listener.advanceClock(SILENCE_MS);
      await waitFor(() => listener.events.some((e) => e.kind === 'test-request-sent'), 'our TestRequest', explain);
      const ourTestReqId = listener.events.flatMap((e) => (e.kind === 'test-request-sent' ? [e.testReqId] : []))[0]!;
      await waitFor(() => listener.accepted.some((m) => m.msgType === '0' && m.testReqId === ourTestReqId), "jspurefix's Heartbeat echoing our TestReqID", explain);

      await listener.recorder.stop();
      await listener.finished;
      await waitFor(() => connection!.stopped !== undefined, 'the jspurefix session to end', explain);
    } finally {
      await listener.recorder.stop();
      await acceptor.stop();
    }

    // jspurefix: one connection, our Logon signature verified on the fields it received.
    assert.equal(acceptor.connections.length, 1);
    assert.equal(connection.logons.length, 1);
    const logon = connection.logons[0]!;
    assert.equal(logon.validByFillwatch, true, 'verifyLogonSignature accepts the signature jspurefix received');
    assert.equal(logon.validIndependently, true, 'node:crypto accepts it over the payload rebuilt from kalshi-fix.md §2.2');
    assert.match(logon.sendingTime, /^\d{8}-\d{2}:\d{2}:\d{2}\.\d{3}$/);
    assert.deepEqual([logon.msgSeqNum, logon.senderCompId, logon.targetCompId], [1, API_KEY_ID, 'KalshiRT']);
    assert.equal(logon.signature.length, 344);

    // jspurefix decoded every message we sent with no integrity problem, and rejected none.
    for (const m of connection.decoded) assert.deepEqual(m.problems, [], `jspurefix found problems in our ${m.msgType} (seq ${m.msgSeqNum})`);
    assert.deepEqual(connection.decoded.map((m) => [m.msgType, m.msgSeqNum]), [['A', 1], ['0', 2], ['1', 3], ['5', 4]]);
    assert.equal(connection.sent.filter((s) => s.msgType === '3').length, 0, 'jspurefix sent no Reject');
    assert.deepEqual(connection.applicationMessages, [], 'a listener sends no application messages');

    // Our Logon as jspurefix's dictionary typed it: the listener profile of kalshi-fix.md §2.1.
    const logonObject = connection.decoded[0]!.object;
    assert.equal(logonObject['StandardHeader']?.BeginString, 'FIXT.1.1');
    assert.equal(logonObject['EncryptMethod'], 0);
    assert.equal(logonObject['HeartBtInt'], 30);
    assert.equal(logonObject['ResetSeqNumFlag'], true);
    assert.equal(logonObject['DefaultApplVerID'], '9');
    assert.equal(logonObject['ListenerSession'], true);
    assert.equal(logonObject['SkipPendingExecReports'], true);
    assert.equal(logonObject['UseDollars'], true);
    assert.equal(logonObject['RawDataLength'], 344);

    // Heartbeat answers in both directions echo the TestReqID.
    assert.equal(connection.decoded[1]!.object['TestReqID'], ACCEPTOR_TEST_REQ_ID);
    const ourTestRequest = connection.decoded[2]!.object['TestReqID'];
    const heartbeatFromJspurefix = connection.sent.find((s) => s.msgType === '0');
    assert.ok(heartbeatFromJspurefix?.text.includes(`|112=${String(ourTestRequest)}|`), 'jspurefix echoed our TestReqID');

    // Clean logout: we sent Logout, jspurefix answered with Logout, and its session ended without error.
    assert.deepEqual(connection.stopped, { error: undefined });
    assert.equal(connection.sent.at(-1)?.msgType, '5');
    assert.equal(listener.accepted.at(-1)?.msgType, '5', 'we received jspurefix\'s Logout reply');
    const lastDisconnect = listener.events.filter((e) => e.kind === 'disconnected').at(-1);
    assert.deepEqual(lastDisconnect, { kind: 'disconnected', reason: { kind: 'logout-complete' } });

    // Fillwatch: every ExecID exactly once, every decimal string exactly as jspurefix wrote it.
    assert.deepEqual(listener.fatal, []);
    assert.deepEqual(listener.undecodable, []);
    const problems = listener.events.filter((e) => ['frame-error', 'decode-error', 'reject-received', 'unexpected-message', 'seq-gap'].includes(e.kind));
    assert.deepEqual(problems, []);
    assert.equal(listener.recorder.duplicatesSkipped, 0);
    assert.deepEqual(listener.records.map((r) => r.execId), expected.map((e) => e.execId));
    listener.records.forEach((record, i) => {
      const e = expected[i]!;
      assert.deepEqual(
        {
          orderId: record.orderId, clOrdId: record.clOrdId, execType: record.execType, ordStatus: record.ordStatus,
          side: record.side, symbol: record.symbol, lastQty: record.lastQty, lastPx: record.lastPx,
          cumQty: record.cumQty, leavesQty: record.leavesQty, avgPx: record.avgPx, transactTime: record.transactTime, fee: record.fee,
        },
        {
          orderId: e.orderId, clOrdId: e.clOrdId, execType: e.execType, ordStatus: e.ordStatus,
          side: e.side, symbol: e.symbol, lastQty: e.lastQty, lastPx: e.lastPx,
          cumQty: e.cumQty, leavesQty: e.leavesQty, avgPx: e.avgPx, transactTime: e.transactTime, fee: e.fee,
        },
        `record ${i} (${e.execId})`,
      );
    });
    // 38 and 44 are not in the record; read them from the messages the session accepted.
    const reports = listener.accepted.filter((m) => m.msgType === '8').map((m) => readExecutionReport(m.message!));
    assert.deepEqual(reports.map((r) => [r.orderQty, r.price]), expected.map((e) => [e.orderQty, e.price]));
    // In sequence after jspurefix's Logon (1) and TestRequest (2).
    assert.deepEqual(listener.records.map((r) => r.msgSeqNum), expected.map((_, i) => i + 3));
  });

  test('a Logon signed with a key other than the registered one is refused by jspurefix', async () => {
    const { acceptor, listener, explain } = await start(other.privateKeyPem, 1);
    try {
      await waitFor(() => acceptor.connections[0]?.stopped !== undefined, 'jspurefix to refuse the logon', explain);
      await waitFor(() => listener.fatal.length > 0 || listener.events.some((e) => e.kind === 'reconnect-scheduled'), 'our session to react', explain);
      // A refused Logon is final: the session stops by itself rather than retry with the same key.
      if (listener.fatal.length > 0) await listener.finished;
    } finally {
      await listener.recorder.stop();
      await acceptor.stop();
    }
    assert.equal(acceptor.connections.length, 1);
    assert.equal(listener.events.filter((e) => e.kind === 'connecting').length, 1, 'no reconnect after a refused Logon');
    const connection = acceptor.connections[0]!;
    assert.equal(connection.logons.length, 1);
    assert.equal(connection.logons[0]!.validByFillwatch, false);
    assert.equal(connection.logons[0]!.validIndependently, false);
    assert.deepEqual(connection.sent.map((s) => s.msgType), ['5'], 'jspurefix answered with Logout only, no Logon');
    assert.match(connection.sent[0]!.text, /\|58=logon rejected by application\|/);
    assert.deepEqual(connection.stopped, { error: 'logon rejected by application' });
    assert.deepEqual(listener.records, []);
    assert.deepEqual(listener.fatal, [{ kind: 'logon-rejected', text: 'logon rejected by application', retryable: false }]);
  });

  test('a Logon without RawDataLength(95), as Kalshi\'s examples show it, still verifies at jspurefix', async () => {
    const { acceptor, listener, explain } = await start(ours.privateKeyPem, 1, { sendRawDataLength: false });
    try {
      await waitFor(() => listener.records.length === 1, 'one execution record', explain);
    } finally {
      await listener.recorder.stop();
      await acceptor.stop();
    }
    const connection = acceptor.connections[0]!;
    const logon = connection.logons[0]!;
    assert.equal(logon.validByFillwatch && logon.validIndependently, true);
    assert.equal(logon.signature.length, 344);
    const decodedLogon = connection.decoded[0]!;
    assert.deepEqual(decodedLogon.problems, []);
    assert.equal(decodedLogon.object['RawDataLength'], undefined);
    assert.deepEqual(listener.records.map((r) => r.execId), generateExecutionReports(1).map((r) => r.expected.execId));
  });
});

/** What each side saw, for a timeout message: a bare "timed out" says nothing about the other engine. */
function explain(acceptor: RunningAcceptor, listener: RunningListener): string {
  const connections = acceptor.connections.flatMap((c, i) => [
    `  jspurefix connection ${i} decoded: ${c.decoded.map((m) => `${m.msgType}#${m.msgSeqNum}${m.problems.length > 0 ? ` [${m.problems.join('; ')}]` : ''}`).join(' ')}`,
    `  jspurefix connection ${i} sent: ${c.sent.map((m) => (m.msgType === '3' || m.msgType === '5' ? m.text : m.msgType)).join(' ')}`,
    `  jspurefix connection ${i} logons: ${JSON.stringify(c.logons.map((l) => [l.validByFillwatch, l.validIndependently]))} stopped: ${JSON.stringify(c.stopped)}`,
  ]);
  return [
    `  jspurefix connections: ${acceptor.connections.length}`,
    ...connections,
    `  Fillwatch events: ${listener.events.map((e) => e.kind).join(', ')}`,
    `  Fillwatch records: ${listener.records.length}, fatal: ${JSON.stringify(listener.fatal)}, undecodable: ${listener.undecodable.length}`,
  ].join('\n');
}
