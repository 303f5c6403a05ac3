/**
 * AS923 regional parameters (the AS923-1 plan, AS923_FREQ_OFFSET = 0), from LoRa Alliance
 * RP002-1.0.1 §2.10.
 */
import { EU868_DATA_RATES } from './eu868.js';
import { isIndex } from './lookup.js';
import type { Channel, MaxPayload, PayloadOptions, Region } from './types.js';

// RP002-1.0.1 §2.10.6 Tables: M per DR, without and with the 400 ms uplink dwell time limit.
// With the limit, DR0 and DR1 cannot carry a frame at all (undefined).
const M_DWELL0 = [59, 59, 123, 123, 230, 230, 230, 230];
const M_DWELL0_NO_REPEATER = [59, 59, 123, 123, 250, 250, 250, 250];
const M_DWELL1: (number | undefined)[] = [undefined, undefined, 19, 61, 133, 230, 230, 230];
const M_DWELL1_NO_REPEATER: (number | undefined)[] = [
  undefined, undefined, 19, 61, 133, 250, 250, 250,
];

const DEFAULT_CHANNELS: readonly Channel[] = [
  { frequencyHz: 923_200_000, minDr: 0, maxDr: 5 },
  { frequencyHz: 923_400_000, minDr: 0, maxDr: 5 },
];

// RP002-1.0.1 §2.10.7: RX1DROffset 6 and 7 mean -1 and -2 (a faster downlink).
const EFFECTIVE_OFFSET = [0, 1, 2, 3, 4, 5, -1, -2];

/**
 * AS923-1 (RP002-1.0.1 §2.10). Devices implement TxParamSetupReq; the dwell-time limit starts
 * off here (the network sets it for countries that require it).
 *
 * The sub-band's 1 % duty cycle is LoRaMac-node's AS923 band 0 figure; whether it applies
 * depends on the country (Japan uses listen-before-talk instead, ARIB STD-T108).
 *
 * @example
 * ```ts
 * AS923.rx1Dr(5, 7); // 5 (offset 7 is -2, capped at DR5)
 * ```
 */
export const AS923: Region = {
  id: 'AS923',
  source: 'LoRa Alliance RP002-1.0.1 §2.10',
  // RP002-1.0.1 §2.10.3: the same data rate table as EU868.
  dataRates: EU868_DATA_RATES,
  defaultChannels: DEFAULT_CHANNELS,
  joinChannels: DEFAULT_CHANNELS,
  joinDrs: [2, 3, 4, 5],
  maxChannels: 16,
  cfListType: 0,
  maxEirpDbm: 16,
  txPowerDbm: (index) => (isIndex(index, 7) ? 16 - 2 * index : undefined),
  maxRx1DrOffset: 7,
  rx1Dr: (uplinkDr, offset, downlinkDwellTime = false) => {
    if (!isIndex(uplinkDr, 7) || !isIndex(offset, 7)) return undefined;
    const minDr = downlinkDwellTime ? 2 : 0;
    return Math.min(5, Math.max(minDr, uplinkDr - EFFECTIVE_OFFSET[offset]!));
  },
  rx1FrequencyHz: (f) => f,
  rx2: { frequencyHz: 923_200_000, dr: 2 },
  receiveDelay1Ms: 1000,
  receiveDelay2Ms: 2000,
  joinAcceptDelay1Ms: 5000,
  joinAcceptDelay2Ms: 6000,
  maxFCntGap: 16384,
  adrAckLimit: 64,
  adrAckDelay: 32,
  retransmitTimeoutMinMs: 1000,
  retransmitTimeoutMaxMs: 3000,
  subBands: [{ name: '915-928', fromHz: 915_000_000, toHz: 928_000_000, dutyCycle: 0.01 }],
  txParamSetup: true,
  maxPayload: (dr: number, options: PayloadOptions = {}): MaxPayload | undefined => {
    const noRep = options.repeater === false;
    const table = options.uplinkDwellTime
      ? noRep ? M_DWELL1_NO_REPEATER : M_DWELL1
      : noRep ? M_DWELL0_NO_REPEATER : M_DWELL0;
    const m = table[dr];
    return m === undefined ? undefined : { m, n: m - 8 };
  },
};
