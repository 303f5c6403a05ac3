/**
 * How one ZCL attribute of a Watteco sensor turns into named values and back. A device table
 * lists the attributes it reports; the standard-report decoder looks them up by cluster and
 * attribute id (Watteco "ZCL LoRaWAN" application layer, one attribute per report).
 */
import { fail } from '../../../framework/codec-error.js';
import { need, readIntBE, readUintBE, writeIntBE, writeUintBE } from '../../../framework/bytes.js';
import { zclTypeSize } from './zcl-types.js';

/** A decoded attribute value: one or more named fields. */
export type FieldValues = [string, unknown][];

/** How the value of a long alarm cause is read (Watteco "report causes" layout). */
export interface AlarmSpec {
  signed: boolean;
  float?: boolean;
  /** Divider applied to the raw value, as for the attribute itself. */
  divider: number;
  /** Field names of a multi-field attribute, by field index ("FI" byte of long causes). */
  fieldNames?: string[];
  /** Byte size of each field when the causes carry a field index. */
  fieldSize?: number;
}

/** One attribute a device reports. */
export interface AttributeSpec {
  cluster: number;
  attribute: number;
  /** ZCL type id the device writes before the value. */
  zclType: number;
  /** Field names the value can produce, in order. */
  fields: string[];
  /**
   * Reads the value at `offset`; `frameType` is the type byte the frame carries.
   * @returns the fields and the offset just after the value
   */
  decode(bytes: number[], offset: number, frameType: number, what: string): {
    values: FieldValues;
    end: number;
  };
  /** Writes the value bytes for `values` (field name to value). */
  encode(values: Record<string, unknown>, what: string): number[];
  /** Present when the attribute's reports can carry alarm causes. */
  alarm?: AlarmSpec;
}

function numberOf(v: unknown, name: string, what: string): number {
  if (typeof v !== 'number' || !isFinite(v)) fail(`${what}: ${name} must be a number`);
  return v;
}

/** Raw integer for `value` scaled by `divider`; fails when it is not a whole number of steps. */
export function scaled(value: number, divider: number, name: string, what: string): number {
  const raw = Math.round(value * divider);
  if (Math.abs(raw / divider - value) > 1e-9 * Math.max(1, Math.abs(value))) {
    fail(`${what}: ${name} ${value} is not a multiple of 1/${divider}`);
  }
  return raw;
}

/**
 * A numeric attribute: integer of the frame's type size (the table's type when the frame's is
 * unknown), divided by `divider`.
 */
export function numberAttribute(cluster: number, attribute: number, name: string,
  zclType: number, opts: { divider?: number; signed?: boolean; alarm?: boolean } = {}):
  AttributeSpec {
  const divider = opts.divider === undefined ? 1 : opts.divider;
  const signed = opts.signed === true;
  const spec: AttributeSpec = {
    cluster, attribute, zclType, fields: [name],
    decode(bytes, offset, frameType, what) {
      const size = zclTypeSize(frameType) || zclTypeSize(zclType)!;
      const raw = signed ? readIntBE(bytes, offset, size, `${what} ${name}`)
        : readUintBE(bytes, offset, size, `${what} ${name}`);
      return { values: [[name, raw / divider]], end: offset + size };
    },
    encode(values, what) {
      const out: number[] = [];
      const raw = scaled(numberOf(values[name], name, what), divider, name, what);
      const size = zclTypeSize(zclType)!;
      if (signed) writeIntBE(out, raw, size, `${what} ${name}`);
      else writeUintBE(out, raw, size, `${what} ${name}`);
      return out;
    },
  };
  if (opts.alarm) spec.alarm = { signed, divider };
  return spec;
}

/** A boolean attribute: any non-zero byte is true. */
export function booleanAttribute(cluster: number, attribute: number, name: string,
  zclType: number): AttributeSpec {
  return {
    cluster, attribute, zclType, fields: [name],
    decode(bytes, offset, _t, what) {
      const raw = readUintBE(bytes, offset, 1, `${what} ${name}`);
      return { values: [[name, raw !== 0]], end: offset + 1 };
    },
    encode(values, what) {
      if (typeof values[name] !== 'boolean') fail(`${what}: ${name} must be a boolean`);
      return [values[name] ? 1 : 0];
    },
    alarm: { signed: false, divider: 1 },
  };
}

/** A one-byte enumeration shown as text. */
export function enumAttribute(cluster: number, attribute: number, name: string,
  zclType: number, labels: Record<number, string>): AttributeSpec {
  return {
    cluster, attribute, zclType, fields: [name],
    decode(bytes, offset, _t, what) {
      const raw = readUintBE(bytes, offset, 1, `${what} ${name}`);
      const label = labels[raw];
      if (label === undefined) {
        fail(`${what}: unknown ${name} value ${raw} at offset ${offset}`, offset);
      }
      return { values: [[name, label]], end: offset + 1 };
    },
    encode(values, what) {
      for (const k in labels) if (labels[k] === values[name]) return [Number(k)];
      fail(`${what}: ${name} must be one of ${JSON.stringify(valuesOf(labels))}`);
    },
  };
}

function valuesOf(labels: Record<number, string>): string[] {
  const out: string[] = [];
  for (const k in labels) out.push(labels[k]!);
  return out;
}

/** A ZCL character string: a length byte then ASCII characters. */
export function stringAttribute(cluster: number, attribute: number, name: string):
  AttributeSpec {
  return {
    cluster, attribute, zclType: 0x42, fields: [name],
    decode(bytes, offset, _t, what) {
      const n = readUintBE(bytes, offset, 1, `${what} ${name} length`);
      need(bytes, offset + 1, n, `${what} ${name}`);
      let s = '';
      for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[offset + 1 + i]!);
      return { values: [[name, s]], end: offset + 1 + n };
    },
    encode(values, what) {
      const s = values[name];
      if (typeof s !== 'string' || s.length > 255 || !/^[\x00-\xff]*$/.test(s)) {
        fail(`${what}: ${name} must be a string of at most 255 one-byte characters`);
      }
      const out = [s.length];
      for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
      return out;
    },
  };
}
