/**
 * The shape of a regional parameter set (LoRa Alliance RP002-1.0.x). Each region is plain data
 * plus the few mapping rules (RX1 data rate, RX1 frequency) that differ from one plan to another.
 */

/** One data rate of a region's table (RP002-1.0.x "Data rate and end-device output power"). */
export interface DataRate {
  /** The DR index used on the air in LinkADRReq and in the spec's tables. */
  dr: number;
  /** `lora` for chirp spread spectrum, `fsk` for GFSK, `lr-fhss` for RP002-1.0.3 LR-FHSS. */
  modulation: 'lora' | 'fsk' | 'lr-fhss';
  /** Spreading factor (LoRa only). */
  sf?: number;
  /** Channel bandwidth in hertz (LoRa only). */
  bandwidthHz?: number;
  /** Indicative physical bit rate in bit/s, as the regional table states it. */
  bitRateBps: number;
}

/** The largest MACPayload (M) and FRMPayload without FOpts (N), in bytes, for one DR. */
export interface MaxPayload {
  /** Largest MACPayload in bytes (`M`). */
  m: number;
  /** Largest FRMPayload when FOpts is empty (`N` = M - 8). */
  n: number;
}

/** A channel the device may use, with the DR range allowed on it. */
export interface Channel {
  frequencyHz: number;
  minDr: number;
  maxDr: number;
}

/**
 * A regulatory sub-band: a frequency range sharing one duty-cycle budget.
 * `fromHz` is inclusive and `toHz` exclusive, except that a channel whose centre lies exactly on
 * the top edge of the last band is still in it.
 */
export interface SubBand {
  /** Short name, such as `868.0-868.6`. */
  name: string;
  fromHz: number;
  toHz: number;
  /** Fraction of time a device may transmit, such as 0.01 for 1 %. 1 means no limit. */
  dutyCycle: number;
  /** Maximum effective radiated power in dBm the band allows, when the rule sets one. */
  maxErpDbm?: number;
}

/** Which maximum payload table applies: RP002 gives one assuming a repeater and one without. */
export interface PayloadOptions {
  /** Use the table that assumes a repeater may be in the path (the default, as RP002 advises). */
  repeater?: boolean;
  /** Uplink dwell-time limit in force (TxParamSetupReq UplinkDwellTime = 1), AS923 and others. */
  uplinkDwellTime?: boolean;
}

/** A regional parameter set. All times are in milliseconds, frequencies in hertz. */
export interface Region {
  /** Region identifier as written in RP002, such as `EU868`. */
  id: 'EU868' | 'US915' | 'AS923';
  /** Where the numbers come from. */
  source: string;
  /** Data rates by index; `undefined` for RFU entries. */
  dataRates: readonly (DataRate | undefined)[];
  /** Channels every device knows after a reset (for US915: the 72 uplink channels). */
  defaultChannels: readonly Channel[];
  /** Channels a Join-Request may use, and the DRs allowed for it. */
  joinChannels: readonly Channel[];
  joinDrs: readonly number[];
  /** How many channels the device can hold (16 for EU868, 72 for US915). */
  maxChannels: number;
  /** How a Join-Accept's CFList is read: extra frequencies (type 0) or a channel mask (type 1). */
  cfListType: 0 | 1;
  /** Default TX power in dBm (MaxEIRP for EU868/AS923, 30 dBm conducted for US915). */
  maxEirpDbm: number;
  /** TXPower index to output power in dBm; `undefined` when the index is RFU for the region. */
  txPowerDbm(index: number): number | undefined;
  /** Highest RX1DROffset accepted by RXParamSetupReq and the Join-Accept DLSettings. */
  maxRx1DrOffset: number;
  /** The RX1 data rate for an uplink DR and RX1DROffset; `undefined` when not allowed. */
  rx1Dr(uplinkDr: number, rx1DrOffset: number, downlinkDwellTime?: boolean): number | undefined;
  /** The RX1 frequency for an uplink sent on `frequencyHz`. */
  rx1FrequencyHz(uplinkFrequencyHz: number): number;
  /** Default RX2 window. */
  rx2: { frequencyHz: number; dr: number };
  /** RECEIVE_DELAY1 and RECEIVE_DELAY2 (RP002-1.0.x §2.x.2 "Default settings"). */
  receiveDelay1Ms: number;
  receiveDelay2Ms: number;
  /** JOIN_ACCEPT_DELAY1 and JOIN_ACCEPT_DELAY2. */
  joinAcceptDelay1Ms: number;
  joinAcceptDelay2Ms: number;
  /** MAX_FCNT_GAP (LoRaWAN 1.0.x only; removed in TS001-1.0.4). */
  maxFCntGap: number;
  /** ADR_ACK_LIMIT and ADR_ACK_DELAY. */
  adrAckLimit: number;
  adrAckDelay: number;
  /** RETRANSMIT_TIMEOUT: a random delay between these bounds (2 s ± 1 s). */
  retransmitTimeoutMinMs: number;
  retransmitTimeoutMaxMs: number;
  /** Regulatory sub-bands with their duty cycles. */
  subBands: readonly SubBand[];
  /** Uplink dwell-time limit in ms when it always applies (US915: 400 ms), else undefined. */
  dwellTimeMs?: number;
  /** True where TxParamSetupReq is implemented by devices (AS923). */
  txParamSetup: boolean;
  /** Maximum payload sizes by DR. */
  maxPayload(dr: number, options?: PayloadOptions): MaxPayload | undefined;
}
