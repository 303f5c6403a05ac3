/**
 * Regional parameters as data (LoRa Alliance RP002-1.0.x): EU868 complete, US915 and AS923
 * essentials.
 */
import { AS923 } from './as923.js';
import { EU868 } from './eu868.js';
import type { Region } from './types.js';
import { US915 } from './us915.js';

export { AS923 } from './as923.js';
export { EU868, EU868_SUB_BANDS } from './eu868.js';
export { US915 } from './us915.js';
export { dataRateOf, drOf, subBandOf } from './lookup.js';
export type {
  Channel,
  DataRate,
  MaxPayload,
  PayloadOptions,
  Region,
  SubBand,
} from './types.js';

/** The regions loire knows, by lowercase id. */
export const REGIONS: Readonly<Record<string, Region>> = {
  eu868: EU868,
  us915: US915,
  as923: AS923,
};

/**
 * A region by name, in any case (`eu868`, `EU868`).
 *
 * @throws {RangeError} naming the known regions when `name` is not one.
 * @example regionById('eu868').rx2.frequencyHz // 869525000
 */
export function regionById(name: string): Region {
  const r = REGIONS[String(name).toLowerCase()];
  if (r === undefined) {
    const known = Object.keys(REGIONS).join(', ');
    throw new RangeError(`region: expected one of ${known}, got '${name}'`);
  }
  return r;
}
