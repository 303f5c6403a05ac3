/**
 * Nexelec frame fields. Every Nexelec LoRa product sends `[product type][message type]`
 * followed by bit-packed fields, most significant bit first (Nexelec "LoRaWAN payload"
 * technical notes, e.g. AIR+ X850 and ORIGIN+/GUARD+). A field is a bit range and a way to
 * show it; a message is a list of fields; a product is a list of messages.
 */
import { fail } from '../../../framework/codec-error.js';
import type { Bytes, JsonSchema } from '../../../framework/types.js';
import { readBits, toFixedNumber, writeBits } from '../../common/bitfield.js';

/** Linear scaling `value = ((raw + rawAdd) * mul) / div + add`, then `toFixed(decimals)`. */
export interface Linear {
  mul?: number;
  div?: number;
  add?: number;
  rawAdd?: number;
  decimals?: number;
}

interface Base {
  name: string;
  /** First bit, counted from the start of the frame (product byte = bits 0..7). */
  bit: number;
  bits: number;
}

/** A code shown as a label; a code without a label shows as `"Unknown"`. */
export interface EnumField extends Base {
  kind: 'enum';
  labels: string[];
}

/** A plain number. */
export interface NumberField extends Base, Linear {
  kind: 'number';
}

/** A measurement `{ value, unit }`; some raw codes are errors shown as a string instead. */
export interface MeasureField extends Base, Linear {
  kind: 'measure';
  unit: string;
  /** Name of the unit key: Nexelec uses `unit`, and `units` in a few messages. */
  unitKey?: 'unit' | 'units';
  errors?: Record<number, string>;
}

/** A revision label: `"V" + code / 10` with one decimal, or `"V"` + the code on 3 digits. */
export interface RevisionField extends Base {
  kind: 'revision';
  style: 'tenths' | 'padded';
}

/**
 * A series of 10-bit temperatures (datalog): count and spacing given by other fields, each
 * value rounded to the degree, code 0x3FF shown as 0, in `{ value: [...], unit }`.
 */
export interface SeriesField extends Base {
  kind: 'series';
  countField: string;
  unit: string;
}

export type NexelecField = EnumField | NumberField | MeasureField | RevisionField | SeriesField;

/** One message type of a product. */
export interface NexelecMessage {
  type: number;
  label: string;
  /** Minimum length in bytes, type bytes included. */
  minLength: number;
  fields: NexelecField[];
  /** Short name for `messageTypes`. */
  name: string;
}

function scale(raw: number, l: Linear): number {
  const v = ((raw + (l.rawAdd ?? 0)) * (l.mul ?? 1)) / (l.div ?? 1) + (l.add ?? 0);
  return l.decimals === undefined ? v : toFixedNumber(v, l.decimals);
}

function unscale(v: number, l: Linear): number {
  return Math.round(((v - (l.add ?? 0)) * (l.div ?? 1)) / (l.mul ?? 1) - (l.rawAdd ?? 0));
}

/** Decodes the fields of one message into `out`. */
export function decodeFields(
  m: NexelecMessage,
  bytes: Bytes,
  out: Record<string, unknown>,
): void {
  for (let i = 0; i < m.fields.length; i++) {
    const f = m.fields[i]!;
    const what = `${m.name}.${f.name}`;
    if (f.kind === 'series') {
      const n = out[f.countField] as number;
      const values: number[] = [];
      for (let k = 0; k < n; k++) {
        const raw = readBits(bytes, f.bit + f.bits * k, f.bits, `${what}[${k}]`);
        // `+ 0` turns the -0 that Math.round gives for -0.5 into 0.
        values.push(raw === 0x3ff ? 0 : Math.round(raw / 10 - 30) + 0);
      }
      out[f.name] = { value: values, unit: f.unit };
      continue;
    }
    const raw = readBits(bytes, f.bit, f.bits, what);
    if (f.kind === 'enum') out[f.name] = raw < f.labels.length ? f.labels[raw] : 'Unknown';
    else if (f.kind === 'number') out[f.name] = scale(raw, f);
    else if (f.kind === 'revision') {
      // "V" + code / 10 (25 = V2.5), or "V" + the code on 3 digits (1 = V001).
      out[f.name] = 'V' + (f.style === 'tenths' ? (raw / 10).toFixed(1) : ('00' + raw).slice(-3));
    } else {
      const err = f.errors ? f.errors[raw] : undefined;
      if (err !== undefined) out[f.name] = err;
      else {
        const o: Record<string, unknown> = { value: scale(raw, f) };
        o[f.unitKey ?? 'unit'] = f.unit;
        out[f.name] = o;
      }
    }
  }
}

