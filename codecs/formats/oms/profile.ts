/**
 * OMS compact profiles (EN 13757-3:2018 annex F, OMS vol. 2 annex E): a series of values of one
 * quantity in a single variable-length record, marked by the orthogonal VIFE 0x13 (inverse
 * compact profile), 0x1E (compact profile with register numbers) or 0x1F (compact profile).
 * The LVAR data is: spacing control byte (bits 7..6 increment mode, 5..4 spacing unit, 3..0
 * element coding as a DIF data field: 1..4 and 6 binary, 9..C and E BCD), spacing value byte,
 * then the elements.
 *
 * In the inverse compact profile the elements walk back in time from the base value (the
 * record of the same quantity and storage number), as in Kamstrup's and Sensus' frames.
 */
import { fail } from '../../framework/codec-error.js';
import {
  isAllOnes, isTypeBInvalid, readBcd, readIntegerLE, writeBcd, writeIntegerLE,
} from './coding.js';

/** Increment modes, by their 2-bit code. */
export const INCREMENT_MODES = ['absolute', 'increments', 'decrements', 'signedDifference'] as
  const;
/** Spacing units, by their 2-bit code. */
export const SPACING_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/** Which profile VIFE marked the record. */
export type ProfileKind = 'inverse' | 'compact' | 'compactWithRegisters';

/** A decoded compact profile, before it is tied to its base value. */
export interface OmsProfile {
  kind: ProfileKind;
  incrementMode: (typeof INCREMENT_MODES)[number];
  spacingUnit: (typeof SPACING_UNITS)[number];
  /** 1..250 units; 254 with unit days/hours/minutes = 1/3/6 months; 255 = irregular. */
  spacingValue: number;
  /** DIF data-field code of the elements (EN 13757-3 table 4): 1..4, 6 binary; 9..C, E BCD. */
  elementCoding: number;
  /** Elements as sent; `null` where the element holds its coding's invalid marker. */
  elements: (number | null)[];
}

/** The profile kind a VIFE code selects, if any. */
export function profileKindOf(vife: number[]): ProfileKind | undefined {
  for (let i = 0; i < vife.length; i++) {
    if (vife[i] === 0x13) return 'inverse';
    if (vife[i] === 0x1e) return 'compactWithRegisters';
    if (vife[i] === 0x1f) return 'compact';
  }
  return undefined;
}

/** Bytes per element, by element coding; 0 where the coding cannot be a profile element. */
const SIZES = [0, 1, 2, 3, 4, 0, 6, 0, 0, 1, 2, 3, 4, 0, 6, 0];

function isBcd(coding: number): boolean {
  return coding >= 9;
}

/** Decodes `len` profile bytes at `offset`. */
export function decodeProfile(
  bytes: number[],
  offset: number,
  len: number,
  kind: ProfileKind,
  what: string,
): OmsProfile {
  if (len < 2) fail(`${what}: compact profile needs at least 2 bytes, got ${len}`, offset);
  const ctrl = bytes[offset]!;
  const elementCoding = ctrl & 0x0f;
  const elementSize = SIZES[elementCoding]!;
  if (elementSize === 0) {
    fail(`${what}: compact profile element coding ${elementCoding} at offset ${offset} ` +
      'is not 1-4, 6, 9-12 or 14', offset);
  }
  if ((len - 2) % elementSize !== 0) {
    fail(`${what}: compact profile of ${len - 2} bytes is not a multiple of the element size ` +
      `${elementSize} (offset ${offset})`, offset);
  }
  const incrementMode = INCREMENT_MODES[ctrl >> 6]!;
  const signed = incrementMode === 'absolute' || incrementMode === 'signedDifference';
  const elements: (number | null)[] = [];
  for (let o = offset + 2; o < offset + len; o += elementSize) {
    if (isBcd(elementCoding)) {
      // BCD elements: digits other than 0..9 mark an invalid element (EN 13757-3 annex A).
      const v = readBcd(bytes, o, elementSize, `${what}: profile element`);
      elements.push(v === undefined ? null : v);
      continue;
    }
    const invalid = signed ? isTypeBInvalid(bytes, o, elementSize)
      : isAllOnes(bytes, o, elementSize);
    elements.push(invalid ? null
      : (readIntegerLE(bytes, o, elementSize, signed, `${what}: profile element`) as number));
  }
  return {
    kind,
    incrementMode,
    spacingUnit: SPACING_UNITS[(ctrl >> 4) & 0x03]!,
    spacingValue: bytes[offset + 1]!,
    elementCoding,
    elements,
  };
}

/** Appends the profile bytes (without LVAR); returns how many were written. */
export function encodeProfile(out: number[], p: OmsProfile, what: string): number {
  if (typeof p !== 'object' || p === null) return fail(`${what}: profile must be an object`);
  const mode = INCREMENT_MODES.indexOf(p.incrementMode);
  const unit = SPACING_UNITS.indexOf(p.spacingUnit);
  if (mode < 0) {
    fail(`${what}: profile.incrementMode must be one of ${INCREMENT_MODES.join(', ')}`);
  }
  if (unit < 0) fail(`${what}: profile.spacingUnit must be one of ${SPACING_UNITS.join(', ')}`);
  const size = SIZES[p.elementCoding] ?? 0;
  if (size === 0) fail(`${what}: profile.elementCoding must be 1-4, 6, 9-12 or 14`);
  if (!Array.isArray(p.elements)) fail(`${what}: profile.elements must be an array`);
  const start = out.length;
  out.push((mode << 6) | (unit << 4) | p.elementCoding);
  if (typeof p.spacingValue !== 'number' || p.spacingValue < 0 || p.spacingValue > 255 ||
    p.spacingValue !== Math.floor(p.spacingValue)) {
    fail(`${what}: profile.spacingValue must be a byte`);
  }
  out.push(p.spacingValue);
  const signed = mode === 0 || mode === 3;
  for (let i = 0; i < p.elements.length; i++) {
    const e = p.elements[i];
    const w = `${what}: profile.elements[${i}]`;
    if (e === null) {
      for (let k = 0; k < size; k++) {
        out.push(isBcd(p.elementCoding) || !signed ? 0xff : k === size - 1 ? 0x80 : 0);
      }
    } else if (isBcd(p.elementCoding)) {
      writeBcd(out, e as number, size, w);
    } else {
      writeIntegerLE(out, e as number, size, signed, w);
    }
  }
  return out.length - start;
}

/**
 * Moves `t` back by one profile spacing (EN 13757-3 annex F, spacing value/unit); returns
 * `undefined` for the irregular or reserved spacings that fix no time.
 */
export function stepBack(t: Date, p: OmsProfile): Date | undefined {
  const v = p.spacingValue;
  const d = new Date(t.getTime());
  if (v >= 1 && v <= 250) {
    const seconds = [1, 60, 3600, 86400][SPACING_UNITS.indexOf(p.spacingUnit)]!;
    return new Date(t.getTime() - v * seconds * 1000);
  }
  if (v === 254 && p.spacingUnit !== 'seconds') {
    const months = p.spacingUnit === 'days' ? 1 : p.spacingUnit === 'hours' ? 3 : 6;
    d.setUTCMonth(d.getUTCMonth() - months);
    return d;
  }
  return undefined;
}
