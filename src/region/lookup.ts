/**
 * Look-ups over a {@link Region}: the sub-band of a frequency, the DR of a modulation, a region
 * by name.
 */
import type { DataRate, Region, SubBand } from './types.js';

/** True when `n` is an integer in [0, max]. */
export function isIndex(n: number, max: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= max;
}

/**
 * The sub-band holding `frequencyHz`, or `undefined` when the frequency is outside every band
 * (a device may not transmit there).
 *
 * @example subBandOf(EU868, 868_100_000)?.dutyCycle // 0.01
 */
export function subBandOf(region: Region, frequencyHz: number): SubBand | undefined {
  const bands = region.subBands;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (frequencyHz >= b.fromHz && frequencyHz < b.toHz) return b;
  }
  const last = bands[bands.length - 1];
  return last !== undefined && frequencyHz === last.toHz ? last : undefined;
}

/**
 * The data rate entry for `dr`.
 *
 * @throws {RangeError} when `dr` is not a defined data rate of the region.
 * @example dataRateOf(EU868, 5).sf // 7
 */
export function dataRateOf(region: Region, dr: number): DataRate {
  const d = Number.isInteger(dr) ? region.dataRates[dr] : undefined;
  if (d === undefined) throw new RangeError(`dr: ${dr} is not a data rate of ${region.id}`);
  return d;
}

/**
 * The lowest uplink DR index of `region` with this spreading factor and bandwidth, or
 * `undefined`. Downlink-only rates (US915 DR8..13) are found too when no uplink rate matches.
 *
 * @example drOf(EU868, 12, 125_000) // 0
 */
export function drOf(region: Region, sf: number, bandwidthHz: number): number | undefined {
  for (const d of region.dataRates) {
    if (d === undefined || d.modulation !== 'lora') continue;
    if (d.sf === sf && d.bandwidthHz === bandwidthHz) return d.dr;
  }
  return undefined;
}
