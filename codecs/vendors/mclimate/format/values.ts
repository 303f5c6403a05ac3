/**
 * Value layouts of MClimate command arguments. MClimate devices speak one command-byte
 * protocol (docs.mclimate.eu, "Commands cheat sheet" of each device): a command code
 * followed by a fixed number of argument bytes, big-endian. A {@link ValueCodec} describes the
 * arguments of one command both ways, so a device is a table of `code -> name, ValueCodec`.
 */
import { fail } from '../../../framework/codec-error.js';
import type { Bytes, JsonSchema } from '../../../framework/types.js';
import { readUintBE, writeUintBE, toSigned, writeIntBE } from '../../../framework/bytes.js';
import { toFixedNumber } from '../../common/bitfield.js';

/** Reads and writes one command's arguments. */
export interface ValueCodec {
  /** Argument bytes after the command code. */
  size: number;
  read(b: Bytes, o: number, what: string): unknown;
  write(v: unknown, out: Bytes, what: string): void;
  schema: JsonSchema;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !isFinite(v)) fail(`${what}: expected a number, got ${String(v)}`);
  return v as number;
}

/** Scaling of a number: `value = ((raw + rawAdd) * mul) / div + add`, then rounded. */
export interface Scale {
  mul?: number;
  div?: number;
  add?: number;
  rawAdd?: number;
  /** Decimals kept, as the vendor's `toFixed`. */
  decimals?: number;
  signed?: boolean;
}

/** A big-endian integer of `n` bytes, optionally scaled. */
export function int(n: number, s: Scale = {}): ValueCodec {
  const mul = s.mul ?? 1;
  const div = s.div ?? 1;
  const add = s.add ?? 0;
  const rawAdd = s.rawAdd ?? 0;
  const plain = mul === 1 && div === 1 && add === 0 && rawAdd === 0;
  return {
    size: n,
    read(b, o, what) {
      let raw = readUintBE(b, o, n, what);
      if (s.signed) raw = toSigned(raw, n);
      if (plain) return raw;
      const v = ((raw + rawAdd) * mul) / div + add;
      return s.decimals === undefined ? v : toFixedNumber(v, s.decimals);
    },
    write(v, out, what) {
      const raw = plain ? num(v, what) : Math.round(((num(v, what) - add) * div) / mul - rawAdd);
      if (s.signed) writeIntBE(out, raw, n, what);
      else writeUintBE(out, raw, n, what);
    },
    schema: plain ? { type: 'integer' } : { type: 'number' },
  };
}

/** One byte read as a flag: 1 is true, anything else false (as the vendor's `toBool`). */
export const flag: ValueCodec = {
  size: 1,
  read: (b, o, what) => readUintBE(b, o, 1, what) === 1,
  write(v, out, what) {
    if (typeof v !== 'boolean') fail(`${what}: expected a boolean, got ${String(v)}`);
    out.push(v ? 1 : 0);
  },
  schema: { type: 'boolean' },
};

/** An unsigned integer where 0 means "disabled" and decodes to `false`. */
export function zeroFalse(n: number): ValueCodec {
  return {
    size: n,
    read(b, o, what) {
      const raw = readUintBE(b, o, n, what);
      return raw === 0 ? false : raw;
    },
    write(v, out, what) {
      writeUintBE(out, v === false ? 0 : num(v, what), n, what);
    },
    schema: { type: ['integer', 'boolean'] },
  };
}

/** One byte shown as two lowercase hex digits, as the vendor reports mode codes (`"01"`). */
export const hexByte: ValueCodec = {
  size: 1,
  read(b, o, what) {
    const v = readUintBE(b, o, 1, what);
    return (v < 16 ? '0' : '') + v.toString(16);
  },
  write(v, out, what) {
    if (typeof v !== 'string' || !/^[0-9a-fA-F]{2}$/.test(v)) {
      fail(`${what}: expected two hex digits, got ${String(v)}`);
    }
    out.push(parseInt(v as string, 16));
  },
  schema: { type: 'string', pattern: '^[0-9a-f]{2}$' },
};

/**
 * One byte whose hex digits are read as a decimal number (the vendor shows version byte
 * 0x26 as 26). A nibble above 9 has no such reading and fails.
 */
export const bcdByte: ValueCodec = {
  size: 1,
  read(b, o, what) {
    const v = readUintBE(b, o, 1, what);
    if (v % 16 > 9 || Math.floor(v / 16) > 9) {
      fail(`${what}: byte 0x${v.toString(16)} at offset ${o} is not two decimal digits`, o);
    }
    return Math.floor(v / 16) * 10 + (v % 16);
  },
  write(v, out, what) {
    const n = num(v, what);
    if (n !== Math.floor(n) || n < 0 || n > 99) fail(`${what}: expected 0 to 99, got ${n}`);
    out.push(Math.floor(n / 10) * 16 + (n % 10));
  },
  schema: { type: 'integer', minimum: 0, maximum: 99 },
};

/** No argument bytes: a query command. Decodes to `true`; encoding accepts any value. */
export const none: ValueCodec = {
  size: 0,
  read: () => true,
  write: () => undefined,
  schema: {},
};

/** Bytes that carry nothing the vendor decodes; written as zero. */
export function skip(n: number): ValueCodec {
  return {
    size: n,
    read(b, o, what) {
      readUintBE(b, o, n, what);
      return undefined;
    },
    write(_v, out) {
      for (let i = 0; i < n; i++) out.push(0);
    },
    schema: {},
  };
}

/**
 * Fixed-point number `raw / div` shown as a string with `decimals` digits, as the vendor
 * reports PI gains (`"0.12500"`).
 */
export function fixedString(n: number, div: number, decimals: number): ValueCodec {
  return {
    size: n,
    read: (b, o, what) => (readUintBE(b, o, n, what) / div).toFixed(decimals),
    write(v, out, what) {
      const f = typeof v === 'string' ? parseFloat(v) : num(v, what);
      if (!isFinite(f)) fail(`${what}: expected a decimal number, got ${String(v)}`);
      writeUintBE(out, Math.round(f * div), n, what);
    },
    schema: { type: 'string' },
  };
}

/** Several values one after another, as an object. Fields named `''` are skipped bytes. */
export function struct(fields: Array<[string, ValueCodec]>): ValueCodec {
  let size = 0;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    size += fields[i]![1].size;
    if (fields[i]![0] !== '') {
      properties[fields[i]![0]] = fields[i]![1].schema;
      required.push(fields[i]![0]);
    }
  }
  return {
    size,
    read(b, o, what) {
      const out: Record<string, unknown> = {};
      let at = o;
      for (let i = 0; i < fields.length; i++) {
        const [name, codec] = fields[i]!;
        const v = codec.read(b, at, `${what}.${name}`);
        if (name !== '') out[name] = v;
        at += codec.size;
      }
      return out;
    },
    write(v, out, what) {
      if (typeof v !== 'object' || v === null) fail(`${what}: expected an object`);
      const obj = v as Record<string, unknown>;
      for (let i = 0; i < fields.length; i++) {
        const [name, codec] = fields[i]!;
        if (name !== '' && !(name in obj)) fail(`${what}: missing field '${name}'`);
        codec.write(name === '' ? undefined : obj[name], out, `${what}.${name}`);
      }
    },
    schema: { type: 'object', properties, required, additionalProperties: false },
  };
}
