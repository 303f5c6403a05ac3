/**
 * NanoSense fixed frames: one uplink of fixed bit length carrying a sensor-presence byte,
 * device information and every measurement at a fixed bit range, most significant bit first
 * (NanoSense E4000/EP5000 LoRaWAN frame description, as implemented by NanoSense's reference
 * decoder). A device is a table of those ranges.
 */
import { fail } from '../../../framework/codec-error.js';
import type { Bytes } from '../../../framework/types.js';
import { readBits, writeBits } from '../../common/bitfield.js';

/** One measurement: bit range, optional multiplier (rounded to 0.1) and offset. */
export interface FrameField {
  name: string;
  bit: number;
  bits: number;
  /** `value = round(raw * mul * 10) / 10` when set (the vendor's rounding). */
  mul?: number;
  /** Added after scaling (noise levels start at 17 dB). */
  add?: number;
}

/** A fixed NanoSense frame. */
export interface FrameTable {
  /** Frame length in bytes. */
  length: number;
  /** Names of the presence flags, most significant bit of byte 0 first. */
  sensors: string[];
  /** Device information fields (`firmware_version` etc.). */
  info: FrameField[];
  measurements: FrameField[];
}

function decodeField(f: FrameField, bytes: Bytes): number {
  const raw = readBits(bytes, f.bit, f.bits, f.name);
  const v = f.mul === undefined ? raw : Math.round(raw * f.mul * 10) / 10;
  return v + (f.add ?? 0);
}

function encodeField(f: FrameField, v: unknown, out: Bytes): void {
  if (typeof v !== 'number' || !isFinite(v)) {
    fail(`${f.name}: expected a number, got ${String(v)}`);
  }
  const x = (v as number) - (f.add ?? 0);
  let raw = f.mul === undefined ? x : Math.round(x / f.mul);
  // Rounding to 0.1 can push the top code past the field (65535 * 0.01 shows as 655.4):
  // take the top code when it decodes to the same value.
  const max = Math.pow(2, f.bits) - 1;
  if (f.mul !== undefined && raw > max && Math.round(max * f.mul * 10) / 10 === x) raw = max;
  writeBits(out, f.bit, f.bits, raw, f.name);
}

/** Decoded frame: presence list, device information, measurements. */
export interface DecodedFrame {
  sensors: string[];
  info: Record<string, number>;
  measurements: Record<string, number>;
}

/**
 * Decodes a frame.
 *
 * @throws CodecError when the frame is shorter than the table's length.
 */
export function decodeFrame(t: FrameTable, bytes: Bytes): DecodedFrame {
  if (bytes.length < t.length) {
    fail(`measurement: need ${t.length} bytes (${t.length * 8} bits), got ${bytes.length}`,
      bytes.length);
  }
  const sensors: string[] = [];
  for (let i = 0; i < t.sensors.length; i++) {
    if (readBits(bytes, i, 1, 'active_sensors') === 1) sensors.push(t.sensors[i]!);
  }
  const info: Record<string, number> = {};
  for (let i = 0; i < t.info.length; i++) info[t.info[i]!.name] = decodeField(t.info[i]!, bytes);
  const measurements: Record<string, number> = {};
  for (let i = 0; i < t.measurements.length; i++) {
    measurements[t.measurements[i]!.name] = decodeField(t.measurements[i]!, bytes);
  }
  return { sensors, info, measurements };
}

/** Encodes a frame; every field of the table must be given. */
export function encodeFrame(t: FrameTable, f: DecodedFrame): Bytes {
  const out: Bytes = [];
  for (let i = 0; i < t.length; i++) out.push(0);
  for (let i = 0; i < f.sensors.length; i++) {
    const at = t.sensors.indexOf(f.sensors[i]!);
    if (at < 0) fail(`active_sensors: unknown sensor ${JSON.stringify(f.sensors[i])}`);
    writeBits(out, at, 1, 1, 'active_sensors');
  }
  for (let i = 0; i < t.info.length; i++) encodeField(t.info[i]!, f.info[t.info[i]!.name], out);
  for (let i = 0; i < t.measurements.length; i++) {
    const m = t.measurements[i]!;
    encodeField(m, f.measurements[m.name], out);
  }
  return out;
}
