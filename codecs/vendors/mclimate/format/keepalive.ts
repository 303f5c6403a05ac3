/**
 * The MClimate keep-alive: the periodic status frame, fixed length, first byte a reason code
 * (0x01, or 0x81 for variants). Its fields are bit ranges, most significant bit first, so
 * one table describes both the byte-aligned frames (CO2 sensor, thermostats) and the
 * nibble-packed ones (Vicki motor range and position, AQI sensor).
 */
import { fail } from '../../../framework/codec-error.js';
import type { Bytes, JsonSchema } from '../../../framework/types.js';
import { readBits, toFixedNumber, writeBits } from '../../common/bitfield.js';

/** One keep-alive field. */
export interface KeepaliveField {
  name: string;
  /** Bit pieces `[bitOffset, bitLength]`, concatenated most significant first. */
  bits: Array<[number, number]>;
  /**
   * `bool`: true when the raw value is 1. `hexNumber`: the hex digits read as decimal
   * (reason 0x81 shows as 81).
   */
  kind?: 'number' | 'bool' | 'hexNumber';
  /** `value = ((raw + rawAdd) * mul) / div + add`, then `toFixed(decimals)`. */
  mul?: number;
  div?: number;
  add?: number;
  rawAdd?: number;
  decimals?: number;
}

/** A keep-alive layout, selected by its reason byte. */
export interface KeepaliveSpec {
  reason: number;
  /** Frame length in bytes, reason included. */
  length: number;
  fields: KeepaliveField[];
}

function rawWidth(f: KeepaliveField): number {
  let w = 0;
  for (let i = 0; i < f.bits.length; i++) w += f.bits[i]![1];
  return w;
}

/** Decodes the keep-alive at `offset` (the reason byte) into `out`. */
export function decodeKeepalive(
  spec: KeepaliveSpec,
  bytes: Bytes,
  offset: number,
  out: Record<string, unknown>,
): void {
  if (bytes.length - offset < spec.length) {
    fail(`keepalive: need ${spec.length} bytes at offset ${offset}, got ` +
      `${bytes.length - offset}`, offset);
  }
  const frame = bytes.slice(offset, offset + spec.length);
  for (let i = 0; i < spec.fields.length; i++) {
    const f = spec.fields[i]!;
    let raw = 0;
    for (let j = 0; j < f.bits.length; j++) {
      const [at, len] = f.bits[j]!;
      raw = raw * Math.pow(2, len) + readBits(frame, at, len, `keepalive.${f.name}`);
    }
    if (f.kind === 'bool') out[f.name] = raw === 1;
    else if (f.kind === 'hexNumber') out[f.name] = Number(raw.toString(16));
    else {
      const v = ((raw + (f.rawAdd ?? 0)) * (f.mul ?? 1)) / (f.div ?? 1) + (f.add ?? 0);
      out[f.name] = f.decimals === undefined ? v : toFixedNumber(v, f.decimals);
    }
  }
}

/** Encodes the keep-alive fields of `data`; every field must be present. */
export function encodeKeepalive(spec: KeepaliveSpec, data: Record<string, unknown>): Bytes {
  const out: Bytes = [];
  for (let i = 0; i < spec.length; i++) out.push(0);
  out[0] = spec.reason;
  for (let i = 0; i < spec.fields.length; i++) {
    const f = spec.fields[i]!;
    const what = `keepalive.${f.name}`;
    if (!(f.name in data)) fail(`${what}: missing`);
    const v = data[f.name];
    let raw: number;
    if (f.kind === 'bool') {
      if (typeof v !== 'boolean') fail(`${what}: expected a boolean, got ${String(v)}`);
      raw = v ? 1 : 0;
    } else if (f.kind === 'hexNumber') {
      // The reason code is already in byte 0; it must agree with the layout chosen.
      if (parseInt(String(v), 16) !== spec.reason) {
        fail(`${what}: ${String(v)} does not match this layout's reason ` +
          spec.reason.toString(16));
      }
      continue;
    } else {
      if (typeof v !== 'number' || !isFinite(v)) {
        fail(`${what}: expected a number, got ${String(v)}`);
      }
      const n = v as number;
      raw = Math.round(((n - (f.add ?? 0)) * (f.div ?? 1)) / (f.mul ?? 1) - (f.rawAdd ?? 0));
    }
    const width = rawWidth(f);
    if (!(raw >= 0 && raw < Math.pow(2, width))) {
      fail(`${what}: ${String(v)} is outside what ${width} bits can carry`);
    }
    let rest = raw;
    for (let j = f.bits.length - 1; j >= 0; j--) {
      const [at, len] = f.bits[j]!;
      const unit = Math.pow(2, len);
      writeBits(out, at, len, rest % unit, what);
      rest = Math.floor(rest / unit);
    }
  }
  return out;
}

/** JSON Schema properties of the keep-alive fields. */
export function keepaliveSchema(spec: KeepaliveSpec): Record<string, JsonSchema> {
  const p: Record<string, JsonSchema> = {};
  for (let i = 0; i < spec.fields.length; i++) {
    const f = spec.fields[i]!;
    const type = f.kind === 'bool' ? 'boolean' : f.kind === 'hexNumber' ? 'integer' : 'number';
    p[f.name] = { type };
  }
  return p;
}
