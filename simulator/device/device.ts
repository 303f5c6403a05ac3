/**
 * A LoRaWAN Class A end-device, exact to TS001-1.0.4 and, where it differs, TS001-1.1:
 * OTAA with a DevNonce counter or ABP, 32-bit FCntUp, RX1/RX2 after each uplink, confirmed
 * uplinks and NbTrans repetitions, device-side ADR back-off, the MAC commands of Class A, and
 * duty cycle and join back-off that defer a frame rather than break a rule.
 *
 * A device is a codec plus a schedule. Its frames are real PHYPayloads built and secured by
 * the core (see `frames.ts`); a network side receives them through {@link DeviceRadio} and
 * answers by calling {@link ClassADevice.receive} while a receive window is open.
 */
import { frameAirtime } from '../../src/airtime/frame.js';
import { bytesToHex } from '../../src/bytes/hex.js';
import type { FrameSession } from '../../src/frame/index.js';
import type { Region } from '../../src/region/types.js';
import { DutyCycle } from '../duty-cycle/duty-cycle.js';
import { JoinBackoff } from '../duty-cycle/join-backoff.js';
import type { Engine } from '../engine/engine.js';
import type { ScheduledEvent } from '../engine/queue.js';
import type { Rng } from '../engine/rng.js';
import { frameToaMs } from './airtime-table.js';
import {
  buildDeviceJoinRequest,
  buildUplink,
  createDeviceSession,
  createRootSession,
  openDownlink,
  openJoinAccept,
  type LorawanVersion,
  type RootKeys,
  type Session,
} from './frames.js';
import { handleMacCommands, type MacState } from './mac-handler.js';
import type {
  DeviceOptions,
  DeviceRadio,
  DeviceWait,
  RxWindow,
  TraceLine,
  Transmission,
  UplinkEncoder,
  ReportSchedule,
} from './types.js';
import { joinMacCommands, type RawMacCommand } from './mac-codec.js';

/** A channel slot of the device (index = channel index of LinkADRReq and the 1.1 MIC). */
export interface DeviceChannel {
  frequencyHz: number;
  minDr: number;
  maxDr: number;
  enabled: boolean;
  /** RX1 frequency set by DlChannelReq, if any. */
  dlFrequencyHz?: number;
}

/** Counters of a device's life. */
export interface DeviceStats {
  reports: number;
  /** Reports skipped because the previous uplink was still in progress. */
  skippedReports: number;
  /** Reports not sent because the payload exceeds the data rate's maximum. */
  oversizeReports: number;
  uplinks: number;
  transmissions: number;
  joinRequests: number;
  joins: number;
  downlinks: number;
  acksReceived: number;
  /** Total time spent waiting for duty cycle or join back-off. */
  waitedMs: number;
}

interface Pending {
  kind: Transmission['kind'];
  fPort?: number;
  payload?: Uint8Array;
  confirmed: boolean;
  attempt: number;
  fCnt?: number;
  devNonce?: number;
  gotDownlink: boolean;
  acked: boolean;
  windows?: [RxWindow, RxWindow];
}

// 1.0.4 RX windows stay open at least long enough to detect a preamble (TS001-1.0.4 §3.3.1);
// the simulator accepts a downlink whose start falls within the preamble time of the window's DR.
function preambleMs(region: Region, dr: number): number {
  const toa = frameAirtime(region, dr, 0, { direction: 'downlink' });
  return toa.symbolMs !== undefined ? 12.25 * toa.symbolMs : 1;
}

const NO_COMMANDS = { bytes: new Uint8Array(0), used: [] as RawMacCommand[] };

// The channels tied for the earliest start, refilled by each choice (never two at once: the
// simulation runs on one thread and a choice does not call out).
const candidates: number[] = [];

/**
 * A simulated Class A device.
 *
 * @example
 * ```ts
 * const engine = new Engine({ seed: 1 });
 * const device = new ClassADevice({
 *   engine, region: EU868,
 *   activation: { mode: 'abp', devAddr: 0x26011234, nwkSKey, appSKey },
 *   codec: { encodeUplink: ({ data }) => ({ bytes: [Number(data)], fPort: 1 }) },
 *   schedule: { periodMs: 600_000, data: (i) => i },
 *   radio: { transmit: (tx) => network.handle(tx) },
 * });
 * device.start();
 * engine.run({ untilMs: 86_400_000 });
 * ```
 */
