// alert-input.ts — what the alert store accepts from outside: alerts from the rules engine (checked
// field by field, since they may have crossed a thread as plain data) and the one error type the store
// throws for a request it refuses, each with one sentence. Also the evidence arithmetic (merge, what is
// new), kept here so the store and the queries agree on it. Pure.
import { RULE_IDS, SEVERITIES, type AlertEvidence, type SurveillanceAlert } from '../../../shared/surveillance/alert.ts';

export type AlertStoreErrorKind = 'invalid-alert' | 'unknown-alert' | 'refused-review';

export class AlertStoreError extends Error {
  override readonly name = 'AlertStoreError';
  readonly kind: AlertStoreErrorKind;
  /** The alert concerned, when the request named one. */
  readonly alertId: string | undefined;
  constructor(kind: AlertStoreErrorKind, message: string, alertId?: string) {
    super(message);
    this.kind = kind;
    this.alertId = alertId;
  }
}

const MAX_TEXT = 10_000;

/** Throws AlertStoreError('invalid-alert') naming the first field that is wrong. */
export function checkAlert(value: SurveillanceAlert): void {
  const a = value as unknown as Record<string, unknown>;
  const name = typeof a['id'] === 'string' && a['id'] !== '' ? `Alert "${a['id']}"` : 'An alert';
  const fail = (field: string, want: string): never => {
    throw new AlertStoreError('invalid-alert', `${name} was not recorded: ${field} must be ${want}.`);
  };
  const text = (field: string, allowEmpty = false) => {
    const v = a[field];
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '') || v.length > MAX_TEXT) fail(field, `${allowEmpty ? 'a' : 'a non-empty'} string of at most ${MAX_TEXT} characters`);
  };
  const time = (field: string) => {
    if (!Number.isSafeInteger(a[field]) || (a[field] as number) < 0) fail(field, 'a time in epoch milliseconds');
  };
  text('id');
  if (!RULE_IDS.includes(a['ruleId'] as never)) fail('ruleId', `one of ${RULE_IDS.join(', ')}`);
  if (!Number.isSafeInteger(a['rulesVersion']) || (a['rulesVersion'] as number) < 0) fail('rulesVersion', 'a whole number');
  if (!SEVERITIES.includes(a['severity'] as never)) fail('severity', `one of ${SEVERITIES.join(', ')}`);
  if (!isStringArray(a['accountIds'])) fail('accountIds', 'a list of account ids');
  if (a['market'] !== null && typeof a['market'] !== 'string') fail('market', 'a ticker or null');
  time('raisedAt');
  text('episodeKey', true);
  text('title');
  text('text');
  if (a['suppressedBy'] !== null && typeof a['suppressedBy'] !== 'string') fail('suppressedBy', 'an allow-list entry or null');
  const evidence = a['evidence'] as Record<string, unknown> | null | undefined;
  if (typeof evidence !== 'object' || evidence === null) return fail('evidence', 'an object');
  const executions = evidence['executions'];
  const validExecutions = Array.isArray(executions) && executions.every((e: unknown) => {
    const x = e as Record<string, unknown> | null;
    return typeof x === 'object' && x !== null && typeof x['accountId'] === 'string' && typeof x['execId'] === 'string' && x['execId'] !== '';
  });
  if (!validExecutions) fail('evidence.executions', 'a list of { accountId, execId }');
  if (!isStringArray(evidence['orderIds'])) fail('evidence.orderIds', 'a list of OrderIDs');
  if (evidence['note'] !== undefined && typeof evidence['note'] !== 'string') fail('evidence.note', 'text');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The evidence as stored: fixed key order, no extra fields, so its JSON is the same for the same content. */
export function normalEvidence(evidence: AlertEvidence): AlertEvidence {
  return {
    executions: evidence.executions.map((e) => ({ accountId: e.accountId, execId: e.execId })),
    orderIds: [...evidence.orderIds],
    ...(evidence.note === undefined ? {} : { note: evidence.note }),
  };
}

const executionKey = (e: { accountId: string; execId: string }) => `${e.accountId}\u0000${e.execId}`;

/** Everything cited so far, first raise first; each execution and order once. */
export function mergeEvidence(parts: readonly AlertEvidence[]): AlertEvidence {
  const executions = new Map<string, { accountId: string; execId: string }>();
  const orderIds = new Set<string>();
  for (const part of parts) {
    for (const e of part.executions) if (!executions.has(executionKey(e))) executions.set(executionKey(e), { accountId: e.accountId, execId: e.execId });
    for (const id of part.orderIds) orderIds.add(id);
  }
  const note = parts[0]?.note;
  return { executions: [...executions.values()], orderIds: [...orderIds], ...(note === undefined ? {} : { note }) };
}

/** What `next` cites that `known` does not (its note too, when it differs), or undefined if nothing. */
export function newEvidence(known: AlertEvidence, notes: readonly (string | undefined)[], next: AlertEvidence): AlertEvidence | undefined {
  const seen = new Set(known.executions.map(executionKey));
  const orders = new Set(known.orderIds);
  const executions = next.executions.filter((e) => !seen.has(executionKey(e)));
  const orderIds = next.orderIds.filter((id) => !orders.has(id));
  const note = next.note !== undefined && !notes.includes(next.note) ? next.note : undefined;
  if (executions.length === 0 && orderIds.length === 0 && note === undefined) return undefined;
  return normalEvidence(mergeEvidence([{ executions, orderIds, ...(note === undefined ? {} : { note }) }]));
}
