// time-arg.ts — reads a time given on the command line: ISO 8601 (2026-11-24T14:05:09Z, or a date
// alone, meaning UTC midnight) or FIX UTCTimestamp (20261124-14:05:09[.123]).
import { parseUtcTimestamp } from '../core/fix/time.ts';
import { UsageError } from './cli-error.ts';

export function parseTimeArg(name: string, text: string): number {
  const fix = parseUtcTimestamp(text);
  if (fix !== undefined) return fix;
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const ms = Date.parse(/[T ]/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new UsageError(`--${name} must be a time like 2026-11-24T14:05:09Z or 20261124-14:05:09, not "${text}"`);
}
