/**
 * Meter fields shared by the NAS CM30xx (and UM30xx) readers: meter status, the multiplier /
 * medium / unit byte, the actuality duration code, the meter index text and the readout date
 * (NAS "CM3xxx payload description", usage packet).
 */
import { fail } from '../../../../framework/codec-error.js';
import { S } from '../packet.js';
import { codeOf, pad } from '../values.js';

/** Meter bus status codes (4 is a second protocol-error code, as the vendor lists it). */
export const METER_STATUS: Record<number, string> = {
  0: 'connected', 1: 'no_response', 2: 'protocol_error', 3: 'meter_damaged', 5: 'bus_shorted',
};

/** The name of a meter status code; fails on codes the vendor reports as errors. */
export function decodeMeterStatus(code: number, what: string, offset: number): string {
  if (code === 4) return 'protocol_error';
  const s = METER_STATUS[code];
  if (s === undefined) fail(`${what}: invalid meter_status ${code} at offset ${offset}`, offset);
  return s;
}

/** The code of a meter status name. */
export function encodeMeterStatus(v: unknown, what: string): number {
  return codeOf(METER_STATUS, v, what);
}

/** Meter media (bits 3-4 of the meter-format byte). */
export const MEDIUM: Record<number, string> = { 0: 'water', 1: 'warm_water', 2: 'gas' };
/** Meter units (bits 5-6 of the meter-format byte). */
export const UNIT: Record<number, string> = { 0: 'm3', 1: 'gal', 2: 'ft3' };

/** Multipliers by exponent code 3 to 7: 10^(code - 6). */
export const MULTIPLIERS = [0.001, 0.01, 0.1, 1, 10];

/** Multiplier, medium, unit and privacy flag of the meter-format byte. */
export interface MeterFormat {
  multiplier: number;
  medium: string;
  unit: string;
  privacy: boolean;
}

/** Decodes the meter-format byte: bits 0-2 exponent, 3-4 medium, 5-6 unit, 7 privacy. */
export function decodeMeterFormat(b: number, what: string, offset: number): MeterFormat {
  const exp = b & 7;
  // The vendor's configuration decoder shows a multiplier of -1 here without an error; a
  // code below 3 has no multiplier, so it fails instead.
  if (exp < 3) fail(`${what}: invalid_multiplier code ${exp} at offset ${offset}`, offset);
  const medium = MEDIUM[b >> 3 & 3];
  if (medium === undefined) fail(`${what}: invalid_medium at offset ${offset}`, offset);
  const unit = UNIT[b >> 5 & 3];
  if (unit === undefined) fail(`${what}: invalid_unit at offset ${offset}`, offset);
  return { multiplier: MULTIPLIERS[exp - 3]!, medium, unit, privacy: (b & 0x80) !== 0 };
}

/** The meter-format byte. */
export function encodeMeterFormat(f: { multiplier: unknown; medium: unknown; unit: unknown;
  privacy: boolean }, what: string): number {
  const i = MULTIPLIERS.indexOf(f.multiplier as number);
  if (i < 0) fail(`${what}: meter_multiplier: expected one of ${MULTIPLIERS.join(', ')}`);
  return (i + 3) | codeOf(MEDIUM, f.medium, `${what}: meter_medium`) << 3 |
    codeOf(UNIT, f.unit, `${what}: meter_unit`) << 5 | (f.privacy ? 0x80 : 0);
}

/**
 * Actuality duration (how old the meter reading is), a one-byte code: 0-59 minutes, then
 * quarter hours, days, weeks, and 253 for a year; 254 and 255 are unknown (null).
 */
export function actualityMinutes(code: number): number | null {
  if (code < 60) return code;
  if (code < 156) return (code - 60) * 15;
  if (code < 200) return (code - 156) * 24 * 60;
  if (code < 253) return (code - 200) * 7 * 24 * 60;
  if (code === 253) return 365 * 24 * 60;
  return null;
}

/** The vendor's text for an actuality code, such as `'3 minutes'` or `'1.75 hours'`. */
export function actualityText(code: number): string | null {
  const m = actualityMinutes(code);
  if (m === null) return null;
  if (code < 60) return m + ' minutes';
  if (code < 156) return (m / 60).toFixed(2) + ' hours';
  if (code < 200) return (m / (60 * 24)).toFixed(2) + ' days';
  if (code < 253) return (m / (60 * 24 * 7)).toFixed(2) + ' weeks';
  return (m / (60 * 24 * 365)).toFixed(2) + ' years';
}

