/**
 * Receiver sensitivity per spreading factor and bandwidth, LoRa demodulator SNR floors, and the
 * thermal noise floor. Numbers from the Semtech datasheets as quoted in the shared radio vectors.
 */

/** Sensitivity in dBm by bandwidth (Hz) then spreading factor. */
export type SensitivityTable = Readonly<Record<number, Readonly<Record<number, number>>>>;

/** A receiver model: its sensitivity table and where it comes from. */
export interface ReceiverPreset {
  sensitivityDbm: SensitivityTable;
  source: string;
}

/** Receiver presets by name. */
export const RECEIVER_PRESETS: Readonly<Record<string, ReceiverPreset>> = {
  sx1276: {
    sensitivityDbm: {
      125000: { 6: -118, 7: -123, 8: -126, 9: -129, 10: -132, 11: -133, 12: -136 },
      250000: { 7: -120, 8: -123, 9: -125, 10: -128, 11: -130, 12: -133 },
      500000: { 7: -116, 8: -119, 9: -122, 10: -125, 11: -128, 12: -130 },
    },
    source: 'Semtech SX1276/77/78/79 datasheet rev. 7, band 1 (HF) sensitivity tables',
  },
  sx1301: {
    sensitivityDbm: {
      125000: { 7: -130, 8: -132.5, 9: -135, 10: -137.5, 11: -140, 12: -142.5 },
    },
    source: 'SX1301 datasheet as used by ns-3 lorawan GatewayLoraPhy (125 kHz only)',
  },
  sx1302: {
    sensitivityDbm: {
      125000: { 7: -127, 8: -129, 9: -132.5, 10: -135.5, 11: -138, 12: -141 },
    },
    source: 'SX1302 datasheet table 3-6 as quoted in a public repository (secondary source)',
  },
};

/**
 * LoRa demodulator SNR floors in dB by spreading factor (SX1276 datasheet table 13; SX1272
 * has the same): below it a packet cannot be demodulated whatever its power.
 */
export const SNR_FLOOR_DB: Readonly<Record<number, number>> = {
  6: -5, 7: -7.5, 8: -10, 9: -12.5, 10: -15, 11: -17.5, 12: -20,
};

/**
 * A receiver preset by name.
 *
 * @throws {RangeError} naming the presets when `name` is not one
 */
export function receiverPreset(name: string): ReceiverPreset {
  const p = RECEIVER_PRESETS[name];
  if (p === undefined) {
    throw new RangeError(
      `receiver: expected one of ${Object.keys(RECEIVER_PRESETS).join(', ')}, got '${name}'`);
  }
  return p;
}

/**
 * Sensitivity in dBm for `sf` at `bandwidthHz`.
 *
 * Gateway tables cover 125 kHz only; for a wider channel the 125 kHz figure is raised by the
 * thermal noise difference, 10·log10(bw/125 kHz) dB (3 dB per doubling), which is how the
 * SX1276 table itself scales within 1 dB.
 *
 * @throws {RangeError} when the table has no entry for `sf`
 * @example sensitivityDbm(RECEIVER_PRESETS.sx1301.sensitivityDbm, 12, 125000) // -142.5
 */
export function sensitivityDbm(table: SensitivityTable, sf: number, bandwidthHz: number): number {
  const exact = table[bandwidthHz]?.[sf];
  if (exact !== undefined) return exact;
  const base = table[125000]?.[sf];
  if (base === undefined) {
    throw new RangeError(`sf: no sensitivity for SF${sf} at ${bandwidthHz} Hz in this table`);
  }
  return base + 10 * Math.log10(bandwidthHz / 125000);
}

/**
 * Thermal noise floor of a receiver: -174 dBm/Hz + 10·log10(bandwidth) + noise figure.
 *
 * @example noiseFloorDbm(125000, 6) // about -117.03
 */
export function noiseFloorDbm(bandwidthHz: number, noiseFigureDb: number): number {
  return -174 + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
}
