/**
 * The data codings of EN 13757-3:2018 annex A, read and written on `number[]` without typed
 * arrays: type B (signed binary), type C (unsigned binary), type A (BCD, with the 0xF sign
 * nibble), type H (IEEE 754 binary32), and integers too wide for a double as exact decimal
 * strings. All multi-byte values are little-endian on the air (EN 13757-3 §5.3).
 */
import { fail } from '../../framework/codec-error.js';
import { need } from '../../framework/bytes.js';

/** Largest integer a double holds exactly. */
const SAFE = 9007199254740991;

/** Little-endian bytes as an exact decimal string, unsigned. */
function leToDecimal(bytes: number[], offset: number, n: number): string {
  const digits = [0]; // least significant first
  for (let i = n - 1; i >= 0; i--) {
    let carry = bytes[offset + i]!;
    for (let d = 0; d < digits.length; d++) {
      const v = digits[d]! * 256 + carry;
      digits[d] = v % 10;
      carry = Math.floor(v / 10);
    }
    while (carry > 0) {
      digits.push(carry % 10);
      carry = Math.floor(carry / 10);
    }
  }
  let s = '';
  for (let d = digits.length - 1; d >= 0; d--) s += String(digits[d]);
  return s;
}

/** Exact decimal string (no sign) to `n` little-endian bytes; fails when it does not fit. */
function decimalToLe(dec: string, n: number, what: string): number[] {
  let digits: number[] = [];
  for (let i = 0; i < dec.length; i++) digits.push(dec.charCodeAt(i) - 48);
  const out: number[] = [];
  for (let b = 0; b < n; b++) {
    let rem = 0;
    const next: number[] = [];
    for (let i = 0; i < digits.length; i++) {
      const v = rem * 10 + digits[i]!;
      const q = Math.floor(v / 256);
      rem = v % 256;
      if (next.length > 0 || q > 0) next.push(q);
    }
    out.push(rem);
    digits = next;
  }
  if (digits.length > 0) fail(`${what}: ${dec} does not fit in ${n} bytes`);
  return out;
}

/** Two's complement negation of little-endian bytes, in place. */
function negateLe(b: number[]): void {
  let carry = 1;
  for (let i = 0; i < b.length; i++) {
    const v = (255 - b[i]!) + carry;
    b[i] = v & 0xff;
    carry = v > 255 ? 1 : 0;
  }
}

/**
 * Reads an `n`-byte little-endian integer (type B when `signed`, else type C). Values beyond
 * 2^53 come back as exact decimal strings.
 */
export function readIntegerLE(
  bytes: number[],
  offset: number,
  n: number,
  signed: boolean,
  what: string,
): number | string {
  need(bytes, offset, n, what);
  const negative = signed && bytes[offset + n - 1]! >= 0x80;
  const b = bytes.slice(offset, offset + n);
  if (negative) negateLe(b);
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + b[i]!;
  if (v <= SAFE) return negative ? -v : v;
  const dec = leToDecimal(b, 0, n);
  return negative ? '-' + dec : dec;
}

/** Appends an `n`-byte little-endian integer; accepts a number or an exact decimal string. */
export function writeIntegerLE(
  out: number[],
  value: number | string,
  n: number,
  signed: boolean,
  what: string,
): void {
  let negative: boolean;
  let mag: string;
  if (typeof value === 'number') {
    if (value !== Math.floor(value) || Math.abs(value) > SAFE) {
      fail(`${what}: expected an integer, got ${String(value)}`);
    }
    negative = value < 0;
    mag = String(Math.abs(value));
  } else if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) {
    negative = value.charAt(0) === '-';
    mag = negative ? value.substr(1) : value;
  } else {
    return fail(`${what}: expected an integer, got ${JSON.stringify(value)}`);
  }
  if (negative && !signed) {
    fail(`${what}: ${String(value)} is negative but the coding is unsigned`);
  }
  const b = decimalToLe(mag, n, what);
  if (negative) negateLe(b);
  const top = b[n - 1]!;
  if (signed && mag !== '0' && negative !== top >= 0x80) {
    fail(`${what}: ${String(value)} does not fit in ${n} signed bytes`);
  }
  for (let i = 0; i < n; i++) out.push(b[i]!);
}

/** True when the `n` bytes hold the type B "invalid" marker (only the sign bit set). */
export function isTypeBInvalid(bytes: number[], offset: number, n: number): boolean {
  for (let i = 0; i < n - 1; i++) if (bytes[offset + i] !== 0) return false;
  return bytes[offset + n - 1] === 0x80;
}

/** True when the `n` bytes are all 0xFF (the type C "invalid" marker). */
export function isAllOnes(bytes: number[], offset: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (bytes[offset + i] !== 0xff) return false;
  return true;
}

/**
 * Reads `n` bytes of type A (BCD, least significant byte first). A most significant nibble of
 * 0xF means negative (EN 13757-3 annex A). Returns `undefined` when a digit is not 0..9.
 */
export function readBcd(bytes: number[], offset: number, n: number, what: string):
  number | undefined {
  need(bytes, offset, n, what);
  let v = 0;
  let negative = false;
  for (let i = n - 1; i >= 0; i--) {
    const b = bytes[offset + i]!;
    let hi = b >> 4;
    const lo = b & 0x0f;
    if (i === n - 1 && hi === 0x0f) {
      negative = true;
      hi = 0;
    }
    if (hi > 9 || lo > 9) return undefined;
    v = v * 100 + hi * 10 + lo;
  }
  return negative ? -v : v;
}

/** Appends `value` as `n` BCD bytes; negative values use the 0xF sign nibble. */
export function writeBcd(out: number[], value: number, n: number, what: string): void {
  const digits = 2 * n;
  const negative = value < 0;
  const maxMag = Math.pow(10, negative ? digits - 1 : digits) - 1;
  if (typeof value !== 'number' || value !== Math.floor(value) || Math.abs(value) > maxMag) {
    fail(`${what}: expected an integer of at most ${digits} BCD digits, got ${String(value)}`);
  }
  let mag = Math.abs(value);
  for (let i = 0; i < n; i++) {
    const lo = mag % 10;
    mag = Math.floor(mag / 10);
    let hi = mag % 10;
    mag = Math.floor(mag / 10);
    if (i === n - 1 && negative) hi = 0x0f;
    out.push(hi * 16 + lo);
  }
}

/** IEEE 754 binary32 bit pattern of `v`, rounded to nearest, computed without typed arrays. */
export function float32Bits(v: number): number {
  if (v !== v) return 0x7fc00000;
  const sign = v < 0 || (v === 0 && 1 / v < 0) ? 0x80000000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) return sign + 0x7f800000;
  if (a === 0) return sign;
  let e = Math.floor(Math.log(a) / Math.LN2);
  if (Math.pow(2, e) > a) e--;
  if (Math.pow(2, e + 1) <= a) e++;
  if (e < -126) return sign + Math.round(a / Math.pow(2, -149));
  let mant = Math.round((a / Math.pow(2, e) - 1) * 0x800000);
  if (mant === 0x800000) {
    mant = 0;
    e++;
  }
  if (e > 127) return sign + 0x7f800000;
  return sign + (e + 127) * 0x800000 + mant;
}

/** Appends `value` as a little-endian binary32 (type H). */
export function writeFloat32LE(out: number[], value: number, what: string): void {
  if (typeof value !== 'number') fail(`${what}: expected a number, got ${String(value)}`);
  let bits = float32Bits(value);
  for (let i = 0; i < 4; i++) {
    out.push(bits % 256);
    bits = Math.floor(bits / 256);
  }
}
