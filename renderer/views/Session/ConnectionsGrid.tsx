// ConnectionsGrid.tsx — one row per connection (each account's listener, and its drop copy when
// configured): state, the sequence numbers in and out, heartbeat round trip, and the counts of what
// the session went through. A grid with one row as the tab stop (arrows, Home, End), like Live's.
import { useCallback, useState, type KeyboardEvent } from 'react';
import type { AccountSessionWire, ConnectionStatsWire } from '../../../shared/ipc/contract.ts';
import { formatAgo, formatClock, formatRoundTrip, stateLabel, stateTone } from '../../format/session-format.ts';
import { nextRowIndex } from '../Live/grid-keys.ts';

interface Row {
  readonly key: string;
  readonly session: AccountSessionWire;
  readonly connection: ConnectionStatsWire;
  readonly label: string;
}

const HEADERS: readonly { readonly header: string; readonly description: string; readonly width: string | null; readonly end?: boolean }[] = [
  { header: 'Account', description: 'The Fillwatch account', width: '13ch' },
  { header: 'Connection', description: 'Listener (KalshiRT or KalshiNR) or drop copy (KalshiDC); its host and port in the tooltip', width: '17ch' },
  { header: 'State', description: 'What the connection is doing, and how long ago the exchange last sent anything', width: '24ch' },
  { header: 'Seq in', description: 'The next MsgSeqNum expected from the exchange', width: '8ch', end: true },
  { header: 'Seq out', description: 'The next MsgSeqNum we will send', width: '9ch', end: true },
  { header: 'RTT', description: 'Heartbeat round trip: our TestRequest to the exchange\'s Heartbeat', width: '8ch', end: true },
  { header: 'Logons', description: 'Logons accepted, and reconnects scheduled after a disconnect', width: '9ch', end: true },
  { header: 'Gaps', description: 'MsgSeqNum gaps seen', width: '7ch', end: true },
  { header: 'Resends', description: 'ResendRequests sent / resends completed (drop copy: history requests)', width: '10ch', end: true },
  { header: 'Resets', description: 'SequenceResets and GapFills from the exchange (a restart after maintenance counts here)', width: '8ch', end: true },
  { header: 'Dups', description: 'Resent duplicates ignored (PossDup)', width: '7ch', end: true },
  { header: 'Losses', description: 'Possible-missed-fills windows reported', width: '8ch', end: true },
  { header: 'Unreadable', description: 'Messages received but unreadable, kept raw in the journal', width: '13ch', end: true },
  { header: 'Last disconnect', description: 'When and why the connection last ended (the whole sentence in the tooltip)', width: null },
];

export function ConnectionsGrid({ sessions, labels, now, timeZone }: {
  readonly sessions: readonly AccountSessionWire[];
  readonly labels: ReadonlyMap<string, string>;
  readonly now: number;
  readonly timeZone: string;
}) {
  const rows: Row[] = sessions.flatMap((s) => s.connections.map((c) => ({ key: `${s.accountId}/${c.role}`, session: s, connection: c, label: labels.get(s.accountId) ?? s.accountId })));
  const [active, setActive] = useState<string | null>(null);
  const activeKey = active !== null && rows.some((r) => r.key === active) ? active : rows[0]?.key;
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTableSectionElement>) => {
    const next = nextRowIndex(event.key, Math.max(0, rows.findIndex((r) => r.key === activeKey)), rows.length, 10);
    if (next === undefined) return;
    event.preventDefault();
    const key = rows[next]!.key;
    setActive(key);
    event.currentTarget.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(key)}"]`)?.focus();
  }, [rows, activeKey]);
  return (
    <div className="session-grid-scroll">
      <table role="grid" aria-readonly="true" aria-label="Connections" className="session-grid">
        <colgroup>{HEADERS.map((h) => <col key={h.header} style={h.width === null ? undefined : { width: h.width }} />)}</colgroup>
        <thead>
          <tr role="row">{HEADERS.map((h) => <th key={h.header} role="columnheader" scope="col" title={h.description} className={h.end === true ? 'cell-end' : undefined}>{h.header}</th>)}</tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((r) => <ConnectionRow key={r.key} row={r} active={r.key === activeKey} onFocusRow={setActive} now={now} timeZone={timeZone} />)}
        </tbody>
      </table>
    </div>
  );
}

