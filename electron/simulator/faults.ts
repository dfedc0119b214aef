// faults.ts — the misbehaviours the simulator can stage on demand (kalshi-fix.md §3 failure modes):
// what each fault is, its one-sentence description, and the CLI spelling (`drop-after:500`). Also the
// per-connection arming state that says, message by message, what the next write must do wrong.
// Never touches a socket itself: acceptor-session.ts acts on the decisions made here.
import { Buffer } from 'node:buffer';
import { assertNever } from '../../shared/assert-never.ts';
import { isMalformedDefect, MALFORMED_DEFECTS, type MalformedDefect } from './malformed-defects.ts';

export type Fault =
  /** Destroy the socket abruptly after `messages` more application messages (0 = now). */
  | { readonly kind: 'drop-after'; readonly messages: number }
  /** Write raw bytes that are not FIX between two messages. */
  | { readonly kind: 'garbage'; readonly bytes?: Buffer }
  /** Send the next message with a wrong CheckSum(10). */
  | { readonly kind: 'bad-checksum' }
  /** Consume `skip` sequence numbers without sending them live (RT keeps them for resend; NR loses them). */
  | { readonly kind: 'seq-gap'; readonly skip: number }
  /** Stop sending Heartbeats and stop answering TestRequests on this connection. */
  | { readonly kind: 'silent-heartbeat' }
  /** Send Logout(58=text) and close. */
  | { readonly kind: 'logout'; readonly text: string }
  /**
   * Weekly maintenance (kalshi-fix.md §1, older session-management page): Logout "Scheduled
   * maintenance", close, and reset the session — both sequence numbers back to 1, the RT resend store
   * emptied. Our choice: the next Logon MUST carry 141=Y (without it: Logout "Sequence numbers were
   * reset by scheduled maintenance; …"), on RT as on NR. The ER stream itself continues.
   */
  | { readonly kind: 'maintenance-reset' }
  /** Send the next ExecutionReport correctly framed but with a field that breaks a FIX rule (resends keep it). */
  | { readonly kind: 'malformed'; readonly defect: MalformedDefect };

/** Repeats `fault` after every `every` application messages sent live (counted across connections). */
export interface FaultSchedule {
  readonly every: number;
  readonly fault: Fault;
}

export type FaultRequest = Fault | FaultSchedule;

export const DEFAULT_GARBAGE = Buffer.from('\x00\xffgarbage-not-fix\x01 \r\n', 'latin1');
export const MAINTENANCE_TEXT = 'Scheduled maintenance';

export function isSchedule(request: FaultRequest): request is FaultSchedule {
  return 'every' in request;
}

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'drop-after':
      return `Drop the connection after ${fault.messages} more application message(s).`;
    case 'garbage':
      return `Write ${(fault.bytes ?? DEFAULT_GARBAGE).length} bytes of non-FIX garbage on the connection.`;
    case 'bad-checksum':
      return 'Send the next message with a wrong CheckSum(10).';
    case 'seq-gap':
      return `Skip ${fault.skip} sequence number(s): those messages are not sent live.`;
    case 'silent-heartbeat':
      return 'Stop sending Heartbeats and stop answering TestRequests.';
    case 'logout':
      return `Log the client out with reason "${fault.text}".`;
    case 'maintenance-reset':
      return 'Close the session for scheduled maintenance and reset its sequence numbers.';
    case 'malformed':
      return `Send the next ExecutionReport with a malformed field (${fault.defect}).`;
    default:
      return assertNever(fault, 'fault');
  }
}