export class ClassADevice {
  readonly name: string;
  readonly region: Region;
  readonly version: LorawanVersion;
  /** Every frame sent and received, when `recordTrace` is on. */
  readonly trace: TraceLine[] = [];
  /** Every wait imposed by duty cycle or join back-off. */
  readonly waits: DeviceWait[] = [];
  readonly stats: DeviceStats = {
    reports: 0, skippedReports: 0, oversizeReports: 0, uplinks: 0, transmissions: 0,
    joinRequests: 0, joins: 0, downlinks: 0, acksReceived: 0, waitedMs: 0,
  };
  /** Enforces the sub-band duty cycles and DutyCycleReq. */
  readonly dutyCycle: DutyCycle;
  /** Channel slots. */
  channels: DeviceChannel[] = [];
  /** The session after activation. */
  session: Session | undefined;

  private readonly engine: Engine;
  private readonly rng: Rng;
  private readonly codec: UplinkEncoder;
  private readonly schedule: ReportSchedule;
  private readonly variables: Record<string, unknown>;
  private readonly radio: DeviceRadio | undefined;
  private readonly recordTrace: boolean;
  private readonly onDownlink: DeviceOptions['onDownlink'];
  private readonly activation: DeviceOptions['activation'];
  private readonly backoff: JoinBackoff;
  private readonly initialDr: number;
  private readonly initialAdr: boolean;
  private devNonceCounter: number;
  private pending: Pending | undefined;
  private reportEvent: ScheduledEvent | undefined;
  private reportIndex = 0;
  private lastDownFCnt = -1;
  private lastAppDownFCnt = -1;
  private confirmedDownFCnt = -1;
  private readonly mac: MacState;
  /** Maximum FRMPayload+FOpts bytes (N) by data rate, without and with uplink dwell time. */
  private readonly maxPayloadN: (number | undefined)[] = [];
  // One closure for every report event of the device rather than one per report.
  private readonly reportAction = (): void => this.report();

  constructor(options: DeviceOptions) {
    this.engine = options.engine;
    this.rng = options.engine.rng.fork();
    this.region = options.region;
    this.name = options.name ?? 'device';
    const lv = options.lorawanVersion;
    if (lv !== undefined && lv !== '1.0.4' && lv !== '1.1') {
      throw new RangeError(`lorawanVersion: expected '1.0.4' or '1.1', got '${String(lv)}'`);
    }
    this.version = options.lorawanVersion === '1.1' ? '1.1' : '1.0';
    this.activation = options.activation;
    const a = this.activation;
    if (a.mode === 'otaa' && this.version === '1.1' && !(a.nwkKey instanceof Uint8Array)) {
      throw new TypeError('activation.nwkKey: expected 16 bytes for a LoRaWAN 1.1 OTAA device');
    }
    this.codec = options.codec;
    if (typeof this.codec?.encodeUplink !== 'function') {
      throw new TypeError('codec: expected an object with encodeUplink(input)');
    }
    this.schedule = options.schedule;
    if (!(this.schedule?.periodMs > 0)) {
      const got = this.schedule?.periodMs;
      throw new RangeError(`schedule.periodMs: expected a positive number, got ${got}`);
    }
    this.variables = options.variables ?? {};
    this.radio = options.radio;
    this.recordTrace = options.recordTrace !== false;
    this.onDownlink = options.onDownlink;
    const policy = options.dutyCyclePolicy ?? 'credits';
    this.dutyCycle = new DutyCycle({ region: this.region, policy });
    this.backoff = new JoinBackoff(this.engine.nowMs);
    this.devNonceCounter = options.devNonce ?? 0;
    this.initialDr = options.dr ?? this.region.joinDrs[0]!;
    if (this.region.dataRates[this.initialDr] === undefined) {
      throw new RangeError(`dr: ${this.initialDr} is not a data rate of ${this.region.id}`);
    }
    this.initialAdr = options.adr !== false;
    const txPowerIndex = options.txPowerIndex ?? 0;
    if (this.region.txPowerDbm(txPowerIndex) === undefined) {
      throw new RangeError(`txPowerIndex: ${txPowerIndex} is not defined in ${this.region.id}`);
    }
    this.mac = {
      region: this.region,
      version: this.version,
      dr: this.initialDr,
      txPowerIndex,
      nbTrans: options.nbTrans ?? 1,
      adr: this.initialAdr,
      adrAckCnt: 0,
      adrAckLimit: this.region.adrAckLimit,
      adrAckDelay: this.region.adrAckDelay,
      rx1DrOffset: 0,
      rx2: { ...this.region.rx2 },
      rxDelayMs: this.region.receiveDelay1Ms,
      uplinkDwellTime: this.region.dwellTimeMs !== undefined,
      downlinkDwellTime: false,
      maxEirpDbm: this.region.maxEirpDbm,
      channels: this.channels,
      dutyCycle: this.dutyCycle,
      answers: [],
      sticky: [],
      requests: [],
      batteryLevel: options.batteryLevel ?? 255,
      marginDb: 0,
      rekeyPending: false,
      resetPending: false,
    };
    if (!(this.mac.nbTrans >= 1 && this.mac.nbTrans <= 15)) {
      throw new RangeError(`nbTrans: expected 1 to 15, got ${this.mac.nbTrans}`);
    }
    this.resetChannels();
  }

