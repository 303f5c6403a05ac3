/**
 * Elsys sensor data records: a type byte, then a value whose size the type fixes (ELSYS
 * "Sensor payload" document; names as in the vendor's reference decoder `elsys.js`). Multi-byte
 * values are big-endian. The same records serve the whole ERS family and the other Elsys
 * sensors; each device lists the ones it sends.
 */
import { fail } from '../../../framework/codec-error.js';
import {
  need, readIntBE, readUintBE, writeIntBE, writeUintBE,
} from '../../../framework/bytes.js';

type Obj = Record<string, unknown>;

/** One record type. */
export interface ElsysRecord {
  type: number;
  /** Output keys the record fills. */
  keys: string[];
  /** Bytes after the type byte. */
  size: number;
  decode(bytes: number[], offset: number, out: Obj): void;
  /** Appends type and value bytes for the record's keys of `data` (all present). */
  encode(data: Obj, out: number[]): void;
}

function num(data: Obj, k: string): number {
  const v = data[k];
  if (typeof v !== 'number') fail(`record ${k}: value must be a number, got ${String(v)}`);
  return v;
}

/** Tenths of `v`, failing when `v` has a finer step. */
function tenths(v: number, k: string): number {
  const raw = Math.round(v * 10);
  if (Math.abs(raw / 10 - v) > 1e-9) fail(`record ${k}: ${v} is not a multiple of 0.1`);
  return raw;
}

/** A record of one integer value, optionally signed and divided. */
function intRecord(type: number, key: string, size: number, signed: boolean, divider = 1):
  ElsysRecord {
  return {
    type, keys: [key], size,
    decode(b, o, out) {
      const raw = signed ? readIntBE(b, o, size, key) : readUintBE(b, o, size, key);
      out[key] = raw / divider;
    },
    encode(data, out) {
      out.push(type);
      const v = num(data, key);
      const raw = Math.round(v * divider);
      if (Math.abs(raw / divider - v) > 1e-9 * Math.max(1, Math.abs(v))) {
        fail(`record ${key}: ${v} is not a multiple of 1/${divider}`);
      }
      if (signed) writeIntBE(out, raw, size, key);
      else writeUintBE(out, raw, size, key);
    },
  };
}

/** A record of several same-sized integers under different keys. */
function multiRecord(type: number, keys: string[], each: number, signed: boolean,
  divider = 1): ElsysRecord {
  return {
    type, keys, size: keys.length * each,
    decode(b, o, out) {
      keys.forEach((k, i) => {
        const at = o + i * each;
        const raw = signed ? readIntBE(b, at, each, k) : readUintBE(b, at, each, k);
        out[k] = raw / divider;
      });
    },
    encode(data, out) {
      out.push(type);
      for (const k of keys) {
        const v = num(data, k);
        const raw = divider === 10 ? tenths(v, k) : v;
        if (signed) writeIntBE(out, raw, each, k);
        else writeUintBE(out, raw, each, k);
      }
    },
  };
}

/** 0x13 Grid-EYE: a reference byte then 64 pixels, each reference + byte / 10 degrees. */
const GRIDEYE: ElsysRecord = {
  type: 0x13, keys: ['grideye'], size: 65,
  decode(b, o, out) {
    need(b, o, 65, 'grideye');
    const ref = b[o]!;
    const pixels: number[] = [];
    for (let j = 0; j < 64; j++) pixels.push(ref + b[o + 1 + j]! / 10);
    out['grideye'] = pixels;
  },
  encode(data, out) {
    const px = data['grideye'];
    if (!(px instanceof Array) || px.length !== 64) fail('record grideye: 64 pixels expected');
    // The reference byte is the floor of the coldest pixel, so every offset fits 0 to 25.5.
    let ref = Infinity;
    for (const p of px as number[]) ref = Math.min(ref, Math.floor(p));
    if (!(ref >= 0 && ref <= 255)) fail('record grideye: pixels must be 0 to 280 degrees');
    out.push(0x13, ref);
    for (const p of px as number[]) {
      const t = Math.round((p - ref) * 10);
      if (t > 255 || Math.abs(ref + t / 10 - p) > 1e-9) {
        fail('record grideye: pixels must be within 25.5 of each other, in tenths');
      }
      out.push(t);
    }
  },
};

