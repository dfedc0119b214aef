// AlertsGrid.tsx — surveillance alerts as a grid, in the journal's order (open first): severity and
// state as words on their colours, the rule, what happened, accounts, market, when, how much evidence
// (the rule, accounts and evidence give way while the details panel is open: the text names the account). One row is the tab stop
// (arrows, Page keys, Home, End move; Enter or a click opens its details).
import { useCallback, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import { accountName, count, readableText, RULE_LABELS, SEVERITY_LABELS, STATE_LABELS } from '../../format/alert-format.ts';
import { formatClock } from '../../format/session-format.ts';
import { nextRowIndex } from '../Live/grid-keys.ts';

export interface AlertsGridProps {
  readonly alerts: readonly SurveillanceAlertWire[];
  readonly label: string;
  readonly selectedId: string | null;
  /** API key id → account label. */
  readonly labels: ReadonlyMap<string, string>;
  readonly timeZone: string;
  readonly onOpen: (id: string) => void;
  /** Show the allow-list entry that suppressed each alert. */
  readonly suppressed?: boolean;
  /** Fewer columns (the details panel is open beside the grid). */
  readonly compact?: boolean;
}

interface Column {
  readonly header: string;
  readonly width: string | null;
  readonly end?: boolean;
  readonly wide?: boolean;
  readonly cell: (a: SurveillanceAlertWire) => ReactNode;
}

export function AlertsGrid({ alerts, label, selectedId, labels, timeZone, onOpen, suppressed = false, compact = false }: AlertsGridProps) {
  const [active, setActive] = useState<string | null>(null);
  const activeId = active !== null && alerts.some((a) => a.id === active) ? active : (selectedId !== null && alerts.some((a) => a.id === selectedId) ? selectedId : alerts[0]?.id);
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (activeId !== undefined) onOpen(activeId);
      return;
    }
    const next = nextRowIndex(event.key, Math.max(0, alerts.findIndex((a) => a.id === activeId)), alerts.length, 10);
    if (next === undefined) return;
    event.preventDefault();
    const id = alerts[next]!.id;
    setActive(id);
    event.currentTarget.querySelector<HTMLElement>(`tr[data-alert-id="${CSS.escape(id)}"]`)?.focus();
  }, [alerts, activeId, onOpen]);
  const columns: Column[] = [
    { header: 'Severity', width: '12ch', cell: (a) => <span className={`sev-chip sev-${a.severity}`}>{SEVERITY_LABELS[a.severity]}</span> },
    { header: 'State', width: '19ch', cell: (a) => <><span className={`state-chip state-${a.state}`}>{STATE_LABELS[a.state]}</span>{a.reviewCount > 0 ? <span className="alerts-dim" title={`${count(a.reviewCount, 'review')}`}> · {a.reviewCount}</span> : null}</> },
    ...(compact ? [] : [{ header: 'Rule', width: '22ch', cell: (a: SurveillanceAlertWire) => RULE_LABELS[a.ruleId] }]),
    {
      header: suppressed ? 'What · suppressed by' : 'What', width: null, wide: true,
      cell: (a) => <><strong>{a.title}</strong> <span className="alerts-dim">{suppressed && a.suppressedBy !== null ? `· ${a.suppressedBy}` : readableText(a.text, labels)}</span></>,
    },
    ...(compact ? [] : [{ header: 'Accounts', width: '16ch', cell: (a: SurveillanceAlertWire) => a.accountIds.map((id) => accountName(id, labels)).join(', ') || '—' }]),
    { header: 'Market', width: compact ? '22ch' : '26ch', cell: (a) => <span className="alerts-market">{a.market ?? '—'}</span> },
    { header: `Raised (${timeZone})`, width: '20ch', cell: (a) => <span className="cell-num">{formatClock(a.raisedAt, timeZone)}</span> },
    ...(compact ? [] : [{
      header: 'Evidence', width: '14ch', end: true,
      cell: (a: SurveillanceAlertWire) => (a.evidence.executions.length > 0 ? count(a.evidence.executions.length, 'execution') : a.evidence.orderIds.length > 0 ? count(a.evidence.orderIds.length, 'order') : '—'),
    }]),
  ];
  return (
    <table role="grid" aria-readonly="true" aria-label={label} className={`alerts-grid${compact ? ' is-compact' : ''}`}>
      <colgroup>{columns.map((c) => <col key={c.header} style={c.width === null ? undefined : { width: c.width }} />)}</colgroup>
      <thead>
        <tr role="row">{columns.map((c) => <th key={c.header} role="columnheader" scope="col" className={c.end === true ? 'cell-end' : undefined}>{c.header}</th>)}</tr>
      </thead>
      <tbody onKeyDown={onKeyDown}>
        {alerts.map((a) => (
          <tr
            key={a.id} role="row" tabIndex={a.id === activeId ? 0 : -1} aria-selected={a.id === selectedId}
            className={`alerts-row sev-row-${a.severity}${a.id === selectedId ? ' is-selected' : ''}`}
            data-alert-id={a.id} data-rule={a.ruleId} data-state={a.state} data-severity={a.severity}
            onFocus={() => setActive(a.id)} onClick={() => onOpen(a.id)}
          >
            {columns.map((c) => (
              <td key={c.header} role="gridcell" className={c.end === true ? 'cell-end cell-num' : c.wide === true ? 'alerts-what' : undefined} title={c.wide === true ? readableText(a.text, labels) : undefined}>{c.cell(a)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
