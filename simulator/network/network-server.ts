/**
 * A network server: it collects the copies of each uplink from every gateway that heard it
 * (deduplication), checks the MIC and the frame counter (refusing replays), passes the payload
 * to the application, runs ADR, answers MAC commands, acknowledges confirmed uplinks and
 * schedules downlinks in RX1 or, failing that, RX2 through the best gateway whose duty cycle
 * allows it. Join-Requests go to a {@link JoinServer} and the Join-Accept follows the same
 * path in the join windows.
 */
import { frameAirtime } from '../../src/airtime/frame.js';
import {
  decryptFOpts,
  decryptFrmPayload,
  verifyUplinkMic10,
  verifyUplinkMic11,
} from '../../src/crypto/index.js';
import {
  decodeDataFrame,
  decodeMacCommands,
  encodeMacCommands,
  MType,
  reconstructFCnt32,
  type KnownMacCommand,
  type MacCommand,
} from '../../src/mac/index.js';
import type { Region } from '../../src/region/types.js';
import { buildDownlink, type Session } from '../device/frames.js';
import type { Gateway } from '../gateway/gateway.js';
import { adrDecide, ADR_HISTORY_LENGTH, type AdrHistoryEntry } from './adr.js';
import type { JoinServer } from './join-server.js';

/** The virtual clock and scheduler the server runs on (an `Engine` fits). */
export interface Scheduler {
  readonly nowMs: number;
  /** Runs `action` at virtual time `atMs`. */
  at(atMs: number, action: () => void): unknown;
}

/** One gateway's copy of an uplink, as a forwarder reports it. */
export interface GatewayCopy {
  phyPayload: Uint8Array;
  gatewayIndex: number;
  rssiDbm: number;
  snrDb: number;
  frequencyHz: number;
  dr: number;
  /** When the packet ended at the gateway. */
  endMs: number;
}

/** A downlink the server asks a gateway to send. */
export interface DownlinkRequest {
  devEui: string;
  gatewayIndex: number;
  phyPayload: Uint8Array;
  atMs: number;
  frequencyHz: number;
  dr: number;
  window: 1 | 2;
  toaMs: number;
  kind: 'join-accept' | 'data';
}

/** An uplink handed to the application. */
export interface ApplicationUplink {
  devEui: string;
  devAddr: number;
  fCnt: number;
  fPort: number;
  frmPayload: Uint8Array;
  confirmed: boolean;
  timeMs: number;
  dr: number;
  gateways: number;
  maxSnrDb: number;
}

/** Options of {@link NetworkServer}. */
export interface NetworkServerOptions {
  scheduler: Scheduler;
  region: Region;
  gateways: readonly Gateway[];
  joinServer: JoinServer;
  /** Hands a downlink to the radio side (it checks that it reaches the device). */
  sendDownlink(d: DownlinkRequest): void;
  /** Receives each accepted, deduplicated uplink with an FPort above 0. */
  onUplink?(u: ApplicationUplink): void;
  /** How long copies are collected after the first one (default 200 ms). */
  deduplicationMs?: number;
  /** ADR settings; `false` turns network-side ADR off (default on). */
  adr?: false | { installationMarginDb?: number; maxDr?: number; maxTxPowerIndex?: number };
  /**
   * Channel frequencies in the devices' channel index order, for the TxCh of 1.1 MICs and the
   * LinkADRReq channel mask (default: the region's default channels).
   */
  channelPlanHz?: readonly number[];
}

/** Counters of the network server. */
export interface NetworkServerStats {
  copies: number;
  /** Copies merged into an uplink already collected. */
  duplicates: number;
  uplinks: number;
  repetitions: number;
  micFailures: number;
  replays: number;
  unknownDevice: number;
  malformed: number;
  joinRequests: number;
  joinAccepts: number;
  downlinks: number;
  rx1: number;
  rx2: number;
  /** Downlinks that found no gateway free within its duty cycle in either window. */
  downlinkRefused: number;
  acks: number;
  linkAdrReq: number;
  linkAdrAns: number;
  linkCheckAns: number;
}