  /** The DevNonce the next Join-Request will carry; store it to survive a power cycle. */
  get devNonce(): number {
    return this.devNonceCounter;
  }

  /** The current data rate, TX power index and NbTrans (changed by ADR and LinkADRReq). */
  get radioSettings(): { dr: number; txPowerIndex: number; nbTrans: number } {
    return { dr: this.mac.dr, txPowerIndex: this.mac.txPowerIndex, nbTrans: this.mac.nbTrans };
  }

  /** MAC-layer state, read-only view for tests and tools. */
  get macState(): Readonly<MacState> {
    return this.mac;
  }

  /** Next FCntUp. */
  fCntUp = 0;

  /** True once joined (OTAA) or from the start (ABP). */
  get activated(): boolean {
    return this.session !== undefined;
  }

  private resetChannels(): void {
    this.channels.length = 0;
    for (const c of this.region.defaultChannels) {
      const { frequencyHz, minDr, maxDr } = c;
      this.channels.push({ frequencyHz, minDr, maxDr, enabled: true });
    }
  }

  /** Powers the device on: ABP devices start reporting, OTAA devices start joining. */
  start(): void {
    if (this.activation.mode === 'abp') {
      const a = this.activation;
      this.session = createDeviceSession(this.version, {
        devAddr: a.devAddr, appSKey: a.appSKey,
        ...(a.nwkSKey ? { nwkSKey: a.nwkSKey } : {}),
        ...(a.fNwkSIntKey ? { fNwkSIntKey: a.fNwkSIntKey } : {}),
        ...(a.sNwkSIntKey ? { sNwkSIntKey: a.sNwkSIntKey } : {}),
        ...(a.nwkSEncKey ? { nwkSEncKey: a.nwkSEncKey } : {}),
      });
      this.fCntUp = a.fCntUp ?? 0;
      // TS001-1.1 §5.1: an ABP 1.1 device sends ResetInd after each reset until ResetConf.
      this.mac.resetPending = this.version === '1.1';
      this.scheduleReports();
    } else {
      this.engine.after(this.rng.uniform(0, 1000), () => this.attemptJoin());
    }
  }

  /**
   * Simulates a reset: the session is lost (OTAA) or kept (ABP, as its keys are provisioned),
   * the join back-off restarts, and the DevNonce counter carries on (TS001-1.0.4 §6.2.5).
   */
  reset(): void {
    this.engine.cancel(this.reportEvent);
    this.pending = undefined;
    this.backoff.reset(this.engine.nowMs);
    this.mac.dr = this.initialDr;
    this.mac.adrAckCnt = 0;
    this.mac.answers.length = 0;
    this.mac.sticky.length = 0;
    this.resetChannels();
    if (this.activation.mode === 'otaa') {
      this.session = undefined;
      this.fCntUp = 0;
      this.lastDownFCnt = -1;
      this.lastAppDownFCnt = -1;
    }
    this.start();
  }

