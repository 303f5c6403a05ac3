/**
 * How a Class A device answers the MAC commands of a downlink (TS001-1.0.4 §5, TS001-1.1 §5).
 * The state lives in {@link MacState}; answers go to `answers` (sent once) or `sticky` (sent in
 * every uplink until a downlink arrives: RXParamSetupAns, DlChannelAns, RXTimingSetupAns).
 */
import { subBandOf } from '../../src/region/lookup.js';
import type { Region } from '../../src/region/types.js';
import type { DutyCycle } from '../duty-cycle/duty-cycle.js';
import type { DeviceChannel } from './device.js';
import type { LorawanVersion } from './frames.js';
import { readFrequencyHz, splitMacCommands, type RawMacCommand } from './mac-codec.js';

/** The MAC-layer state of a device that MAC commands change. */
export interface MacState {
  region: Region;
  version: LorawanVersion;
  dr: number;
  txPowerIndex: number;
  nbTrans: number;
  adr: boolean;
  adrAckCnt: number;
  adrAckLimit: number;
  adrAckDelay: number;
  rx1DrOffset: number;
  rx2: { frequencyHz: number; dr: number };
  rxDelayMs: number;
  uplinkDwellTime: boolean;
  downlinkDwellTime: boolean;
  maxEirpDbm: number;
  channels: DeviceChannel[];
  dutyCycle: DutyCycle;
  /** Answers for the next uplink only. */
  answers: RawMacCommand[];
  /** Answers repeated in every uplink until a downlink is received. */
  sticky: RawMacCommand[];
  /** Device-initiated requests (LinkCheckReq, DeviceTimeReq). */
  requests: RawMacCommand[];
  batteryLevel: number;
  marginDb: number;
  /** LinkCheckAns and DeviceTimeAns results, when received. */
  linkCheck?: { marginDb: number; gwCnt: number };
  deviceTimeGpsS?: number;
  rekeyPending: boolean;
  resetPending: boolean;
}

// TS001-1.0.4 §5.13 / RP002: TxParamSetupReq MaxEIRP codes in dBm.
const MAX_EIRP = [8, 10, 12, 13, 14, 16, 18, 20, 21, 24, 26, 27, 29, 30, 33, 36];

const ans = (cid: number, ...bytes: number[]): RawMacCommand => ({
  cid,
  payload: Uint8Array.from(bytes),
});

/**
 * Applies the MAC commands of one downlink (clear bytes) to `m` and queues the answers.
 * An unknown command stops processing, since the rest cannot be delimited (TS001-1.0.4 §5).
 */
export function handleMacCommands(m: MacState, bytes: Uint8Array): void {
  // A device acts on the commands before an unknown or cut one and ignores the rest.
  const commands = splitMacCommands(bytes, false, true);
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    const p = c.payload;
    switch (c.cid) {
      case 0x01: // ResetConf (1.1)
        m.resetPending = false;
        break;
      case 0x02: // LinkCheckAns
        m.linkCheck = { marginDb: p[0]!, gwCnt: p[1]! };
        break;
      case 0x03: {
        // LinkADRReq: a contiguous block is one atomic request (TS001-1.0.4 §5.3).
        let j = i;
        while (j + 1 < commands.length && commands[j + 1]!.cid === 0x03) j++;
        linkAdr(m, commands.slice(i, j + 1));
        i = j;
        break;
      }
      case 0x04: // DutyCycleReq
        m.dutyCycle.setMaxDutyCycle(p[0]! & 0x0f);
        m.answers.push(ans(0x04));
        break;
      case 0x05:
        rxParamSetup(m, p);
        break;
      case 0x06: // DevStatusReq: battery, and the margin as a signed 6-bit value
        m.answers.push(ans(0x06, m.batteryLevel, m.marginDb & 0x3f));
        break;
      case 0x07:
        newChannel(m, p);
        break;
      case 0x08: {
        // RXTimingSetupReq: Del 0 means 1 s (TS001-1.0.4 §5.7).
        const del = p[0]! & 0x0f;
        m.rxDelayMs = (del === 0 ? 1 : del) * 1000;
        replaceSticky(m, ans(0x08));
        break;
      }
      case 0x09: // TxParamSetupReq, only where the region implements it (RP002 AS923)
        if (m.region.txParamSetup) {
          m.downlinkDwellTime = (p[0]! & 0x20) !== 0;
          m.uplinkDwellTime = (p[0]! & 0x10) !== 0;
          m.maxEirpDbm = MAX_EIRP[p[0]! & 0x0f]!;
          m.answers.push(ans(0x09));
        }
        break;
      case 0x0a:
        dlChannel(m, p);
        break;
      case 0x0b: // RekeyConf (1.1)
        m.rekeyPending = false;
        break;
      case 0x0c: // ADRParamSetupReq (1.1): Limit_exp, Delay_exp
        if (m.version === '1.1') {
          m.adrAckLimit = 2 ** (p[0]! >> 4);
          m.adrAckDelay = 2 ** (p[0]! & 0x0f);
          m.answers.push(ans(0x0c));
        }
        break;
      case 0x0d: // DeviceTimeAns: GPS seconds (LE) + 1/256 s
        m.deviceTimeGpsS = (p[0]! | (p[1]! << 8) | (p[2]! << 16)) + p[3]! * 2 ** 24 + p[4]! / 256;
        break;
      default:
        // ForceRejoinReq, RejoinParamSetupReq and Class B/C commands are not simulated.
        break;
    }
  }
}