interface DeviceState {
  devEui: string;
  session: Session;
  /** Next expected 32-bit FCntUp (0 before any uplink). */
  fCntUpNext: number;
  nFCntDown: number;
  history: AdrHistoryEntry[];
  txPowerIndex: number;
  nbTrans: number;
  adrPending: number;
  /** Settings asked for in a LinkADRReq not yet answered. */
  pendingSettings?: AdrSettings;
}

interface Collected {
  copies: GatewayCopy[];
}

/**
 * The network server of a simulated network.
 *
 * @example
 * ```ts
 * const ns = new NetworkServer({ scheduler: engine, region: EU868, gateways, joinServer,
 *   sendDownlink: (d) => radio.downlink(d), onUplink: (u) => app.handle(u) });
 * ns.receive(copy); // once per gateway copy, at the end of the packet
 * ```
 */
export class NetworkServer {
  readonly stats: NetworkServerStats = {
    copies: 0, duplicates: 0, uplinks: 0, repetitions: 0, micFailures: 0, replays: 0,
    unknownDevice: 0, malformed: 0, joinRequests: 0, joinAccepts: 0, downlinks: 0, rx1: 0, rx2: 0,
    downlinkRefused: 0, acks: 0, linkAdrReq: 0, linkAdrAns: 0, linkCheckAns: 0,
  };
  private readonly o: NetworkServerOptions;
  private readonly byAddr = new Map<number, DeviceState>();
  private readonly addrOfEui = new Map<string, number>();
  private readonly collecting = new Map<string, Collected>();
  private lastKey = '';
  private readonly sfOfDr = (dr: number): number | undefined => this.o.region.dataRates[dr]?.sf;
  private readonly dedupMs: number;
  private readonly channelPlan: readonly number[];
  private readonly adr:
    | { installationMarginDb: number; maxDr: number; maxTxPowerIndex: number }
    | false;

  constructor(options: NetworkServerOptions) {
    this.o = options;
    this.dedupMs = options.deduplicationMs ?? 200;
    if (!(this.dedupMs >= 0 && this.dedupMs < options.region.receiveDelay1Ms)) {
      throw new RangeError(`deduplicationMs: expected 0 to below RX1 delay, got ${this.dedupMs}`);
    }
    this.channelPlan = options.channelPlanHz
      ?? options.region.defaultChannels.map((c) => c.frequencyHz);
    let maxTx = 0;
    while (options.region.txPowerDbm(maxTx + 1) !== undefined && maxTx < 14) maxTx++;
    this.adr = options.adr === false ? false : {
      installationMarginDb: options.adr?.installationMarginDb ?? 10,
      maxDr: options.adr?.maxDr ?? 5,
      maxTxPowerIndex: options.adr?.maxTxPowerIndex ?? maxTx,
    };
  }

  /** Takes one gateway's copy of an uplink. */
  receive(copy: GatewayCopy): void {
    this.stats.copies++;
    // Identical bytes from several gateways are one frame (MIC included, so a replay of an
    // older frame collides only with itself and is refused later by its counter).
    // The copies of one packet arrive one after the other: when the bytes equal the last key's
    // (compared in place), that key is reused rather than a new string built per gateway.
    const bytes = copy.phyPayload;
    let key = this.lastKey;
    let same = key.length === bytes.length;
    for (let i = 0; same && i < bytes.length; i++) same = key.charCodeAt(i) === bytes[i];
    if (!same) {
      key = String.fromCharCode.apply(null, bytes as unknown as number[]);
      this.lastKey = key;
    }
    const c = this.collecting.get(key);
    if (c !== undefined) {
      this.stats.duplicates++;
      c.copies.push(copy);
      return;
    }
    const entry: Collected = { copies: [copy] };
    this.collecting.set(key, entry);
    this.o.scheduler.at(this.o.scheduler.nowMs + this.dedupMs, () => {
      this.collecting.delete(key);
      this.process(entry.copies);
    });
  }

  private process(copies: GatewayCopy[]): void {
    sortBySnrDescending(copies);
    const first = copies[0]!;
    const mType = first.phyPayload[0]! >> 5;
    if (mType === MType.JoinRequest) this.join(copies);
    else if (mType === MType.UnconfirmedDataUp
      || mType === MType.ConfirmedDataUp) this.data(copies);
    else this.stats.malformed++;
  }