  /** Asks for a LinkCheckReq in the next uplink (TS001-1.0.4 §5.2). */
  requestLinkCheck(): void {
    this.mac.requests.push({ cid: 0x02, payload: new Uint8Array(0) });
  }

  /** Asks for a DeviceTimeReq in the next uplink (TS001-1.0.4 §5.9). */
  requestDeviceTime(): void {
    this.mac.requests.push({ cid: 0x0d, payload: new Uint8Array(0) });
  }

  // ---- join --------------------------------------------------------------------------------

  private attemptJoin(): void {
    if (this.session !== undefined || this.pending !== undefined) return;
    if (this.devNonceCounter > 0xffff) return; // TS001-1.0.4 §6.2.5: no DevNonce left.
    this.pending = {
      kind: 'join-request',
      confirmed: false,
      attempt: 1,
      gotDownlink: false,
      acked: false,
    };
    this.transmitWhenAllowed();
  }

  // ---- reports -----------------------------------------------------------------------------

  private scheduleReports(): void {
    const first = this.schedule.firstAfterMs ?? this.rng.uniform(0, this.schedule.periodMs);
    this.reportEvent = this.engine.after(first, this.reportAction);
  }

  private report(): void {
    const index = this.reportIndex++;
    const jitter = this.schedule.jitterMs ?? 0;
    const offset = jitter > 0 ? this.rng.uniform(-jitter, jitter) : 0;
    const next = Math.max(1, this.schedule.periodMs + offset);
    this.reportEvent = this.engine.after(next, this.reportAction);
    this.stats.reports++;
    if (this.pending !== undefined) {
      this.stats.skippedReports++;
      return;
    }
    const data = this.schedule.data(index, this.engine.nowMs);
    const encoded = this.codec.encodeUplink({ data, variables: this.variables });
    const c = this.schedule.confirmed;
    const confirmed = typeof c === 'function' ? c(index) : c === true;
    const fPort = encoded.fPort;
    if (!Number.isInteger(fPort) || fPort < 1 || fPort > 223) {
      throw new RangeError(`codec.encodeUplink: fPort must be 1 to 223, got ${fPort}`);
    }
    this.pending = {
      // Copied by index from the array-like (the constructor's path, not an iterator's).
      kind: 'data', fPort, payload: new Uint8Array(encoded.bytes), confirmed, attempt: 1,
      gotDownlink: false, acked: false,
    };
    this.transmitWhenAllowed();
  }

  // ---- transmit ----------------------------------------------------------------------------

  /** The frame's length in bytes, to size its airtime before choosing the channel. */
  private frameLength(p: Pending, fOpts: Uint8Array): number {
    if (p.kind === 'join-request') return 23;
    return 8 + fOpts.length + (p.fPort !== undefined ? 1 : 0) + p.payload!.length + 4;
  }

  /** MAC commands for the next uplink: whole commands, up to 15 bytes (TS001-1.0.4 §4.3.1.6). */
  private fOptsFor(maxBytes: number): { bytes: Uint8Array; used: RawMacCommand[] } {
    const m = this.mac;
    const queued = m.sticky.length + m.answers.length + m.requests.length;
    if (queued === 0 && !m.rekeyPending && !m.resetPending) {
      return NO_COMMANDS;
    }
    const all: RawMacCommand[] = [...this.mac.sticky, ...this.mac.answers, ...this.mac.requests];
    if (this.mac.rekeyPending) all.push({ cid: 0x0b, payload: Uint8Array.of(1) });
    if (this.mac.resetPending) all.push({ cid: 0x01, payload: Uint8Array.of(1) });
    const used: RawMacCommand[] = [];
    let n = 0;
    for (const c of all) {
      if (n + 1 + c.payload.length > Math.min(15, maxBytes)) break;
      used.push(c);
      n += 1 + c.payload.length;
    }
    return { bytes: joinMacCommands(used), used };
  }