function replaceSticky(m: MacState, a: RawMacCommand): void {
  m.sticky = m.sticky.filter((s) => s.cid !== a.cid);
  m.sticky.push(a);
}

function linkAdr(m: MacState, block: RawMacCommand[]): void {
  const region = m.region;
  const enabled = m.channels.map((c) => c.enabled);
  let chMaskOk = true;
  for (const c of block) {
    const mask = c.payload[1]! | (c.payload[2]! << 8);
    const cntl = (c.payload[3]! >> 4) & 0x07;
    if (!applyChMask(region, m.channels, enabled, mask, cntl)) chMaskOk = false;
  }
  const last = block[block.length - 1]!.payload;
  const drField = last[0]! >> 4;
  const powerField = last[0]! & 0x0f;
  const nbTrans = last[3]! & 0x0f;
  if (!enabled.some((e, i) => e && m.channels[i]!.frequencyHz !== 0)) chMaskOk = false;
  // DR 15 and TXPower 15 mean "keep the current value" (TS001-1.0.4 §5.3).
  const dr = drField === 15 ? m.dr : drField;
  // The DR must suit an enabled channel: of the new mask, or of the current one if the new
  // mask is refused (as LoRaMac-node's LinkAdrReq verification does).
  const mask = chMaskOk ? enabled : m.channels.map((c) => c.enabled);
  const drOk = region.dataRates[dr] !== undefined &&
    m.channels.some((c, i) => mask[i] && c.frequencyHz !== 0 && dr >= c.minDr && dr <= c.maxDr);
  const power = powerField === 15 ? m.txPowerIndex : powerField;
  const powerOk = region.txPowerDbm(power) !== undefined;
  const status = (powerOk ? 4 : 0) | (drOk ? 2 : 0) | (chMaskOk ? 1 : 0);
  if (status === 7) {
    m.channels.forEach((c, i) => (c.enabled = enabled[i]!));
    m.dr = dr;
    m.txPowerIndex = power;
    if (nbTrans !== 0) m.nbTrans = nbTrans;
  }
  // One LinkADRAns per LinkADRReq of the block, all with the same status.
  for (let k = 0; k < block.length; k++) m.answers.push(ans(0x03, status));
}

