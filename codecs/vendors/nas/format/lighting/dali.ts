/**
 * Light-controller building blocks shared by UL20xx packets: the DALI address byte, dimming
 * levels with a named 0xFF, DALI driver status bits (IEC 62386-102 §9.16 "QUERY STATUS"),
 * profile step times and the light-sensor lux scale.
 */
import { fail } from '../../../../framework/codec-error.js';
import { S } from '../packet.js';
import { type Reader, type Writer, bit, bitsByte, u8, w8 } from '../io.js';
import { intValue } from '../values.js';

/**
 * Address byte: 0x01 the analogue 0-10 V output, 0xFE DALI broadcast, 0xFF a packet-specific
 * meaning (`ffName`), else an even byte: bit 7 set for a DALI group (bits 1-4), clear for a
 * DALI short address (bits 1-6), as IEC 62386-102 §7.2 lays out addresses shifted left by one.
 * An odd byte or an unexpected 0xFF decodes to `'invalid'` with an `invalid_address` warning,
 * as the vendor's decoder does.
 */
export function decodeAddress(byte: number, ffName: string | null, warnings: string[]): string {
  if (byte === 0x01) return 'analog_0_10v';
  if (byte === 0xfe) return 'dali_broadcast';
  if (byte === 0xff && ffName !== null) return ffName;
  if (byte === 0xff || (byte & 1) === 1) {
    warnings.push('invalid_address');
    return 'invalid';
  }
  if ((byte & 0x80) !== 0) return 'dali_group_' + (byte >> 1 & 0x0f);
  return 'dali_single_' + (byte >> 1 & 0x3f);
}

/** The address byte of `v` as {@link decodeAddress} names it. */
export function encodeAddress(v: unknown, ffName: string | null, what: string): number {
  if (v === 'analog_0_10v') return 0x01;
  if (v === 'dali_broadcast') return 0xfe;
  if (ffName !== null && v === ffName) return 0xff;
  const m = typeof v === 'string' ? /^dali_(single|group)_(\d{1,2})$/.exec(v) : null;
  if (m !== null) {
    const n = Number(m[2]);
    if (m[1] === 'single' && n < 64) return n << 1;
    if (m[1] === 'group' && n < 16) return 0x80 | n << 1;
  }
  fail(`${what}: expected analog_0_10v, dali_broadcast, dali_single_0..63, dali_group_0..15` +
    (ffName !== null ? ` or ${ffName}` : '') + `, got ${JSON.stringify(v)}`);
}

/** Schema of an address. */
export function addressSchema(ffName: string | null): Record<string, unknown> {
  return { type: 'string', pattern: '^(analog_0_10v|dali_broadcast|dali_single_\\d+|' +
    'dali_group_\\d+|invalid' + (ffName !== null ? '|' + ffName : '') + ')$' };
}

/** A dimming level in percent, or `ffName` for 0xFF. */
export function decodeLevel(byte: number, ffName: string): number | string {
  return byte === 0xff ? ffName : byte;
}

/** The byte of a dimming level: 0 to 100 %, or `ffName`. */
export function encodeLevel(v: unknown, ffName: string, what: string): number {
  if (v === ffName) return 0xff;
  return intValue(v, 0, 254, what);
}

/** Schema of a dimming level. */
export const levelSchema = (ffName: string): Record<string, unknown> => S.intOr(ffName);

/** Names of the DALI status bits, bit 0 first. */
export const DALI_STATUS_BITS = [
  'driver_error', 'lamp_failure', 'lamp_on', 'limit_error', 'fade_running', 'reset_state',
  'missing_short_address', 'power_failure',
];

/** Bits that are faults: each set one adds `"<address> <bit>"` to the warnings. */
const DALI_FAULTS = ['driver_error', 'lamp_failure', 'limit_error', 'reset_state',
  'power_failure'];

/**
 * DALI driver status byte. 0xFF means "no answer" and decodes as all false, as the vendor's
 * decoder has it since its version 0.2.
 */
export function decodeDaliStatus(byte: number, address: string,
  warnings: string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (let i = 0; i < 8; i++) out[DALI_STATUS_BITS[i]!] = byte !== 0xff && bit(byte, i);
  for (const k of DALI_FAULTS) if (out[k]) warnings.push(address + ' ' + k);
  return out;
}