  private transmitWhenAllowed(): void {
    const p = this.pending;
    if (p === undefined) return;
    const now = this.engine.nowMs;
    const dr = this.mac.dr;
    let fOpts: Uint8Array = NO_COMMANDS.bytes;
    if (p.kind === 'data') {
      const maxN = this.maxPayloadFor(dr);
      const room = maxN === undefined ? -1 : maxN - p.payload!.length;
      if (room < 0) {
        // A firmware would refuse to send: the reading is lost, the failure counted.
        this.stats.oversizeReports++;
        this.pending = undefined;
        return;
      }
      fOpts = this.fOptsFor(room).bytes;
    }
    const length = this.frameLength(p, fOpts);
    const toaMs = frameToaMs(this.region, dr, length);

    // Choose among enabled channels allowing this DR the ones free earliest, at random.
    let best = Infinity;
    candidates.length = 0;
    for (let i = 0; i < this.channels.length; i++) {
      const c = this.channels[i]!;
      if (!c.enabled || c.frequencyHz === 0 || dr < c.minDr || dr > c.maxDr) continue;
      const t = this.dutyCycle.earliestStartMs(c.frequencyHz, toaMs, now);
      if (t < best - 1e-9) {
        best = t;
        candidates.length = 0;
        candidates.push(i);
      } else if (Math.abs(t - best) <= 1e-9) candidates.push(i);
    }
    let startMs = best;
    let reason: DeviceWait['reason'] = 'duty-cycle';
    if (p.kind === 'join-request') {
      const b = this.backoff.earliestStartMs(toaMs, startMs);
      if (b > startMs) reason = 'join-backoff';
      startMs = b;
    }
    if (candidates.length === 0 || !Number.isFinite(startMs)) {
      // No channel can ever carry this frame (all disabled or over budget): give up on it.
      this.pending = undefined;
      return;
    }
    if (startMs > now) {
      this.waits.push({ atMs: now, waitedMs: startMs - now, reason, kind: p.kind });
      this.stats.waitedMs += startMs - now;
      // Re-evaluate at the allowed time: state (channels, DR) may change meanwhile.
      this.engine.at(startMs, () => this.transmitWhenAllowed());
      return;
    }
    const channelIndex = candidates[this.rng.int(0, candidates.length - 1)]!;
    this.send(p, channelIndex, dr, toaMs, length);
  }

