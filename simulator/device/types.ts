/**
 * The public shapes of the Class A device: what it is given (a codec, a schedule, keys) and
 * what it hands to the radio (transmissions with their receive windows).
 */
import type { DutyCyclePolicy } from '../duty-cycle/duty-cycle.js';
import type { Engine } from '../engine/engine.js';
import type { Region } from '../../src/region/types.js';

/**
 * Anything that turns a reading into bytes: a codec from `codecs/` (its `encodeUplink`) or a
 * hand-written function. Bytes may be a `number[]` (codec framework) or a `Uint8Array`.
 */
export interface UplinkEncoder {
  encodeUplink(input: { data: unknown; variables: Record<string, unknown> }): {
    bytes: ArrayLike<number>;
    fPort: number;
  };
}

/** When the device reports and what it reads each time. */
export interface ReportSchedule {
  /** Reporting period in milliseconds. */
  periodMs: number;
  /** A uniform random offset in [-jitterMs, +jitterMs] added to each period (default 0). */
  jitterMs?: number;
  /** Delay from activation to the first report (default: random within one period). */
  firstAfterMs?: number;
  /** The reading to encode at report number `index` (0, 1, ...). */
  data(index: number, nowMs: number): unknown;
  /** Whether a report goes as a confirmed uplink (default false). */
  confirmed?: boolean | ((index: number) => boolean);
}

/** Over-the-air activation: root keys and EUIs (16 hex digits, big-endian). */
export interface OtaaActivation {
  mode: 'otaa';
  devEui: string;
  joinEui: string;
  appKey: Uint8Array;
  /** LoRaWAN 1.1 only. */
  nwkKey?: Uint8Array;
}

/** Activation by personalisation: session keys given. */
export interface AbpActivation {
  mode: 'abp';
  devAddr: number;
  appSKey: Uint8Array;
  /** LoRaWAN 1.0.x. */
  nwkSKey?: Uint8Array;
  /** LoRaWAN 1.1. */
  fNwkSIntKey?: Uint8Array;
  sNwkSIntKey?: Uint8Array;
  nwkSEncKey?: Uint8Array;
  /** FCntUp to start from (default 0). */
  fCntUp?: number;
}

/** A receive window the device opens after a transmission. */
export interface RxWindow {
  window: 1 | 2;
  /** When the receiver starts listening. */
  openAtMs: number;
  /** How long it waits for a preamble before closing. */
  timeoutMs: number;
  frequencyHz: number;
  dr: number;
}

/** One transmission, as the radio and the network see it. */
export interface Transmission {
  /** The device's name. */
  device: string;
  kind: 'join-request' | 'data';
  phyPayload: Uint8Array;
  startMs: number;
  toaMs: number;
  frequencyHz: number;
  /** Index in the device's channel list (TxCh of the 1.1 MIC). */
  channelIndex: number;
  dr: number;
  txPowerDbm: number;
  /** FCntUp of a data frame. */
  fCnt?: number;
  confirmed?: boolean;
  /** 1 for the first transmission of a frame, 2.. for repetitions. */
  attempt: number;
  rx1: RxWindow;
  rx2: RxWindow;
}

/** Where transmissions go: the simulated radio or network (another module hooks here). */
export interface DeviceRadio {
  transmit(tx: Transmission): void;
}

/** A waiting period the device imposed on itself, and why. */
export interface DeviceWait {
  atMs: number;
  waitedMs: number;
  reason: 'duty-cycle' | 'join-backoff';
  kind: Transmission['kind'];
}

/** A line of the device's own trace, in the format `loire validate` reads. */
export interface TraceLine {
  timeMs: number;
  direction: 'up' | 'down';
  frequencyHz: number;
  dr: number;
  phyPayload: string;
}

/** Options of {@link ClassADevice}. */
export interface DeviceOptions {
  engine: Engine;
  region: Region;
  /** Name used in transmissions and traces (default `device`). */
  name?: string;
  /** `1.0.4` (default) or `1.1`. */
  lorawanVersion?: '1.0.4' | '1.1';
  activation: OtaaActivation | AbpActivation;
  codec: UplinkEncoder;
  schedule: ReportSchedule;
  /** Codec variables (TS013 `variables`). */
  variables?: Record<string, unknown>;
  /** Starting data rate, also used for Join-Requests (default the region's first join DR). */
  dr?: number;
  /** TXPower index to start with (default 0, the maximum). */
  txPowerIndex?: number;
  /** Device-side ADR (default true). */
  adr?: boolean;
  /** Transmissions per uplink (default 1). */
  nbTrans?: number;
  /** Duty-cycle policy (default `credits`). */
  dutyCyclePolicy?: DutyCyclePolicy;
  /** Where transmissions go (default nowhere: the device talks to itself). */
  radio?: DeviceRadio;
  /** DevNonce counter value to continue from (kept across resets; default 0). */
  devNonce?: number;
  /** DevStatusAns battery level: 0 external power, 1..254, 255 unknown (default 255). */
  batteryLevel?: number;
  /** Keep a trace of frames in `trace` (default true; turn off for large fleets). */
  recordTrace?: boolean;
  /** Called with each application downlink. */
  onDownlink?: (fPort: number, payload: Uint8Array) => void;
}