/** The code whose minutes and text are both the given ones. */
export function actualityCode(minutes: unknown, text: unknown, what: string): number {
  for (let c = 0; c < 256; c++) {
    if (actualityMinutes(c) === minutes && actualityText(c) === text) return c;
  }
  fail(`${what}: no actuality code gives ${JSON.stringify(minutes)} and ${JSON.stringify(text)}`);
}

/** Decimal places of a multiplier (negative for 10). */
function decimalsOf(multiplier: number): number {
  return [3, 2, 1, 0, -1][MULTIPLIERS.indexOf(multiplier)]!;
}

/**
 * The meter index as the vendor shows it: the raw count times the multiplier, as text with
 * leading zeros to 8 digits plus the decimals (`'003283.35'` for 328335 × 0.01). The vendor
 * places the point 8 - decimals characters from the left, which misplaces it for counts of 9
 * or more digits; here it is placed from the right, which agrees for every count up to 8
 * digits and stays right beyond.
 */
export function volumeText(count: number, multiplier: number): string {
  const d = decimalsOf(multiplier);
  if (d < 0) return pad(count * 10, 9);
  const s = pad(count, 8);
  return d === 0 ? s : s.substring(0, s.length - d) + '.' + s.substring(s.length - d);
}

/** The raw count of a meter index text. */
export function volumeCount(v: unknown, multiplier: number, what: string): number {
  const d = decimalsOf(multiplier);
  const re = d > 0 ? new RegExp(`^\\d+\\.\\d{${d}}$`) : /^\d+$/;
  if (typeof v !== 'string' || !re.test(v)) {
    fail(`${what}: expected the index as digits with ${Math.max(d, 0)} decimals, got ` +
      JSON.stringify(v));
  }
  const n = parseInt(v.replace('.', ''), 10);
  if (d < 0 && n % 10 !== 0) fail(`${what}: with multiplier 10 the index ends in 0`);
  const count = d < 0 ? n / 10 : n;
  if (count > 0xffffffff) fail(`${what}: index above the 32-bit counter`);
  return count;
}

/**
 * Readout date of privacy mode: day (bits 0-4) and year bits 0-2 in the first byte, month
 * (bits 0-3, January = 0) and year bits 3-6 in the second; year = 2000 + that. Computed in UTC
 * with Date.UTC, so the machine's time zone never shifts it; out-of-range days and months
 * roll over as JavaScript dates (and the vendor's decoder) do.
 */
export function decodeReadoutDate(b1: number, b2: number): string {
  const year = 2000 + (b1 >> 5) + 8 * (b2 >> 4);
  return new Date(Date.UTC(year, b2 & 0x0f, b1 & 0x1f)).toISOString().substring(0, 10);
}

/** The two bytes of a `YYYY-MM-DD` readout date (2000 to 2127). */
export function encodeReadoutDate(v: unknown, what: string): [number, number] {
  const m = typeof v === 'string' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(v) : null;
  const y = m === null ? 0 : Number(m[1]) - 2000;
  const month = m === null ? 0 : Number(m[2]) - 1;
  const day = m === null ? 0 : Number(m[3]);
  if (m === null || y < 0 || y > 127 || month < 0 || month > 11 || day < 1 || day > 31 ||
    decodeReadoutDate(day | (y & 7) << 5, month | (y >> 3) << 4) !== v) {
    fail(`${what}: expected a date YYYY-MM-DD from 2000 to 2127, got ${JSON.stringify(v)}`);
  }
  return [day | (y & 7) << 5, month | (y >> 3) << 4];
}

/** Serial as 8 upper-case hex digits, or `'not_available'` for 0xFFFFFFFF. */
export function serialText(n: number): string {
  return n === 0xffffffff ? 'not_available' : pad(n.toString(16).toUpperCase(), 8);
}

/** The number of a serial text. */
export function serialNumber(v: unknown, what: string): number {
  if (v === 'not_available') return 0xffffffff;
  if (typeof v !== 'string' || !/^[0-9A-Fa-f]{1,8}$/.test(v) || /^[fF]{8}$/.test(v)) {
    fail(`${what}: expected 8 hex digits or not_available, got ${JSON.stringify(v)}`);
  }
  return parseInt(v, 16);
}

/** Schemas of the shared fields. */
export const meterSchemas = /* @__PURE__ */ (() => ({
  meter_status: S.enum('connected', 'no_response', 'protocol_error', 'meter_damaged',
    'bus_shorted'),
  meter_multiplier: { enum: MULTIPLIERS },
  meter_medium: S.enum('water', 'warm_water', 'gas'),
  meter_unit: S.enum('m3', 'gal', 'ft3'),
}))();
