// protocol.ts — the messages between the bench and the simulator it runs in a child process (IPC,
// JSON). The simulator lives in its own process so that its work (generating, encoding, encrypting the
// burst) runs on the other core and its memory never counts towards the recorder's RSS. Types only.

/** Bench → simulator. */
export type SimulatorCommand =
  | {
      readonly type: 'start';
      readonly apiKeyId: string;
      readonly publicKeyPem: string;
      /** ERs the first connection receives live before the simulator drops it. */
      readonly liveBeforeDrop: number;
      /** ERs generated after the drop, kept on KalshiRT for resend: the backlog. */
      readonly backlog: number;
      readonly seed: number;
      /** Cork the simulator's socket writes per tick, as an exchange's batched writer would. */
      readonly coalesceWrites: boolean;
      /** ERs per second while a client is logged on; default 0 = as fast as the socket drains. */
      readonly ratePerSecond?: number;
      /** Keep each live ER's ExecID and the time it was handed to the socket (answered by 'stamps'). */
      readonly stampSends?: boolean;
    }
  /** Asks for this process's clock (`clock` report), to relate its stamps to the parent's clock. */
  | { readonly type: 'clock' }
  /** Asks for the send stamps kept since the last ask (`stamps` report). */
  | { readonly type: 'stamps' }
  | { readonly type: 'stop' };

/** Simulator → bench. */
export type SimulatorReport =
  | { readonly type: 'started'; readonly port: number; readonly caPem: string }
  /** Every ER is generated: `live` went out before the drop, `queued` wait on RT for a resend. */
  | { readonly type: 'backlog-ready'; readonly live: number; readonly queued: number; readonly lastErSeq: number; readonly lastExecId: string; readonly atMs: number }
  /** The first connection was dropped by the fault (the backlog starts building now). */
  | { readonly type: 'dropped'; readonly atMs: number }
  | { readonly type: 'logon'; readonly atMs: number; readonly nextOutSeq: number }
  /** A ResendRequest was answered: every frame encoded and handed to the socket. */
  | { readonly type: 'resent'; readonly steps: number; readonly atMs: number }
  /** performance.timeOrigin + performance.now() of the simulator process, in ms. */
  | { readonly type: 'clock'; readonly nowMs: number }
  /** [ExecID, ms on the `clock` above] of each live ER since the last ask, in send order. */
  | { readonly type: 'stamps'; readonly stamps: ReadonlyArray<readonly [string, number]> }
  | { readonly type: 'failed'; readonly error: string };
