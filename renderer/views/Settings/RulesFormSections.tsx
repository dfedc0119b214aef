// RulesFormSections.tsx — the surveillance rules' common parameters as form sections: position limits,
// large fills and orders, the restricted list, off-hours, daily caps, the other rules on/off, and the
// allow-list. Everything else in the document (windows, thresholds of the other rules) is kept as it is
// and can be edited as JSON.
import { RULE_IDS } from '../../../shared/surveillance/alert.ts';
import { RULE_LABELS } from '../../format/alert-format.ts';
import { invalidProps, RowList, RuleBlock, TextField, type Refusal } from './RuleFields.tsx';
import { NEW_ALLOW, NEW_LIMIT, NEW_RESTRICTED, WEEKDAYS, type SurveillanceRulesForm } from './surveillance-form.ts';

type Form = SurveillanceRulesForm;

export function RulesFormSections({ form, onChange, refusal }: { readonly form: Form; readonly onChange: (form: Form) => void; readonly refusal: Refusal }) {
  const patch = <K extends keyof Form>(key: K, value: Partial<Form[K]>) => onChange({ ...form, [key]: { ...(form[key] as object), ...value } });
  const { positionLimit: p, largeFill: l, restrictedList: r, offHours: o, dailyCaps: d } = form;
  return (
    <>
      <TextField label="Time zone of the rules" hint="days, off-hours and expiry dates are read in it" path="timeZone" value={form.timeZone} onChange={(timeZone) => onChange({ ...form, timeZone })} refusal={refusal} />
      <RuleBlock title="Position limits" what="Net position in a market or event above a limit (contracts, or dollars at cost); a warning first at a share of it." path="positionLimit" enabled={p.enabled} severity={p.severity} onChange={(v) => patch('positionLimit', v)} refusal={refusal}>
        <TextField label="Warn at (% of the limit)" path="positionLimit.warnPercent" value={p.warnPercent} onChange={(warnPercent) => patch('positionLimit', { warnPercent })} refusal={refusal} narrow />
        <RowList label="Position limits" noun="limit" rows={p.limits} empty="No limit: add one." newRow={NEW_LIMIT} onChange={(limits) => patch('positionLimit', { limits })} render={(row, i, set) => (
          <div className="field-row">
            <label className="field"><span>Per</span>
              <select value={row.scope} onChange={(e) => set({ scope: e.target.value as 'market' | 'event' })} {...invalidProps(refusal, `positionLimit.limits[${i}].scope`)}>
                <option value="market">market</option><option value="event">event</option>
              </select>
            </label>
            <TextField label="Tickers starting with" hint="empty: all" path={`positionLimit.limits[${i}].prefix`} value={row.prefix} onChange={(prefix) => set({ prefix })} refusal={refusal} placeholder="e.g. KXFED" />
            <TextField label="Contracts" path={`positionLimit.limits[${i}].contracts`} value={row.contracts} onChange={(contracts) => set({ contracts })} refusal={refusal} narrow />
            <TextField label="Dollars at cost" path={`positionLimit.limits[${i}].dollars`} value={row.dollars} onChange={(dollars) => set({ dollars })} refusal={refusal} narrow />
          </div>
        )} />
      </RuleBlock>
      <RuleBlock title="Large fills and orders" what="A fill or an order at or above a size or notional (empty: not checked)." path="largeFill" enabled={l.enabled} severity={l.severity} onChange={(v) => patch('largeFill', v)} refusal={refusal}>
        <div className="field-row">
          <TextField label="Fill: contracts" path="largeFill.fillContracts" value={l.fillContracts} onChange={(fillContracts) => patch('largeFill', { fillContracts })} refusal={refusal} narrow />
          <TextField label="Fill: notional ($)" path="largeFill.fillNotional" value={l.fillNotional} onChange={(fillNotional) => patch('largeFill', { fillNotional })} refusal={refusal} narrow />
          <TextField label="Order: contracts" path="largeFill.orderContracts" value={l.orderContracts} onChange={(orderContracts) => patch('largeFill', { orderContracts })} refusal={refusal} narrow />
          <TextField label="Order: notional ($)" path="largeFill.orderNotional" value={l.orderNotional} onChange={(orderNotional) => patch('largeFill', { orderNotional })} refusal={refusal} narrow />
        </div>
      </RuleBlock>
      <RuleBlock title="Restricted list" what="Any order or fill in a listed market or event (a ticker, or a prefix such as a series), between optional dates." path="restrictedList" enabled={r.enabled} severity={r.severity} onChange={(v) => patch('restrictedList', v)} refusal={refusal}>
        <RowList label="Restricted entries" noun="restricted entry" rows={r.entries} empty="Nothing is restricted." newRow={NEW_RESTRICTED} onChange={(entries) => patch('restrictedList', { entries })} render={(row, i, set) => (
          <div className="field-row">
            <label className="field"><span>Match</span>
              <select value={row.kind} onChange={(e) => set({ kind: e.target.value as 'ticker' | 'prefix' })}><option value="prefix">prefix</option><option value="ticker">ticker</option></select>
            </label>
            <TextField label={row.kind === 'ticker' ? 'Ticker' : 'Prefix'} path={`restrictedList.entries[${i}].${row.kind}`} value={row.value} onChange={(value) => set({ value })} refusal={refusal} />
            <TextField label="From" hint="YYYY-MM-DD" path={`restrictedList.entries[${i}].from`} value={row.from} onChange={(from) => set({ from })} refusal={refusal} narrow />
            <TextField label="Until" path={`restrictedList.entries[${i}].until`} value={row.until} onChange={(until) => set({ until })} refusal={refusal} narrow />
            <TextField label="Reason" path={`restrictedList.entries[${i}].reason`} value={row.reason} onChange={(reason) => set({ reason })} refusal={refusal} />
          </div>
        )} />
      </RuleBlock>
      <RuleBlock title="Off-hours" what="Fills outside the desk's days and hours, or on a holiday (one alert per account and day)." path="offHours" enabled={o.enabled} severity={o.severity} onChange={(v) => patch('offHours', v)} refusal={refusal}>
        <div className="field-inline" role="group" aria-label="Trading days">
          {WEEKDAYS.map((day) => (
            <label key={day} className="choice"><input type="checkbox" checked={o.days.includes(day)} onChange={(e) => patch('offHours', { days: e.target.checked ? WEEKDAYS.filter((w) => w === day || o.days.includes(w)) : o.days.filter((w) => w !== day) })} /><span>{day}</span></label>
          ))}
        </div>
        <div className="field-row">
          <TextField label="From" hint="HH:MM" path="offHours.start" value={o.start} onChange={(start) => patch('offHours', { start })} refusal={refusal} narrow />
          <TextField label="To" path="offHours.end" value={o.end} onChange={(end) => patch('offHours', { end })} refusal={refusal} narrow />
          <TextField label="Time zone" hint="empty: the rules' zone" path="offHours.timeZone" value={o.timeZone} onChange={(timeZone) => patch('offHours', { timeZone })} refusal={refusal} />
        </div>
        <TextField label="Holidays" hint="YYYY-MM-DD, comma separated" path="offHours.holidays" value={o.holidays} onChange={(holidays) => patch('offHours', { holidays })} refusal={refusal} />
      </RuleBlock>
      <RuleBlock title="Daily loss and activity caps" what="Per account and day: net P&L (realized − fees) below a loss limit, warned first at a share of it; and caps on fills and orders (a runaway bot). Empty: not checked." path="dailyCaps" enabled={d.enabled} severity={d.severity} onChange={(v) => patch('dailyCaps', v)} refusal={refusal}>
        <div className="field-row">
          <TextField label="Loss limit ($)" path="dailyCaps.lossLimit" value={d.lossLimit} onChange={(lossLimit) => patch('dailyCaps', { lossLimit })} refusal={refusal} narrow />
          <TextField label="Warn at (%)" path="dailyCaps.warnPercent" value={d.warnPercent} onChange={(warnPercent) => patch('dailyCaps', { warnPercent })} refusal={refusal} narrow />
          <TextField label="Fills per day" path="dailyCaps.maxFills" value={d.maxFills} onChange={(maxFills) => patch('dailyCaps', { maxFills })} refusal={refusal} narrow />
          <TextField label="Orders per day" path="dailyCaps.maxOrders" value={d.maxOrders} onChange={(maxOrders) => patch('dailyCaps', { maxOrders })} refusal={refusal} narrow />
        </div>
      </RuleBlock>
      <RuleBlock title="Cross-account trades" what="Two watched accounts on both sides of one trade, or opposite fills at one price within seconds (a wash-trade indicator)." path="crossAccount" enabled={form.crossAccount.enabled} severity={form.crossAccount.severity} onChange={(v) => patch('crossAccount', v)} refusal={refusal} />
      <RuleBlock title="Order-to-trade and cancels" what="Many orders or cancels with few fills in a sliding window (layering, spoofing)." path="orderToTrade" enabled={form.orderToTrade.enabled} severity={form.orderToTrade.severity} onChange={(v) => patch('orderToTrade', v)} refusal={refusal} />
      <RuleBlock title="Feed integrity" what="Sequence gaps, possible missed fills, unreadable messages, ExecID conflicts, positions that disagree with Kalshi's." path="feedIntegrity" enabled={form.feedIntegrity.enabled} severity={form.feedIntegrity.severity} onChange={(v) => patch('feedIntegrity', v)} refusal={refusal} />
      <fieldset className="field-group">
        <legend>Allow-list</legend>
        <p className="settings-dim rule-what">Matching alerts are kept with their evidence and exported, but marked suppressed, never open. Each entry needs a reason, who added it and an expiry.</p>
        <RowList label="Allow-list entries" noun="allow-list entry" rows={form.allowList} empty="No entry." newRow={NEW_ALLOW} onChange={(allowList) => onChange({ ...form, allowList })} render={(row, i, set) => (
          <div className="field-row">
            <TextField label="Id" path={`allowList[${i}].id`} value={row.id} onChange={(id) => set({ id })} refusal={refusal} narrow />
            <label className="field"><span>Rule</span>
              <select value={row.rule} onChange={(e) => set({ rule: e.target.value as typeof row.rule })} {...invalidProps(refusal, `allowList[${i}].rule`)}>
                <option value="*">every rule</option>{RULE_IDS.map((id) => <option key={id} value={id}>{RULE_LABELS[id]}</option>)}
              </select>
            </label>
            <TextField label="Account (API key id)" path={`allowList[${i}].account`} value={row.account} onChange={(account) => set({ account })} refusal={refusal} />
            <TextField label="Market" hint="or PREFIX-*" path={`allowList[${i}].market`} value={row.market} onChange={(market) => set({ market })} refusal={refusal} />
            <TextField label="Reason" path={`allowList[${i}].reason`} value={row.reason} onChange={(reason) => set({ reason })} refusal={refusal} />
            <TextField label="Who" path={`allowList[${i}].who`} value={row.who} onChange={(who) => set({ who })} refusal={refusal} narrow />
            <TextField label="Expires" hint="YYYY-MM-DD" path={`allowList[${i}].expires`} value={row.expires} onChange={(expires) => set({ expires })} refusal={refusal} narrow />
          </div>
        )} />
      </fieldset>
    </>
  );
}
