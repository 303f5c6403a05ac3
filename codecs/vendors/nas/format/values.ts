/**
 * Value helpers shared by NAS packets: reading fields out of the data object to encode, and
 * the text forms the vendor's reference decoders use (zero-padded numbers, upper-case hex,
 * ISO 8601 UTC times, UTF-8 strings). ES5-safe: no padStart, no Number.isInteger.
 */
import { fail } from '../../../framework/codec-error.js';

/** A decoded object, keyed as the vendor names its fields. */
export type Fields = Record<string, unknown>;

/** `data` as an object, or a failure naming the packet. */
export function asFields(data: unknown, what: string): Fields {
  if (typeof data !== 'object' || data === null || data instanceof Array) {
    fail(`${what}: expected an object, got ${data === null ? 'null' : typeof data}`);
  }
  return data as Fields;
}

/** The value of `key`, failing when it is missing. */
export function field(data: Fields, key: string, what: string): unknown {
  const v = data[key];
  if (v === undefined) fail(`${what}: missing field ${key}`);
  return v;
}

/** An integer field in [min, max]. */
export function intField(data: Fields, key: string, min: number, max: number,
  what: string): number {
  return intValue(field(data, key, what), min, max, `${what}: ${key}`);
}

/** Checks that `v` is an integer in [min, max]. */
export function intValue(v: unknown, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || v !== Math.floor(v) || v < min || v > max) {
    fail(`${what}: expected an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** A finite number field. */
export function numField(data: Fields, key: string, what: string): number {
  const v = field(data, key, what);
  if (typeof v !== 'number' || !isFinite(v)) {
    fail(`${what}: ${key}: expected a number, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** A boolean field; absent counts as false only when `optional`. */
export function boolField(data: Fields, key: string, what: string, optional = false): boolean {
  const v = data[key];
  if (v === undefined && optional) return false;
  if (typeof v !== 'boolean') {
    fail(`${what}: ${key}: expected true or false, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** A string field. */
export function strField(data: Fields, key: string, what: string): string {
  const v = field(data, key, what);
  if (typeof v !== 'string') fail(`${what}: ${key}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

/** An array field. */
export function arrField(data: Fields, key: string, what: string): unknown[] {
  const v = field(data, key, what);
  if (!(v instanceof Array)) fail(`${what}: ${key}: expected an array`);
  return v;
}

/**
 * A byte that is either a number or one named special value (such as 0xFF for `'disabled'`):
 * encodes `v` as `special` when it equals `name`, else as an integer in [0, max].
 */
export function byteOr(v: unknown, name: string, special: number, max: number,
  what: string): number {
  if (v === name) return special;
  return intValue(v, 0, max, what);
}

/** The key of `table` whose value is `v`, failing with the accepted names. */
export function codeOf(table: Record<number, string>, v: unknown, what: string): number {
  for (const k in table) if (table[k] === v) return Number(k);
  const names: string[] = [];
  for (const k in table) names.push(table[k]!);
  fail(`${what}: expected one of ${names.join(', ')}, got ${JSON.stringify(v)}`);
}

/** `n` as decimal, left-padded with zeros to `width` digits. */
export function pad(n: number | string, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** Upper-case hex of `n`, left-padded to `width` digits (serial numbers). */
export function hexUpper(n: number, width: number): string {
  return pad(n.toString(16).toUpperCase(), width);
}

/** Upper-case hex of bytes. */
export function bytesHexUpper(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += hexUpper(bytes[i]!, 2);
  return s;
}

/** Bytes of a hex string, failing on anything but pairs of hex digits. */
export function hexBytes(v: unknown, what: string): number[] {
  if (typeof v !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(v)) {
    fail(`${what}: expected hex digit pairs, got ${JSON.stringify(v)}`);
  }
  const out: number[] = [];
  for (let i = 0; i < v.length; i += 2) out.push(parseInt(v.substr(i, 2), 16));
  return out;
}

/** Parses an upper- or lower-case hex serial of at most `digits` digits. */
export function serialValue(v: unknown, digits: number, what: string): number {
  if (typeof v !== 'string' || !new RegExp(`^[0-9a-fA-F]{1,${digits}}$`).test(v)) {
    fail(`${what}: expected up to ${digits} hex digits, got ${JSON.stringify(v)}`);
  }
  return parseInt(v, 16);
}

/** ISO 8601 UTC time with milliseconds of a Unix time in seconds (time zone independent). */
export function isoOfEpoch(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Unix seconds of an ISO 8601 UTC time written as `isoOfEpoch` writes it. */
export function epochOfIso(v: unknown, what: string): number {
  const ok = typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/.test(v);
  const ms = ok ? Date.parse(v as string) : NaN;
  if (ms !== ms || ms % 1000 !== 0) {
    fail(`${what}: expected an ISO 8601 UTC time such as 2020-01-16T15:23:31.000Z, got ` +
      JSON.stringify(v));
  }
  return ms / 1000;
}

/**
 * Decodes UTF-8 (RFC 3629) into a string, code points above U+FFFF as surrogate pairs.
 * Returns null on a malformed sequence.
 */
export function utf8Decode(bytes: number[]): string | null {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i++]!;
    let extra = 0;
    let cp = b;
    if (b >= 0xf0 && b < 0xf5) { extra = 3; cp = b & 0x07; }
    else if (b >= 0xe0 && b < 0xf0) { extra = 2; cp = b & 0x0f; }
    else if (b >= 0xc2 && b < 0xe0) { extra = 1; cp = b & 0x1f; }
    else if (b >= 0x80) return null;
    if (i + extra > bytes.length) return null;
    for (let k = 0; k < extra; k++) {
      const c = bytes[i++]!;
      if ((c & 0xc0) !== 0x80) return null;
      cp = cp * 64 + (c & 0x3f);
    }
    const min = [0, 0x80, 0x800, 0x10000][extra]!;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) return null;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      s += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      s += String.fromCharCode(cp);
    }
  }
  return s;
}

/** UTF-8 bytes of a string; fails on a lone surrogate. */
export function utf8Encode(s: string, what: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + (cp - 0xd800) * 1024 + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp < 0xe000) fail(`${what}: lone UTF-16 surrogate at index ${i}`);
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | cp >> 6, 0x80 | cp & 0x3f);
    else if (cp < 0x10000) out.push(0xe0 | cp >> 12, 0x80 | cp >> 6 & 0x3f, 0x80 | cp & 0x3f);
    else {
      out.push(0xf0 | cp >> 18, 0x80 | cp >> 12 & 0x3f, 0x80 | cp >> 6 & 0x3f, 0x80 | cp & 0x3f);
    }
  }
  return out;
}

/** Copies own fields of `src` onto `target` (ES5 stand-in for object spread). */
export function extend<T extends object>(target: T, src: object): T {
  for (const k in src) {
    if (Object.prototype.hasOwnProperty.call(src, k)) {
      (target as Record<string, unknown>)[k] = (src as Record<string, unknown>)[k];
    }
  }
  return target;
}
