/**
 * One value inside a Milesight channel/type record or downlink command: how its bytes read and
 * write. Milesight numbers are little-endian (Milesight "Payload Structure" in every device user
 * guide: "all data are little-endian"), scaled by a divisor, or enumerations rendered as the
 * vendor's labels. ES5-safe: plain loops, no typed arrays.
 */
import { fail } from '../../../framework/codec-error.js';
import {
  need,
  readFloat32LE,
  readIntLE,
  readUintLE,
  writeIntLE,
  writeUintLE,
} from '../../../framework/bytes.js';

/** How a field's bytes are laid out. */
export type FieldKind =
  | 'u8'
  | 'i8'
  | 'u16'
  | 'i16'
  | 'u32'
  | 'i32'
  | 'f32'
  /** `size` bytes shown as lowercase hex (serial numbers, keys). */
  | 'hex'
  /** `size` bytes shown as lowercase hex of the little-endian number they hold (D2D commands). */
  | 'hexLE'
  /** `size` bytes of ASCII, zero-padded on the right. */
  | 'ascii'
  /** One byte, high nibble major and low nibble minor: `v1.2`. */
  | 'ipsoVersion'
  /** Two bytes, major then minor in the high nibble: `v1.2`. */
  | 'hardwareVersion'
  /** Two bytes, major then minor: `v1.2`. */
  | 'firmwareVersion'
  /** `size` bytes the device sends but the vendor's output ignores; `value` is shown instead. */
  | 'fixed'
  /** `size` reserved bytes, written as `raw` (default 0), not shown. */
  | 'skip'
  /** One or two bytes (little-endian) split into bit `parts`. */
  | 'packed'
  /**
   * A mask then a state, each half of `size`: part `i` is present only when its mask bit is
   * set (switch commands that change some outputs and leave the others alone).
   */
  | 'maskedBits';

/** A bit range of a `packed` field. */
export interface BitPart {
  key: string;
  shift: number;
  width: number;
  map?: Record<number, string>;
  /** A constant bit pattern: written on encode, not shown on decode. */
  fixed?: number;
  /** Show the part inside an object under this key (WT101 `week_recycle.monday`). */
  group?: string;
}

/** A value of a record or command. */
export interface Field {
  /** Output key, relative to the record's target object. Not used by `skip`. */
  key?: string;
  kind: FieldKind;
  /** Bytes for `hex`, `ascii`, `fixed`, `skip`, `packed` (1 or 2), `maskedBits` (2 or 4). */
  size?: number;
  /** Raw integer divided by `scale` on decode (e.g. 10 for 0.1 °C steps). */
  scale?: number;
  /** Added to the raw integer on decode (a 0-based index shown 1-based). */
  add?: number;
  /** Enumeration: raw code to the vendor's label. */
  map?: Record<number, string>;
  /** Raw 0 is `false`, anything else `true`. */
  bool?: boolean;
  /** Shown value of a `fixed` field. */
  value?: string;
  /** Byte written for `fixed` and `skip` fields. */
  raw?: number;
  parts?: BitPart[];
  /**
   * Present only when the sibling field `when[0]` decoded to `when[1]`; its bytes are still
   * consumed (and written as zeros) otherwise.
   */
  when?: [string, string];
}

const INT_SIZES: Record<string, number> = {
  u8: 1,
  i8: 1,
  u16: 2,
  i16: 2,
  u32: 4,
  i32: 4,
  f32: 4,
  ipsoVersion: 1,
  hardwareVersion: 2,
  firmwareVersion: 2,
};

/** Number of bytes a field occupies. */
export function fieldSize(f: Field): number {
  const n = INT_SIZES[f.kind];
  if (n !== undefined) return n;
  if (f.size !== undefined) return f.size;
  return f.kind === 'maskedBits' ? 2 : 1;
}

/** Label of `code` in `map`, or `unknown` as the vendor's decoders show it. */
export function labelOf(map: Record<number, string>, code: number): string {
  const s = map[code];
  return s === undefined ? 'unknown' : s;
}

/** Raw code of `value` given as a label or as the code itself; fails when it is neither. */
export function codeOf(map: Record<number, string>, value: unknown, what: string): number {
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const code = Number(keys[i]);
    if (value === map[code] || value === code) return code;
  }
  const labels: string[] = [];
  for (let i = 0; i < keys.length; i++) labels.push(`'${map[Number(keys[i])]}'`);
  return fail(`${what}: expected one of ${labels.join(', ')}, got ${JSON.stringify(value)}`);
}

function readInt(bytes: number[], offset: number, kind: FieldKind, what: string): number {
  const n = INT_SIZES[kind]!;
  return kind.charAt(0) === 'i'
    ? readIntLE(bytes, offset, n, what)
    : readUintLE(bytes, offset, n, what);
}

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16);
}

