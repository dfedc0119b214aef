// jspurefix-acceptor.ts — starts jspurefix's own TLS acceptor (TcpAcceptorListener over node:tls,
// built by its SessionContainer exactly as its SessionLauncher does) in this process, configured
// like KalshiRT: FIXT.1.1, DefaultApplVerID 9, SenderCompID "KalshiRT", TargetCompID = the API key
// ID, the Kalshi FIX50SP2 subset dictionary. Each accepted connection runs a KalshiAcceptorSession.
// Test support only: listens on loopback ports the caller chose and stops everything it started.
import './reflect-polyfill.ts';
import { createConnection } from 'node:net';
import {
  DITokens, EmptyLogFactory, JsFixWinstonLogFactory, SessionContainer, WinstonLogger,
  type FixEntity, type IJsFixConfig, type ISessionDescription, type JsFixLoggerFactory,
} from 'jspurefix';
import { emptyObservations, KalshiAcceptorSession, type AcceptorObservations, type AcceptorScript } from './kalshi-acceptor-session.ts';

export interface AcceptorOptions {
  readonly port: number;
  /** Server certificate and key (PEM), e.g. from electron/simulator/certs.ts. */
  readonly certPem: string;
  readonly keyPem: string;
  /** Our SenderCompID: the acceptor's TargetCompID. */
  readonly apiKeyId: string;
  /** Absolute path of the dictionary jspurefix loads (see kalshi-dictionary.ts). */
  readonly dictionaryPath: string;
  readonly script: AcceptorScript;
}

export interface RunningAcceptor {
  /** One entry per accepted connection, in order. */
  readonly connections: AcceptorObservations[];
  /** Asks the session of the latest connection to log out (jspurefix sends the Logout). */
  logoutLatest(): void;
  /** Closes the listener and every connection; resolves when jspurefix reports the listener closed. */
  stop(): Promise<void>;
}

/** Set FILLWATCH_INTEROP_LOG=1 to see jspurefix's own log on the console. */
function logFactory(): JsFixLoggerFactory {
  return process.env['FILLWATCH_INTEROP_LOG'] === '1'
    ? new JsFixWinstonLogFactory(WinstonLogger.consoleOptions('info'))
    : new EmptyLogFactory();
}

export function kalshiRtDescription(options: Omit<AcceptorOptions, 'script'>): ISessionDescription {
  return {
    application: {
      name: 'KalshiRT',
      type: 'acceptor',
      protocol: 'ascii',
      dictionary: options.dictionaryPath,
      resilient: false,
      reconnectSeconds: 0,
      tcp: {
        host: '127.0.0.1',
        port: options.port,
        tls: {
          // Kalshi does not use client certificates: request none, and tell jspurefix an
          // unauthenticated client is expected (it drops it otherwise).
          requestCert: false,
          rejectUnauthorized: false,
          nodeTlsServerOptions: { key: options.keyPem, cert: options.certPem, minVersion: 'TLSv1.2' },
        },
      },
    },
    Name: 'KalshiRT',
    BeginString: 'FIXT.1.1',
    SenderCompId: 'KalshiRT',
    TargetCompID: options.apiKeyId,
    HeartBtInt: 30,
    // Echo 141=Y on the Logon reply when the peer asked for a reset, as FIX requires.
    ResetSeqNumFlag: true,
    // Empty values are omitted by jspurefix's encoder: Kalshi sends no SubIDs, Username or Password.
    SenderSubID: '',
    TargetSubID: '',
    Username: '',
    Password: '',
    Logon: { DefaultApplVerID: '9' },
  };
}

export async function startJspurefixAcceptor(options: AcceptorOptions): Promise<RunningAcceptor> {
  const connections: AcceptorObservations[] = [];
  const sessions: KalshiAcceptorSession[] = [];
  const container = new SessionContainer();
  container.registerGlobal(logFactory());
  const scope = await container.makeSystem(kalshiRtDescription(options));
  // TcpAcceptorListener resolves this token once per accepted connection, from that connection's scope.
  scope.register(DITokens.FixSession, {
    useFactory: (c) => {
      const observed = emptyObservations();
      const session = new KalshiAcceptorSession(c.resolve<IJsFixConfig>(DITokens.IJsFixConfig), options.script, observed);
      connections.push(observed);
      sessions.push(session);
      return session;
    },
  });
  const listener = scope.resolve<FixEntity & { stop(): void }>(DITokens.FixEntity);
  const listening = listener.start();
  await waitForPort(options.port);
  return {
    connections,
    logoutLatest: () => sessions.at(-1)?.logout(),
    stop: async () => {
      listener.stop();
      await listening;
    },
  };
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port (jspurefix binds asynchronously). */
async function waitForPort(port: number, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`jspurefix did not start listening on port ${port} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
