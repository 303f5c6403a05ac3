/**
 * Constant-time comparison for MICs and tags.
 */

/**
 * Whether `a` and `b` hold the same bytes, taking the same time whatever the position of the
 * first difference, so a MIC check does not tell an attacker how many leading bytes were right.
 * Only the lengths are compared early (a length is not secret).
 *
 * @param a - first array
 * @param b - second array
 * @returns true when equal in length and content
 * @throws {TypeError} when either argument is not a Uint8Array
 * @example constantTimeEqual(computedMic, frameMic) // true or false
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (!(a instanceof Uint8Array)) throw new TypeError(`a: expected a Uint8Array, got ${typeof a}`);
  if (!(b instanceof Uint8Array)) throw new TypeError(`b: expected a Uint8Array, got ${typeof b}`);
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Whether the 4-byte `mic` equals the big-endian `word`, in constant time.
 * @internal
 */
export function micEqualsWord(word: number, mic: Uint8Array): boolean {
  const diff =
    ((word >>> 24) ^ mic[0]!) |
    (((word >>> 16) & 0xff) ^ mic[1]!) |
    (((word >>> 8) & 0xff) ^ mic[2]!) |
    ((word & 0xff) ^ mic[3]!);
  return diff === 0;
}

/** @internal The 4 bytes of a big-endian word: how a MIC goes on the wire. */
export function wordToMic(word: number): Uint8Array {
  const m = new Uint8Array(4);
  m[0] = word >>> 24;
  m[1] = (word >>> 16) & 0xff;
  m[2] = (word >>> 8) & 0xff;
  m[3] = word & 0xff;
  return m;
}
