/**
 * Time on air of a LoRaWAN frame at a region's data rate, with the LoRaWAN physical-layer
 * settings (8-symbol preamble, explicit header, coding rate 4/5; CRC on uplinks only).
 */
import { dataRateOf } from '../region/lookup.js';
import type { Region } from '../region/types.js';
import { fskAirtime } from './fsk.js';
import { loraAirtime, type Airtime } from './lora.js';

/**
 * The LoRaWAN frame overhead in bytes for an uplink without FOpts: MHDR 1, DevAddr 4, FCtrl 1,
 * FCnt 2, FPort 1, MIC 4 (TS001-1.0.4 §4).
 */
export const LORAWAN_OVERHEAD_BYTES = 13;

/** Options of {@link frameAirtime}. */
export interface FrameAirtimeOptions {
  /** Downlinks carry no payload CRC (RP002-1.0.1 §3, TS001-1.0.4 §3.2). Default `uplink`. */
  direction?: 'uplink' | 'downlink';
}

/**
 * Time on air of a PHYPayload of `phyPayloadBytes` bytes sent at data rate `dr` of `region`.
 *
 * @throws {RangeError} when `dr` is not a data rate of the region (or is LR-FHSS)
 * @example frameAirtime(EU868, 0, 23).toaMs // 1482.752
 */
export function frameAirtime(
  region: Region,
  dr: number,
  phyPayloadBytes: number,
  options: FrameAirtimeOptions = {},
): Airtime {
  const rate = dataRateOf(region, dr);
  const crc = options.direction !== 'downlink';
  if (rate.modulation === 'fsk') {
    return fskAirtime({ bitRateBps: rate.bitRateBps, crc }, phyPayloadBytes);
  }
  if (rate.modulation !== 'lora') {
    throw new RangeError(`dr: ${dr} of ${region.id} is ${rate.modulation}, not LoRa or FSK`);
  }
  return loraAirtime({ sf: rate.sf!, bandwidthHz: rate.bandwidthHz!, crc }, phyPayloadBytes);
}