  private join(copies: GatewayCopy[]): void {
    this.stats.joinRequests++;
    const r = this.o.joinServer.handleJoinRequest(copies[0]!.phyPayload);
    if (!r.ok) return;
    const state: DeviceState = {
      devEui: r.devEui, session: r.session, fCntUpNext: 0, nFCntDown: 0, history: [],
      txPowerIndex: 0, nbTrans: 1, adrPending: 0,
    };
    // A new session replaces the old one; the old DevAddr is forgotten.
    const old = this.addrOfEui.get(r.devEui);
    if (old !== undefined) this.byAddr.delete(old);
    this.byAddr.set(r.devAddr, state);
    this.addrOfEui.set(r.devEui, r.devAddr);
    const region = this.o.region;
    const windows = this.windowsFor(copies[0]!, region.joinAcceptDelay1Ms, 0, region.rx2);
    if (this.schedule(r.devEui, copies, r.joinAccept, windows,
      'join-accept')) this.stats.joinAccepts++;
  }

  private windowsFor(
    copy: GatewayCopy,
    delay1Ms: number,
    rx1DrOffset: number,
    rx2: { frequencyHz: number; dr: number },
  ): { rx1: WindowSlot; rx2: WindowSlot } {
    const region = this.o.region;
    return {
      rx1: { atMs: copy.endMs + delay1Ms, frequencyHz: region.rx1FrequencyHz(copy.frequencyHz),
        dr: region.rx1Dr(copy.dr, rx1DrOffset, false) ?? copy.dr },
      // RX2 opens one second after RX1 (TS001-1.0.4 §3.3.2).
      rx2: { atMs: copy.endMs + delay1Ms + 1000, frequencyHz: rx2.frequencyHz, dr: rx2.dr },
    };
  }

  private data(copies: GatewayCopy[]): void {
    const best = copies[0]!;
    let frame;
    try {
      frame = decodeDataFrame(best.phyPayload);
    } catch {
      this.stats.malformed++;
      return;
    }
    if (!frame.uplink) {
      this.stats.malformed++;
      return;
    }
    const dev = this.byAddr.get(frame.fhdr.devAddr);
    if (dev === undefined) {
      this.stats.unknownDevice++;
      return;
    }
    const s = dev.session;
    const { fCnt32, retransmission } = reconstructFCnt32(dev.fCntUpNext, frame.fhdr.fCnt);
    const message = best.phyPayload.subarray(0, frame.micOffset);
    const txCh = Math.max(0, this.channelPlan.indexOf(best.frequencyHz));
    if (!micMatches(s, message, fCnt32, best.dr, txCh, frame.mic)) {
      // An old frame played again: its 16 bits read as a future counter, so the MIC fails there;
      // it matches at the counter it had, below the next expected one.
      const past = (dev.fCntUpNext & ~0xffff) + frame.fhdr.fCnt;
      if (past < dev.fCntUpNext && micMatches(s, message, past, best.dr, txCh, frame.mic)) {
        this.stats.replays++;
      } else this.stats.micFailures++;
      return;
    }
    if (retransmission) {
      // NbTrans repetition or a retry of a confirmed frame: not delivered again, but a confirmed
      // one is acknowledged again (TS001-1.0.4 §4.3.1.2).
      this.stats.repetitions++;
      if (frame.confirmed) this.answer(dev, copies, true, []);
      return;
    }
    // No MAX_FCNT_GAP check: TS001-1.0.4 removed it, and the MIC over the 32-bit counter decides.
    dev.fCntUpNext = (fCnt32 + 1) >>> 0;
    this.stats.uplinks++;

    // MAC commands: FOpts (encrypted in 1.1, TS001-1.1 §4.3.1.6) or an FPort 0 payload.
    let fOpts = frame.fhdr.fOpts;
    if (s.version === '1.1' && fOpts.length > 0) {
      fOpts = decryptFOpts(s.nwkSEncKey, { direction: 'up', devAddr: s.devAddr, fCnt: fCnt32,
        fOpts });
    }
    let payload = frame.frmPayload;
    if (payload.length > 0) {
      const key = frame.fPort === 0 ? s.nwkSEncKey : s.appSKey;
      payload = decryptFrmPayload(key, { direction: 'up', devAddr: s.devAddr, fCnt: fCnt32,
        payload });
    }
    const macBytes = frame.fPort === 0 ? payload : fOpts;
    const answers: KnownMacCommand[] = [];
    if (macBytes.length > 0) {
      let cmds: MacCommand[] = [];
      try {
        cmds = decodeMacCommands(macBytes, { uplink: true });
      } catch {
        cmds = [];
      }
      for (const c of cmds) this.macCommand(dev, c, copies, answers);
    }

    // A full history recycles its oldest entry: no new object per uplink for the collector.
    const entry = dev.history.length >= ADR_HISTORY_LENGTH ? dev.history.shift()! : undefined;
    if (entry) {
      entry.fCnt = fCnt32;
      entry.maxSnrDb = best.snrDb;
      dev.history.push(entry);
    } else dev.history.push({ fCnt: fCnt32, maxSnrDb: best.snrDb });
    if (frame.fhdr.fCtrl.adr && this.adr !== false) this.runAdr(dev, best.dr, answers);

    if (frame.fPort !== null && frame.fPort > 0) {
      this.o.onUplink?.({
        devEui: dev.devEui, devAddr: s.devAddr, fCnt: fCnt32, fPort: frame.fPort,
        frmPayload: payload, confirmed: frame.confirmed, timeMs: best.endMs, dr: best.dr,
        gateways: copies.length, maxSnrDb: best.snrDb,
      });
    }
    const needAck = frame.confirmed;
    // ADRACKReq asks for any downlink (TS001-1.0.4 §4.3.1.1).
    if (needAck || answers.length > 0 || frame.fhdr.fCtrl.adrAckReq) {
      this.answer(dev, copies, needAck, answers);
    }
  }

