/**
 * The status byte every Adeunis uplink carries second (Adeunis technical reference manuals,
 * "Status byte"): bits 7-5 a frame counter, bit 3 configuration inconsistency (on the
 * products that report it), bit 2 a timestamp appended to the frame, bit 1 low battery,
 * bit 0 configuration done.
 */

/** Optional status flags a product reports beyond the generic ones. */
export type StatusExtra = 'configurationInconsistency' | 'timestamp';

/** Decoded status as the vendor's codec shows it. */
export type AdeunisStatus = Record<string, number | boolean>;

/**
 * Decodes a status byte. The vendor's codec always shows `hardwareError: false`; it is kept
 * so that output matches theirs.
 */
export function decodeStatus(byte: number, extras: StatusExtra[]): AdeunisStatus {
  const status: AdeunisStatus = {
    frameCounter: (byte & 0xe0) >> 5,
    hardwareError: false,
    lowBattery: (byte & 0x02) !== 0,
    configurationDone: (byte & 0x01) !== 0,
  };
  for (const e of extras) {
    status[e] = e === 'timestamp' ? (byte & 0x04) !== 0 : (byte & 0x08) !== 0;
  }
  return status;
}

/** Encodes a status byte from its decoded form (missing flags are clear). */
export function encodeStatus(status: AdeunisStatus | undefined): number {
  if (status === undefined) return 0;
  const counter = typeof status['frameCounter'] === 'number' ? status['frameCounter'] & 7 : 0;
  return (counter << 5) | (status['configurationInconsistency'] === true ? 0x08 : 0) |
    (status['timestamp'] === true ? 0x04 : 0) | (status['lowBattery'] === true ? 0x02 : 0) |
    (status['configurationDone'] === true ? 0x01 : 0);
}
