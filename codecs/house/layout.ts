/**
 * The engine behind loire's house formats: a message is a header byte (format version in the
 * high nibble, message type in the low nibble) followed by fields laid out by a table, all
 * big-endian. The same table decodes and encodes, so both directions agree by construction.
 *
 * Growth rules: a newer firmware may append fields to a message (older decoders ignore the
 * extra bytes with a warning) or add message types (older decoders return the bytes as hex with
 * a warning). A new version number means an incompatible layout; decoders of version 1 return
 * such frames as hex with a warning too.
 */
import { fail } from '../framework/codec-error.js';
import { fromHex, readIntBE, readUintBE, toHex, writeIntBE, writeUintBE }
  from '../framework/bytes.js';

/** The current house format version (header high nibble). */
export const HOUSE_VERSION = 1;

/** A numeric field: raw integer / `div` is the value; `missing` marks "not measured". */
export interface NumField {
  name: string;
  type: 'u8' | 'u16' | 'u32' | 'i8' | 'i16';
  /** Raw units per value unit (100 for 0.01 resolution). */
  div?: number;
  /** Raw value meaning "not measured": the field is left out of the data. */
  missing?: number;
  /** Largest raw value allowed (below the type's range, such as 100 for a percentage). */
  maxRaw?: number;
}

/** One byte of booleans, bit 0 first, decoded as an object. */
export interface FlagsField { name: string; type: 'flags'; bits: string[] }

/** One byte naming one of `values`. */
export interface EnumField { name: string; type: 'enum'; values: string[] }

/** A count byte then `count` items: numbers (`item`) or objects (`fields`). */
export interface ListField {
  name: string;
  type: 'list';
  maxCount: number;
  item?: NumField;
  fields?: Field[];
}

/** Any field of a message table. */
export type Field = NumField | FlagsField | EnumField | ListField;

/** One message type of a format. */
export interface MessageLayout {
  code: number;
  name: string;
  fields: Field[];
}

const SIZES: Record<string, number> = { u8: 1, u16: 2, u32: 4, i8: 1, i16: 2 };

function readNum(bytes: number[], o: number, f: NumField, what: string):
  { value: number | null; offset: number } {
  const n = SIZES[f.type]!;
  const raw = f.type.charAt(0) === 'i' ? readIntBE(bytes, o, n, `${what}: ${f.name}`)
    : readUintBE(bytes, o, n, `${what}: ${f.name}`);
  if (f.missing !== undefined && raw === f.missing) return { value: null, offset: o + n };
  if (f.maxRaw !== undefined && raw > f.maxRaw) {
    fail(`${what}: ${f.name} raw value ${raw} at offset ${o} exceeds ${f.maxRaw}`, o);
  }
  return { value: f.div ? raw / f.div : raw, offset: o + n };
}

function decodeFields(bytes: number[], o: number, fields: Field[], out: Record<string, unknown>,
  what: string): number {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.type === 'flags') {
      const b = readUintBE(bytes, o++, 1, `${what}: ${f.name}`);
      const flags: Record<string, boolean> = {};
      for (let k = 0; k < f.bits.length; k++) flags[f.bits[k]!] = ((b >> k) & 1) === 1;
      out[f.name] = flags;
    } else if (f.type === 'enum') {
      const b = readUintBE(bytes, o, 1, `${what}: ${f.name}`);
      if (b >= f.values.length) {
        fail(`${what}: ${f.name} code ${b} at offset ${o} is not one of ${f.values.length}`, o);
      }
      out[f.name] = f.values[b];
      o++;
    } else if (f.type === 'list') {
      const count = readUintBE(bytes, o, 1, `${what}: ${f.name} count`);
      if (count > f.maxCount) {
        fail(`${what}: ${f.name} count ${count} at offset ${o} exceeds ${f.maxCount}`, o);
      }
      o++;
      const items: unknown[] = [];
      for (let k = 0; k < count; k++) {
        if (f.item) {
          const r = readNum(bytes, o, f.item, `${what}: ${f.name}[${k}]`);
          items.push(r.value);
          o = r.offset;
        } else {
          const obj: Record<string, unknown> = {};
          o = decodeFields(bytes, o, f.fields!, obj, `${what}: ${f.name}[${k}]`);
          items.push(obj);
        }
      }
      out[f.name] = items;
    } else {
      const r = readNum(bytes, o, f, what);
      if (r.value !== null) out[f.name] = r.value;
      o = r.offset;
    }
  }
  return o;
}

/** Result of {@link decodeHouse}. */
export interface HouseDecoded { data: Record<string, unknown>; warnings?: string[] }

/**
 * Decodes a house-format message with `layouts`.
 *
 * @throws CodecError for an empty payload or a known message cut short.
 */
