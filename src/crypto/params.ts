/**
 * Argument checks shared by the LoRaWAN crypto functions, so every wrong argument is reported
 * the same way: a TypeError or RangeError that names it, says what was expected and what came.
 * @internal
 */

/** Link direction of a frame: `up` from the end-device, `down` to it (the spec's Dir bit). */
export type Direction = 'up' | 'down';

/** @internal Checks an unsigned integer of at most `bits` bits. */
export function checkUint(value: unknown, name: string, bits: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${name}: expected an integer, got ${String(value)}`);
  }
  if (value < 0 || value > MAX_UINT[bits]!) {
    const max = 2 ** bits - 1;
    throw new RangeError(`${name}: expected 0 to ${max} (${bits} bits), got ${value}`);
  }
  return value;
}

/**
 * 2^bits - 1 for bits 0..53, computed once: V8 evaluates `2 ** bits` as a call on every check,
 * which the profile of a frame decode showed at about a fifth of its time.
 */
const MAX_UINT: number[] = [];
for (let b = 0; b <= 53; b++) MAX_UINT.push(2 ** b - 1);

/** @internal The Dir bit for `direction`: 0 uplink, 1 downlink. */
export function dirBit(direction: unknown): number {
  if (direction === 'up') return 0;
  if (direction === 'down') return 1;
  throw new TypeError(`direction: expected 'up' or 'down', got ${String(direction)}`);
}

/** @internal Checks a Uint8Array argument, optionally of an exact length. */
export function checkBytes(value: unknown, name: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${name}: expected a Uint8Array, got ${typeName(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${name}: expected ${length} bytes, got ${value.length}`);
  }
  return value;
}

/** @internal Checks an optional output array has room for `length` bytes. */
export function outputFor(output: Uint8Array | undefined, length: number): Uint8Array {
  if (output === undefined) return new Uint8Array(length);
  checkBytes(output, 'output');
  if (output.length < length) {
    throw new RangeError(`output: expected at least ${length} bytes, got ${output.length}`);
  }
  return output;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

/**
 * An EUI given as 8 bytes or 16 hex digits, both big-endian as people write it (the framing
 * decoders return EUIs as such strings). Returns the 8 big-endian bytes.
 * @internal
 */
export function euiBytes(value: unknown, name: string): Uint8Array {
  if (typeof value === 'string') {
    if (!/^[0-9a-fA-F]{16}$/.test(value)) {
      throw new RangeError(`${name}: expected 16 hex digits, got '${value}'`);
    }
    const out = new Uint8Array(8);
    for (let i = 0; i < 8; i++) out[i] = parseInt(value.slice(2 * i, 2 * i + 2), 16);
    return out;
  }
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${name}: expected 8 bytes or 16 hex digits, got ${typeName(value)}`);
  }
  return checkBytes(value, name, 8);
}

/**
 * A 24-bit NetID given as a number or as 6 hex digits (big-endian, as the framing decoders
 * return it). @internal
 */
export function netIdNumber(value: unknown, name: string): number {
  if (typeof value === 'string') {
    if (!/^[0-9a-fA-F]{6}$/.test(value)) {
      throw new RangeError(`${name}: expected 6 hex digits, got '${value}'`);
    }
    return parseInt(value, 16);
  }
  return checkUint(value, name, 24);
}