  private send(p: Pending, channelIndex: number, dr: number, toaMs: number, length: number): void {
    const now = this.engine.nowMs;
    const channel = this.channels[channelIndex]!;
    let phyPayload: Uint8Array;
    let windows: [RxWindow, RxWindow];
    const end = now + toaMs;
    if (p.kind === 'join-request') {
      const devNonce = this.devNonceCounter++;
      p.devNonce = devNonce;
      phyPayload = buildDeviceJoinRequest(this.version, this.rootKeys(), devNonce,
        this.rootFrames());
      this.backoff.record(now, toaMs);
      this.stats.joinRequests++;
      // TS001-1.0.4 §6.2.6: Join-Accept windows use JOIN_ACCEPT_DELAY1/2, RX1 offset 0 and the
      // default RX2 settings.
      const r = this.region;
      const rx1Dr = r.rx1Dr(dr, 0, false) ?? dr;
      windows = [
        this.window(1, end + r.joinAcceptDelay1Ms, r.rx1FrequencyHz(channel.frequencyHz), rx1Dr),
        this.window(2, end + r.joinAcceptDelay2Ms, r.rx2.frequencyHz, r.rx2.dr),
      ];
    } else {
      const session = this.session!;
      if (p.fCnt === undefined) {
        p.fCnt = this.fCntUp;
        this.fCntUp = (this.fCntUp + 1) >>> 0;
        this.stats.uplinks++;
        this.adrBeforeUplink();
      }
      const maxN = this.maxPayloadFor(dr);
      const { bytes: fOpts, used } = this.fOptsFor((maxN ?? 0) - p.payload!.length);
      // One-shot answers and requests leave the queue once sent; sticky ones stay.
      if (used.length > 0) {
        this.mac.answers = this.mac.answers.filter((c) => !used.includes(c));
        this.mac.requests = this.mac.requests.filter((c) => !used.includes(c));
      }
      const ack = this.confirmedDownFCnt >= 0;
      phyPayload = buildUplink(session, {
        confirmed: p.confirmed,
        fCnt: p.fCnt,
        adr: this.mac.adr,
        adrAckReq: this.mac.adr && this.mac.adrAckCnt >= this.mac.adrAckLimit,
        ack,
        fOpts,
        fPort: p.fPort!,
        frmPayload: p.payload!,
        txDr: dr,
        txCh: channelIndex,
        confFCnt: ack ? this.confirmedDownFCnt : 0,
      });
      this.confirmedDownFCnt = -1;
      const rx1Dr = this.region.rx1Dr(dr, this.mac.rx1DrOffset, this.mac.downlinkDwellTime) ?? dr;
      const rx1Freq = channel.dlFrequencyHz ?? this.region.rx1FrequencyHz(channel.frequencyHz);
      windows = [
        this.window(1, end + this.mac.rxDelayMs, rx1Freq, rx1Dr),
        this.window(2, end + this.mac.rxDelayMs + 1000, this.mac.rx2.frequencyHz, this.mac.rx2.dr),
      ];
    }
    // A real frame length may differ from the estimate only by FOpts chosen now; re-time it.
    const realToa = phyPayload.length === length
      ? toaMs
      : frameToaMs(this.region, dr, phyPayload.length);
    this.dutyCycle.record(channel.frequencyHz, now, realToa);
    this.stats.transmissions++;
    p.windows = windows;
    p.gotDownlink = false;
    const tx: Transmission = {
      device: this.name,
      kind: p.kind,
      phyPayload,
      startMs: now,
      toaMs: realToa,
      frequencyHz: channel.frequencyHz,
      channelIndex,
      dr,
      txPowerDbm: this.region.txPowerDbm(this.mac.txPowerIndex)!,
      attempt: p.attempt,
      rx1: windows[0],
      rx2: windows[1],
    };
    if (p.fCnt !== undefined) {
      tx.fCnt = p.fCnt;
      tx.confirmed = p.confirmed;
    }
    if (this.recordTrace) {
      this.trace.push({
        timeMs: now,
        direction: 'up',
        frequencyHz: channel.frequencyHz,
        dr,
        phyPayload: bytesToHex(phyPayload),
      });
    }
    this.radio?.transmit(tx);
    const pendingNow = p;
    const w2 = windows[1];
    // One event per frame, at the end of RX2; a frame received in RX1 ends the cycle at the
    // end of RX1 instead (scheduled on reception), as a device then skips RX2 (§3.3).
    this.engine.at(w2.openAtMs + w2.timeoutMs, () => this.closeWindow(pendingNow, windows));
  }

  /** The region's N for `dr` under the current dwell-time setting, remembered per device. */
  private maxPayloadFor(dr: number): number | undefined {
    const dwell = this.mac.uplinkDwellTime;
    const i = 2 * dr + (dwell ? 1 : 0);
    if (i in this.maxPayloadN) return this.maxPayloadN[i];
    const n = this.region.maxPayload(dr, { uplinkDwellTime: dwell })?.n;
    this.maxPayloadN[i] = n;
    return n;
  }

  private window(n: 1 | 2, openAtMs: number, frequencyHz: number, dr: number): RxWindow {
    let timeoutMs = this.preambleCache[dr];
    if (timeoutMs === undefined) timeoutMs = this.preambleCache[dr] = preambleMs(this.region, dr);
    return { window: n, openAtMs, timeoutMs, frequencyHz, dr };
  }

  private readonly preambleCache: number[] = [];

  private rootKeys(): RootKeys {
    const a = this.activation;
    if (a.mode !== 'otaa') throw new Error('unreachable: ABP device has no root keys');
    const root: RootKeys = { devEui: a.devEui, joinEui: a.joinEui, appKey: a.appKey };
    if (a.nwkKey) root.nwkKey = a.nwkKey;
    return root;
  }

  /** The root key expanded once, at the first Join-Request (root keys never change). */
  private rootFrames(): FrameSession {
    this.rootFramesCache ??= createRootSession(this.version, this.rootKeys());
    return this.rootFramesCache;
  }

  private rootFramesCache: FrameSession | undefined;

  // ---- ADR (TS001-1.0.4 §4.3.1.1) -----------------------------------------------------------

