// rules-form.ts — the notification rules as the form edits them (text fields, a market list as one
// line) and back, with the checks main would refuse otherwise said early. Pure.
import type { NotificationRulesWire } from '../../../shared/ipc/contract.ts';

export interface RulesForm {
  readonly enabled: boolean;
  readonly allFills: boolean;
  readonly minQty: string;
  readonly minNotional: string;
  /** Tickers or event prefixes, separated by commas, spaces or lines. */
  readonly markets: string;
  readonly cancelsAndRejects: boolean;
  readonly sessionAlerts: boolean;
  readonly surveillanceAlerts: boolean;
  readonly quietHours: boolean;
  readonly quietFrom: string;
  readonly quietTo: string;
  readonly quietTimeZone: string;
  readonly alertsBypassQuiet: boolean;
  readonly quietUntil: number | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export function formFromRules(rules: NotificationRulesWire, localZone: string): RulesForm {
  return {
    enabled: rules.enabled, allFills: rules.allFills, minQty: rules.minQty ?? '', minNotional: rules.minNotional ?? '',
    markets: rules.markets.join(', '), cancelsAndRejects: rules.cancelsAndRejects, sessionAlerts: rules.sessionAlerts,
    surveillanceAlerts: rules.surveillanceAlerts ?? true,
    quietHours: rules.quietHours !== undefined, quietFrom: rules.quietHours?.from ?? '22:00', quietTo: rules.quietHours?.to ?? '07:00',
    quietTimeZone: rules.quietHours?.timeZone ?? localZone, alertsBypassQuiet: rules.alertsBypassQuiet, quietUntil: rules.quietUntil ?? null,
  };
}

/** The rules the form describes, or the first thing to fix. */
export function rulesFromForm(form: RulesForm): { readonly rules: NotificationRulesWire } | { readonly problem: string } {
  const minQty = form.minQty.trim();
  const minNotional = form.minNotional.trim();
  if (minQty !== '' && !DECIMAL.test(minQty)) return { problem: 'Minimum size must be a number of contracts, e.g. 100 or 2.5.' };
  if (minNotional !== '' && !DECIMAL.test(minNotional)) return { problem: 'Minimum notional must be a dollar amount, e.g. 250 or 99.50.' };
  if (!form.allFills && minQty === '' && minNotional === '') return { problem: 'Choose "every fill", or give a minimum size or notional.' };
  if (form.quietHours && (!CLOCK.test(form.quietFrom) || !CLOCK.test(form.quietTo))) return { problem: 'Quiet hours are HH:MM, e.g. 22:00 to 07:00.' };
  if (form.quietHours && !isTimeZone(form.quietTimeZone)) return { problem: `"${form.quietTimeZone}" is not a time zone; use a name like America/New_York.` };
  const markets = form.markets.split(/[\s,]+/).map((m) => m.trim().toUpperCase()).filter((m) => m !== '');
  return {
    rules: {
      enabled: form.enabled, allFills: form.allFills,
      ...(minQty === '' ? {} : { minQty }), ...(minNotional === '' ? {} : { minNotional }),
      markets: [...new Set(markets)], cancelsAndRejects: form.cancelsAndRejects, sessionAlerts: form.sessionAlerts,
      ...(form.quietUntil === null ? {} : { quietUntil: form.quietUntil }),
      ...(form.quietHours ? { quietHours: { from: form.quietFrom, to: form.quietTo, timeZone: form.quietTimeZone.trim() } } : {}),
      alertsBypassQuiet: form.alertsBypassQuiet,
      // Absent means on (rules saved before surveillance alerts existed).
      ...(form.surveillanceAlerts ? {} : { surveillanceAlerts: false }),
    },
  };
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name.trim() });
    return name.trim() !== '';
  } catch {
    return false;
  }
}
