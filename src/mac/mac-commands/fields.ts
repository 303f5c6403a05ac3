/**
 * A small bit-field description language for MAC command payloads: each field names a byte
 * offset, a bit shift from that byte (little-endian bit numbering across bytes, as the spec
 * draws multi-byte fields) and a width. Decoding and encoding are both driven by the same
 * description, so the two directions cannot disagree.
 */
import { bytesToHex } from '../../bytes/hex.js';
import { frequencyFromField, frequencyToField } from './frequency.js';

/** How a field's raw bits become a value. */
export type FieldKind =
  | 'uint' // unsigned integer
  | 'bool' // one bit
  | 'int' // two's complement over the width
  | 'freq' // 24-bit frequency, see frequency.ts
  | 'bytes' // whole bytes, as a Uint8Array copy
  | 'linear'; // raw * scale + bias (integers)

/** One field of a MAC command payload. */
export interface FieldSpec {
  name: string;
  /** Byte offset in the payload (after the CID). */
  at: number;
  /** Bit offset from bit 0 of byte `at`. */
  shift: number;
  /** Width in bits. */
  width: number;
  kind: FieldKind;
  scale?: number;
  bias?: number;
}

/** Field value types of MAC commands. */
export type FieldValue = number | boolean | Uint8Array | string;

function readBits(p: Uint8Array, at: number, shift: number, width: number): number {
  let v = 0;
  for (let i = width - 1; i >= 0; i--) {
    const bit = shift + i;
    v = v * 2 + ((p[at + (bit >> 3)]! >> (bit & 7)) & 1);
  }
  return v;
}

function writeBits(p: Uint8Array, at: number, shift: number, width: number, value: number): void {
  let v = value;
  for (let i = 0; i < width; i++) {
    const bit = shift + i;
    const idx = at + (bit >> 3);
    if (v % 2 === 1) p[idx] = p[idx]! | (1 << (bit & 7));
    v = Math.floor(v / 2);
  }
}

/** Decodes one field from payload `p` (already bounds-checked by the caller). */
export function readField(p: Uint8Array, f: FieldSpec): FieldValue {
  if (f.kind === 'bytes') return p.slice(f.at, f.at + f.width / 8);
  const raw = readBits(p, f.at, f.shift, f.width);
  switch (f.kind) {
    case 'bool':
      return raw === 1;
    case 'int':
      return raw >= 2 ** (f.width - 1) ? raw - 2 ** f.width : raw;
    case 'freq':
      return frequencyFromField(raw);
    case 'linear':
      return raw * (f.scale ?? 1) + (f.bias ?? 0);
    default:
      return raw;
  }
}

/** Encodes one field into payload `p`; `where` names the command for errors. */
export function writeField(p: Uint8Array, f: FieldSpec, value: unknown, where: string): void {
  const name = `${where}.${f.name}`;
  if (f.kind === 'bytes') {
    const n = f.width / 8;
    if (!(value instanceof Uint8Array) || value.length !== n) {
      throw new RangeError(`${name}: expected a Uint8Array of ${n} bytes`);
    }
    p.set(value, f.at);
    return;
  }
  const max = 2 ** f.width - 1;
  let raw: number;
  if (f.kind === 'bool') {
    if (typeof value !== 'boolean') throw new TypeError(`${name}: expected a boolean`);
    raw = value ? 1 : 0;
  } else if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${name}: expected an integer, got ${String(value)}`);
  } else if (f.kind === 'int') {
    const half = 2 ** (f.width - 1);
    if (value < -half || value >= half) {
      throw new RangeError(`${name}: expected ${-half}..${half - 1}, got ${value}`);
    }
    raw = value < 0 ? value + 2 ** f.width : value;
  } else if (f.kind === 'freq') {
    raw = frequencyToField(value, name);
  } else if (f.kind === 'linear') {
    raw = (value - (f.bias ?? 0)) / (f.scale ?? 1);
  } else {
    raw = value;
  }
  if (!Number.isInteger(raw) || raw < 0 || raw > max) {
    throw new RangeError(`${name}: value ${String(value)} does not fit in ${f.width} bits`);
  }
  writeBits(p, f.at, f.shift, f.width, raw);
}

/** Hex of bytes, re-exported for the variable-length FilterListReq. */
export { bytesToHex };
