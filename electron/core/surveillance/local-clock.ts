// local-clock.ts — an instant as a desk sees it in one IANA time zone: the calendar day, the weekday
// and the minute of the day. Every zone's offset is a whole number of quarter hours, so one Intl call
// per quarter hour serves every instant in it (as positions/day-key.ts does for days): constant work
// per event. Pure; Intl only.

export interface LocalTime {
  /** 'YYYY-MM-DD' */
  readonly day: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** 0 … 1439 */
  readonly minute: number;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const WEEKDAY_OF: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
/** Buckets remembered; a replay walks forward in time, so older ones are rarely asked again. */
const CACHE_LIMIT = 4_096;

export class LocalClock {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat;
  readonly #cache = new Map<number, LocalTime>();
  /** The last minute asked for: executions come many to a minute, so most calls end here. */
  #lastMinute = Number.NaN;
  #last: LocalTime | undefined;

  /** Throws RangeError for a zone Intl does not know (the rules schema checked it already). */
  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.#format = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
  }

  at(epochMs: number): LocalTime {
    const epochMinute = Math.floor(epochMs / 60_000);
    if (epochMinute === this.#lastMinute) return this.#last!;
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let start = this.#cache.get(bucket);
    if (start === undefined) {
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
      start = this.#compute(bucket * QUARTER_HOUR_MS);
      this.#cache.set(bucket, start);
    }
    const offset = Math.floor((epochMs - bucket * QUARTER_HOUR_MS) / 60_000);
    const local = offset === 0 ? start : { day: start.day, weekday: start.weekday, minute: start.minute + offset };
    this.#lastMinute = epochMinute;
    this.#last = local;
    return local;
  }

  day(epochMs: number): string {
    return this.at(epochMs).day;
  }

  #compute(epochMs: number): LocalTime {
    const parts: Record<string, string> = {};
    for (const part of this.#format.formatToParts(epochMs)) parts[part.type] = part.value;
    return {
      day: `${parts.year}-${parts.month}-${parts.day}`,
      weekday: WEEKDAY_OF[parts.weekday ?? ''] ?? 0,
      minute: Number(parts.hour) * 60 + Number(parts.minute),
    };
  }
}

/** 'HH:MM' → minutes after midnight ('24:00' → 1440). */
export function minuteOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
