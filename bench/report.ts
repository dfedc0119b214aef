// report.ts — what a benchmark item hands back (figures, notes, settings), the ratio of each figure to
// the baseline measured in the same process, the printed table and the results.json document. Never
// measures anything and never judges a figure beyond comparing it with its stated goal.
import { writeFileSync } from 'node:fs';
import type { Summary } from './stats.ts';

export type Better = 'lower' | 'higher';

export interface Figure {
  /** Unique within the run, e.g. 'decode.frame-to-er'. */
  readonly id: string;
  readonly label: string;
  /** Unit of summary's numbers, e.g. 'µs/ER', 'MB/s'. */
  readonly unit: string;
  readonly better: Better;
  readonly summary: Summary;
  /** The same median restated as a rate, e.g. { value: 1.2e6, unit: 'ER/s' }. */
  readonly rate?: { readonly value: number; readonly unit: string };
  /** Id of the figure (same item, same unit) this one is compared with. */
  readonly baselineOf?: string;
  /** Further comparisons kept in results.json only (e.g. against jspurefix's other mode). */
  readonly alsoComparedWith?: readonly string[];
  readonly goal?: { readonly text: string; readonly met: boolean };
  /** One short remark printed under the row's item (e.g. "includes the TLS handshake"). */
  readonly remark?: string;
}

export interface ItemResult {
  readonly id: string;
  readonly title: string;
  readonly figures: readonly Figure[];
  /** Printed under the item's rows: what each baseline is, what is and is not included. */
  readonly notes: readonly string[];
  /** Settings the figures depend on (sizes, durability, chunk size…), kept in results.json. */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
}

export interface ItemFailure {
  readonly id: string;
  readonly title: string;
  readonly error: string;
}

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly platform: string;
  readonly node: string;
  readonly v8: string;
}

export interface RunDocument {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly commit: string;
  readonly machine: Machine;
  readonly durationMs: number;
  /** 1-minute load average when the run started and ended (cores: machine.cores). */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly items: readonly ItemResult[];
  readonly failures: readonly ItemFailure[];
}

/** Our speed ÷ the baseline's speed: above 1 means faster than the baseline, whatever the unit. */
export function ratioTo(figure: Figure, baseline: Figure): number {
  const a = figure.summary.median;
  const b = baseline.summary.median;
  return figure.better === 'lower' ? b / a : a / b;
}

function findBaseline(item: ItemResult, id: string | undefined): Figure | undefined {
  return id === undefined ? undefined : item.figures.find((f) => f.id === id);
}

/** Three significant digits, thousands separated: 0.412, 12.3, 1,234, 2,450,000. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(Math.min(digits, 4));
}

export function formatRate(value: number, unit: string): string {
  if (value >= 1e6) return `${formatNumber(value / 1e6)} M ${unit}`;
  if (value >= 1e4) return `${formatNumber(value / 1e3)} k ${unit}`;
  return `${formatNumber(value)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio === 0) return 'n/a';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** The whole run as a plain-text table, one block per item, notes under each block. */
export function formatTable(doc: RunDocument): string {
  const header = ['Figure', 'Median', 'Unit', 'Spread', 'Runs', 'Also', 'vs baseline', 'Goal'];
  const lines: string[] = [];
  const m = doc.machine;
  lines.push(`Fillwatch benchmarks (${doc.mode}) — ${doc.date}`);
  lines.push(`${m.cpuModel}, ${m.cores} cores, ${formatNumber(m.memoryBytes / 2 ** 30)} GiB, ${m.platform}, Node ${m.node} (V8 ${m.v8}), commit ${doc.commit}`);
  lines.push(`Load average (1 min) ${doc.loadAverage.start} at start, ${doc.loadAverage.end} at end, on ${m.cores} cores: anything near or above the core count means other work shared the CPU.`);
  lines.push('Median of the measured runs after warm-up; spread = (slowest − fastest) / median; ratio = our speed ÷ baseline speed (above 1× = faster).');
  for (const item of doc.items) {
    const rows: string[][] = [];
    for (const f of item.figures) {
      const baseline = findBaseline(item, f.baselineOf);
      const vs = baseline === undefined ? (isBaseline(item, f) ? 'baseline' : '') : `${formatRatio(ratioTo(f, baseline))} ${shortLabel(baseline)}`;
      rows.push([
        `  ${f.label}`,
        formatNumber(f.summary.median),
        f.unit,
        f.summary.runs > 1 ? `±${f.summary.spreadPct.toFixed(0)}%` : '—',
        String(f.summary.runs),
        f.rate === undefined ? '' : formatRate(f.rate.value, f.rate.unit),
        vs,
        f.goal === undefined ? '' : `${f.goal.met ? 'met' : 'MISSED'} (${f.goal.text})`,
      ]);
    }
    lines.push('');
    lines.push(`${item.title}`);
    lines.push(...alignColumns([header.map((h, i) => (i === 0 ? `  ${h}` : h)), ...rows]));
    for (const f of item.figures) if (f.remark !== undefined) lines.push(`    · ${f.label}: ${f.remark}`);
    for (const note of item.notes) lines.push(`    · ${note}`);
  }
  for (const failure of doc.failures) {
    lines.push('');
    lines.push(`${failure.title}: FAILED — ${failure.error}`);
  }
  return lines.join('\n');
}

function isBaseline(item: ItemResult, f: Figure): boolean {
  return item.figures.some((other) => other.baselineOf === f.id);
}

function shortLabel(f: Figure): string {
  const text = f.label.replace(/^baseline:\s*/i, '');
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}

function alignColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  const numeric = new Set([1, 3, 4]);
  return rows.map((row) =>
    row.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd(),
  );
}

/** results.json: every figure with unit, summary and its ratio(s) to the baselines, plus the machine. */
export function toJson(doc: RunDocument): unknown {
  return {
    ...doc,
    items: doc.items.map((item) => ({
      ...item,
      figures: item.figures.map((f) => {
        const baseline = findBaseline(item, f.baselineOf);
        const also = (f.alsoComparedWith ?? []).map((id) => findBaseline(item, id)).filter((b): b is Figure => b !== undefined);
        return {
          id: f.id,
          label: f.label,
          unit: f.unit,
          better: f.better,
          median: f.summary.median,
          min: f.summary.min,
          max: f.summary.max,
          spreadPct: f.summary.spreadPct,
          runs: f.summary.runs,
          samples: f.summary.samples,
          ...(f.rate === undefined ? {} : { rate: f.rate }),
          ...(f.goal === undefined ? {} : { goal: f.goal }),
          ...(f.remark === undefined ? {} : { remark: f.remark }),
          baseline: baseline === undefined ? null : { id: baseline.id, label: baseline.label, ratio: finiteOrNull(ratioTo(f, baseline)) },
          comparisons: [baseline, ...also]
            .filter((b): b is Figure => b !== undefined)
            .map((b) => ({ id: b.id, label: b.label, ratio: finiteOrNull(ratioTo(f, b)) })),
        };
      }),
    })),
  };
}

/** JSON has no Infinity or NaN: a ratio against a zero baseline is written as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) && value !== 0 ? value : null;
}

export function writeResults(path: string, doc: RunDocument): void {
  writeFileSync(path, `${JSON.stringify(toJson(doc), null, 2)}\n`);
}