  private macCommand(dev: DeviceState, c: MacCommand, copies: GatewayCopy[],
    answers: KnownMacCommand[]): void {
    if (!('fields' in c)) return;
    if (c.name === 'LinkCheckReq') {
      // Margin: dB above the demodulation floor of the best copy (TS001-1.0.4 §5.2).
      this.stats.linkCheckAns++;
      const sf = this.o.region.dataRates[copies[0]!.dr]?.sf ?? 12;
      const floor = -20 + (12 - sf) * 2.5;
      const margin = Math.max(0, Math.min(254, Math.round(copies[0]!.snrDb - floor)));
      answers.push({ cid: 0x02, name: 'LinkCheckAns', fields: { margin, gwCnt: Math.min(255,
        copies.length) } });
    } else if (c.name === 'LinkADRAns') {
      this.stats.linkAdrAns++;
      dev.adrPending = 0;
      const f = c.fields as Record<string, unknown>;
      if (f.powerAck === true && f.dataRateAck === true && f.chMaskAck === true
        && dev.pendingSettings) {
        dev.txPowerIndex = dev.pendingSettings.txPowerIndex;
        dev.nbTrans = dev.pendingSettings.nbTrans;
        // The SNRs measured at the old settings no longer describe the link.
        dev.history.length = 0;
      }
      dev.pendingSettings = undefined;
    }
  }

  private runAdr(dev: DeviceState, dr: number, answers: KnownMacCommand[]): void {
    const adr = this.adr;
    if (adr === false) return;
    if (dev.adrPending > 0) {
      // Give the device three uplinks to answer before asking again.
      if (++dev.adrPending <= 3) return;
      dev.adrPending = 0;
    }
    const d = adrDecide({
      dr, sfOfDr: this.sfOfDr, txPowerIndex: dev.txPowerIndex,
        nbTrans: dev.nbTrans,
      history: dev.history, maxDr: adr.maxDr, maxTxPowerIndex: adr.maxTxPowerIndex,
      installationMarginDb: adr.installationMarginDb,
    });
    if (d.dr === dr && d.txPowerIndex === dev.txPowerIndex && d.nbTrans === dev.nbTrans) return;
    let chMask = 0;
    for (let i = 0; i < this.channelPlan.length && i < 16; i++) chMask |= 1 << i;
    answers.push({ cid: 0x03, name: 'LinkADRReq', fields: {
      dataRate: d.dr, txPower: d.txPowerIndex, chMask, chMaskCntl: 0, nbTrans: d.nbTrans } });
    dev.adrPending = 1;
    dev.pendingSettings = d;
    this.stats.linkAdrReq++;
  }

