// PnlChart.tsx — cumulative net P&L over time, hand-drawn in SVG (one step line and four labels need
// no chart library): the core's series, drawn to the panel's measured width. For screen readers the
// figure is an image whose description says where the line starts, ends, and its low and high.
import { useEffect, useId, useRef, useState } from 'react';
import type { PositionsView } from '../../../shared/ipc/contract.ts';
import { formatMoney } from '../../format/pnl-format.ts';
import { formatClock } from '../../format/session-format.ts';
import { chartGeometry } from './chart-geometry.ts';

const HEIGHT = 170;
const PAD = { left: 64, right: 12, top: 24, bottom: 22 };

export function PnlChart({ view, timeZone }: { readonly view: PositionsView; readonly timeZone: string }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const id = useId();
  const g = width === 0 ? null : chartGeometry(view.series.points, { width, height: HEIGHT, pad: PAD }, view.series.undated);
  const points = view.series.points;
  const description = points.length === 0 ? 'No fill yet.'
    : `From ${formatClock(points[0]!.at, timeZone)} to ${formatClock(points.at(-1)!.at, timeZone)}: ends at ${formatMoney(points.at(-1)!.net)}; `
      + `low ${formatMoney(g?.min.net ?? '0')}, high ${formatMoney(g?.max.net ?? '0')}. Buckets of ${formatBucket(view.series.bucketMs)}.`;
  return (
    <div className="pnl-chart" ref={box}>
      {g === null ? <p className="pnl-panel-empty">{points.length === 0 ? 'The line starts with the first fill.' : ''}</p> : (
        <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${id}-t ${id}-d`} data-last-net={g.last.net}>
          <title id={`${id}-t`}>Cumulative net P&L</title>
          <desc id={`${id}-d`}>{description}</desc>
          <line className="pnl-chart-zero" x1={PAD.left} x2={width - PAD.right} y1={g.zeroY} y2={g.zeroY} />
          <text className="pnl-chart-label" x={PAD.left - 6} y={g.max.y + 4} textAnchor="end">{formatMoney(g.max.net)}</text>
          {g.min.net === g.max.net ? null : <text className="pnl-chart-label" x={PAD.left - 6} y={g.min.y} textAnchor="end">{formatMoney(g.min.net)}</text>}
          {g.zeroY - g.max.y > 14 && g.min.y - g.zeroY > 14 ? <text className="pnl-chart-label" x={PAD.left - 6} y={g.zeroY + 4} textAnchor="end">$0.00</text> : null}
          <path className="pnl-chart-line" d={g.path} />
          <circle className="pnl-chart-end" cx={g.last.x} cy={g.last.y} r={3} />
          <text className="pnl-chart-label pnl-chart-now" x={width - PAD.right} y={4} textAnchor="end" dominantBaseline="hanging">now {formatMoney(g.last.net)}</text>
          <text className="pnl-chart-label" x={PAD.left} y={HEIGHT - 6}>{formatClock(g.first.at, timeZone).slice(5)}</text>
          <text className="pnl-chart-label" x={width - PAD.right} y={HEIGHT - 6} textAnchor="end">{formatClock(g.last.at, timeZone).slice(5)}</text>
        </svg>
      )}
    </div>
  );
}

function formatBucket(ms: number): string {
  return ms < 60_000 ? `${ms / 1_000} s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 3_600_000)} h`;
}

/** The element's content width, followed as the window resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
