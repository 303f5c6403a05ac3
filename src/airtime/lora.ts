/**
 * LoRa time on air: the Semtech formula of the SX1276/77/78/79 datasheet §4.1.1.6 and
 * application note AN1200.13 ("LoRa Modem Designer's Guide").
 */

/** The modulation and frame settings that fix a LoRa packet's duration. */
export interface LoraAirtimeParams {
  /** Spreading factor, 6 to 12. */
  sf: number;
  /** Bandwidth in hertz, such as 125000. */
  bandwidthHz: number;
  /** Coding rate 4/(4+n): give n (1 to 4) or the string `4/5` ... `4/8`. Default 4/5. */
  codingRate?: number | '4/5' | '4/6' | '4/7' | '4/8';
  /** Programmed preamble length in symbols (LoRaWAN: 8). */
  preambleSymbols?: number;
  /** Explicit header mode (LoRaWAN: true). */
  explicitHeader?: boolean;
  /** Payload CRC present (LoRaWAN uplinks: true, downlinks: false). */
  crc?: boolean;
  /**
   * Low data rate optimisation. Default `auto`: on when a symbol lasts 16 ms or more, which
   * the SX1276 datasheet mandates for SF11 and SF12 at 125 kHz (and Semtech drivers also apply
   * to SF12 at 250 kHz).
   */
  lowDataRateOptimize?: boolean | 'auto';
}

/** A LoRa packet's duration. */
export interface Airtime {
  /** Exact time on air in milliseconds. */
  toaMs: number;
  /** The same, rounded up to a whole millisecond, as firmware stacks report it. */
  toaCeilMs: number;
  /** Symbol duration in milliseconds (LoRa only). */
  symbolMs?: number;
  /** Payload symbols, header and CRC included, preamble excluded (LoRa only). */
  payloadSymbols?: number;
}

/** Parses a coding rate given as 1..4 or `4/5`..`4/8` into n of 4/(4+n). */
export function codingRateIndex(cr: LoraAirtimeParams['codingRate']): number {
  if (cr === undefined) return 1;
  if (typeof cr === 'number' && Number.isInteger(cr) && cr >= 1 && cr <= 4) return cr;
  if (typeof cr === 'string') {
    const m = /^4\/([5-8])$/.exec(cr);
    if (m) return Number(m[1]) - 4;
  }
  throw new RangeError(`codingRate: expected 1..4 or '4/5'..'4/8', got ${String(cr)}`);
}

/**
 * Time on air of a LoRa packet carrying `payloadBytes` bytes (for LoRaWAN: the PHYPayload).
 *
 * Tsym = 2^SF / BW; Tpreamble = (Npreamble + 4.25) Tsym; the payload takes
 * 8 + max(ceil((8 PL - 4 SF + 28 + 16 CRC - 20 IH) / (4 (SF - 2 DE))) (CR + 4), 0) symbols
 * (SX1276 datasheet §4.1.1.6, AN1200.13 §4).
 *
 * @param params modulation and frame settings
 * @param payloadBytes payload length in bytes, 0 to 255
 * @returns the exact and the whole-millisecond ceiling duration
 * @throws {RangeError} for a spreading factor, bandwidth, coding rate or length out of range
 * @example
 * ```ts
 * loraAirtime({ sf: 12, bandwidthHz: 125000 }, 23).toaMs; // 1482.752
 * ```
 */
export function loraAirtime(params: LoraAirtimeParams, payloadBytes: number): Airtime {
  const { sf, bandwidthHz } = params;
  if (!Number.isInteger(sf) || sf < 6 || sf > 12) {
    throw new RangeError(`sf: expected an integer 6 to 12, got ${sf}`);
  }
  if (!(bandwidthHz > 0) || !Number.isFinite(bandwidthHz)) {
    throw new RangeError(`bandwidthHz: expected a positive number, got ${bandwidthHz}`);
  }
  if (!Number.isInteger(payloadBytes) || payloadBytes < 0 || payloadBytes > 255) {
    throw new RangeError(`payloadBytes: expected an integer 0 to 255, got ${payloadBytes}`);
  }
  const cr = codingRateIndex(params.codingRate);
  const preamble = params.preambleSymbols ?? 8;
  if (!Number.isInteger(preamble) || preamble < 0 || preamble > 65535) {
    throw new RangeError(`preambleSymbols: expected an integer 0 to 65535, got ${preamble}`);
  }
  const ih = params.explicitHeader === false ? 1 : 0;
  const crc = params.crc === false ? 0 : 1;
  const symbolMs = (2 ** sf * 1000) / bandwidthHz;
  const ldro = params.lowDataRateOptimize ?? 'auto';
  const de = (ldro === 'auto' ? symbolMs >= 16 : ldro) ? 1 : 0;

  const numerator = 8 * payloadBytes - 4 * sf + 28 + 16 * crc - 20 * ih;
  const blocks = Math.max(Math.ceil(numerator / (4 * (sf - 2 * de))), 0);
  const payloadSymbols = 8 + blocks * (cr + 4);

  // Symbol counts are multiples of 0.25 and symbol times 2^SF / (bandwidth in kHz), so at 125,
  // 250 and 500 kHz the true duration has at most four decimals; the binary product does not
  // (SF6 at 125 kHz, 4 bytes gave 18.048000000000002). Rounding to 1e-9 ms removes the noise
  // and loses nothing of the true value.
  const toaMs = Math.round((preamble + 4.25 + payloadSymbols) * symbolMs * 1e9) / 1e9;
  return { toaMs, toaCeilMs: Math.ceil(toaMs), symbolMs, payloadSymbols };
}