  /** Builds and schedules a downlink answering the uplink in `copies`. */
  private answer(dev: DeviceState, copies: GatewayCopy[], ack: boolean,
    cmds: KnownMacCommand[]): void {
    let fOpts = encodeMacCommands(cmds);
    // FOpts holds 15 bytes (TS001-1.0.4 §4.3.1.6). The server's answers (LinkCheckAns 3 bytes,
    // LinkADRReq 5) fit together; should more ever queue, only the first goes and ADR asks
    // again on a later uplink.
    if (fOpts.length > 15) fOpts = encodeMacCommands(cmds.slice(0, 1));
    const fCnt = dev.nFCntDown;
    const phy = buildDownlink(dev.session, { fCnt, ack, fOpts, adr: this.adr !== false,
      confFCnt: ack ? dev.fCntUpNext - 1 : 0 });
    const region = this.o.region;
    const windows = this.windowsFor(copies[0]!, region.receiveDelay1Ms, 0, region.rx2);
    if (this.schedule(dev.devEui, copies, phy, windows, 'data')) {
      dev.nFCntDown = (dev.nFCntDown + 1) >>> 0;
      if (ack) this.stats.acks++;
    }
  }

  /**
   * Picks a gateway and a window: RX1 through the gateways in order of SNR, then RX2 the same
   * way; a gateway qualifies when it is free and its duty cycle allows the frame then.
   */
  private schedule(
    devEui: string,
    copies: GatewayCopy[],
    phy: Uint8Array,
    windows: ReturnType<NetworkServer['windowsFor']>,
    kind: DownlinkRequest['kind'],
  ): boolean {
    const region = this.o.region;
    for (const [w, n] of [[windows.rx1, 1], [windows.rx2, 2]] as const) {
      const toaMs = frameAirtime(region, w.dr, phy.length, { direction: 'downlink' }).toaMs;
      for (const c of copies) {
        const g = this.o.gateways[c.gatewayIndex]!;
        // transmit() refuses (and counts) a frame the duty cycle or a busy transmitter forbids.
        if (!g.transmit(w.frequencyHz, w.atMs, toaMs)) continue;
        this.stats.downlinks++;
        if (n === 1) this.stats.rx1++;
        else this.stats.rx2++;
        this.o.sendDownlink({ devEui, gatewayIndex: c.gatewayIndex, phyPayload: phy, atMs: w.atMs,
          frequencyHz: w.frequencyHz, dr: w.dr, window: n, toaMs, kind });
        return true;
      }
    }
    this.stats.downlinkRefused++;
    return false;
  }
}

/**
 * Best SNR first, ties in arrival order: the order of a stable `sort((a, b) => b.snrDb -
 * a.snrDb)`, by insertion, as a packet has a handful of copies and the built-in sort
 * allocates its work space on every call.
 */
function sortBySnrDescending(copies: GatewayCopy[]): void {
  for (let i = 1; i < copies.length; i++) {
    const c = copies[i]!;
    let j = i - 1;
    while (j >= 0 && copies[j]!.snrDb < c.snrDb) {
      copies[j + 1] = copies[j]!;
      j--;
    }
    copies[j + 1] = c;
  }
}

/** True when `mic` is the uplink MIC of `message` at `fCnt` (compared in constant time). */
function micMatches(s: Session, message: Uint8Array, fCnt: number, txDr: number, txCh: number,
  mic: Uint8Array): boolean {
  return s.version === '1.1'
    ? verifyUplinkMic11(s.sNwkSIntKey, s.fNwkSIntKey, { devAddr: s.devAddr, fCnt, message,
      confFCnt: 0, txDr, txCh }, mic)
    : verifyUplinkMic10(s.fNwkSIntKey, { devAddr: s.devAddr, fCnt, message }, mic);
}

/** Where and when a receive window opens. */
interface WindowSlot {
  atMs: number;
  frequencyHz: number;
  dr: number;
}

interface AdrSettings {
  dr: number;
  txPowerIndex: number;
  nbTrans: number;
}