function applyChMask(
  region: Region,
  channels: DeviceChannel[],
  enabled: boolean[],
  mask: number,
  cntl: number,
): boolean {
  const defined = (i: number): boolean => (channels[i]?.frequencyHz ?? 0) !== 0;
  if (region.id === 'US915') {
    // RP002-1.0.1 §2.5.5: ChMaskCntl 0..3 blocks of 16 channels, 4 the 500 kHz channels,
    // 6 all 125 kHz on, 7 all 125 kHz off (mask then for 64..71). 5 is not simulated.
    if (cntl <= 4) {
      const n = cntl === 4 ? 8 : 16;
      for (let b = 0; b < n; b++) enabled[cntl * 16 + b] = (mask & (1 << b)) !== 0;
      return true;
    }
    if (cntl === 6 || cntl === 7) {
      for (let i = 0; i < 64; i++) enabled[i] = cntl === 6;
      for (let b = 0; b < 8; b++) enabled[64 + b] = (mask & (1 << b)) !== 0;
      return true;
    }
    return false;
  }
  // RP002-1.0.1 §2.4.5: ChMaskCntl 0 applies the mask to channels 0..15, 6 turns on every
  // defined channel; others are RFU.
  if (cntl === 0) {
    for (let b = 0; b < 16; b++) {
      const on = (mask & (1 << b)) !== 0;
      if (on && !defined(b)) return false;
      if (b < channels.length) enabled[b] = on;
    }
    return true;
  }
  if (cntl === 6) {
    for (let i = 0; i < channels.length; i++) enabled[i] = defined(i);
    return true;
  }
  return false;
}

function rxParamSetup(m: MacState, p: Uint8Array): void {
  const offset = (p[0]! >> 4) & 0x07;
  const rx2Dr = p[0]! & 0x0f;
  const freq = readFrequencyHz(p, 1);
  // US915 downlinks use 923.3-927.5 MHz, outside its uplink band (RP002-1.0.1 §2.5.2).
  const usDownlink = m.region.id === 'US915' && freq >= 923_300_000 && freq <= 927_500_000;
  const freqOk = subBandOf(m.region, freq) !== undefined || usDownlink;
  const drOk = m.region.dataRates[rx2Dr] !== undefined;
  const offOk = offset <= m.region.maxRx1DrOffset;
  const status = (offOk ? 4 : 0) | (drOk ? 2 : 0) | (freqOk ? 1 : 0);
  if (status === 7) {
    m.rx1DrOffset = offset;
    m.rx2 = { frequencyHz: freq, dr: rx2Dr };
  }
  replaceSticky(m, ans(0x05, status));
}

function newChannel(m: MacState, p: Uint8Array): void {
  if (m.region.cfListType !== 0) return; // not in US915 (RP002-1.0.1 §2.5.5)
  const index = p[0]!;
  const freq = readFrequencyHz(p, 1);
  const minDr = p[4]! & 0x0f;
  const maxDr = p[4]! >> 4;
  // Default channels cannot be changed (RP002-1.0.1 §2.4.2); frequency 0 disables a channel.
  const fixed = index < m.region.defaultChannels.length;
  const inBand = freq === 0 || subBandOf(m.region, freq) !== undefined;
  const freqOk = !fixed && index < m.region.maxChannels && inBand;
  const rates = m.region.dataRates;
  const drOk = minDr <= maxDr && rates[minDr] !== undefined && rates[maxDr] !== undefined;
  if (freqOk && drOk) {
    while (m.channels.length <= index) {
      m.channels.push({ frequencyHz: 0, minDr: 0, maxDr: 0, enabled: false });
    }
    m.channels[index] = freq === 0
      ? { frequencyHz: 0, minDr: 0, maxDr: 0, enabled: false }
      : { frequencyHz: freq, minDr, maxDr, enabled: true };
  }
  m.answers.push(ans(0x07, (drOk ? 2 : 0) | (freqOk ? 1 : 0)));
}

function dlChannel(m: MacState, p: Uint8Array): void {
  if (m.region.cfListType !== 0) return; // not in US915
  const index = p[0]!;
  const freq = readFrequencyHz(p, 1);
  const exists = m.channels[index] !== undefined && m.channels[index]!.frequencyHz !== 0;
  const freqOk = subBandOf(m.region, freq) !== undefined;
  if (exists && freqOk) m.channels[index]!.dlFrequencyHz = freq;
  replaceSticky(m, ans(0x0a, (exists ? 2 : 0) | (freqOk ? 1 : 0)));
}