/**
 * Reads field `f` at `offset` into `target[f.key]`. `warnings` collects enumeration codes the
 * vendor does not document (shown as `unknown`, as the vendor does).
 */
export function readField(
  bytes: number[],
  offset: number,
  f: Field,
  target: Record<string, unknown>,
  what: string,
  warnings: string[],
): void {
  const size = fieldSize(f);
  const label = `${what}.${f.key === undefined ? 'reserved' : f.key}`;
  need(bytes, offset, size, label);
  if (f.when !== undefined && target[f.when[0]] !== f.when[1]) return;
  const key = f.key as string;
  switch (f.kind) {
    case 'skip':
      return;
    case 'fixed':
      target[key] = f.value;
      return;
    case 'hex':
    case 'hexLE': {
      let s = '';
      for (let i = 0; i < size; i++) {
        const b = bytes[offset + i]!;
        s = f.kind === 'hex' ? s + hex2(b) : hex2(b) + s;
      }
      target[key] = s;
      return;
    }
    case 'ascii': {
      let s = '';
      for (let i = 0; i < size; i++) {
        const c = bytes[offset + i]!;
        if (c === 0) break;
        s += String.fromCharCode(c);
      }
      target[key] = s;
      return;
    }
    case 'ipsoVersion': {
      const b = bytes[offset]!;
      target[key] = `v${b >> 4}.${b & 0x0f}`;
      return;
    }
    case 'hardwareVersion':
      target[key] = `v${bytes[offset]!}.${bytes[offset + 1]! >> 4}`;
      return;
    case 'firmwareVersion':
      target[key] = `v${bytes[offset]!}.${bytes[offset + 1]!}`;
      return;
    case 'packed': {
      const raw = readUintLE(bytes, offset, size, label);
      const parts = f.parts || [];
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (p.fixed !== undefined) continue;
        const v = Math.floor(raw / Math.pow(2, p.shift)) % Math.pow(2, p.width);
        const name = `${what}.${p.key}`;
        const shown = p.map === undefined ? v : decodeLabel(p.map, v, name, warnings);
        if (p.group === undefined) target[p.key] = shown;
        else {
          const g = (target[p.group] as Record<string, unknown> | undefined) || {};
          g[p.key] = shown;
          target[p.group] = g;
        }
      }
      return;
    }
    case 'maskedBits': {
      const half = size / 2;
      const mask = readUintLE(bytes, offset, half, label);
      const state = readUintLE(bytes, offset + half, half, label);
      const parts = f.parts || [];
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if ((mask >> p.shift) & 1) {
          const bit = (state >> p.shift) & 1;
          target[p.key] = decodeLabel(p.map!, bit, `${what}.${p.key}`, warnings);
        }
      }
      return;
    }
    case 'f32':
      target[key] = readFloat32LE(bytes, offset, label);
      return;
    default: {
      const raw = readInt(bytes, offset, f.kind, label);
      if (f.map !== undefined) target[key] = decodeLabel(f.map, raw, label, warnings);
      else if (f.bool) target[key] = raw !== 0;
      else if (f.scale !== undefined) target[key] = raw / f.scale;
      else target[key] = raw + (f.add || 0);
    }
  }
}

function decodeLabel(
  map: Record<number, string>,
  raw: number,
  what: string,
  warnings: string[],
): string {
  const s = labelOf(map, raw);
  if (s === 'unknown') warnings.push(`${what}: undocumented value ${raw}, shown as 'unknown'`);
  return s;
}