export type FaultSpecErrorKind = 'unknown-fault' | 'bad-argument';

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
  readonly kind: FaultSpecErrorKind;

  constructor(kind: FaultSpecErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const SPEC_HELP =
  `drop-after:N, garbage[:TEXT], bad-checksum, seq-gap:N, silent-heartbeat, logout:TEXT, maintenance-reset, malformed:<${Object.keys(MALFORMED_DEFECTS).join('|')}>, or every:N:<fault>`;

/** Parses the CLI spelling: `drop-after:500`, `logout:"bye"`, `every:1000:seq-gap:3`, …. */
export function parseFaultSpec(spec: string): FaultRequest {
  const colon = spec.indexOf(':');
  const name = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? undefined : spec.slice(colon + 1);
  const count = (min: number): number => {
    if (arg === undefined || !/^\d+$/.test(arg) || Number(arg) < min || !Number.isSafeInteger(Number(arg))) {
      throw new FaultSpecError('bad-argument', `Fault "${name}" needs an integer >= ${min}, e.g. ${name}:3 (got "${arg ?? ''}").`);
    }
    return Number(arg);
  };
  const noArg = (): void => {
    if (arg !== undefined) throw new FaultSpecError('bad-argument', `Fault "${name}" takes no argument (got "${arg}").`);
  };
  switch (name) {
    case 'drop-after':
      return { kind: 'drop-after', messages: count(0) };
    case 'garbage':
      return arg === undefined || arg === '' ? { kind: 'garbage' } : { kind: 'garbage', bytes: Buffer.from(arg, 'latin1') };
    case 'bad-checksum':
      noArg();
      return { kind: 'bad-checksum' };
    case 'seq-gap':
      return { kind: 'seq-gap', skip: count(1) };
    case 'silent-heartbeat':
      noArg();
      return { kind: 'silent-heartbeat' };
    case 'logout': {
      const text = unquote(arg ?? '');
      if (text === '') throw new FaultSpecError('bad-argument', 'Fault "logout" needs a reason, e.g. logout:"going away".');
      return { kind: 'logout', text };
    }
    case 'maintenance-reset':
      noArg();
      return { kind: 'maintenance-reset' };
    case 'malformed':
      if (arg === undefined || !isMalformedDefect(arg)) {
        throw new FaultSpecError('bad-argument', `Fault "malformed" needs one of ${Object.keys(MALFORMED_DEFECTS).join(', ')} (got "${arg ?? ''}").`);
      }
      return { kind: 'malformed', defect: arg };
    case 'every': {
      const m = /^(\d+):(.+)$/.exec(arg ?? '');
      if (m === null || Number(m[1]) < 1) throw new FaultSpecError('bad-argument', `Fault schedule needs every:N:<fault> with N >= 1 (got "${spec}").`);
      const inner = parseFaultSpec(m[2]!);
      if (isSchedule(inner)) throw new FaultSpecError('bad-argument', 'A fault schedule cannot contain another schedule.');
      return { every: Number(m[1]), fault: inner };
    }
    default:
      throw new FaultSpecError('unknown-fault', `Unknown fault "${name}"; expected ${SPEC_HELP}.`);
  }
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** What the connection must do with one application message it is about to send. */
export interface AppSendDecision {
  /** Consume the sequence number but do not write the message (seq-gap). */
  readonly withhold: boolean;
  /** Destroy the socket right after this message. */
  readonly dropAfter: boolean;
  /** Send (and keep for resend) this message with a malformed field. */
  readonly defect: MalformedDefect | undefined;
}

/**
 * Faults armed on one connection. The connection asks it before each write; immediate faults
 * (garbage, logout, maintenance-reset) are not held here.
 */
export class ArmedFaults {
  #dropAfter: number | undefined;
  #badChecksums = 0;
  #gap = 0;
  #silent = false;
  readonly #defects: MalformedDefect[] = [];

  get silent(): boolean {
    return this.#silent;
  }

  /** True when a drop-after 0 asks for the socket to go now. */
  arm(fault: Fault): { dropNow: boolean } {
    switch (fault.kind) {
      case 'drop-after':
        this.#dropAfter = fault.messages;
        return { dropNow: fault.messages === 0 };
      case 'bad-checksum':
        this.#badChecksums += 1;
        return { dropNow: false };
      case 'seq-gap':
        this.#gap += fault.skip;
        return { dropNow: false };
      case 'silent-heartbeat':
        this.#silent = true;
        return { dropNow: false };
      case 'malformed':
        this.#defects.push(fault.defect);
        return { dropNow: false };
      case 'garbage':
      case 'logout':
      case 'maintenance-reset':
        throw new RangeError(`Fault ${fault.kind} acts immediately and is not armed.`);
      default:
        return assertNever(fault, 'fault');
    }
  }

  /** Called once per outgoing application message, in order. */
  onAppMessage(): AppSendDecision {
    const withhold = this.#gap > 0;
    if (withhold) this.#gap -= 1;
    let dropAfter = false;
    if (this.#dropAfter !== undefined) {
      this.#dropAfter -= 1;
      if (this.#dropAfter <= 0) {
        this.#dropAfter = undefined;
        dropAfter = true;
      }
    }
    return { withhold, dropAfter, defect: this.#defects.shift() };
  }

  /** Called once per frame about to be written: true = corrupt its checksum. */
  takeBadChecksum(): boolean {
    if (this.#badChecksums === 0) return false;
    this.#badChecksums -= 1;
    return true;
  }
}

/** Rewrites the three CheckSum(10) digits of an encoded frame to a different, still well-formed value. */
export function corruptChecksum(frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  const at = out.length - 4; // `10=NNN` SOH: digits are the 4th..2nd bytes from the end
  const value = Number(out.toString('latin1', at, at + 3));
  out.write(String((value + 1) % 256).padStart(3, '0'), at, 'latin1');
  return out;
}
