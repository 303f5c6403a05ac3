/**
 * A small seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, PractRand suite), seeded through splitmix32 so that any 32-bit seed, 0 included,
 * gives a well-mixed state. Not for cryptography: it drives simulated timing only.
 */

/** A deterministic random source. */
export interface Rng {
  /** The next unsigned 32-bit integer. */
  nextU32(): number;
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** An independent generator derived from this one (for per-device streams). */
  fork(): Rng;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates an sfc32 generator from a 32-bit seed.
 *
 * @param seed any integer; only its low 32 bits are used
 * @throws {TypeError} when `seed` is not a finite number
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.int(1, 6); // the same die roll on every run
 * ```
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TypeError(`seed: expected a finite number, got ${String(seed)}`);
  }
  const sm = { s: seed | 0 };
  let a = splitmix32(sm);
  let b = splitmix32(sm);
  let c = splitmix32(sm);
  let d = 1;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs, as sfc32's author advises, so nearby seeds diverge.
  for (let i = 0; i < 12; i++) nextU32();
  const rng: Rng = {
    nextU32,
    next: () => nextU32() / 4294967296,
    int: (min, max) => {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`int: expected integers min <= max, got ${min}, ${max}`);
      }
      return min + Math.floor((nextU32() / 4294967296) * (max - min + 1));
    },
    uniform: (min, max) => min + (nextU32() / 4294967296) * (max - min),
    fork: () => createRng(nextU32() ^ 0x5bd1e995),
  };
  return rng;
}
