// arrival-highlight.ts — how a row that arrived live is highlighted by its age: 'new', then 'fading',
// then plain (two class changes, not a CSS animation: a running animation anywhere in the grid made
// Chromium repaint it every frame). The grid computes every drawn row's stage when it renders and sets
// one timer for the next change, instead of two timers and two state updates per row. Pure.

export type ArrivalStage = 'new' | 'fading' | 'none';

export const NEW_MS = 700;
export const FADING_MS = 1_500;

/** The stage at `ageMs` since arrival; a row from a snapshot (no arrival time) is plain. */
export function arrivalStage(ageMs: number | undefined): ArrivalStage {
  if (ageMs === undefined) return 'none';
  return ageMs < NEW_MS ? 'new' : ageMs < FADING_MS ? 'fading' : 'none';
}

/** Milliseconds until the stage at `ageMs` changes; Infinity once plain. */
export function untilNextStage(ageMs: number | undefined): number {
  if (ageMs === undefined) return Number.POSITIVE_INFINITY;
  return ageMs < NEW_MS ? NEW_MS - ageMs : ageMs < FADING_MS ? FADING_MS - ageMs : Number.POSITIVE_INFINITY;
}