/** Appends field `f` taken from `source[f.key]` to `out`; fails naming the field when invalid. */
export function writeField(
  out: number[],
  f: Field,
  source: Record<string, unknown>,
  what: string,
): void {
  const size = fieldSize(f);
  const label = `${what}.${f.key === undefined ? 'reserved' : f.key}`;
  if (f.kind === 'skip' || (f.when !== undefined && source[f.when[0]] !== f.when[1])) {
    for (let i = 0; i < size; i++) out.push(f.kind === 'skip' && f.raw !== undefined ? f.raw : 0);
    return;
  }
  const v = source[f.key as string];
  switch (f.kind) {
    case 'fixed':
      if (v !== f.value) fail(`${label}: expected '${f.value}', got ${JSON.stringify(v)}`);
      for (let i = 0; i < size; i++) out.push(f.raw === undefined ? 0xff : f.raw);
      return;
    case 'hex':
    case 'hexLE': {
      if (typeof v !== 'string' || !new RegExp(`^[0-9a-fA-F]{${2 * size}}$`).test(v)) {
        fail(`${label}: expected ${2 * size} hex digits, got ${JSON.stringify(v)}`);
      }
      for (let i = 0; i < size; i++) {
        const j = f.kind === 'hex' ? i : size - 1 - i;
        out.push(parseInt((v as string).substr(2 * j, 2), 16));
      }
      return;
    }
    case 'ascii': {
      if (typeof v !== 'string' || v.length > size || !/^[\x20-\x7e]*$/.test(v)) {
        fail(`${label}: expected printable ASCII of at most ${size} characters`);
      }
      const s = v as string;
      for (let i = 0; i < size; i++) out.push(i < s.length ? s.charCodeAt(i) : 0);
      return;
    }
    case 'ipsoVersion':
    case 'hardwareVersion':
    case 'firmwareVersion': {
      const m = typeof v === 'string' ? /^v(\d+)\.(\d+)$/.exec(v) : null;
      if (m === null) {
        fail(`${label}: expected a version such as 'v1.2', got ${JSON.stringify(v)}`);
      }
      const major = Number(m![1]);
      const minor = Number(m![2]);
      if (f.kind === 'ipsoVersion') {
        if (major > 15 || minor > 15) fail(`${label}: major and minor must be 0 to 15`);
        out.push(major * 16 + minor);
      } else {
        const minorMax = f.kind === 'hardwareVersion' ? 15 : 255;
        if (major > 255 || minor > minorMax) fail(`${label}: version out of range`);
        out.push(major, f.kind === 'hardwareVersion' ? minor * 16 : minor);
      }
      return;
    }
    case 'packed': {
      let raw = 0;
      const parts = f.parts || [];
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (p.fixed !== undefined) {
          raw += p.fixed * Math.pow(2, p.shift);
          continue;
        }
        const holder = p.group === undefined ? source : source[p.group];
        if (p.group !== undefined && (typeof holder !== 'object' || holder === null)) {
          fail(`${what}.${p.group}: expected an object, got ${JSON.stringify(holder)}`);
        }
        const pv = (holder as Record<string, unknown>)[p.key];
        const code =
          p.map === undefined ? checkInt(pv, 0, Math.pow(2, p.width) - 1, `${what}.${p.key}`)
            : codeOf(p.map, pv, `${what}.${p.key}`);
        raw += code * Math.pow(2, p.shift);
      }
      writeUintLE(out, raw, size, label);
      return;
    }
    case 'maskedBits': {
      let mask = 0;
      let state = 0;
      const parts = f.parts || [];
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (!(p.key in source)) continue;
        mask |= 1 << p.shift;
        state |= codeOf(p.map!, source[p.key], `${what}.${p.key}`) << p.shift;
      }
      writeUintLE(out, mask, size / 2, label);
      writeUintLE(out, state, size / 2, label);
      return;
    }
    case 'f32':
      if (typeof v !== 'number') fail(`${label}: expected a number, got ${JSON.stringify(v)}`);
      writeFloat32LE(out, v as number, label);
      return;
    default: {
      let raw: number;
      if (f.map !== undefined) raw = codeOf(f.map, v, label);
      else if (f.bool) {
        if (typeof v !== 'boolean') {
          fail(`${label}: expected true or false, got ${JSON.stringify(v)}`);
        }
        raw = v ? 1 : 0;
      } else {
        if (typeof v !== 'number' || v !== v) {
          fail(`${label}: expected a number, got ${JSON.stringify(v)}`);
        }
        raw =
          f.scale === undefined
            ? (v as number) - (f.add || 0)
            : Math.round((v as number) * f.scale);
      }
      const n = INT_SIZES[f.kind]!;
      if (f.kind.charAt(0) === 'i') writeIntLE(out, raw, n, label);
      else writeUintLE(out, raw, n, label);
    }
  }
}

function checkInt(v: unknown, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || v !== Math.floor(v) || v < min || v > max) {
    fail(`${what}: expected an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
  return v as number;
}

/**
 * IEEE 754 binary32, little-endian, without typed arrays (IEEE 754-2008 §3.4). Values round to
 * nearest; NaN and infinities are refused since no Milesight field carries them.
 */
export function writeFloat32LE(out: number[], value: number, what: string): void {
  if (!isFinite(value)) fail(`${what}: expected a finite number, got ${String(value)}`);
  let bits = 0;
  const sign = value < 0 || (value === 0 && 1 / value < 0) ? 1 : 0;
  const a = Math.abs(value);
  if (a !== 0) {
    let e = Math.floor(Math.log(a) / Math.LN2);
    if (Math.pow(2, e) > a) e -= 1;
    if (Math.pow(2, e + 1) <= a) e += 1;
    if (e < -126) {
      // Subnormal: mantissa in units of 2^-149.
      bits = Math.round(a / Math.pow(2, -149));
    } else {
      let m = Math.round((a / Math.pow(2, e) - 1) * 0x800000);
      if (m === 0x800000) {
        m = 0;
        e += 1;
      }
      if (e > 127) fail(`${what}: ${String(value)} does not fit a 32-bit float`);
      bits = (e + 127) * 0x800000 + m;
    }
  }
  bits += sign * 0x80000000;
  for (let i = 0; i < 4; i++) out.push(Math.floor(bits / Math.pow(2, 8 * i)) % 256);
}
