// alert-transitions.ts — the one table of review moves an alert may make, and the checks every review
// passes (reviewer, comment, time), each refusal one sentence. Pure and shared, so the journal's alert
// store enforces exactly what the Alerts view offers.
//
// open → acknowledged | escalated | closed; acknowledged ⇄ escalated; either → closed. A closed alert
// is reopened only by an explicit review to 'open' (with its comment, like any other move): reopening
// is a decision someone must own, never a side effect of the rules raising the alert again.
import type { AlertState } from './alert.ts';

export const ALERT_TRANSITIONS: Readonly<Record<AlertState, readonly AlertState[]>> = {
  open: ['acknowledged', 'escalated', 'closed'],
  acknowledged: ['escalated', 'closed'],
  escalated: ['acknowledged', 'closed'],
  closed: ['open'],
};

export const MAX_REVIEWER_LENGTH = 120;
export const MAX_COMMENT_LENGTH = 4000;

export function canMove(from: AlertState, to: AlertState): boolean {
  return ALERT_TRANSITIONS[from].includes(to);
}

export interface ReviewCheck {
  readonly from: AlertState;
  readonly to: AlertState;
  readonly reviewer: string;
  readonly comment: string;
  readonly at: number;
  /** When the alert's previous review was made (its history stays in time order), or null. */
  readonly previousAt: number | null;
}

/** Why this review cannot be recorded, in one sentence, or undefined when it can. */
export function reviewRefusal(review: ReviewCheck): string | undefined {
  const { from, to } = review;
  if (from === to) return `The alert is already ${from}.`;
  if (!canMove(from, to)) {
    const allowed = ALERT_TRANSITIONS[from];
    return `An alert that is ${from} cannot be moved to ${to}; it can be moved to ${allowed.join(' or ')}.`;
  }
  if (review.reviewer.trim() === '') return 'A review needs the reviewer\'s name.';
  if (review.reviewer.length > MAX_REVIEWER_LENGTH) return `The reviewer's name is longer than ${MAX_REVIEWER_LENGTH} characters.`;
  if (review.comment.trim() === '') return 'A review needs a comment saying why.';
  if (review.comment.length > MAX_COMMENT_LENGTH) return `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`;
  if (!Number.isSafeInteger(review.at) || review.at < 0) return 'A review needs its time (epoch milliseconds).';
  if (review.previousAt !== null && review.at < review.previousAt) {
    return `A review cannot be dated before the alert's previous review (${new Date(review.previousAt).toISOString()}).`;
  }
  return undefined;
}
