/**
 * GPS coordinates of Dingtek frames: a 32-bit float, little-endian, shown with 6 decimals as
 * the vendor's decoder shows it. That decoder takes the mantissa as m / (2^23 - 1) instead of
 * m / 2^23 (IEEE 754-2008 §3.4), which shifts values by at most 1.2e-7 relative (about 1.4 m at
 * 116°). loire reproduces this conversion so that its output equals the vendor's reference
 * output; {@link ieeeCoordinate} gives the exact IEEE reading for whoever needs it.
 */
import { fail } from '../../../framework/codec-error.js';
import { readFloat32LE, readUintLE } from '../../../framework/bytes.js';

const M = 0x7fffff;

/** The vendor's reading of the 4 bytes at `offset`, as a 6-decimal string. */
export function readCoordinate(bytes: number[], offset: number, what: string): string {
  return vendorValue(readUintLE(bytes, offset, 4, what)).toFixed(6);
}

/** The IEEE 754 reading of the 4 bytes at `offset`. */
export function ieeeCoordinate(bytes: number[], offset: number, what: string): number {
  return readFloat32LE(bytes, offset, what);
}

function vendorValue(bits: number): number {
  const sign = bits >= 0x80000000 ? -1 : 1;
  const exponent = (Math.floor(bits / 0x800000) & 0xff) - 127;
  return sign * (1 + (bits % 0x800000) / M) * Math.pow(2, exponent);
}

/**
 * Bits whose vendor reading shows as `text` (a 6-decimal string); appends them little-endian.
 *
 * @throws CodecError when no 32-bit pattern shows as `text`.
 */
export function writeCoordinate(out: number[], text: unknown, what: string): void {
  if (typeof text !== 'string' || !/^-?\d{1,3}\.\d{6}$/.test(text)) {
    fail(`${what}: expected a coordinate such as '116.507430', got ${JSON.stringify(text)}`);
  }
  const s = text as string;
  const v = Number(s);
  const negative = s.charAt(0) === '-';
  const a = Math.abs(v);
  let found = -1;
  if (a < 1e-6) {
    // The vendor reading of exponent 0 is 2^-127 times (1 + m/M): always shows as 0.000000.
    found = 0;
  } else {
    const e = Math.floor(Math.log(a) / Math.LN2);
    for (let de = -1; de <= 1 && found < 0; de++) {
      const ee = e + de;
      if (ee < -126 || ee > 127) continue;
      const m0 = Math.round((a / Math.pow(2, ee) - 1) * M);
      for (let dm = -2; dm <= 2 && found < 0; dm++) {
        const m = m0 + dm;
        if (m < 0 || m > M) continue;
        const bits = (ee + 127) * 0x800000 + m;
        if (vendorValue(bits).toFixed(6) === (negative ? s.substr(1) : s)) found = bits;
      }
    }
  }
  if (found < 0) fail(`${what}: no 32-bit value shows as '${s}'`);
  const bits = found + (negative ? 0x80000000 : 0);
  for (let i = 0; i < 4; i++) out.push(Math.floor(bits / Math.pow(2, 8 * i)) % 256);
}
