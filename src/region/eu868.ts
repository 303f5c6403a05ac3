/**
 * EU863-870 regional parameters, from LoRa Alliance RP002-1.0.1 §2.4 (the same values stand in
 * RP002-1.0.2 to 1.0.4), with the sub-band duty cycles of ETSI EN 300 220-2 V3.2.1 as the
 * Semtech reference stack (LoRaMac-node RegionEU868) splits them.
 */
import { isIndex } from './lookup.js';
import type { Channel, DataRate, MaxPayload, PayloadOptions, Region, SubBand } from './types.js';

const MHZ = 1_000_000;

/**
 * EU863-870 data rates, RP002-1.0.1 §2.4.3 Table 6 (AS923 uses the same table, §2.10.3).
 * DR8..14 are RFU, DR15 means "keep" in LinkADRReq (TS001-1.0.4 §5.3) and is not a transmit rate.
 */
export const EU868_DATA_RATES: readonly DataRate[] = [
  { dr: 0, modulation: 'lora', sf: 12, bandwidthHz: 125_000, bitRateBps: 250 },
  { dr: 1, modulation: 'lora', sf: 11, bandwidthHz: 125_000, bitRateBps: 440 },
  { dr: 2, modulation: 'lora', sf: 10, bandwidthHz: 125_000, bitRateBps: 980 },
  { dr: 3, modulation: 'lora', sf: 9, bandwidthHz: 125_000, bitRateBps: 1760 },
  { dr: 4, modulation: 'lora', sf: 8, bandwidthHz: 125_000, bitRateBps: 3125 },
  { dr: 5, modulation: 'lora', sf: 7, bandwidthHz: 125_000, bitRateBps: 5470 },
  { dr: 6, modulation: 'lora', sf: 7, bandwidthHz: 250_000, bitRateBps: 11000 },
  { dr: 7, modulation: 'fsk', bitRateBps: 50000 },
];

// RP002-1.0.1 §2.4.6 Tables 9 (repeater compatible) and 10 (no repeater): M per DR; N = M - 8.
const M_REPEATER = [59, 59, 59, 123, 230, 230, 230, 230];
const M_NO_REPEATER = [59, 59, 59, 123, 250, 250, 250, 250];

// RP002-1.0.1 §2.4.2 Table 4: the three default channels, every device supports them, DR0..5.
const DEFAULT_CHANNELS: readonly Channel[] = /* @__PURE__ */ [868.1, 868.3, 868.5].map((f) => ({
  frequencyHz: Math.round(f * MHZ),
  minDr: 0,
  maxDr: 5,
}));

/**
 * Sub-bands and duty cycles (ETSI EN 300 220-2 V3.2.1 Annex B, bands K, L, M, N, P, Q, as
 * LoRaMac-node RegionEU868.h EU868_BAND0..5 lists them since its PR #750). 863-865 MHz and
 * 868.7-869.2 MHz are 0.1 %; the older single "863-868 MHz 1 %" band is gone.
 */
export const EU868_SUB_BANDS: readonly SubBand[] = [
  { name: '863.0-865.0', fromHz: 863_000_000, toHz: 865_000_000, dutyCycle: 0.001, maxErpDbm: 14 },
  { name: '865.0-868.0', fromHz: 865_000_000, toHz: 868_000_000, dutyCycle: 0.01, maxErpDbm: 14 },
  { name: '868.0-868.6', fromHz: 868_000_000, toHz: 868_600_000, dutyCycle: 0.01, maxErpDbm: 14 },
  { name: '868.7-869.2', fromHz: 868_700_000, toHz: 869_200_000, dutyCycle: 0.001, maxErpDbm: 14 },
  { name: '869.4-869.65', fromHz: 869_400_000, toHz: 869_650_000, dutyCycle: 0.1, maxErpDbm: 27 },
  { name: '869.7-870.0', fromHz: 869_700_000, toHz: 870_000_000, dutyCycle: 0.01, maxErpDbm: 14 },
];

/**
 * EU863-870 (RP002-1.0.1 §2.4).
 *
 * @example
 * ```ts
 * EU868.dataRates[0]; // { dr: 0, modulation: 'lora', sf: 12, bandwidthHz: 125000, ... }
 * EU868.maxPayload(0)?.n; // 51
 * ```
 */
export const EU868: Region = {
  id: 'EU868',
  source: 'LoRa Alliance RP002-1.0.1 §2.4; ETSI EN 300 220-2 V3.2.1 (via LoRaMac-node)',
  dataRates: EU868_DATA_RATES,
  defaultChannels: DEFAULT_CHANNELS,
  joinChannels: DEFAULT_CHANNELS,
  joinDrs: [0, 1, 2, 3, 4, 5],
  // RP002-1.0.1 §2.4.2: "at least 16 channels".
  maxChannels: 16,
  // RP002-1.0.1 §2.4.4: CFList type 0, five frequencies for channels 3 to 7.
  cfListType: 0,
  maxEirpDbm: 16,
  // RP002-1.0.1 §2.4.3 Table 7: TXPower 0..7 = MaxEIRP - 2n dB; 8..14 RFU.
  txPowerDbm: (index) => (isIndex(index, 7) ? 16 - 2 * index : undefined),
  // RP002-1.0.1 §2.4.7 Table 11: RX1DROffset 0..5, DR = max(0, upDR - offset).
  maxRx1DrOffset: 5,
  rx1Dr: (uplinkDr, offset) => {
    if (uplinkDr < 0 || uplinkDr > 7 || offset < 0 || offset > 5) return undefined;
    return Math.max(0, uplinkDr - offset);
  },
  // RP002-1.0.1 §2.4.7: RX1 uses the uplink's channel.
  rx1FrequencyHz: (f) => f,
  // RP002-1.0.1 §2.4.7: RX2 at 869.525 MHz, DR0 (SF12BW125).
  rx2: { frequencyHz: 869_525_000, dr: 0 },
  // RP002-1.0.1 §2.3 "Default settings" (common to all regions).
  receiveDelay1Ms: 1000,
  receiveDelay2Ms: 2000,
  joinAcceptDelay1Ms: 5000,
  joinAcceptDelay2Ms: 6000,
  maxFCntGap: 16384,
  adrAckLimit: 64,
  adrAckDelay: 32,
  retransmitTimeoutMinMs: 1000,
  retransmitTimeoutMaxMs: 3000,
  subBands: EU868_SUB_BANDS,
  txParamSetup: false,
  maxPayload: (dr, options) => tableMaxPayload(dr, options),
};

function tableMaxPayload(dr: number, options: PayloadOptions = {}): MaxPayload | undefined {
  const table = options.repeater === false ? M_NO_REPEATER : M_REPEATER;
  const m = table[dr];
  return m === undefined ? undefined : { m, n: m - 8 };
}
