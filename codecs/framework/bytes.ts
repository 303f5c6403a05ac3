/**
 * Reading and writing integers in `number[]` byte arrays, ES5-safe (no typed arrays), for codec
 * code. Every reader checks bounds and fails with a {@link fail} message that names what was
 * being read and the byte offset, never returning `NaN` or reading past the end.
 */
import { fail } from './codec-error.js';

/** Fails unless `n` bytes are available at `offset`. `what` names the field for the message. */
export function need(bytes: number[], offset: number, n: number, what: string): void {
  if (offset + n > bytes.length) {
    const got = Math.max(0, bytes.length - offset);
    fail(`${what}: need ${n} byte${n === 1 ? '' : 's'} at offset ${offset}, got ${got}`, offset);
  }
}

/** Unsigned integer of `n` bytes (1 to 6), big-endian. */
export function readUintBE(bytes: number[], offset: number, n: number, what: string): number {
  need(bytes, offset, n, what);
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + bytes[offset + i]!;
  return v;
}

/** Unsigned integer of `n` bytes (1 to 6), little-endian. */
export function readUintLE(bytes: number[], offset: number, n: number, what: string): number {
  need(bytes, offset, n, what);
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + bytes[offset + i]!;
  return v;
}

/** Two's-complement signed integer of `n` bytes (1 to 6), big-endian. */
export function readIntBE(bytes: number[], offset: number, n: number, what: string): number {
  return toSigned(readUintBE(bytes, offset, n, what), n);
}

/** Two's-complement signed integer of `n` bytes (1 to 6), little-endian. */
export function readIntLE(bytes: number[], offset: number, n: number, what: string): number {
  return toSigned(readUintLE(bytes, offset, n, what), n);
}

/** Reinterprets an unsigned `n`-byte value as two's complement. */
export function toSigned(value: number, n: number): number {
  const half = Math.pow(2, 8 * n - 1);
  return value >= half ? value - 2 * half : value;
}

export const u8 = (b: number[], o: number, what: string): number => readUintBE(b, o, 1, what);
export const i8 = (b: number[], o: number, what: string): number => readIntBE(b, o, 1, what);
export const u16le = (b: number[], o: number, what: string): number => readUintLE(b, o, 2, what);
export const u16be = (b: number[], o: number, what: string): number => readUintBE(b, o, 2, what);
export const i16le = (b: number[], o: number, what: string): number => readIntLE(b, o, 2, what);
export const i16be = (b: number[], o: number, what: string): number => readIntBE(b, o, 2, what);
export const u24le = (b: number[], o: number, what: string): number => readUintLE(b, o, 3, what);
export const u24be = (b: number[], o: number, what: string): number => readUintBE(b, o, 3, what);
export const u32le = (b: number[], o: number, what: string): number => readUintLE(b, o, 4, what);
export const u32be = (b: number[], o: number, what: string): number => readUintBE(b, o, 4, what);
export const i32le = (b: number[], o: number, what: string): number => readIntLE(b, o, 4, what);
export const i32be = (b: number[], o: number, what: string): number => readIntBE(b, o, 4, what);

/** Appends `value` as an unsigned `n`-byte big-endian integer; fails when it does not fit. */
export function writeUintBE(out: number[], value: number, n: number, what: string): void {
  checkRange(value, 0, Math.pow(2, 8 * n) - 1, what);
  for (let i = n - 1; i >= 0; i--) out.push(Math.floor(value / Math.pow(2, 8 * i)) % 256);
}

/** Appends `value` as an unsigned `n`-byte little-endian integer; fails when it does not fit. */
export function writeUintLE(out: number[], value: number, n: number, what: string): void {
  checkRange(value, 0, Math.pow(2, 8 * n) - 1, what);
  for (let i = 0; i < n; i++) out.push(Math.floor(value / Math.pow(2, 8 * i)) % 256);
}

/** Appends `value` as a two's-complement `n`-byte big-endian integer. */
export function writeIntBE(out: number[], value: number, n: number, what: string): void {
  const half = Math.pow(2, 8 * n - 1);
  checkRange(value, -half, half - 1, what);
  writeUintBE(out, value < 0 ? value + 2 * half : value, n, what);
}

/** Appends `value` as a two's-complement `n`-byte little-endian integer. */
export function writeIntLE(out: number[], value: number, n: number, what: string): void {
  const half = Math.pow(2, 8 * n - 1);
  checkRange(value, -half, half - 1, what);
  writeUintLE(out, value < 0 ? value + 2 * half : value, n, what);
}

function checkRange(value: number, min: number, max: number, what: string): void {
  if (typeof value !== 'number' || value !== Math.floor(value) || value < min || value > max) {
    fail(`${what}: expected an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

/** IEEE 754 binary32 from 4 bytes, big-endian, computed without typed arrays. */
export function readFloat32BE(bytes: number[], offset: number, what: string): number {
  const bits = readUintBE(bytes, offset, 4, what);
  const sign = bits >= 0x80000000 ? -1 : 1;
  const exponent = Math.floor(bits / 0x800000) & 0xff;
  const mantissa = bits % 0x800000;
  if (exponent === 0xff) return mantissa === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * mantissa * Math.pow(2, -149);
  return sign * (1 + mantissa / 0x800000) * Math.pow(2, exponent - 127);
}

/** IEEE 754 binary32 from 4 bytes, little-endian. */
export function readFloat32LE(bytes: number[], offset: number, what: string): number {
  need(bytes, offset, 4, what);
  const be = [bytes[offset + 3]!, bytes[offset + 2]!, bytes[offset + 1]!, bytes[offset]!];
  return readFloat32BE(be, 0, what);
}

/** Lowercase hex of a byte array. */
export function toHex(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
  return s;
}

/** Parses hex into a byte array; fails naming the first bad character. */
export function fromHex(hex: string, what: string): number[] {
  const s = hex.replace(/\s/g, '');
  if (s.length % 2 !== 0) fail(`${what}: odd number of hex digits (${s.length})`);
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 2) {
    const pair = s.substr(i, 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) fail(`${what}: invalid hex '${pair}' at position ${i}`);
    out.push(parseInt(pair, 16));
  }
  return out;
}
