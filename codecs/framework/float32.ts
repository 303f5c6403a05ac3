/**
 * Rounding a number to the nearest IEEE 754 binary32 value without `Math.fround` (an ES2015
 * built-in that built scripts may not use). Servers written in Go (The Things Stack) hold some
 * decoded values as `float32` and print them widened to float64, so `27.2` prints as
 * `27.200000762939453`; codecs that imitate them call this.
 */

const FLOAT32_MAX = 3.4028234663852886e38;
/** Half a unit in the last place above FLOAT32_MAX: from here on, binary32 rounds to infinity. */
const FLOAT32_OVERFLOW = 3.4028235677973366e38;

/**
 * The binary32 value nearest to `x` (ties to even), as a number; the same as `Math.fround(x)`.
 *
 * @param x - any number; NaN, infinities and zeros come back unchanged.
 * @returns `x` rounded to single precision.
 * @example roundToFloat32(27.2) // 27.200000762939453
 */
export function roundToFloat32(x: number): number {
  if (x !== x || x === 0 || x === Infinity || x === -Infinity) return x;
  const sign = x < 0 ? -1 : 1;
  const a = x < 0 ? -x : x;
  if (a >= FLOAT32_OVERFLOW) return sign * Infinity;

  // Binary exponent of a, corrected for the rounding of Math.log.
  let e = Math.floor(Math.log(a) / Math.LN2);
  if (Math.pow(2, e) > a) e--;
  if (Math.pow(2, e + 1) <= a) e++;
  // Subnormals (IEEE 754-2008 §3.4) share the smallest exponent: a fixed quantum of 2^-149.
  if (e < -126) e = -126;

  // 24 significant bits: the quantum is 2^(e-23). Scaling by a power of two is exact.
  const quantum = Math.pow(2, e - 23);
  const scaled = a / quantum;
  let whole = Math.floor(scaled);
  const rest = scaled - whole;
  if (rest > 0.5 || (rest === 0.5 && whole % 2 === 1)) whole++;
  const v = whole * quantum;
  return sign * (v > FLOAT32_MAX ? Infinity : v);
}