  private adrBeforeUplink(): void {
    const m = this.mac;
    m.adrAckCnt++;
    if (!m.adr) return;
    const over = m.adrAckCnt - m.adrAckLimit;
    // After ADR_ACK_LIMIT uplinks without a downlink the device asks (ADRACKReq); after each
    // further ADR_ACK_DELAY it steps back: full power first, then one DR lower, and at the
    // lowest DR it re-enables the default channels.
    if (over > 0 && over % m.adrAckDelay === 0) {
      if (m.txPowerIndex !== 0) m.txPowerIndex = 0;
      else if (m.dr > this.lowestDr()) m.dr = this.lowerDr(m.dr);
      else {
        const n = this.region.defaultChannels.length;
        for (let i = 0; i < n; i++) this.channels[i]!.enabled = true;
      }
    }
  }

  private lowestDr(): number {
    return Math.min(...this.region.defaultChannels.map((c) => c.minDr));
  }

  private lowerDr(dr: number): number {
    for (let d = dr - 1; d >= 0; d--) if (this.region.dataRates[d] !== undefined) return d;
    return dr;
  }

  // ---- receive -----------------------------------------------------------------------------

  /**
   * Delivers a downlink to the device. It is taken only while the given receive window is
   * open (from its `openAtMs` for the window's preamble time), only on the window's frequency
   * and DR when given, and only if its MIC and counters check.
   *
   * @returns true when the device accepted the frame
   */
  receive(
    phyPayload: Uint8Array,
    window: 1 | 2,
    meta: { frequencyHz?: number; dr?: number; snrDb?: number } = {},
  ): boolean {
    const p = this.pending;
    if (p === undefined || p.windows === undefined || p.gotDownlink) return false;
    const w = p.windows[window - 1]!;
    const now = this.engine.nowMs;
    if (now < w.openAtMs - 1e-6 || now > w.openAtMs + w.timeoutMs) return false;
    if (meta.frequencyHz !== undefined && meta.frequencyHz !== w.frequencyHz) return false;
    if (meta.dr !== undefined && meta.dr !== w.dr) return false;

    const accepted = p.kind === 'join-request'
      ? this.acceptJoin(p, phyPayload)
      : this.acceptData(p, phyPayload, meta.snrDb);
    if (!accepted) return false;
    p.gotDownlink = true;
    this.stats.downlinks++;
    if (window === 1) {
      const windows = p.windows;
      const rx1 = windows[0];
      const rx1End = Math.max(now, rx1.openAtMs + rx1.timeoutMs);
      this.engine.at(rx1End, () => this.closeWindow(p, windows));
    }
    if (this.recordTrace) {
      this.trace.push({
        timeMs: now,
        direction: 'down',
        frequencyHz: w.frequencyHz,
        dr: w.dr,
        phyPayload: bytesToHex(phyPayload),
      });
    }
    return true;
  }

  private acceptJoin(p: Pending, phyPayload: Uint8Array): boolean {
    const r = openJoinAccept(this.version, this.rootKeys(), p.devNonce!, phyPayload,
      this.rootFrames());
    if (r === undefined) return false;
    this.session = r.session;
    this.fCntUp = 0;
    this.lastDownFCnt = -1;
    this.lastAppDownFCnt = -1;
    this.stats.joins++;
    const m = this.mac;
    if (r.rx1DrOffset <= this.region.maxRx1DrOffset) m.rx1DrOffset = r.rx1DrOffset;
    if (this.region.dataRates[r.rx2Dr] !== undefined) {
      m.rx2 = { frequencyHz: this.region.rx2.frequencyHz, dr: r.rx2Dr };
    }
    m.rxDelayMs = r.rxDelayS * 1000;
    m.adrAckCnt = 0;
    // TS001-1.1 §5.10: a 1.1 device joined to a 1.1 network sends RekeyInd until RekeyConf.
    m.rekeyPending = this.version === '1.1' && r.optNeg;
    if (r.cfList?.cfListType === 0 && this.region.cfListType === 0) {
      // RP002-1.0.1 §2.4.4: frequencies for channels 3..7, DR0..5.
      r.cfList.frequenciesHz.forEach((f, i) => {
        const idx = this.region.defaultChannels.length + i;
        if (f !== 0 && idx < this.region.maxChannels) {
          this.channels[idx] = { frequencyHz: f, minDr: 0, maxDr: 5, enabled: true };
        }
      });
    } else if (r.cfList?.cfListType === 1 && this.region.cfListType === 1) {
      r.cfList.chMasks.forEach((mask, block) => {
        for (let b = 0; b < 16; b++) {
          const c = this.channels[block * 16 + b];
          if (c) c.enabled = (mask & (1 << b)) !== 0;
        }
      });
    }
    this.engine.after(0, () => {
      if (this.reportEvent === undefined || this.reportEvent.cancelled) this.scheduleReports();
    });
    return true;
  }

