// surveillance-form.ts — the surveillance rules document (shared/surveillance/rules-schema.ts) as the
// Settings form edits its common parameters (text boxes, lists of rows) and back. Pure. The form only
// shapes what was typed: main validates the document with the engine's schema and names the field it
// refuses ('positionLimit.limits[0].contracts'), which fieldInvalid() matches to the box that holds it.
// Parameters the form does not show are carried over from the document it started from.
import type { RulesDocument, RulesDocumentInput } from '../../../shared/surveillance/rules-document.ts';
import type { RuleId, Severity } from '../../../shared/surveillance/alert.ts';

export type Weekday = RulesDocument['offHours']['days'][number];
/** The schema's weekdays in order (rules-schema.ts's list; spelled here so zod stays out of the page's bundle). */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface LimitRow { readonly scope: 'market' | 'event'; readonly prefix: string; readonly contracts: string; readonly dollars: string }
export interface RestrictedRow { readonly kind: 'ticker' | 'prefix'; readonly value: string; readonly from: string; readonly until: string; readonly reason: string }
export interface AllowRow {
  readonly id: string; readonly rule: RuleId | '*'; readonly account: string; readonly market: string;
  readonly reason: string; readonly who: string; readonly expires: string;
}
interface Rule { readonly enabled: boolean; readonly severity: Severity }

export interface SurveillanceRulesForm {
  readonly timeZone: string;
  readonly positionLimit: Rule & { readonly warnPercent: string; readonly limits: readonly LimitRow[] };
  readonly largeFill: Rule & { readonly fillContracts: string; readonly fillNotional: string; readonly orderContracts: string; readonly orderNotional: string };
  readonly restrictedList: Rule & { readonly entries: readonly RestrictedRow[] };
  readonly offHours: Rule & { readonly timeZone: string; readonly days: readonly Weekday[]; readonly start: string; readonly end: string; readonly holidays: string };
  readonly dailyCaps: Rule & { readonly lossLimit: string; readonly warnPercent: string; readonly maxFills: string; readonly maxOrders: string };
  readonly crossAccount: Rule;
  readonly orderToTrade: Rule;
  readonly feedIntegrity: Rule;
  readonly allowList: readonly AllowRow[];
}

export const NEW_LIMIT: LimitRow = { scope: 'market', prefix: '', contracts: '', dollars: '' };
export const NEW_RESTRICTED: RestrictedRow = { kind: 'prefix', value: '', from: '', until: '', reason: '' };
export const NEW_ALLOW: AllowRow = { id: '', rule: '*', account: '', market: '', reason: '', who: '', expires: '' };

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const rule = (r: { enabled: boolean; severity: Severity }): Rule => ({ enabled: r.enabled, severity: r.severity });

export function formFromRules(doc: RulesDocument): SurveillanceRulesForm {
  const { positionLimit: p, largeFill: l, restrictedList: r, offHours: o, dailyCaps: d } = doc;
  return {
    timeZone: doc.timeZone,
    positionLimit: { ...rule(p), warnPercent: text(p.warnPercent), limits: p.limits.map((x) => ({ scope: x.scope, prefix: x.prefix, contracts: text(x.contracts), dollars: text(x.dollars) })) },
    largeFill: { ...rule(l), fillContracts: text(l.fillContracts), fillNotional: text(l.fillNotional), orderContracts: text(l.orderContracts), orderNotional: text(l.orderNotional) },
    restrictedList: { ...rule(r), entries: r.entries.map((e) => ({ kind: e.ticker === undefined ? 'prefix' : 'ticker', value: e.ticker ?? e.prefix ?? '', from: text(e.from), until: text(e.until), reason: e.reason })) },
    offHours: { ...rule(o), timeZone: text(o.timeZone), days: [...o.days], start: o.start, end: o.end, holidays: o.holidays.join(', ') },
    dailyCaps: { ...rule(d), lossLimit: text(d.lossLimit), warnPercent: text(d.warnPercent), maxFills: text(d.maxFills), maxOrders: text(d.maxOrders) },
    crossAccount: rule(doc.crossAccount),
    orderToTrade: rule(doc.orderToTrade),
    feedIntegrity: rule(doc.feedIntegrity),
    allowList: doc.allowList.map((a) => ({
      id: a.id, rule: a.rule, account: a.account ?? '', market: a.market ?? '', reason: a.reason, who: a.who, expires: a.expires,
    })),
  };
}

/** A number when the box holds one (main then checks its range), else the text itself (main says what to type). */
function numberOr(value: string): number | string {
  const t = value.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}
/** '' = off (null), else decimal text as typed. */
const decimalOrNull = (value: string) => (value.trim() === '' ? null : value.trim());
const optional = <K extends string>(key: K, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() } as Record<K, string>);
const list = (value: string) => value.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== '');

/** The document the form describes, over `base` (what it started from), as main will read it. */
export function documentFromForm(form: SurveillanceRulesForm, base: RulesDocument): RulesDocumentInput {
  const { positionLimit: p, largeFill: l, restrictedList: r, offHours: o, dailyCaps: d } = form;
  return {
    ...base,
    timeZone: form.timeZone.trim(),
    positionLimit: {
      ...base.positionLimit, enabled: p.enabled, severity: p.severity, warnPercent: numberOr(p.warnPercent) as number,
      limits: p.limits.map((x) => ({ scope: x.scope, prefix: x.prefix.trim().toUpperCase(), ...optional('contracts', x.contracts), ...optional('dollars', x.dollars) })),
    },
    largeFill: {
      ...base.largeFill, enabled: l.enabled, severity: l.severity, fillContracts: decimalOrNull(l.fillContracts), fillNotional: decimalOrNull(l.fillNotional),
      orderContracts: decimalOrNull(l.orderContracts), orderNotional: decimalOrNull(l.orderNotional),
    },
    restrictedList: {
      ...base.restrictedList, enabled: r.enabled, severity: r.severity,
      entries: r.entries.map((e) => ({ [e.kind]: e.value.trim().toUpperCase(), ...optional('from', e.from), ...optional('until', e.until), reason: e.reason })),
    },
    offHours: (({ timeZone: _zone, ...rest }) => ({
      ...rest, enabled: o.enabled, severity: o.severity, days: [...o.days], start: o.start.trim(), end: o.end.trim(), holidays: list(o.holidays),
      ...optional('timeZone', o.timeZone),
    }))(base.offHours),
    dailyCaps: {
      ...base.dailyCaps, enabled: d.enabled, severity: d.severity, lossLimit: decimalOrNull(d.lossLimit), warnPercent: numberOr(d.warnPercent) as number,
      maxFills: (d.maxFills.trim() === '' ? null : numberOr(d.maxFills)) as number | null, maxOrders: (d.maxOrders.trim() === '' ? null : numberOr(d.maxOrders)) as number | null,
    },
    crossAccount: { ...base.crossAccount, ...form.crossAccount },
    orderToTrade: { ...base.orderToTrade, ...form.orderToTrade },
    feedIntegrity: { ...base.feedIntegrity, ...form.feedIntegrity },
    allowList: form.allowList.map((a) => ({
      id: a.id.trim(), rule: a.rule, ...optional('account', a.account), ...optional('market', a.market.toUpperCase()), reason: a.reason, who: a.who, expires: a.expires.trim(),
    })),
  } as RulesDocumentInput;
}

/** Whether main's refusal names this box: the field itself, or an entry the box belongs to. */
export function fieldInvalid(refused: string | null, path: string): boolean {
  if (refused === null || refused === '') return false;
  return path === refused || path.startsWith(`${refused}.`);
}
