/**
 * US902-928 regional parameters, from LoRa Alliance RP002-1.0.1 §2.5. The LR-FHSS data rates
 * DR5 and DR6 added by RP002-1.0.3 are not modelled (left undefined).
 */
import { isIndex } from './lookup.js';
import type { Channel, DataRate, MaxPayload, PayloadOptions, Region } from './types.js';

// RP002-1.0.1 §2.5.3 Table 14: US902-928 data rates; DR5..7 and DR14 RFU here.
const DATA_RATES: (DataRate | undefined)[] = [
  { dr: 0, modulation: 'lora', sf: 10, bandwidthHz: 125_000, bitRateBps: 980 },
  { dr: 1, modulation: 'lora', sf: 9, bandwidthHz: 125_000, bitRateBps: 1760 },
  { dr: 2, modulation: 'lora', sf: 8, bandwidthHz: 125_000, bitRateBps: 3125 },
  { dr: 3, modulation: 'lora', sf: 7, bandwidthHz: 125_000, bitRateBps: 5470 },
  { dr: 4, modulation: 'lora', sf: 8, bandwidthHz: 500_000, bitRateBps: 12500 },
  undefined,
  undefined,
  undefined,
  { dr: 8, modulation: 'lora', sf: 12, bandwidthHz: 500_000, bitRateBps: 980 },
  { dr: 9, modulation: 'lora', sf: 11, bandwidthHz: 500_000, bitRateBps: 1760 },
  { dr: 10, modulation: 'lora', sf: 10, bandwidthHz: 500_000, bitRateBps: 3900 },
  { dr: 11, modulation: 'lora', sf: 9, bandwidthHz: 500_000, bitRateBps: 7000 },
  { dr: 12, modulation: 'lora', sf: 8, bandwidthHz: 500_000, bitRateBps: 12500 },
  { dr: 13, modulation: 'lora', sf: 7, bandwidthHz: 500_000, bitRateBps: 21900 },
];

// RP002-1.0.1 §2.5.6 Tables 16 (repeater compatible) and 17 (no repeater): M per DR.
// DR5..7 are not modelled (undefined).
const M_REPEATER: (number | undefined)[] = [
  19, 61, 133, 230, 230, undefined, undefined, undefined, 41, 117, 230, 230, 230, 230,
];
const M_NO_REPEATER: (number | undefined)[] = [
  19, 61, 133, 250, 250, undefined, undefined, undefined, 61, 137, 250, 250, 250, 250,
];

// RP002-1.0.1 §2.5.2: 64 channels of 125 kHz from 902.3 MHz every 200 kHz (DR0..3), then
// 8 channels of 500 kHz from 903.0 MHz every 1.6 MHz (DR4).
const CHANNELS: Channel[] = [];
for (let n = 0; n < 64; n++) {
  CHANNELS.push({ frequencyHz: 902_300_000 + n * 200_000, minDr: 0, maxDr: 3 });
}
for (let n = 0; n < 8; n++) {
  CHANNELS.push({ frequencyHz: 903_000_000 + n * 1_600_000, minDr: 4, maxDr: 4 });
}

/** The uplink channel index (0..71) of an US915 uplink frequency, or -1. */
function uplinkChannel(frequencyHz: number): number {
  const a = (frequencyHz - 902_300_000) / 200_000;
  if (Number.isInteger(a) && a >= 0 && a < 64) return a;
  const b = (frequencyHz - 903_000_000) / 1_600_000;
  if (Number.isInteger(b) && b >= 0 && b < 8) return 64 + b;
  return -1;
}

/**
 * US902-928 (RP002-1.0.1 §2.5). No duty cycle: FCC Part 15 limits the dwell time to 400 ms.
 *
 * @example
 * ```ts
 * US915.rx1Dr(0, 0); // 10
 * US915.rx1FrequencyHz(902_300_000); // 923_300_000
 * ```
 */
export const US915: Region = {
  id: 'US915',
  source: 'LoRa Alliance RP002-1.0.1 §2.5',
  dataRates: DATA_RATES,
  defaultChannels: CHANNELS,
  // RP002-1.0.1 §2.5.2: Join-Requests alternate between a 125 kHz channel at DR0 and a 500 kHz
  // channel at DR4.
  joinChannels: CHANNELS,
  joinDrs: [0, 4],
  maxChannels: 72,
  // RP002-1.0.1 §2.5.4: CFList type 1, a channel mask.
  cfListType: 1,
  maxEirpDbm: 30,
  // RP002-1.0.1 §2.5.3 Table 15: TXPower 0..14 = 30 dBm - 2n (conducted).
  txPowerDbm: (index) => (isIndex(index, 14) ? 30 - 2 * index : undefined),
  // RP002-1.0.1 §2.5.7 Table 18: RX1DROffset 0..3.
  maxRx1DrOffset: 3,
  rx1Dr: (uplinkDr, offset) => {
    if (!isIndex(offset, 3)) return undefined;
    if (uplinkDr >= 0 && uplinkDr <= 3) return Math.min(13, Math.max(8, 10 + uplinkDr - offset));
    if (uplinkDr === 4) return Math.min(13, 14 - offset);
    return undefined;
  },
  // RP002-1.0.1 §2.5.7: RX1 channel = uplink channel modulo 8, on 923.3 + 0.6 n MHz.
  rx1FrequencyHz: (f) => {
    const ch = uplinkChannel(f);
    if (ch < 0) throw new RangeError(`rx1FrequencyHz: ${f} Hz is not an US915 uplink channel`);
    return 923_300_000 + (ch % 8) * 600_000;
  },
  rx2: { frequencyHz: 923_300_000, dr: 8 },
  receiveDelay1Ms: 1000,
  receiveDelay2Ms: 2000,
  joinAcceptDelay1Ms: 5000,
  joinAcceptDelay2Ms: 6000,
  maxFCntGap: 16384,
  adrAckLimit: 64,
  adrAckDelay: 32,
  retransmitTimeoutMinMs: 1000,
  retransmitTimeoutMaxMs: 3000,
  subBands: [{ name: '902-928', fromHz: 902_000_000, toHz: 928_000_000, dutyCycle: 1 }],
  dwellTimeMs: 400,
  txParamSetup: false,
  maxPayload: (dr: number, options: PayloadOptions = {}): MaxPayload | undefined => {
    const m = (options.repeater === false ? M_NO_REPEATER : M_REPEATER)[dr];
    return m === undefined ? undefined : { m, n: m - 8 };
  },
};