function rawOf(f: NexelecField, v: unknown, what: string): number {
  if (f.kind === 'enum') {
    const i = f.labels.indexOf(v as string);
    if (i >= 0) return i;
    if (v === 'Unknown' && f.labels.length < Math.pow(2, f.bits)) return f.labels.length;
    return fail(`${what}: unknown label ${JSON.stringify(v)}`);
  }
  if (f.kind === 'number') {
    if (typeof v !== 'number') fail(`${what}: expected a number, got ${String(v)}`);
    return unscale(v as number, f);
  }
  if (f.kind === 'revision') {
    const m = /^V(\d+(\.\d)?)$/.exec(String(v));
    if (!m) fail(`${what}: expected a revision label such as "V1.0", got ${String(v)}`);
    return f.style === 'tenths' ? Math.round(parseFloat(m![1]!) * 10) : parseInt(m![1]!, 10);
  }
  if (f.kind === 'measure') {
    if (typeof v === 'string') {
      for (const k in f.errors ?? {}) if (f.errors![k as unknown as number] === v) return +k;
      fail(`${what}: unknown error label ${JSON.stringify(v)}`);
    }
    const val = v !== null && typeof v === 'object' ? (v as { value?: unknown }).value : undefined;
    if (typeof val !== 'number') fail(`${what}: expected { value, ${f.unitKey ?? 'unit'} }`);
    return unscale(val as number, f);
  }
  return fail(`${what}: not a scalar field`);
}

/** Encodes the fields of `data` into a zeroed frame of `length` bytes. */
export function encodeFields(
  m: NexelecMessage,
  data: Record<string, unknown>,
  out: Bytes,
): void {
  for (let i = 0; i < m.fields.length; i++) {
    const f = m.fields[i]!;
    const what = `${m.name}.${f.name}`;
    if (!(f.name in data)) fail(`${what}: missing`);
    if (f.kind === 'series') {
      const s = data[f.name] as { value?: unknown };
      const values = s && s.value instanceof Array ? (s.value as unknown[]) : undefined;
      if (!values) fail(`${what}: expected { value: [...], unit }`);
      if (data[f.countField] !== values!.length) {
        fail(`${what}: ${values!.length} values but ${f.countField} is ` +
          String(data[f.countField]));
      }
      for (let k = 0; k < values!.length; k++) {
        const v = values![k];
        if (typeof v !== 'number') fail(`${what}[${k}]: expected a number`);
        writeBits(out, f.bit + f.bits * k, f.bits, Math.round(((v as number) + 30) * 10), what);
      }
      continue;
    }
    writeBits(out, f.bit, f.bits, rawOf(f, data[f.name], what), what);
  }
}

/** Bytes needed to hold every field of `m` for `data` (series grow with their count). */
export function lengthFor(m: NexelecMessage, data: Record<string, unknown>): number {
  let bits = m.minLength * 8;
  for (let i = 0; i < m.fields.length; i++) {
    const f = m.fields[i]!;
    let end = f.bit + f.bits;
    if (f.kind === 'series') {
      const s = data[f.name] as { value?: unknown[] } | undefined;
      const n = s && s.value instanceof Array ? s.value.length : 0;
      end = f.bit + f.bits * n;
    }
    if (end > bits) bits = end;
  }
  return Math.ceil(bits / 8);
}

/** JSON Schema of one field's decoded value. */
export function fieldSchema(f: NexelecField): JsonSchema {
  if (f.kind === 'enum') return { type: 'string' };
  if (f.kind === 'number') return { type: 'number' };
  if (f.kind === 'revision') return { type: 'string', pattern: '^V' };
  const valueSchema = f.kind === 'series'
    ? { type: 'array', items: { type: 'number' } }
    : { type: 'number' };
  const properties: Record<string, JsonSchema> = { value: valueSchema };
  properties[f.kind === 'measure' ? f.unitKey ?? 'unit' : 'unit'] = { type: 'string' };
  const obj = { type: 'object', properties };
  return f.kind === 'measure' && f.errors ? { oneOf: [obj, { type: 'string' }] } : obj;
}
