/**
 * Bit fields in `number[]` frames, most significant bit first, as vendors that pack
 * measurements across byte boundaries (Nexelec, NanoSense, MClimate AQI) lay them out.
 * ES5-safe: arithmetic only, no typed arrays, so values up to 48 bits stay exact.
 */
import { fail } from '../../framework/codec-error.js';

/**
 * Reads `bitLength` bits (1 to 48) starting at bit `bitOffset` (0 = the most significant bit
 * of byte 0) as an unsigned integer.
 *
 * @param bytes - The frame.
 * @param bitOffset - First bit, counted from the start of the frame.
 * @param bitLength - Number of bits.
 * @param what - Field name for the error message.
 * @returns The unsigned value.
 * @throws CodecError when the field runs past the frame.
 * @example readBits([0xae, 0x02], 8, 8, 'type') // 2
 */
export function readBits(bytes: number[], bitOffset: number, bitLength: number, what: string) {
  const lastByte = Math.floor((bitOffset + bitLength - 1) / 8);
  if (lastByte >= bytes.length) {
    const need = lastByte + 1;
    fail(`${what}: need ${need} bytes for bits ${bitOffset}..${bitOffset + bitLength - 1}` +
      `, got ${bytes.length}`, Math.floor(bitOffset / 8));
  }
  let v = 0;
  for (let i = 0; i < bitLength; i++) {
    const bit = bitOffset + i;
    const byte = bytes[Math.floor(bit / 8)]!;
    v = v * 2 + (Math.floor(byte / Math.pow(2, 7 - (bit % 8))) % 2);
  }
  return v;
}

/**
 * Writes `value` into `bitLength` bits at `bitOffset` of `out`, which must already hold
 * enough zero bytes. Fails when the value does not fit.
 *
 * @param out - Frame being built (zero-filled).
 * @param bitOffset - First bit.
 * @param bitLength - Number of bits.
 * @param value - Unsigned integer to store.
 * @param what - Field name for the error message.
 * @throws CodecError for a value that is not an integer in range.
 * @example const b = [0, 0]; writeBits(b, 4, 8, 0xff, 'x'); // b = [0x0f, 0xf0]
 */
export function writeBits(
  out: number[],
  bitOffset: number,
  bitLength: number,
  value: number,
  what: string,
): void {
  const max = Math.pow(2, bitLength) - 1;
  if (typeof value !== 'number' || value !== Math.floor(value) || value < 0 || value > max) {
    fail(`${what}: expected an integer from 0 to ${max}, got ${String(value)}`);
  }
  let rest = value;
  for (let i = bitLength - 1; i >= 0; i--) {
    const bit = bitOffset + i;
    const idx = Math.floor(bit / 8);
    if (rest % 2 === 1) out[idx] = out[idx]! + Math.pow(2, 7 - (bit % 8));
    rest = Math.floor(rest / 2);
  }
}

/** Rounds like `Number(v.toFixed(d))`, which is what the vendors' reference decoders do. */
export function toFixedNumber(v: number, decimals: number): number {
  return Number(v.toFixed(decimals));
}
