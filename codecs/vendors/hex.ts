/** Small ES5-safe formatting helpers shared by the vendor codecs of this folder. */

/** Uppercase or lowercase hex of `n`, left-padded with zeros to `width` digits. */
export function hexPad(n: number, width: number, upper: boolean): string {
  let s = n.toString(16);
  while (s.length < width) s = '0' + s;
  return upper ? s.toUpperCase() : s;
}

/** True for a finite integer in [min, max]. */
export function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && v === Math.floor(v) && v >= min && v <= max;
}
