// simulator.ts — KalshiSimulator, a local stand-in for Kalshi's FIX listener endpoint (kalshi-fix.md
// §1–§4): a node:tls server whose connections are AcceptorSessions, one deterministic ER stream per
// registered API key, session records that outlive connections, and faults on demand. Composition
// only: the protocol rules live in acceptor-session.ts, logon-check.ts and message-store.ts, the
// reports in er-generator.ts. Never imports electron; never listens anywhere but where it is told.
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:tls';
import type { Server, TLSSocket } from 'node:tls';
import type { FixMessage } from '../core/fix/decode.ts';
import { MsgType } from '../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../core/fix/time.ts';
import { AccountStream } from './account-stream.ts';
import type { ReportSink } from './account-stream.ts';
import { AcceptorSession } from './acceptor-session.ts';
import type { AcceptorHooks, ErDelivery } from './acceptor-hooks.ts';
import type { RefusedApplicationMessage, SimulatorAccount, SimulatorEvents, SimulatorOptions } from './simulator-options.ts';
import { createCertificateAuthority, issueServerCertificate } from './certs.ts';
import { DropCopyEndpoint } from './dc-endpoint.ts';
import { DEFAULT_MARKETS, ExecutionReportGenerator } from './er-generator.ts';
import { CounterpartyGenerator } from './counterparty.ts';
import { renderExecutionReport } from './er-render.ts';
import { describeFault, isSchedule } from './faults.ts';
import type { Fault, FaultRequest, FaultSchedule } from './faults.ts';

export type { ErSentEvent, RefusedApplicationMessage, SimulatorAccount, SimulatorEvents, SimulatorOptions } from './simulator-options.ts';
export type { Fault, FaultRequest, FaultSchedule } from './faults.ts';
import { describeLogonRefusal } from './logon-check.ts';
import type { ListenerTarget } from './logon-check.ts';
import { DEFAULT_RETAINED_MESSAGES, SessionRecords } from './message-store.ts';
import type { SessionRecord } from './message-store.ts';

interface Scheduled {
  readonly schedule: FaultSchedule;
  count: number;
}

export class KalshiSimulator extends EventEmitter<SimulatorEvents> {
  readonly #options: SimulatorOptions;
  readonly #now: () => number;
  readonly #log: (line: string) => void;
  readonly #publicKeys = new Map<string, string>();
  readonly #records: SessionRecords;
  readonly #streams = new Map<string, AccountStream>();
  readonly #active = new Map<string, AcceptorSession>();
  readonly #connections = new Set<AcceptorSession>();
  /** The session an account last logged on to: where ERs go while it is offline. */
  readonly #lastRecord = new Map<string, SessionRecord>();
  readonly #pending: Array<{ fault: Fault; apiKeyId: string | undefined }> = [];
  readonly #schedules: Scheduled[] = [];
  readonly #sentExecIds = new Set<string>();
  readonly #execIdsByAccount = new Map<string, string[]>();
  readonly #refused: RefusedApplicationMessage[] = [];
  #server: Server | undefined;
  #caCertPem: string | undefined;
  /**
   * The KalshiDC endpoint on the same port (TargetCompID picks it): replays every ER each account
   * generated in the last 3 hours of stream time. Tests stage EventResendRejects through it.
   */
  readonly dropCopy = new DropCopyEndpoint();

