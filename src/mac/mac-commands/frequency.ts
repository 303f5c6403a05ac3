/**
 * The 24-bit frequency fields of MAC commands (NewChannelReq, RXParamSetupReq, DlChannelReq,
 * PingSlotChannelReq, BeaconFreqReq, relay second channel): units of 100 Hz
 * (TS001-1.0.4 §5.6). LoRa 2.4 GHz networks reuse the field in 200 Hz steps (Semtech's
 * "LoRa 2.4 GHz physical layer" proposal, as ChirpStack lrwn does): a value of 12,000,000 or
 * more can only mean 2.4 GHz, since ×100 Hz it would exceed any sub-GHz band.
 */

/** First on-air value read with the 200 Hz step. */
const STEP_200_FROM = 12_000_000;

/**
 * Frequency in Hz of a 24-bit on-air value.
 *
 * @param raw - the field value (0..2^24-1)
 * @returns Hz
 * @example frequencyFromField(0x847628) // 868100000
 */
export function frequencyFromField(raw: number): number {
  return raw >= STEP_200_FROM ? raw * 200 : raw * 100;
}

/**
 * The 24-bit on-air value of a frequency.
 *
 * @param hz - a multiple of 100 Hz below 1.2 GHz, or a multiple of 200 Hz from 2.4 GHz up to
 *   3.355 GHz
 * @param name - argument name for the error
 * @returns the field value
 * @throws {RangeError} for a frequency the field cannot carry
 * @example frequencyToField(868100000, 'frequencyHz') // 8681000
 */
export function frequencyToField(hz: number, name: string): number {
  if (typeof hz === 'number' && Number.isInteger(hz) && hz >= 0) {
    if (hz < STEP_200_FROM * 100 && hz % 100 === 0) return hz / 100;
    if (hz >= STEP_200_FROM * 200 && hz % 200 === 0 && hz / 200 <= 0xffffff) return hz / 200;
  }
  throw new RangeError(
    `${name}: expected a multiple of 100 Hz below 1.2 GHz or of 200 Hz in 2.4..3.355 GHz, ` +
      `got ${String(hz)}`,
  );
}
