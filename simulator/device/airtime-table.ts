/**
 * Time on air by data rate and frame length, computed once per region and direction. A
 * simulated fleet sends hundreds of thousands of frames of a few dozen distinct lengths, so
 * the formula (and the object `frameAirtime` returns) is worth computing only once per pair.
 */
import { frameAirtime } from '../../src/airtime/frame.js';
import type { Region } from '../../src/region/types.js';

// PHYPayloads are at most 255 bytes (the LoRa PHY length field is one byte); data rates fit
// in four bits (LinkADRReq DataRate, TS001-1.0.4 §5.3).
const LENGTHS = 256;
const RATES = 16;

const uplinkTables = new WeakMap<Region, Float64Array>();
const downlinkTables = new WeakMap<Region, Float64Array>();

/**
 * Time on air in milliseconds of a PHYPayload of `phyPayloadBytes` bytes at data rate `dr` of
 * `region`: the same number as `frameAirtime(region, dr, phyPayloadBytes, { direction }).toaMs`,
 * remembered per region, direction, data rate and length.
 *
 * @throws {RangeError} as `frameAirtime` does, for a data rate the region lacks (or LR-FHSS)
 * @example frameToaMs(EU868, 0, 23) // 1482.752
 */
export function frameToaMs(
  region: Region,
  dr: number,
  phyPayloadBytes: number,
  direction: 'uplink' | 'downlink' = 'uplink',
): number {
  if (!(dr >= 0 && dr < RATES && phyPayloadBytes >= 0 && phyPayloadBytes < LENGTHS)
    || !Number.isInteger(dr) || !Number.isInteger(phyPayloadBytes)) {
    // Outside the table (or not integers): let the formula answer, or throw, as it would.
    return frameAirtime(region, dr, phyPayloadBytes, { direction }).toaMs;
  }
  const tables = direction === 'downlink' ? downlinkTables : uplinkTables;
  let table = tables.get(region);
  if (table === undefined) {
    // NaN marks a pair not computed yet (no time on air is NaN).
    table = new Float64Array(RATES * LENGTHS).fill(NaN);
    tables.set(region, table);
  }
  const i = dr * LENGTHS + phyPayloadBytes;
  let toaMs = table[i]!;
  if (Number.isNaN(toaMs)) {
    toaMs = frameAirtime(region, dr, phyPayloadBytes, { direction }).toaMs;
    table[i] = toaMs;
  }
  return toaMs;
}