function ConnectionRow({ row, active, onFocusRow, now, timeZone }: { readonly row: Row; readonly active: boolean; readonly onFocusRow: (key: string) => void; readonly now: number; readonly timeZone: string }) {
  const c = row.connection;
  const status = row.session.status;
  const listener = c.role === 'listener';
  const heardAgo = listener && status.lastMessageAt !== null ? formatAgo(status.lastMessageAt, now) : null;
  const lastHeard = heardAgo === null ? null : `last message ${heardAgo}`;
  const num = (field: string, value: number | null, title?: string) => (
    <td role="gridcell" className="cell-end cell-num" data-field={field} title={title}>{value === null ? '—' : value}</td>
  );
  return (
    <tr role="row" tabIndex={active ? 0 : -1} className="session-row" data-key={row.key} data-account={row.session.accountId} data-role={c.role} onFocus={() => onFocusRow(row.key)}>
      <td role="gridcell">{row.label}</td>
      <td role="gridcell" title={`${c.host}:${c.port}`}>{listener ? 'Listener' : 'Drop copy'} · {c.target}</td>
      <td role="gridcell" data-field="state" data-state={c.state} title={listener ? `${stateLabel(c.state)} since ${formatClock(status.since, timeZone)}${lastHeard === null ? '' : `; ${lastHeard}`}${status.reason === null ? '' : `; ${status.reason}`}` : stateLabel(c.state)}>
        <span className={`session-state session-${stateTone(c.state)}`}>{stateLabel(c.state)}</span>
        {/* The age alone fits the column; the header's tooltip and the cell's say it is the last message's. */}
        {heardAgo === null ? null : <span className="session-dim"> · {heardAgo}</span>}
      </td>
      {num('nextInbound', c.nextInbound)}
      {num('nextOutbound', c.nextOutbound)}
      <td role="gridcell" className="cell-end cell-num" data-field="roundTrip" title={c.roundTrip === null ? 'Not measured yet' : `Measured ${formatClock(c.roundTrip.at, timeZone)}`}>
        {c.roundTrip === null ? '—' : formatRoundTrip(c.roundTrip.ms)}
      </td>
      <td role="gridcell" className="cell-end cell-num" data-field="logons" title={`${c.logons} logon(s), ${c.reconnects} reconnect(s), ${c.connects} connection attempt(s)`}>
        {c.logons}{c.reconnects > 0 ? <span className="session-warn"> ↻{c.reconnects}</span> : null}
      </td>
      {num('gaps', c.gaps)}
      <td role="gridcell" className="cell-end cell-num" data-field="resends" title={listener ? `${c.resendRequests} ResendRequest(s), ${c.resendsCompleted} completed` : `${c.backfills?.requests ?? 0} history request(s)`}>
        {listener ? `${c.resendRequests} / ${c.resendsCompleted}` : (c.backfills?.requests ?? 0)}
      </td>
      {num('resets', c.sequenceResets + c.gapFills, `${c.sequenceResets} reset(s), ${c.gapFills} GapFill(s)`)}
      {num('duplicates', c.duplicatesIgnored)}
      <td role="gridcell" className={`cell-end cell-num${c.possibleLosses > 0 ? ' session-bad' : ''}`} data-field="losses">{c.possibleLosses}</td>
      <td role="gridcell" className={`cell-end cell-num${c.malformed > 0 ? ' session-warn' : ''}`} data-field="malformed">{c.malformed}</td>
      <td role="gridcell" className="session-disconnect" title={c.lastDisconnect === null ? undefined : `${formatClock(c.lastDisconnect.at, timeZone)}: ${c.lastDisconnect.text}`}>
        {c.lastDisconnect === null ? <span className="session-dim">none</span> : <><span className="cell-num">{formatClock(c.lastDisconnect.at, timeZone).slice(11)}</span> {c.lastDisconnect.text}</>}
      </td>
    </tr>
  );
}
