/**
 * A ratio as a percentage with one decimal, rounded down: 99.98 % delivered reads 99.9 %, not
 * 100.0 %, which would say that nothing was lost. The scaled ratio is rounded to 9 digits
 * first so that 0.29 does not read 28.9 % through binary floating point.
 *
 * @param x - a ratio, 0 to 1
 * @returns the text, e.g. `'99.9 %'`
 * @example percentDown(0.9998) // '99.9 %'
 */
export function percentDown(x: number): string {
  const tenths = Math.floor(Number((x * 1000).toFixed(9)));
  return `${(tenths / 10).toFixed(1)} %`;
}
