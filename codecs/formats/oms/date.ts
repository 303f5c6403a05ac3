/**
 * Date codings of EN 13757-3:2018 annex A: type F (CP32, date and time to the minute) and
 * type G (CP16, date). Both are read and written in UTC: the meter's clock carries no zone, and
 * loire never applies the machine's time zone.
 */
import { fail } from '../../framework/codec-error.js';
import { need } from '../../framework/bytes.js';

/** A decoded type F value. */
export interface TypeFDate {
  /** ISO 8601 UTC, such as `2024-06-19T13:42:00.000Z`. */
  iso: string;
  /** The SU bit: the meter said it was on summer time. */
  summerTime: boolean;
}

function pad2(n: number): string {
  return (n < 10 ? '0' : '') + String(n);
}

/** True when the components form a real calendar date (no roll-over through Date.UTC). */
function isRealDate(y: number, mo: number, d: number, h: number, mi: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return false;
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return t.getUTCDate() === d && t.getUTCMonth() === mo - 1;
}

/**
 * Reads type F (4 bytes). Returns `undefined` when the IV (invalid) bit is set or the fields do
 * not form a date: EN 13757-3 annex A, table A.5.
 */
export function decodeTypeF(bytes: number[], offset: number, what: string):
  TypeFDate | undefined {
  need(bytes, offset, 4, what);
  const b0 = bytes[offset]!;
  const b1 = bytes[offset + 1]!;
  const b2 = bytes[offset + 2]!;
  const b3 = bytes[offset + 3]!;
  if (b0 & 0x80) return undefined;
  const minute = b0 & 0x3f;
  const hour = b1 & 0x1f;
  const hundredYear = (b1 >> 5) & 0x03;
  const day = b2 & 0x1f;
  const month = b3 & 0x0f;
  const year = 1900 + 100 * hundredYear + (((b3 >> 4) << 3) | (b2 >> 5));
  if (!isRealDate(year, month, day, hour, minute)) return undefined;
  const iso = new Date(Date.UTC(year, month - 1, day, hour, minute)).toISOString();
  return { iso, summerTime: (b1 & 0x80) !== 0 };
}

/** Parses the leading `YYYY-MM-DD[THH:MM]` of an ISO string; fails naming `what`. */
function parseIso(iso: unknown, what: string): number[] {
  const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/
    .exec(iso) : null;
  if (!match) return fail(`${what}: expected an ISO 8601 date, got ${JSON.stringify(iso)}`);
  const parts = [1, 2, 3, 4, 5].map((i) => (match[i] === undefined ? 0 : Number(match[i])));
  if (!isRealDate(parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!)) {
    fail(`${what}: ${String(iso)} is not a calendar date`);
  }
  return parts;
}

/** Appends type F for an ISO date-time (seconds are dropped: the coding has none). */
export function encodeTypeF(out: number[], iso: unknown, summerTime: boolean, what: string):
  void {
  const [y, mo, d, h, mi] = parseIso(iso, what) as [number, number, number, number, number];
  if (y < 1900 || y > 2299) fail(`${what}: year ${y} outside the type F range 1900..2299`);
  const hundredYear = Math.floor((y - 1900) / 100);
  const yy = (y - 1900) % 100;
  out.push(mi, h | (hundredYear << 5) | (summerTime ? 0x80 : 0));
  out.push(d | ((yy & 0x07) << 5), mo | ((yy >> 3) << 4));
}

/**
 * Reads type G (2 bytes) as `YYYY-MM-DD`, years 2000..2127. Returns `undefined` for 0xFFFF
 * or fields that are not a date (EN 13757-3 annex A, table A.6).
 */
export function decodeTypeG(bytes: number[], offset: number, what: string): string | undefined {
  need(bytes, offset, 2, what);
  const b0 = bytes[offset]!;
  const b1 = bytes[offset + 1]!;
  const day = b0 & 0x1f;
  const month = b1 & 0x0f;
  const year = 2000 + (((b1 >> 4) << 3) | (b0 >> 5));
  if (!isRealDate(year, month, day, 0, 0)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Appends type G for an ISO date (`YYYY-MM-DD`, time part ignored). */
export function encodeTypeG(out: number[], iso: unknown, what: string): void {
  const [y, mo, d] = parseIso(iso, what) as [number, number, number];
  if (y < 2000 || y > 2127) fail(`${what}: year ${y} outside the type G range 2000..2127`);
  const yy = y - 2000;
  out.push(d | ((yy & 0x07) << 5), mo | ((yy >> 3) << 4));
}