  private acceptData(p: Pending, phyPayload: Uint8Array, snrDb: number | undefined): boolean {
    const session = this.session;
    if (session === undefined) return false;
    // 1.1 keeps NFCntDown (FPort 0 / none) and AFCntDown apart (TS001-1.1 §4.3.1.5); the frame
    // tells which after decoding, so try the network counter for FPort 0 and the other else.
    const fOptsLen = (phyPayload[5] ?? 0) & 0x0f;
    const port = phyPayload.length > 12 + fOptsLen ? phyPayload[8 + fOptsLen] : undefined;
    const useApp = this.version === '1.1' && port !== undefined && port > 0;
    const last = useApp ? this.lastAppDownFCnt : this.lastDownFCnt;
    const d = openDownlink(session, phyPayload, last, p.confirmed ? p.fCnt ?? 0 : 0);
    if (d === undefined) return false;
    if (useApp) this.lastAppDownFCnt = d.fCnt;
    else this.lastDownFCnt = d.fCnt;
    if (this.version === '1.0') this.lastAppDownFCnt = d.fCnt;

    const m = this.mac;
    m.adrAckCnt = 0;
    // Sticky answers stop once any Class A downlink arrives (TS001-1.0.4 §5.5, §5.7, §5.8).
    m.sticky.length = 0;
    if (snrDb !== undefined) m.marginDb = Math.max(-32, Math.min(31, Math.round(snrDb)));
    if (d.confirmed) this.confirmedDownFCnt = d.fCnt;
    if (d.ack && p.confirmed) {
      p.acked = true;
      this.stats.acksReceived++;
    }
    if (d.macCommands.length > 0) handleMacCommands(m, d.macCommands);
    if (d.fPort !== null && d.fPort > 0) this.onDownlink?.(d.fPort, d.frmPayload);
    return true;
  }

  private closeWindow(p: Pending, windows: [RxWindow, RxWindow]): void {
    // Stale when the frame was finished or sent again meanwhile.
    if (this.pending !== p || p.windows !== windows) return;
    this.finish(p);
  }

  private finish(p: Pending): void {
    if (this.pending !== p) return;
    // The windows are over: a stale close event or late delivery must find nothing open.
    p.windows = undefined;
    if (p.kind === 'join-request') {
      this.pending = undefined;
      if (this.session === undefined) {
        // TS001-1.0.4 §7: retries are spaced at random; back-off then caps the total airtime.
        this.engine.after(this.retransmitTimeoutMs(), () => this.attemptJoin());
      }
      return;
    }
    const again = p.confirmed ? !p.acked : !p.gotDownlink;
    if (again && p.attempt < this.mac.nbTrans) {
      p.attempt++;
      // RETRANSMIT_TIMEOUT after RX2 (TS001-1.0.4 §4.3.1.2 / RP002-1.0.1 §2.3: 2 s ± 1 s).
      this.engine.after(this.retransmitTimeoutMs(), () => this.transmitWhenAllowed());
      return;
    }
    this.pending = undefined;
  }

  private retransmitTimeoutMs(): number {
    const r = this.region;
    return this.rng.uniform(r.retransmitTimeoutMinMs, r.retransmitTimeoutMaxMs);
  }

  /** The pending uplink's receive windows, if it is waiting for them (for network sides). */
  get openWindows(): readonly RxWindow[] {
    const p = this.pending;
    return p?.windows && !p.gotDownlink ? p.windows : [];
  }
}
