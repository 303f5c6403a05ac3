/**
 * Adeunis timestamps: seconds since 2013-01-01T00:00:00Z, shown as the vendor's codec shows
 * them, an ISO 8601 UTC date without the trailing "Z". Computed in UTC, so the decoding
 * machine's time zone never shifts them.
 */
import { fail } from '../../../framework/codec-error.js';

/** 2013-01-01T00:00:00Z in Unix seconds. */
export const ADEUNIS_EPOCH_S = 1356998400;

/** Text of an Adeunis timestamp. */
export function timestampText(seconds: number): string {
  return new Date((seconds + ADEUNIS_EPOCH_S) * 1000).toISOString().replace('Z', '');
}

/** Seconds since the Adeunis epoch of a timestamp text (read as UTC). */
export function timestampSeconds(text: unknown, what: string): number {
  const ms = typeof text === 'string' ? Date.parse(text + 'Z') : NaN;
  const s = ms / 1000 - ADEUNIS_EPOCH_S;
  if (isNaN(s) || s !== Math.floor(s) || s < 0 || s > 0xffffffff) {
    fail(`${what}: timestamp must be a whole-second date from 2013 to 2149, got ${String(text)}`);
  }
  return s;
}
