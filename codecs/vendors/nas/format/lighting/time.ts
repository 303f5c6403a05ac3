/**
 * Device clock values of UL20xx packets: Unix seconds, shown as ISO 8601 UTC. Times before
 * 2015-01-01 mean the clock is not set; the vendor shows `'invalid_timestamp'` and warns.
 */
import { fail } from '../../../../framework/codec-error.js';
import { epochOfIso, isoOfEpoch } from '../values.js';

/** 2015-01-01T00:00:00Z, the earliest time the vendor treats as a set clock. */
export const EPOCH_FLOOR = 1420070400;

/** ISO 8601 UTC of a device epoch, or `'invalid_timestamp'` with a warning. */
export function decodeEpoch(seconds: number, warnings: string[]): string {
  if (seconds < EPOCH_FLOOR) {
    warnings.push('invalid_timestamp');
    return 'invalid_timestamp';
  }
  return isoOfEpoch(seconds);
}

/** Seconds of an ISO 8601 UTC time at or after 2015 that fits 32 bits. */
export function encodeEpoch(v: unknown, what: string): number {
  const s = epochOfIso(v, what);
  if (s < EPOCH_FLOOR || s > 0xffffffff) {
    fail(`${what}: expected a time from 2015-01-01 to 2106-02-07, got ${String(v)}`);
  }
  return s;
}

/** Schema of a decoded epoch. */
export const epochSchema: Record<string, unknown> = { type: 'string' };
