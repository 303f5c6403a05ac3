/**
 * Ties a compact profile to its base value and time: the record of the same quantity, VIF,
 * storage number, tariff and sub-unit that is not a profile, and the date/time record of that
 * storage number (EN 13757-3:2018 annex F). The result is one point per storage number.
 */
import { fail } from '../../framework/codec-error.js';
import { stepBack } from './profile.js';
import type { OmsRecord } from './records.js';

/** One value of a resolved profile. */
export interface OmsSeriesPoint {
  storage: number;
  /** Value in the record's raw unit (`null` where an element was invalid). */
  value: number | null;
  /** ISO 8601 UTC time, when the base time and spacing fix it. */
  time?: string;
}

/**
 * Finds the time of `storage`: its date/time record (type F), else its date record (type G,
 * at midnight UTC), else the frame's first date/time or date.
 */
export function findRecordTime(records: OmsRecord[], storage: number): string | undefined {
  let first: string | undefined;
  let sameDate: string | undefined;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if ((r.quantity !== 'dateTime' && r.quantity !== 'date') || typeof r.value !== 'string') {
      continue;
    }
    const iso = r.quantity === 'date' ? r.value + 'T00:00:00.000Z' : r.value;
    if (r.storage === storage && r.quantity === 'dateTime') return iso;
    if (r.storage === storage && sameDate === undefined) sameDate = iso;
    if (first === undefined) first = iso;
  }
  return sameDate ?? first;
}

/**
 * Resolves the profile of `records[index]` into points, newest first, the base value first.
 * An inverse profile walks back from the base value; increments are subtracted going back,
 * decrements added, signed differences subtracted; absolute elements are taken as they are.
 *
 * @throws CodecError when the base value the profile needs is missing or invalid.
 */
export function resolveProfile(records: OmsRecord[], index: number): OmsSeriesPoint[] {
  const rec = records[index]!;
  const p = rec.profile;
  if (!p) return fail(`oms record ${index}: not a compact profile`);
  let base: OmsRecord | undefined;
  for (let i = 0; i < records.length && !base; i++) {
    const r = records[i]!;
    if (!r.profile && r.vifTable === rec.vifTable && r.vifCode === rec.vifCode &&
      r.storage === rec.storage && r.tariff === rec.tariff && r.subUnit === rec.subUnit &&
      r.function === rec.function) base = r;
  }
  const absolute = p.incrementMode === 'absolute';
  if (!absolute && (!base || typeof base.value !== 'number')) {
    fail(`oms record ${index}: compact profile has no valid base value (same VIF and storage ` +
      `${rec.storage})`);
  }
  const baseTime = findRecordTime(records, rec.storage);
  let t: Date | undefined = baseTime ? new Date(baseTime) : undefined;
  const points: OmsSeriesPoint[] = [];
  let v: number | null = absolute ? null : (base!.value as number);
  if (!absolute) points.push(t ? { storage: rec.storage, value: v, time: baseTime! }
    : { storage: rec.storage, value: v });
  for (let k = 0; k < p.elements.length; k++) {
    const e = p.elements[k]!;
    if (absolute) v = e;
    else if (v === null || e === null) v = null;
    else v = p.incrementMode === 'decrements' ? v + e : v - e;
    if (absolute && k === 0) {
      // Absolute profiles start at the record's own storage number.
    } else if (t) {
      t = stepBack(t, p);
    }
    const storage = rec.storage + (absolute ? k : k + 1);
    points.push(t ? { storage, value: v, time: t.toISOString() } : { storage, value: v });
  }
  return points;
}