  constructor(options: SimulatorOptions) {
    super();
    if (options.accounts.length === 0) throw new RangeError('The simulator needs at least one registered account.');
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => {});
    this.#records = new SessionRecords(options.retainedMessages ?? DEFAULT_RETAINED_MESSAGES);
    const startTimeMs = options.startTimeMs ?? this.#now();
    for (const account of options.accounts) {
      this.#publicKeys.set(account.apiKeyId, account.publicKeyPem);
      const generatorOptions = (a: SimulatorAccount) => ({
        seed: a.seed ?? options.seed ?? 1,
        markets: options.markets ?? DEFAULT_MARKETS,
        startTimeMs,
        ...(options.totalReports === undefined ? {} : { total: options.totalReports }),
        ...(a.mix === undefined ? {} : { mix: a.mix }),
      });
      const other = account.counterpartyOf === undefined ? undefined : options.accounts.find((a) => a.apiKeyId === account.counterpartyOf);
      if (account.counterpartyOf !== undefined && other === undefined) throw new RangeError(`counterpartyOf names ${account.counterpartyOf}, which is not an account of this simulator.`);
      const generator = other === undefined ? new ExecutionReportGenerator(generatorOptions(account)) : new CounterpartyGenerator(generatorOptions(other));
      const ids: string[] = [];
      this.#execIdsByAccount.set(account.apiKeyId, ids);
      const stream = new AccountStream({
        apiKeyId: account.apiKeyId,
        generator,
        ratePerSecond: options.ratePerSecond ?? 10,
        onGenerated: (report) => {
          ids.push(report.execId);
          this.#sentExecIds.add(report.execId);
          this.dropCopy.record(account.apiKeyId, report);
        },
        onComplete: () => this.emit('stream-complete', { apiKeyId: account.apiKeyId }),
      });
      this.#streams.set(account.apiKeyId, stream);
    }
    for (const request of options.faults ?? []) this.injectFault(request);
  }

  /** Every ExecID generated so far (sent live, withheld by a fault, queued offline or lost on NR). */
  get sentExecIds(): ReadonlySet<string> {
    return this.#sentExecIds;
  }

  /** One account's ExecIDs in stream order. */
  execIdsFor(apiKeyId: string): readonly string[] {
    return this.#execIdsByAccount.get(apiKeyId) ?? [];
  }

  /** Every application message a client tried to send; each was refused and its connection closed. */
  get refusedApplicationMessages(): readonly RefusedApplicationMessage[] {
    return this.#refused;
  }

  /** PEM of the CA that signed the server certificate, when the simulator made its own. */
  get caCertPem(): string | undefined {
    return this.#caCertPem;
  }

  get address(): { host: string; port: number } | undefined {
    const a = this.#server?.address();
    return a === null || a === undefined || typeof a === 'string' ? undefined : { host: (a as AddressInfo).address, port: (a as AddressInfo).port };
  }

  /** True while a connection is logged on with this API key (the one-connection-per-key slot is taken). */
  isLoggedOn(apiKeyId: string): boolean {
    return this.#active.has(apiKeyId);
  }

  /** Sequence state of one session (tests peek at it; undefined before its first Logon). */
  session(apiKeyId: string, target: ListenerTarget): { nextOutSeq: number; nextInSeq: number; resetRequired: boolean } | undefined {
    const r = this.#records.find(apiKeyId, target);
    return r === undefined ? undefined : { nextOutSeq: r.nextOutSeq, nextInSeq: r.nextInSeq, resetRequired: r.resetRequired };
  }

  async start(): Promise<{ host: string; port: number }> {
    if (this.#server !== undefined) throw new Error('The simulator is already started.');
    const host = this.#options.host ?? '127.0.0.1';
    let tls = this.#options.tls;
    if (tls === undefined) {
      const ca = createCertificateAuthority();
      this.#caCertPem = ca.certPem;
      tls = issueServerCertificate(ca, [...new Set([host, 'localhost', '127.0.0.1'])]);
    }
    // Kalshi requires TLS 1.2 or higher (§1).
    const server = createServer({ cert: tls.certPem, key: tls.keyPem, minVersion: 'TLSv1.2' }, (socket) => this.#accept(socket));
    server.on('tlsClientError', (e) => this.#log(`TLS handshake failed: ${e.message}`));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = this.address!;
    this.#log(`Kalshi simulator listening on ${address.host}:${address.port}`);
    return address;
  }

  async stop(): Promise<void> {
    for (const stream of this.#streams.values()) stream.stop();
    const server = this.#server;
    this.#server = undefined;
    for (const connection of this.#connections) connection.destroy();
    if (server === undefined) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Stages a fault. A schedule repeats for as long as the simulator runs; a single fault goes to the
   * logged-on connection of `apiKeyId` (or of any account), or waits for the next Logon — except
   * maintenance-reset, which with nobody connected resets the sessions at once.
   */
  injectFault(request: FaultRequest, apiKeyId?: string): void {
    if (isSchedule(request)) {
      if (!Number.isSafeInteger(request.every) || request.every < 1) throw new RangeError('A fault schedule needs every >= 1.');
      this.#schedules.push({ schedule: request, count: 0 });
      return;
    }
    const session = apiKeyId === undefined ? this.#active.values().next().value : this.#active.get(apiKeyId);
    if (session !== undefined) {
      this.#apply(session, request);
    } else if (request.kind === 'maintenance-reset') {
      // Nobody to log out: maintenance just resets the sessions, and the next Logon must carry 141=Y.
      for (const [key, record] of this.#lastRecord) {
        if (apiKeyId !== undefined && key !== apiKeyId) continue;
        record.reset();
        record.resetRequired = true;
      }
    } else {
      this.#pending.push({ fault: request, apiKeyId });
    }
  }

  #apply(session: AcceptorSession, fault: Fault): void {
    this.#log(`fault: ${describeFault(fault)}`);
    this.emit('fault', { apiKeyId: session.apiKeyId!, fault });
    session.applyFault(fault);
  }

  #accept(socket: TLSSocket): void {
    const session = new AcceptorSession(socket, {
      publicKeys: this.#publicKeys,
      records: this.#records,
      now: this.#now,
      heartbeatUnitMs: this.#options.heartbeatUnitMs ?? 1000,
      heartbeatGraceMs: this.#options.heartbeatGraceMs ?? 2000,
      logonTimeoutMs: this.#options.logonTimeoutMs ?? 10_000,
      hooks: this.#hooks,
      log: this.#log,
      dropCopy: this.dropCopy,
    });
    this.#connections.add(session);
  }

  readonly #hooks: AcceptorHooks = {
    claim: (apiKeyId, session) => {
      if (this.#active.has(apiKeyId)) return false;
      this.#active.set(apiKeyId, session);
      return true;
    },
    onActive: (session, logon) => {
      const record = session.record!;
      this.#lastRecord.set(logon.apiKeyId, record);
      this.emit('logon', { apiKeyId: logon.apiKeyId, target: logon.target, resetSeqNum: logon.resetSeqNum, nextOutSeq: record.nextOutSeq });
      for (let i = 0; i < this.#pending.length; ) {
        const p = this.#pending[i]!;
        if (p.apiKeyId !== undefined && p.apiKeyId !== logon.apiKeyId) {
          i++;
          continue;
        }
        this.#pending.splice(i, 1);
        this.#apply(session, p.fault);
        if (!session.isActive) return; // the fault ended the session
      }
      this.#streams.get(logon.apiKeyId)?.attach(session);
    },
    onLogonRefused: (apiKeyId, refusal) => this.emit('logon-refused', { apiKeyId, refusal, text: describeLogonRefusal(refusal) }),
    onApplicationMessage: (session, msg) => this.#recordRefused(session, msg),
    onErSent: (session, report, msgSeqNum, delivery) => {
      const apiKeyId = session.apiKeyId!;
      this.emit('er-sent', { apiKeyId, target: session.target!, execId: report.execId, msgSeqNum, delivery, report });
      for (const s of this.#schedules) {
        if (++s.count % s.schedule.every === 0 && session.isActive) this.#apply(session, s.schedule.fault);
      }
    },
    onLogout: (session, text, initiator) =>
      this.emit('logout', { apiKeyId: session.apiKeyId!, target: session.target!, text, initiator }),
    onClose: (session, reason) => {
      this.#connections.delete(session);
      const apiKeyId = session.apiKeyId;
      if (apiKeyId !== undefined && this.#active.get(apiKeyId) === session) {
        this.#active.delete(apiKeyId);
        const stream = this.#streams.get(apiKeyId);
        const record = this.#lastRecord.get(apiKeyId);
        if (stream !== undefined) {
          stream.detach(session);
          if (this.#options.streamWhileDisconnected === true && record !== undefined && this.#server !== undefined) {
            stream.attach(this.#offlineSink(record));
          }
        }
      }
      this.#log(`disconnect ${apiKeyId ?? '(no session)'}: ${reason}`);
      this.emit('disconnect', { apiKeyId, target: session.target, reason });
    },
  };

  #recordRefused(session: AcceptorSession, msg: FixMessage): void {
    const entry: RefusedApplicationMessage = {
      apiKeyId: session.apiKeyId ?? (this.#publicKeys.has(msg.senderCompId) ? msg.senderCompId : undefined),
      msgType: msg.msgType,
      msgSeqNum: msg.msgSeqNum,
      display: msg.toDisplayString(),
      atMs: this.#now(),
    };
    this.#refused.push(entry);
    this.#log(`refused application message 35=${entry.msgType} from ${entry.apiKeyId ?? 'unknown'}`);
    this.emit('application-message-refused', entry);
  }

  /** Where an account's ERs go while nobody is logged on: stored for resend on RT, lost on NR. */
  #offlineSink(record: SessionRecord): ReportSink {
    return {
      ready: true,
      onceReady: () => {},
      deliver: (report) => {
        const body = renderExecutionReport(report, record.render);
        const msgSeqNum = record.allocateApp(MsgType.ExecutionReport, body, formatUtcTimestamp(this.#now()));
        const delivery: ErDelivery = record.retains ? 'queued' : 'lost';
        this.emit('er-sent', { apiKeyId: record.apiKeyId, target: record.target, execId: report.execId, msgSeqNum, delivery, report });
      },
    };
  }
}
