/**
 * The state one validation run shares between its checks: how to record a broken rule or a
 * check that could not run, the running counts, and what is known of each device.
 */
import type { Region } from '../../src/region/types.js';
import type { Session } from '../device/frames.js';
import type { Violation } from './report.js';

/** What the validator follows of one device (by DevAddr). */
export interface DeviceState {
  session?: Session;
  /** Last uplink FCnt seen (32 bits), -1 before the first. */
  lastFCnt: number;
  /** The last uplink's FCnt and body before the MIC, to tell a repetition from a replay. */
  lastUp?: { fCnt: number; body: string };
  /** FCnt of the last confirmed downlink (the ConfFCnt of a 1.1 uplink MIC). */
  confirmedDownFCnt?: number;
  /** FCnt of the last confirmed uplink (the ConfFCnt of a 1.1 downlink MIC with ACK). */
  confirmedUpFCnt?: number;
  /** Last downlink FCnt (1.0 FCntDown; 1.1 NFCntDown: FPort 0 or none), -1 before the first. */
  lastDownFCnt: number;
  /** 1.1 AFCntDown (FPort > 0), a counter of its own (TS001-1.1 §4.3.1.5). */
  lastAppDownFCnt: number;
  /** MAC requests of downlinks still waiting for their answer in an uplink. */
  pendingRequests: { cid: number; line: number }[];
}

/** Running counts for the summary. */
export interface Tally {
  up: number;
  down: number;
  join: number;
  gaps: number;
  retrans: number;
  airtime: number;
  dup: number;
}

/** The run's shared context. */
export interface Checking {
  region: Region;
  /** Records a broken rule at a trace line. */
  flag(rule: Violation['rule'], line: number, message: string): void;
  /** Checks that could not run, and why (each said once). */
  notes: Set<string>;
  counts: Tally;
}

/** A device met for the first time. */
export function newDeviceState(session?: Session): DeviceState {
  const st: DeviceState = {
    lastFCnt: -1, lastDownFCnt: -1, lastAppDownFCnt: -1, pendingRequests: [],
  };
  if (session) st.session = session;
  return st;
}
