/**
 * OMS compact profiles (EN 13757-3:2018 annex F, OMS vol. 2 annex E): a series of values of one
 * quantity in a single variable-length record, marked by the orthogonal VIFE 0x13 (inverse
 * compact profile), 0x1E (compact profile with register numbers) or 0x1F (compact profile).
 * The LVAR data is: spacing control byte (bits 7..6 increment mode, 5..4 spacing unit, 3..0
 * element size in bytes), spacing value byte, then the elements.
 *
 * In the inverse compact profile the elements walk back in time from the base value (the
 * record of the same quantity and storage number), as in Kamstrup's and Sensus' frames.
 */
import { fail } from '../../framework/codec-error.js';
import { isAllOnes, isTypeBInvalid, readIntegerLE, writeIntegerLE } from './coding.js';

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
  elementSize: number;
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

const SIZES = [1, 2, 3, 4, 6];

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
  const elementSize = ctrl & 0x0f;
  if (SIZES.indexOf(elementSize) < 0) {
    fail(`${what}: compact profile element size ${elementSize} at offset ${offset} ` +
      'is not 1, 2, 3, 4 or 6', offset);
  }
  if ((len - 2) % elementSize !== 0) {
    fail(`${what}: compact profile of ${len - 2} bytes is not a multiple of the element size ` +
      `${elementSize} (offset ${offset})`, offset);
  }
  const incrementMode = INCREMENT_MODES[ctrl >> 6]!;
  const signed = incrementMode === 'absolute' || incrementMode === 'signedDifference';
  const elements: (number | null)[] = [];
  for (let o = offset + 2; o < offset + len; o += elementSize) {
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
    elementSize,
    elements,
  };
}

/** Appends the profile bytes (without LVAR); returns how many were written. */
export function encodeProfile(out: number[], p: OmsProfile, what: string): number {
  if (typeof p !== 'object' || p === null) return fail(`${what}: profile must be an object`);
  const mode = INCREMENT_MODES.indexOf(p.incrementMode);
  const unit = SPACING_UNITS.indexOf(p.spacingUnit);
  if (mode < 0) fail(`${what}: profile.incrementMode must be one of ${INCREMENT_MODES.join(', ')}`);
  if (unit < 0) fail(`${what}: profile.spacingUnit must be one of ${SPACING_UNITS.join(', ')}`);
  if (SIZES.indexOf(p.elementSize) < 0) fail(`${what}: profile.elementSize must be 1-4 or 6`);
  if (!Array.isArray(p.elements)) fail(`${what}: profile.elements must be an array`);
  const start = out.length;
  out.push((mode << 6) | (unit << 4) | p.elementSize);
  if (typeof p.spacingValue !== 'number' || p.spacingValue < 0 || p.spacingValue > 255 ||
    p.spacingValue !== Math.floor(p.spacingValue)) {
    fail(`${what}: profile.spacingValue must be a byte`);
  }
  out.push(p.spacingValue);
  const signed = mode === 0 || mode === 3;
  for (let i = 0; i < p.elements.length; i++) {
    const e = p.elements[i];
    if (e === null) {
      for (let k = 0; k < p.elementSize; k++) {
        out.push(signed ? (k === p.elementSize - 1 ? 0x80 : 0) : 0xff);
      }
    } else {
      writeIntegerLE(out, e as number, p.elementSize, signed, `${what}: profile.elements[${i}]`);
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
