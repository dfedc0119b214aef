// machine-io.ts — the vocabulary of the session machine: its phases, the inputs it is fed and the
// effects it asks for. Types only.
import type { FixMessage } from '../fix/decode.ts';
import type { AdminMessage } from './admin-messages.ts';
import type { SessionConfig } from './session-config.ts';
import type { DisconnectReason, SessionEvent } from '../../../shared/events/session-events.ts';
import type { SequenceSnapshot } from './sequence.ts';

export type SessionPhase =
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'logon-sent'; readonly at: number; readonly resetSeqNum: boolean }
  | { readonly kind: 'active'; readonly since: number }
  | { readonly kind: 'logout-sent'; readonly at: number };

export type SessionInput =
  | { readonly kind: 'connected' }
  | { readonly kind: 'message'; readonly message: FixMessage }
  | { readonly kind: 'tick' }
  | { readonly kind: 'disconnected'; readonly reason: DisconnectReason }
  | { readonly kind: 'logout-requested'; readonly text: string };

export type SessionEffect =
  | { readonly kind: 'send'; readonly message: AdminMessage; readonly msgSeqNum: number; readonly possDup: boolean }
  /** An in-sequence message: store it with the new expected number, then hand it on if `application`. */
  | { readonly kind: 'accept'; readonly message: FixMessage; readonly nextInbound: number; readonly application: boolean }
  | { readonly kind: 'sequences-reset'; readonly next: SequenceSnapshot }
  | { readonly kind: 'event'; readonly event: SessionEvent }
  | { readonly kind: 'disconnect'; readonly reason: DisconnectReason };

/** What the machine was built from: the config and the persisted sequence numbers (if any). */
export interface MachineStart {
  readonly config: SessionConfig;
  /** undefined: a fresh session, so the first Logon resets sequence numbers. */
  readonly persisted: SequenceSnapshot | undefined;
}