/** The byte of a DALI status object. */
export function encodeDaliStatus(v: unknown, what: string): number {
  if (typeof v !== 'object' || v === null) fail(`${what}: expected a DALI status object`);
  const o = v as Record<string, unknown>;
  return bitsByte(DALI_STATUS_BITS.map((k) => {
    if (typeof o[k] !== 'boolean') fail(`${what}: ${k}: expected true or false`);
    return o[k] as boolean;
  }));
}

/** Schema of a DALI status object. */
export const daliStatusSchema = /* @__PURE__ */ (() => S.obj(((): Record<string,
  Record<string, unknown>> => {
  const p: Record<string, Record<string, unknown>> = {};
  for (const k of DALI_STATUS_BITS) p[k] = S.bool;
  return p;
})()))();

/** An address byte and a DALI status byte, as in DALI alerts and status requests. */
export function readAddressedStatus(r: Reader, warnings: string[]): Record<string, unknown> {
  const address = decodeAddress(u8(r, 'address'), null, warnings);
  return { address, status: decodeDaliStatus(u8(r, 'status'), address, warnings) };
}

/** Writes what {@link readAddressedStatus} reads. */
export function writeAddressedStatus(w: Writer, v: unknown): void {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  w8(w, encodeAddress(o['address'], null, `${w.what}: address`), 'address');
  w8(w, encodeDaliStatus(o['status'], `${w.what}: status`), 'status');
}

/** Step time byte: tens of minutes since midnight, shown `HH:MM` (up to 42:30). */
export function decodeStepTime(byte: number): string {
  const minutes = byte * 10;
  const h = Math.floor(minutes / 60);
  const m = minutes - h * 60;
  return (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
}

/** The byte of an `HH:MM` step time on a ten-minute grid. */
export function encodeStepTime(v: unknown, what: string): number {
  const m = typeof v === 'string' ? /^(\d{2}):(\d{2})$/.exec(v) : null;
  const minutes = m === null ? NaN : Number(m[1]) * 60 + Number(m[2]);
  if (m === null || Number(m[2]) > 59 || minutes % 10 !== 0 || minutes > 2550) {
    fail(`${what}: expected HH:MM on a ten-minute grid up to 42:30, got ${JSON.stringify(v)}`);
  }
  return minutes / 10;
}

/**
 * Lux as the vendor prints it: a string with 3 decimals below 10 lx, 2 below 100, 1 below
 * 1000, none above (four significant figures). Comparisons rather than a base-10 logarithm,
 * which ES5 lacks and which `Math.log(x) / Math.LN10` gets wrong at 1000.
 */
export function formatLux(lx: number): string {
  const decimals = lx >= 1000 ? 0 : lx >= 100 ? 1 : lx >= 10 ? 2 : 3;
  return lx.toFixed(decimals);
}

/** Light sensor reading: 0xFFFF unavailable, else lx = 10^(raw / 4000) / 1000 (bit 15 unused). */
export function decodeLightRaw(raw: number): string {
  if (raw === 0xffff) return 'unavailable';
  return formatLux(Math.pow(10, (raw & 0x7fff) / 4000) / 1000);
}

/**
 * The raw reading whose decoded text is `v`: the nearest raw to the logarithm, then its
 * neighbours, so that any text the decoder can print encodes back to a raw that prints it.
 */
export function encodeLightRaw(v: unknown, what: string): number {
  if (v === 'unavailable') return 0xffff;
  const lx = typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? parseFloat(v) : NaN;
  if (!(lx > 0)) {
    fail(`${what}: expected lux as decimal text or 'unavailable', got ${JSON.stringify(v)}`);
  }
  const guess = Math.round(4000 * Math.log(lx * 1000) / Math.LN10);
  for (let d = 0; d <= 3; d++) {
    for (const raw of [guess - d, guess + d]) {
      if (raw >= 0 && raw <= 0x7fff && decodeLightRaw(raw) === v) return raw;
    }
  }
  if (guess < 0 || guess > 0x7fff) fail(`${what}: ${String(v)} lx is outside 0.001 to 155000`);
  return guess;
}
