/**
 * GFSK time on air for LoRaWAN's FSK data rate (EU868/AS923 DR7, 50 kbit/s).
 */
import type { Airtime } from './lora.js';

/** GFSK frame settings. Defaults are LoRaWAN's (RP002-1.0.1 §2.4.3 / §3 physical layer). */
export interface FskAirtimeParams {
  /** Bit rate in bit/s (LoRaWAN DR7: 50000). */
  bitRateBps: number;
  /** Preamble length in bytes (LoRaWAN: 5). */
  preambleBytes?: number;
  /** Sync word length in bytes (LoRaWAN: 3, 0xC194C1). */
  syncWordBytes?: number;
  /** CRC present (2 bytes, LoRaWAN uplinks). */
  crc?: boolean;
}

/**
 * Time on air of a GFSK packet: preamble, sync word, one length byte, the payload and a 2-byte
 * CRC, each byte 8 bits at the bit rate (the framing the SX127x packet engine sends and
 * RP002-1.0.1 specifies for the FSK rate).
 *
 * @throws {RangeError} for a non-positive bit rate or a length out of 0..255
 * @example fskAirtime({ bitRateBps: 50000 }, 23).toaMs // 5.44
 */
export function fskAirtime(params: FskAirtimeParams, payloadBytes: number): Airtime {
  if (!(params.bitRateBps > 0)) {
    throw new RangeError(`bitRateBps: expected a positive number, got ${params.bitRateBps}`);
  }
  if (!Number.isInteger(payloadBytes) || payloadBytes < 0 || payloadBytes > 255) {
    throw new RangeError(`payloadBytes: expected an integer 0 to 255, got ${payloadBytes}`);
  }
  const bytes =
    (params.preambleBytes ?? 5) + (params.syncWordBytes ?? 3) + 1 + payloadBytes +
    (params.crc === false ? 0 : 2);
  const toaMs = (bytes * 8 * 1000) / params.bitRateBps;
  // 0.16 ms per byte at 50 kbit/s is not exact in binary; round away float noise before the
  // ceiling so that 5.44 ms reports 6 and not 5 or 7.
  const clean = Math.round(toaMs * 1e9) / 1e9;
  return { toaMs: clean, toaCeilMs: Math.ceil(clean) };
}