export function decodeHouse(bytes: number[], layouts: MessageLayout[], format: string):
  HouseDecoded {
  if (bytes.length === 0) fail(`${format}: empty payload, need the header byte at offset 0`, 0);
  const version = bytes[0]! >> 4;
  const code = bytes[0]! & 0x0f;
  let layout: MessageLayout | undefined;
  for (let i = 0; i < layouts.length; i++) if (layouts[i]!.code === code) layout = layouts[i];
  if (version !== HOUSE_VERSION || !layout) {
    const why = version !== HOUSE_VERSION ? `unknown format version ${version}`
      : `unknown message type ${code}`;
    return {
      data: { messageType: 'unknown', version, messageTypeCode: code,
        payloadHex: toHex(bytes.slice(1)) },
      warnings: [`${format}: ${why}; bytes 1..${bytes.length - 1} kept as payloadHex`],
    };
  }
  const data: Record<string, unknown> = { messageType: layout.name };
  const end = decodeFields(bytes, 1, layout.fields, data, `${format} ${layout.name}`);
  if (end < bytes.length) {
    return { data, warnings: [`${format} ${layout.name}: ${bytes.length - end} trailing ` +
      `byte(s) from offset ${end} ignored (newer firmware?)`] };
  }
  return { data };
}

function writeNum(out: number[], v: unknown, f: NumField, what: string, warnings: string[]):
  void {
  const n = SIZES[f.type]!;
  let raw: number;
  if (v === undefined || v === null) {
    if (f.missing === undefined) return void fail(`${what}: ${f.name} is required`);
    raw = f.missing;
  } else {
    if (typeof v !== 'number' || v !== v) return void fail(`${what}: ${f.name} must be a number`);
    raw = Math.round(v * (f.div ?? 1));
    const back = raw / (f.div ?? 1);
    if (back !== v) warnings.push(`${what}: ${f.name} rounded to ${back}`);
    const max = f.maxRaw ?? (f.type.charAt(0) === 'i' ? Math.pow(2, 8 * n - 1) - 1
      : Math.pow(2, 8 * n) - 1);
    const min = f.type.charAt(0) === 'i' ? -Math.pow(2, 8 * n - 1) : 0;
    if (raw > max || raw < min || raw === f.missing) {
      fail(`${what}: ${f.name} ${v} is out of range`);
    }
  }
  if (f.type.charAt(0) === 'i') writeIntBE(out, raw, n, `${what}: ${f.name}`);
  else writeUintBE(out, raw, n, `${what}: ${f.name}`);
}

function encodeFields(out: number[], d: Record<string, unknown>, fields: Field[], what: string,
  warnings: string[]): void {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = d[f.name];
    if (f.type === 'flags') {
      const flags = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      let b = 0;
      for (let k = 0; k < f.bits.length; k++) if (flags[f.bits[k]!] === true) b |= 1 << k;
      out.push(b);
    } else if (f.type === 'enum') {
      const idx = f.values.indexOf(v as string);
      if (idx < 0) fail(`${what}: ${f.name} must be one of ${f.values.join(', ')}`);
      out.push(idx);
    } else if (f.type === 'list') {
      if (!Array.isArray(v) || v.length > f.maxCount) {
        fail(`${what}: ${f.name} must be an array of at most ${f.maxCount} items`);
      }
      const arr = v as unknown[];
      out.push(arr.length);
      for (let k = 0; k < arr.length; k++) {
        if (f.item) writeNum(out, arr[k], f.item, `${what}: ${f.name}[${k}]`, warnings);
        else {
          const it = arr[k];
          if (typeof it !== 'object' || it === null) {
            fail(`${what}: ${f.name}[${k}] must be an object`);
          }
          encodeFields(out, it as Record<string, unknown>, f.fields!, `${what}: ${f.name}[${k}]`,
            warnings);
        }
      }
    } else {
      writeNum(out, v, f, what, warnings);
    }
  }
}

/**
 * Encodes `data` (with `messageType`) with `layouts`; values finer than a field's resolution
 * are rounded, with a warning.
 *
 * @throws CodecError naming the message type or field that cannot be encoded.
 */
export function encodeHouse(data: unknown, layouts: MessageLayout[], format: string):
  { bytes: number[]; warnings?: string[] } {
  if (typeof data !== 'object' || data === null) return fail(`${format}: data must be an object`);
  const d = data as Record<string, unknown>;
  if (d.messageType === 'unknown') {
    const version = d.version as number;
    const code = d.messageTypeCode as number;
    if (!(version >= 0 && version <= 15 && code >= 0 && code <= 15)) {
      fail(`${format}: unknown messages need version and messageTypeCode from 0 to 15`);
    }
    return { bytes: [(version << 4) | code].concat(fromHex(String(d.payloadHex ?? ''),
      `${format}: payloadHex`)) };
  }
  let layout: MessageLayout | undefined;
  for (let i = 0; i < layouts.length; i++) {
    if (layouts[i]!.name === d.messageType) layout = layouts[i];
  }
  if (!layout) {
    const names = layouts.map((l) => l.name).join(', ');
    return fail(`${format}: messageType must be one of ${names}, got ${String(d.messageType)}`);
  }
  const out = [(HOUSE_VERSION << 4) | layout.code];
  const warnings: string[] = [];
  encodeFields(out, d, layout.fields, `${format} ${layout.name}`, warnings);
  return warnings.length > 0 ? { bytes: out, warnings } : { bytes: out };
}
