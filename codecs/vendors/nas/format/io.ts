/**
 * Little-endian byte cursor and byte sink for NAS payloads. Every NAS packet (UL20xx, CM30xx,
 * UM30xx) is little-endian, bit fields are read from the least significant bit up, and each
 * read or write names the packet and field so a short frame fails with a message such as
 * `"status_packet: mcu_temperature__C: need 1 byte at offset 8, got 0"`.
 */
import { fail } from '../../../framework/codec-error.js';
import {
  need, readFloat32LE, readIntLE, readUintLE, writeIntLE, writeUintLE,
} from '../../../framework/bytes.js';

/** A read position over a frame; `what` is the packet name used in messages. */
export interface Reader {
  readonly bytes: number[];
  offset: number;
  what: string;
}

/** A cursor at `offset` (1 by default: after the header byte). */
export function reader(bytes: number[], what: string, offset = 1): Reader {
  return { bytes, offset, what };
}

/** Bytes left after the cursor. */
export function left(r: Reader): number {
  return r.bytes.length - r.offset;
}

function uint(r: Reader, n: number, field: string): number {
  const v = readUintLE(r.bytes, r.offset, n, `${r.what}: ${field}`);
  r.offset += n;
  return v;
}

function sint(r: Reader, n: number, field: string): number {
  const v = readIntLE(r.bytes, r.offset, n, `${r.what}: ${field}`);
  r.offset += n;
  return v;
}

/** An integer of `n` bytes, little-endian, signed when `signed`; `field` names it in messages. */
export function readInt(r: Reader, n: number, signed: boolean, field: string): number {
  return signed ? sint(r, n, field) : uint(r, n, field);
}

/** Unsigned and signed little-endian readers; `f` names the field for messages. */
export const u8 = (r: Reader, f: string): number => uint(r, 1, f);
export const u16 = (r: Reader, f: string): number => uint(r, 2, f);
export const u24 = (r: Reader, f: string): number => uint(r, 3, f);
export const u32 = (r: Reader, f: string): number => uint(r, 4, f);
export const i8 = (r: Reader, f: string): number => sint(r, 1, f);
export const i16 = (r: Reader, f: string): number => sint(r, 2, f);
export const i32 = (r: Reader, f: string): number => sint(r, 4, f);

/** Unsigned 64-bit little-endian; fails above 2^53 where a number would lose digits. */
export function u64(r: Reader, field: string): number {
  const lo = uint(r, 4, field);
  const hi = uint(r, 4, field);
  if (hi >= 0x200000) fail(`${r.what}: ${field}: value above 2^53 at offset ${r.offset - 8}`);
  return hi * 0x100000000 + lo;
}

/** IEEE 754 binary32, little-endian. */
export function f32(r: Reader, field: string): number {
  const v = readFloat32LE(r.bytes, r.offset, `${r.what}: ${field}`);
  r.offset += 4;
  return v;
}

/** `n` raw bytes. */
export function raw(r: Reader, n: number, field: string): number[] {
  need(r.bytes, r.offset, n, `${r.what}: ${field}`);
  const out = r.bytes.slice(r.offset, r.offset + n);
  r.offset += n;
  return out;
}

/** Bit `i` (0 = least significant) of `byte`. */
export function bit(byte: number, i: number): boolean {
  return (byte >> i & 1) === 1;
}

/** A byte sink; `what` is the packet name used in messages. */
export interface Writer {
  readonly bytes: number[];
  what: string;
}

/** A sink that starts with the header byte. */
export function writer(header: number, what: string): Writer {
  return { bytes: [header], what };
}

/** Little-endian writers; each fails, naming the field, when `v` does not fit. */
export const w8 = (w: Writer, v: number, f: string): void =>
  writeUintLE(w.bytes, v, 1, `${w.what}: ${f}`);
export const w16 = (w: Writer, v: number, f: string): void =>
  writeUintLE(w.bytes, v, 2, `${w.what}: ${f}`);
export const w24 = (w: Writer, v: number, f: string): void =>
  writeUintLE(w.bytes, v, 3, `${w.what}: ${f}`);
export const w32 = (w: Writer, v: number, f: string): void =>
  writeUintLE(w.bytes, v, 4, `${w.what}: ${f}`);
export const wi8 = (w: Writer, v: number, f: string): void =>
  writeIntLE(w.bytes, v, 1, `${w.what}: ${f}`);
export const wi16 = (w: Writer, v: number, f: string): void =>
  writeIntLE(w.bytes, v, 2, `${w.what}: ${f}`);
export const wi32 = (w: Writer, v: number, f: string): void =>
  writeIntLE(w.bytes, v, 4, `${w.what}: ${f}`);

/** An integer of `n` bytes, little-endian, signed when `signed`; fails when `v` does not fit. */
export function writeInt(w: Writer, v: number, n: number, signed: boolean, f: string): void {
  (signed ? writeIntLE : writeUintLE)(w.bytes, v, n, `${w.what}: ${f}`);
}

/** Unsigned 64-bit little-endian, for integers up to 2^53. */
export function w64(w: Writer, v: number, f: string): void {
  if (typeof v !== 'number' || v !== Math.floor(v) || v < 0 || v > 9007199254740991) {
    fail(`${w.what}: ${f}: expected an integer from 0 to 2^53 - 1, got ${String(v)}`);
  }
  w32(w, v % 0x100000000, f);
  w32(w, Math.floor(v / 0x100000000), f);
}

/** Packs booleans into one byte, the first at bit 0. */
export function bitsByte(flags: boolean[]): number {
  let b = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) b |= 1 << i;
  return b;
}

/**
 * IEEE 754 binary32 of `v` rounded to nearest, little-endian, computed without typed arrays
 * (ES5 engines have no Math.fround or DataView). NaN is written as the quiet NaN 0x7FC00000.
 */
export function wf32(w: Writer, v: number, f: string): void {
  if (typeof v !== 'number') fail(`${w.what}: ${f}: expected a number, got ${String(v)}`);
  if (v !== v) {
    w32(w, 0x7fc00000, f);
    return;
  }
  let bits: number;
  const sign = v < 0 || (v === 0 && 1 / v < 0) ? 0x80000000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) {
    bits = 0x7f800000;
  } else if (a < Math.pow(2, -126)) {
    bits = Math.round(a / Math.pow(2, -149));
  } else {
    let e = Math.floor(Math.log(a) / Math.LN2);
    if (Math.pow(2, e) > a) e--;
    if (Math.pow(2, e + 1) <= a) e++;
    let m = Math.round((a / Math.pow(2, e) - 1) * 0x800000);
    if (m === 0x800000) { m = 0; e++; }
    bits = e + 127 >= 255 ? 0x7f800000 : (e + 127) * 0x800000 + m;
  }
  w32(w, sign + bits, f);
}

/**
 * The number to write as binary32 for a decimal text a decoder printed with `toFixed`: a
 * negative zero text (`'-0.000'`) came from a tiny negative value, so it becomes the smallest
 * negative binary32, which prints the same.
 */
export function floatOfText(s: string): number {
  if (s === 'NaN') return NaN;
  const n = parseFloat(s);
  return n === 0 && s.charAt(0) === '-' ? -Math.pow(2, -149) : n;
}
