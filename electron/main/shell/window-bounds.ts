// window-bounds.ts — where each kind of window opens: the saved bounds, read back with suspicion (a
// hand-edited or half-foreign file gives defaults for what is wrong, never an exception), then fitted
// into the work area of a display that is still there, so a window never opens off-screen after a
// monitor was unplugged or the resolution shrank. Pure: the displays' work areas are passed in.
import { z } from 'zod';

export const WINDOW_KINDS = ['main', 'compact'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SavedBounds extends Rect {
  readonly maximized: boolean;
}

/** Where a window opens: a position only when one was saved and still fits (else the OS centres it). */
export interface Placement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const BOUNDS_FILE_VERSION = 1;

const coordinate = z.int().min(-100_000).max(100_000);
const extent = z.int().min(100).max(100_000);
const savedBoundsSchema = z.strictObject({ x: coordinate, y: coordinate, width: extent, height: extent, maximized: z.boolean() });

/** Each well-formed entry of a bounds file; anything else (wrong version, bad entries, not JSON) is left out. */
export function parseBoundsFile(text: string): Partial<Record<WindowKind, SavedBounds>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const { version, windows } = value as { version?: unknown; windows?: unknown };
  if (version !== BOUNDS_FILE_VERSION || typeof windows !== 'object' || windows === null) return {};
  const result: Partial<Record<WindowKind, SavedBounds>> = {};
  for (const kind of WINDOW_KINDS) {
    const parsed = savedBoundsSchema.safeParse((windows as Record<string, unknown>)[kind]);
    if (parsed.success) result[kind] = parsed.data;
  }
  return result;
}

export function serializeBoundsFile(windows: Partial<Record<WindowKind, SavedBounds>>): string {
  return `${JSON.stringify({ version: BOUNDS_FILE_VERSION, windows }, null, 2)}\n`;
}

/**
 * The saved bounds fitted into the display they overlap most (shrunk to its work area if larger,
 * then moved inside it). Overlapping none of today's displays, the window keeps its size but not its
 * position: the first work area (the primary display) gets it, centred.
 */
export function placeWindow(saved: SavedBounds | undefined, workAreas: readonly Rect[], defaults: { readonly width: number; readonly height: number }): Placement {
  if (saved === undefined) return { ...defaults, maximized: false };
  const best = workAreas
    .map((area) => ({ area, overlap: overlapArea(saved, area) }))
    .reduce<{ area: Rect; overlap: number } | undefined>((a, b) => (a === undefined || b.overlap > a.overlap ? b : a), undefined);
  if (best === undefined) return { width: saved.width, height: saved.height, maximized: saved.maximized };
  const fit = (area: Rect) => ({ width: Math.min(saved.width, area.width), height: Math.min(saved.height, area.height) });
  if (best.overlap === 0) {
    const primary = workAreas[0]!;
    const { width, height } = fit(primary);
    const x = primary.x + Math.round((primary.width - width) / 2);
    const y = primary.y + Math.round((primary.height - height) / 2);
    return { x, y, width, height, maximized: saved.maximized };
  }
  const { area } = best;
  const { width, height } = fit(area);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