/** 0x19 second external temperature: repeated records collect into an array. */
const EXT_TEMP2: ElsysRecord = {
  type: 0x19, keys: ['externalTemperature2'], size: 2,
  decode(b, o, out) {
    const t = readIntBE(b, o, 2, 'externalTemperature2') / 10;
    const seen = out['externalTemperature2'];
    if (seen === undefined) out['externalTemperature2'] = t;
    else if (typeof seen === 'number') out['externalTemperature2'] = [seen, t];
    else (seen as number[]).push(t);
  },
  encode(data, out) {
    const v = data['externalTemperature2'];
    const list = typeof v === 'number' ? [v] : v;
    if (!(list instanceof Array) || list.length === 0) {
      fail('record externalTemperature2: a number or a list of numbers expected');
    }
    for (const t of list as number[]) {
      out.push(0x19);
      writeIntBE(out, tenths(t, 'externalTemperature2'), 2, 'externalTemperature2');
    }
  },
};

/** Every record type of the Elsys payload, in type order. */
export const ELSYS_RECORDS: ElsysRecord[] = [
  intRecord(0x01, 'temperature', 2, true, 10),
  intRecord(0x02, 'humidity', 1, false),
  multiRecord(0x03, ['x', 'y', 'z'], 1, true),
  intRecord(0x04, 'light', 2, false),
  intRecord(0x05, 'motion', 1, false),
  intRecord(0x06, 'co2', 2, false),
  intRecord(0x07, 'vdd', 2, false),
  intRecord(0x08, 'analog1', 2, false),
  // Latitude and longitude as the reference decoder gives them: raw unsigned 24-bit words.
  multiRecord(0x09, ['lat', 'long'], 3, false),
  intRecord(0x0a, 'pulse1', 2, false),
  // Absolute counters are unsigned 32-bit; reading them signed is a fault of other decoders.
  intRecord(0x0b, 'pulseAbs', 4, false),
  intRecord(0x0c, 'externalTemperature', 2, true, 10),
  intRecord(0x0d, 'digital', 1, false),
  intRecord(0x0e, 'distance', 2, false),
  intRecord(0x0f, 'accMotion', 1, false),
  multiRecord(0x10, ['irInternalTemperature', 'irExternalTemperature'], 2, true, 10),
  intRecord(0x11, 'occupancy', 1, false),
  intRecord(0x12, 'waterleak', 1, false),
  GRIDEYE,
  intRecord(0x14, 'pressure', 4, false, 1000),
  multiRecord(0x15, ['soundPeak', 'soundAvg'], 1, false),
  intRecord(0x16, 'pulse2', 2, false),
  intRecord(0x17, 'pulseAbs2', 4, false),
  intRecord(0x18, 'analog2', 2, false),
  EXT_TEMP2,
  intRecord(0x1a, 'digital2', 1, false),
  intRecord(0x1b, 'analogUv', 4, true),
  intRecord(0x1c, 'tvoc', 2, false),
];

/** The record of a type byte, if known. */
export function recordOf(type: number): ElsysRecord | undefined {
  for (const r of ELSYS_RECORDS) if (r.type === type) return r;
  return undefined;
}

/**
 * Decodes a run of records. An unknown type stops decoding (its size is unknown) with a
 * warning naming it and the bytes left; what came before is kept.
 * @throws CodecError when a known record is cut short.
 */
export function decodeRecords(bytes: number[]): { data: Obj; warnings: string[] } {
  const data: Obj = {};
  const warnings: string[] = [];
  let o = 0;
  while (o < bytes.length) {
    const type = bytes[o]!;
    const rec = recordOf(type);
    if (rec === undefined) {
      warnings.push(`unknown record type 0x${(type < 16 ? '0' : '') + type.toString(16)} at ` +
        `offset ${o}: ${bytes.length - o} bytes not decoded`);
      break;
    }
    need(bytes, o + 1, rec.size, `record type 0x${type.toString(16)}`);
    rec.decode(bytes, o + 1, data);
    o += 1 + rec.size;
  }
  return { data, warnings };
}

/**
 * Encodes the records for the keys present in `data`, in type order.
 * @throws CodecError for an unknown key, a partial group (such as x without y) or a bad value.
 */
export function encodeRecords(data: Obj): number[] {
  // A number or boolean has no keys, so without this check it would encode as an empty frame.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail('records: data must be an object of readings');
  }
  const out: number[] = [];
  const used: Record<string, boolean> = {};
  for (const rec of ELSYS_RECORDS) {
    const present = rec.keys.filter((k) => data[k] !== undefined);
    if (present.length === 0) continue;
    if (present.length !== rec.keys.length) {
      fail(`record 0x${rec.type.toString(16)}: needs ${rec.keys.join(', ')} together`);
    }
    rec.encode(data, out);
    for (const k of rec.keys) used[k] = true;
  }
  for (const k in data) if (used[k] !== true) fail(`records: unknown key ${k}`);
  return out;
}
