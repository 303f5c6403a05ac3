/**
 * Internal byte helpers for the framing layer: bounds-checked little-endian reads, EUI byte
 * order, and argument checks shared by the encoders. Not exported from the package.
 */
import { LoireError } from '../errors.js';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';

/** Throws `TRUNCATED` unless `n` bytes are available at `offset` (before `end`). */
export function need(
  bytes: Uint8Array,
  offset: number,
  n: number,
  field: string,
  end = bytes.length,
): void {
  if (offset + n > end) {
    throw new LoireError(
      'TRUNCATED',
      `${field}: needs ${n} byte(s) at offset ${offset}, only ${Math.max(0, end - offset)} left`,
      { offset, field },
    );
  }
}

/** Unsigned little-endian integer of `n` bytes (n ≤ 4); the caller has checked bounds. */
export function readUintLE(bytes: Uint8Array, offset: number, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + bytes[offset + i]!;
  return v;
}

/** Writes `value` as `n` little-endian bytes into `out` at `offset`. */
export function writeUintLE(out: Uint8Array, offset: number, n: number, value: number): void {
  let v = value;
  for (let i = 0; i < n; i++) {
    out[offset + i] = v % 256;
    v = Math.floor(v / 256);
  }
}

/**
 * Big-endian hex of a little-endian field, as people read EUIs, NetIDs and DevAddrs
 * (TS001-1.0.4 §4.3.1: multi-byte fields are sent least significant byte first).
 */
export function wireToBeHex(bytes: Uint8Array, offset: number, n: number): string {
  const copy = new Uint8Array(n);
  for (let i = 0; i < n; i++) copy[i] = bytes[offset + n - 1 - i]!;
  return bytesToHex(copy);
}

/** Writes big-endian hex `hex` (exactly `n` bytes) into `out` in wire (little-endian) order. */
export function beHexToWire(
  out: Uint8Array,
  offset: number,
  n: number,
  hex: string,
  name: string,
): void {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]*$/.test(hex) || hex.length !== 2 * n) {
    throw new RangeError(`${name}: expected ${2 * n} hex digits, got ${JSON.stringify(hex)}`);
  }
  const b = hexToBytes(hex);
  for (let i = 0; i < n; i++) out[offset + i] = b[n - 1 - i]!;
}

/** Lowercase 8-digit big-endian hex of a DevAddr held as a uint32. */
export function devAddrToHex(devAddr: number): string {
  return (devAddr >>> 0).toString(16).padStart(8, '0');
}

/** Checks that `value` is an integer in [0, max]; throws `RangeError` naming `name`. */
export function checkUint(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name}: expected an integer 0..${max}, got ${String(value)}`);
  }
  return value;
}

/** Checks that `value` is a `Uint8Array` (of `length` bytes when given). */
export function checkBytes(name: string, value: unknown, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${name}: expected a Uint8Array, got ${typeof value}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${name}: expected ${length} bytes, got ${value.length}`);
  }
  return value;
}
