// chart-geometry.ts — the cumulative P&L chart's drawing: a step line through the series' points,
// the zero line and a few labelled ticks. Numbers become pixels here only (Number() is fine for a
// coordinate); every label is the exact decimal text formatted for display, never a float's digits.
import { cmp, parse, ZERO, type Decimal } from '../../../shared/decimal.ts';

export interface ChartPoint {
  readonly at: number;
  readonly net: string;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels: left, right, top, bottom. */
  readonly pad: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export interface ChartGeometry {
  /** SVG path of the step line ('' with no point). */
  readonly path: string;
  readonly zeroY: number;
  readonly min: { readonly net: string; readonly y: number };
  readonly max: { readonly net: string; readonly y: number };
  readonly first: { readonly at: number; readonly x: number };
  readonly last: { readonly at: number; readonly x: number; readonly net: string; readonly y: number };
}

/**
 * Starts at zero just before the first point (nothing was booked before it), then holds each
 * cumulative value until the next point: P&L changes at fills, not in between.
 */
export function chartGeometry(points: readonly ChartPoint[], box: ChartBox, startNet = '0'): ChartGeometry | null {
  if (points.length === 0) return null;
  let min: Decimal = parse(startNet);
  let max: Decimal = min;
  let minText = startNet;
  let maxText = startNet;
  for (const p of points) {
    const v = parse(p.net);
    if (cmp(v, min) < 0) { min = v; minText = p.net; }
    if (cmp(v, max) > 0) { max = v; maxText = p.net; }
  }
  if (cmp(ZERO, min) < 0) { min = ZERO; minText = '0'; }
  if (cmp(ZERO, max) > 0) { max = ZERO; maxText = '0'; }
  const t0 = points[0]!.at;
  const t1 = points.at(-1)!.at;
  const innerW = box.width - box.pad.left - box.pad.right;
  const innerH = box.height - box.pad.top - box.pad.bottom;
  const span = Number(max - min) || 1;
  const x = (at: number) => box.pad.left + (t1 === t0 ? innerW : ((at - t0) / (t1 - t0)) * innerW);
  const y = (net: string) => box.pad.top + (Number(max - parse(net)) / span) * innerH;
  const round = (n: number) => Math.round(n * 10) / 10;
  let path = `M${round(box.pad.left)},${round(y(startNet))}`;
  for (const p of points) path += `H${round(x(p.at))}V${round(y(p.net))}`;
  const last = points.at(-1)!;
  return {
    path,
    zeroY: round(y('0')),
    min: { net: minText, y: round(y(minText)) },
    max: { net: maxText, y: round(y(maxText)) },
    first: { at: t0, x: round(x(t0)) },
    last: { at: last.at, x: round(x(last.at)), net: last.net, y: round(y(last.net)) },
  };
}
