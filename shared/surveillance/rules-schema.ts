// rules-schema.ts — the zod schema of the surveillance rules document (rules.json): one block per rule
// with its parameters and their defaults, plus the allow-list. Strict objects, so a misspelt field is
// refused rather than silently ignored (an officer who writes "contract" must hear about it).
// Amounts are decimal text (or whole JSON numbers): never a binary float for money or contracts.
import { z } from 'zod';
import { RULE_IDS, SEVERITIES } from './alert.ts';

/** A positive decimal as text ('1000', '0.25'), or a whole JSON number; the output is always text. */
const positiveDecimal = z.union([z.string(), z.number()], { error: 'expected a positive decimal' }).transform((value, ctx) => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,12}(\.\d{1,6})?$/.test(text) || /^0+(\.0+)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'expected a positive decimal (text like "1000" or "0.25", at most 6 places)' });
    return z.NEVER;
  }
  return text;
});

const wholeCount = z.int({ error: 'expected a whole number' }).min(1, { error: 'expected a whole number of at least 1' }).max(1_000_000_000);
const percent = z.number({ error: 'expected a percentage' }).gt(0, { error: 'expected a percentage above 0' }).max(100, { error: 'expected a percentage of at most 100' });
const severity = z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` });
const accounts = z.array(z.string().min(1, { error: 'expected an API key id' })).optional();
/** 'YYYY-MM-DD': a calendar day in the document's time zone. */
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected a day as YYYY-MM-DD' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'expected a time as HH:MM (00:00 to 24:00)' });
const timeZone = z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as America/New_York' });
const text = z.string().trim().min(1, { error: 'expected a non-empty text' });

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const limit = z.strictObject({
  /** Per market, or per event (the market ticker without its last '-' part). */
  scope: z.enum(['market', 'event'], { error: 'expected "market" or "event"' }).default('market'),
  /** Markets or events whose ticker starts with this ('' = every one). */
  prefix: z.string().default(''),
  contracts: positiveDecimal.optional(),
  dollars: positiveDecimal.optional(),
}).refine((l) => l.contracts !== undefined || l.dollars !== undefined, { error: 'a limit needs "contracts" or "dollars" (or both)' });

const restricted = z.strictObject({
  ticker: z.string().min(1).optional(),
  prefix: z.string().min(1).optional(),
  from: day.optional(),
  until: day.optional(),
  reason: text,
}).refine((e) => (e.ticker === undefined) !== (e.prefix === undefined), { error: 'an entry needs exactly one of "ticker" or "prefix"' })
  .refine((e) => e.from === undefined || e.until === undefined || e.from <= e.until, { error: '"from" must not be after "until"' });

const allowEntry = z.strictObject({
  /** Named in the alerts it suppresses (`suppressedBy`), so it must be unique and stable. */
  id: text,
  rule: z.enum([...RULE_IDS, '*'], { error: `expected a rule id (${RULE_IDS.join(', ')}) or "*"` }),
  account: z.string().min(1).optional(),
  /** A pair of accounts (cross-account alerts), in either order. */
  accounts: z.tuple([z.string().min(1), z.string().min(1)], { error: 'expected a pair of API key ids' }).optional(),
  /** A ticker, or a prefix ending in '*' ('KXFED-*'). */
  market: z.string().min(1).optional(),
  reason: text,
  who: text,
  /** Through this day (YYYY-MM-DD, in the document's time zone) or until this instant (ISO, ending in Z). */
  expires: z.string().refine((s) => day.safeParse(s).success || isIsoInstant(s), { error: 'expected YYYY-MM-DD or an ISO time ending in Z' }),
});

const common = { enabled: z.boolean({ error: 'expected true or false' }).default(true), accounts };

export const rulesDocumentSchema = z.strictObject({
  /** The document's revision: alerts carry it (rulesVersion). Bump it on every change. */
  version: z.int({ error: 'expected a whole number' }).min(1, { error: 'expected a whole number of at least 1' }),
  timeZone: timeZone.default('America/New_York'),
  positionLimit: z.strictObject({
    ...common,
    severity: severity.default('high'),
    warnSeverity: severity.default('medium'),
    warnPercent: percent.default(80),
    limits: z.array(limit).default([{ scope: 'market', prefix: '', contracts: '5000' }]),
  }).prefault({}),
  largeFill: z.strictObject({
    ...common,
    severity: severity.default('medium'),
    fillContracts: positiveDecimal.nullable().default('1000'),
    fillNotional: positiveDecimal.nullable().default('1000'),
    orderContracts: positiveDecimal.nullable().default('2500'),
    orderNotional: positiveDecimal.nullable().default('2500'),
  }).prefault({}),
  restrictedList: z.strictObject({
    ...common,
    severity: severity.default('high'),
    entries: z.array(restricted).default([]),
  }).prefault({}),
  crossAccount: z.strictObject({
    ...common,
    severity: severity.default('high'),
    sameTradeMatchId: z.boolean().default(true),
    oppositeWithinSeconds: z.int().min(0).max(3_600).default(5),
    quietSeconds: z.int().min(1).max(86_400).default(300),
  }).prefault({}),
  orderToTrade: z.strictObject({
    ...common,
    severity: severity.default('medium'),
    windowSeconds: z.int().min(1).max(86_400).default(60),
    minOrders: wholeCount.default(50),
    maxOrdersPerFill: wholeCount.default(20),
    minCancels: wholeCount.default(50),
    maxCancelPercent: percent.default(90),
  }).prefault({}),
  offHours: z.strictObject({
    ...common,
    severity: severity.default('low'),
    timeZone: timeZone.optional(),
    days: z.array(z.enum(WEEKDAYS, { error: `expected one of ${WEEKDAYS.join(', ')}` })).default(['mon', 'tue', 'wed', 'thu', 'fri']),
    start: clock.default('08:00'),
    end: clock.default('18:00'),
    holidays: z.array(day).default([]),
  }).refine((o) => o.start < o.end, { error: '"start" must be before "end"' }).prefault({}),
  feedIntegrity: z.strictObject({
    ...common,
    severity: severity.default('high'),
    sequenceGaps: z.boolean().default(true),
    missedFills: z.boolean().default(true),
    undecodable: z.boolean().default(true),
    settlementWithoutPosition: z.boolean().default(true),
    execIdConflicts: z.boolean().default(true),
    positionMismatch: z.boolean().default(true),
  }).prefault({}),
  dailyCaps: z.strictObject({
    ...common,
    severity: severity.default('high'),
    warnSeverity: severity.default('medium'),
    lossLimit: positiveDecimal.nullable().default('1000'),
    warnPercent: percent.default(80),
    maxFills: wholeCount.nullable().default(5_000),
    maxOrders: wholeCount.nullable().default(10_000),
  }).prefault({}),
  allowList: z.array(allowEntry).default([]).superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${e.id}" is used twice` });
      seen.add(e.id);
    });
  }),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isIsoInstant(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(s) && !Number.isNaN(Date.parse(s));
}
