/**
 * Checks a device's recorded traffic against the rules a Class A device must keep: MICs,
 * frame counters, DevNonce, payload size, duty cycle (both policies), join back-off and MAC
 * answers.
 */
import { frameAirtime } from '../../src/airtime/frame.js';
import { fskAirtime } from '../../src/airtime/fsk.js';
import { loraAirtime } from '../../src/airtime/lora.js';
import { bytesToHex } from '../../src/bytes/hex.js';
import {
  computeUplinkMic11,
  constantTimeEqual,
  decryptFOpts,
  decryptFrmPayload,
  verifyDownlinkMic10,
  verifyDownlinkMic11,
  verifyJoinRequestMic,
  verifyUplinkMic10,
} from '../../src/crypto/index.js';
import { decodePhyPayload } from '../../src/mac/index.js';
import type { DataFrame } from '../../src/mac/index.js';
import { drOf } from '../../src/region/lookup.js';
import type { Region } from '../../src/region/types.js';
import {
  createDeviceSession,
  openJoinAccept,
  type LorawanVersion,
  type RootKeys,
  type Session,
} from '../device/frames.js';
import { macCommandName, splitMacCommands } from '../device/mac-codec.js';
import { DutyCycle } from '../duty-cycle/duty-cycle.js';
import { JoinBackoff } from '../duty-cycle/join-backoff.js';
import type { TraceFrame } from './parse.js';

/** Keys the validator may use; each check runs only when its key is known. */
export interface ValidationKeys {
  nwkSKey?: Uint8Array;
  appSKey?: Uint8Array;
  appKey?: Uint8Array;
  nwkKey?: Uint8Array;
  fNwkSIntKey?: Uint8Array;
  sNwkSIntKey?: Uint8Array;
  nwkSEncKey?: Uint8Array;
  /** Needed with appKey/nwkKey to follow a join in the trace (16 hex digits). */
  joinEui?: string;
  devEui?: string;
}

/** Options of {@link validateTrace}. */
export interface ValidateOptions {
  region: Region;
  /** `1.0` (1.0.x, default) or `1.1`. */
  lorawan?: LorawanVersion;
  keys?: ValidationKeys;
  /** DevNonce as a counter (TS001-1.0.4 and 1.1, default) or random (1.0.0 to 1.0.3). */
  devNonce?: 'counter' | 'random';
  /**
   * Which duty-cycle rules to check: `credits` (one-hour window), `off-time`, or `both`
   * (default); each breach is reported under its own rule name.
   */
  dutyCyclePolicy?: 'credits' | 'off-time' | 'both';
  /**
   * When the device powered up, for the join back-off periods. Default: the first frame's time
   * (a trace rarely records the power-up; a later guess makes the check stricter).
   */
  powerOnMs?: number;
  /** Check payload sizes against the repeater-compatible table (default) or the other. */
  repeater?: boolean;
  /**
   * Find the high 16 bits of an ABP 1.0 device's first uplink counter from its MIC (a device
   * met past FCnt 65535). Up to 65,536 CMACs per device; off by default.
   */
  searchFCnt?: boolean;
  /** Turns a frame's clear FRMPayload into an object (for `--codec`). */
  decode?: (fPort: number, bytes: Uint8Array) => unknown;
  /** Called every 1000 frames. */
  onProgress?: (done: number, total: number) => void;
}

/** A broken rule. */
export interface Violation {
  rule:
    | 'malformed'
    | 'mic'
    | 'fcnt-replay'
    | 'fcnt-reset'
    | 'fcnt-gap'
    | 'devnonce-reuse'
    | 'devnonce-order'
    | 'payload-size'
    | 'dwell-time'
    | 'duty-cycle-credits'
    | 'duty-cycle-off-time'
    | 'max-duty-cycle'
    | 'out-of-band'
    | 'join-backoff'
    | 'mac-unanswered';
  /** Line of the trace. */
  line: number;
  message: string;
}

/** What the validator found out about one frame. */
export interface FrameReport {
  line: number;
  direction: 'up' | 'down';
  type: string;
  timeMs: number;
  frequencyHz: number;
  dr?: number;
  devAddr?: string;
  devNonce?: number;
  fCnt?: number;
  fPort?: number | null;
  bytes?: number;
  toaMs?: number;
  /** `ok`, `bad`, or `unchecked` when no key (or no raw frame) was available. */
  mic: 'ok' | 'bad' | 'unchecked';
  macCommands?: string[];
  decoded?: unknown;
  retransmission?: boolean;
  /** The same frame heard again (another gateway's copy): counted once, not checked again. */
  duplicate?: boolean;
}

/** The whole report. */
export interface ValidationReport {
  frames: FrameReport[];
  violations: Violation[];
  summary: {
    frames: number;
    uplinks: number;
    downlinks: number;
    joinRequests: number;
    micOk: number;
    micBad: number;
    micUnchecked: number;
    fCntGaps: number;
    retransmissions: number;
    /** Copies of a frame already seen (several gateways). */
    duplicates: number;
    airtimeMs: number;
    violationsByRule: Record<string, number>;
  };
  /** Checks that could not run, and why. */
  notes: string[];
}

// Requests a Class A device must answer in its next uplink (TS001-1.0.4 §5, TS001-1.1 §5).
const NEEDS_ANSWER = new Set([0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0c, 0x0f]);

interface DeviceState {
  session?: Session;
  lastFCnt: number;
  lastUp?: { fCnt: number; body: string };
  confirmedDownFCnt?: number;
  lastDownFCnt: number;
  pendingRequests: { cid: number; line: number }[];
}

/** True when `loraAirtime` accepts this modulation (it throws RangeError otherwise). */
function airtimeCovers(sf: number, bandwidthHz: number): boolean {
  return Number.isInteger(sf) && sf >= 6 && sf <= 12 && bandwidthHz > 0 &&
    Number.isFinite(bandwidthHz);
}

/**
 * Validates frames in time order.
 *
 * @example
 * ```ts
 * const report = validateTrace(parseTrace(text), { region: EU868, keys: { nwkSKey, appSKey } });
 * report.violations; // [{ rule: 'mic', line: 3, message: '...' }]
 * ```
 */
export function validateTrace(
  frames: readonly TraceFrame[],
  options: ValidateOptions,
): ValidationReport {
  const region = options.region;
  const version: LorawanVersion = options.lorawan ?? '1.0';
  const keys = options.keys ?? {};
  const violations: Violation[] = [];
  const reports: FrameReport[] = [];
  const notes = new Set<string>();
  const policy = options.dutyCyclePolicy ?? 'both';
  const checkers: DutyCycle[] = [];
  if (policy !== 'off-time') checkers.push(new DutyCycle({ region, policy: 'credits' }));
  if (policy !== 'credits') checkers.push(new DutyCycle({ region, policy: 'off-time' }));
  const sorted = [...frames].sort((a, b) => a.timeMs - b.timeMs || a.line - b.line);
  const backoff = new JoinBackoff(options.powerOnMs ?? sorted[0]?.timeMs ?? 0);
  const devices = new Map<number, DeviceState>();
  const nonces = new Map<string, { seen: Set<number>; last: number }>();
  let lastJoin: { devNonce: number; devEui: string; joinEui: string } | undefined;
  const counts = { up: 0, down: 0, join: 0, gaps: 0, retrans: 0, airtime: 0, dup: 0 };
  // Copies of one transmission from several gateways arrive within a few ms of each other;
  // a repetition by the device comes seconds later (after RX2), so 500 ms separates them.
  const recent = new Map<string, number>();

  const flag = (rule: Violation['rule'], line: number, message: string): void => {
    violations.push({ rule, line, message });
  };

  const abpSession = (devAddr: number): Session | undefined => {
    try {
      if (version === '1.0' && keys.nwkSKey && keys.appSKey) {
        const { nwkSKey, appSKey } = keys;
        return createDeviceSession('1.0', { devAddr, nwkSKey, appSKey });
      }
      const { fNwkSIntKey, sNwkSIntKey, nwkSEncKey, appSKey } = keys;
      if (version === '1.1' && fNwkSIntKey && sNwkSIntKey && nwkSEncKey && appSKey) {
        const session = { devAddr, fNwkSIntKey, sNwkSIntKey, nwkSEncKey, appSKey };
        return createDeviceSession('1.1', session);
      }
    } catch {
      return undefined;
    }
    return undefined;
  };

  const stateOf = (devAddr: number): DeviceState => {
    let s = devices.get(devAddr);
    if (s === undefined) {
      s = { lastFCnt: -1, lastDownFCnt: -1, pendingRequests: [] };
      const session = abpSession(devAddr);
      if (session) s.session = session;
      devices.set(devAddr, s);
    }
    return s;
  };

  for (let index = 0; index < sorted.length; index++) {
    if (options.onProgress && index % 1000 === 0) options.onProgress(index, sorted.length);
    const f = sorted[index]!;
    const lora = f.sf !== undefined && f.bandwidthHz !== undefined;
    // FSK is DR7 in the regions that have it (EU868, AS923).
    const dr = f.dr ?? (lora ? drOf(region, f.sf!, f.bandwidthHz!) : f.fsk ? 7 : undefined);
    const report: FrameReport = {
      line: f.line,
      direction: f.direction,
      type: 'unknown',
      timeMs: f.timeMs,
      frequencyHz: f.frequencyHz,
      mic: 'unchecked',
    };
    if (dr !== undefined) report.dr = dr;
    reports.push(report);
    if (f.phyPayload !== undefined) {
      const key = `${f.direction}:${bytesToHex(f.phyPayload)}`;
      const seen = recent.get(key);
      recent.set(key, f.timeMs);
      if (recent.size > 64) recent.delete(recent.keys().next().value!);
      if (seen !== undefined && f.timeMs - seen < 500) {
        report.duplicate = true;
        counts.dup++;
        continue;
      }
    }
    if (f.direction === 'up') counts.up++;
    else counts.down++;

    // Length and time on air: from the raw frame, or estimated from an event's payload.
    const eventLength = f.event ? 13 + (f.event.frmPayload?.length ?? 0) : undefined;
    const length = f.phyPayload?.length ?? eventLength;
    let toaMs: number | undefined;
    if (length !== undefined && length <= 255) {
      const direction = f.direction === 'up' ? 'uplink' : 'downlink';
      if (dr !== undefined && region.dataRates[dr] !== undefined) {
        toaMs = frameAirtime(region, dr, length, { direction }).toaMs;
      } else if (lora && airtimeCovers(f.sf!, f.bandwidthHz!)) {
        const params = { sf: f.sf!, bandwidthHz: f.bandwidthHz!, crc: direction === 'uplink' };
        toaMs = loraAirtime(params, length).toaMs;
      } else if (lora) {
        // A trace states its modulation as data: one the airtime formula does not cover (SF5
        // of newer radios, a zero bandwidth) skips the time checks for that frame only.
        notes.add(`line ${f.line}: SF${f.sf} at ${f.bandwidthHz} Hz is outside the airtime ` +
          'formula (SF6 to SF12, positive bandwidth): time on air and duty cycle not checked');
      } else if (f.fsk) toaMs = fskAirtime({ bitRateBps: 50000 }, length).toaMs;
      report.bytes = length;
    }
    if (toaMs !== undefined) report.toaMs = toaMs;
    if (f.phyPayload === undefined) {
      notes.add(`line ${f.line}: ${f.source} event without the raw frame: MIC and MAC ` +
        'checks skipped, length estimated without FOpts');
    }

    // Uplink radio rules: duty cycle, dwell time.
    if (f.direction === 'up' && toaMs !== undefined) {
      counts.airtime += toaMs;
      for (const [k, dc] of checkers.entries()) {
        const v = dc.check(f.frequencyHz, f.timeMs, toaMs);
        if (v && !(v.rule === 'out-of-band' && k > 0)) flag(v.rule, f.line, v.message);
        dc.record(f.frequencyHz, f.timeMs, toaMs);
      }
      if (region.dwellTimeMs !== undefined && toaMs > region.dwellTimeMs) {
        flag('dwell-time', f.line,
          `${toaMs.toFixed(1)} ms on air exceeds the ${region.dwellTimeMs} ms dwell time`);
      }
    }

    // Events without the raw frame: counters only.
    if (f.phyPayload === undefined) {
      report.type = 'data';
      const ev = f.event!;
      if (ev.devAddr !== undefined && ev.fCnt !== undefined) {
        report.devAddr = ev.devAddr.toString(16).padStart(8, '0');
        report.fCnt = ev.fCnt;
        const body = String(ev.fCnt) + bytesToHex(ev.frmPayload ?? new Uint8Array(0));
        checkFCnt(stateOf(ev.devAddr), ev.fCnt, body, f.line, report);
      }
      if (ev.fPort !== undefined) report.fPort = ev.fPort;
      if (options.decode && ev.fPort !== undefined && ev.fPort > 0 && ev.frmPayload) {
        report.decoded = safeDecode(options.decode, ev.fPort, ev.frmPayload);
      }
      continue;
    }

    let frame;
    try {
      frame = decodePhyPayload(f.phyPayload);
    } catch (e) {
      flag('malformed', f.line, (e as Error).message);
      continue;
    }
    report.type = frame.type;

    if (frame.type === 'joinRequest') {
      counts.join++;
      report.devNonce = frame.devNonce;
      const rootKey = version === '1.1' ? keys.nwkKey : keys.appKey;
      if (rootKey) {
        const phy = f.phyPayload;
        const ok = verifyJoinRequestMic(rootKey, phy.subarray(0, 19), phy.subarray(19));
        report.mic = ok ? 'ok' : 'bad';
        const name = version === '1.1' ? 'NwkKey' : 'AppKey';
        if (!ok) flag('mic', f.line, `Join-Request MIC does not match the ${name}`);
      }
      const id = `${frame.joinEui}/${frame.devEui}`;
      let n = nonces.get(id);
      if (n === undefined) nonces.set(id, (n = { seen: new Set(), last: -1 }));
      if (n.seen.has(frame.devNonce)) {
        flag('devnonce-reuse', f.line,
          `DevNonce ${frame.devNonce} already used by ${frame.devEui}`);
      } else if (options.devNonce !== 'random' && frame.devNonce <= n.last) {
        flag('devnonce-order', f.line,
          `DevNonce ${frame.devNonce} is not above the previous ${n.last} (TS001-1.0.4 §6.2.5)`);
      }
      n.seen.add(frame.devNonce);
      n.last = Math.max(n.last, frame.devNonce);
      lastJoin = { devNonce: frame.devNonce, devEui: frame.devEui, joinEui: frame.joinEui };
      if (toaMs !== undefined) {
        if (backoff.remainingMs(f.timeMs) < toaMs - 1e-6) {
          const left = (backoff.remainingMs(f.timeMs) / 1000).toFixed(3);
          flag('join-backoff', f.line, 'Join-Request airtime over the back-off budget ' +
            `(TS001-1.0.4 §7): ${left} s left, frame takes ${(toaMs / 1000).toFixed(3)} s`);
        }
        backoff.record(f.timeMs, toaMs);
      }
      continue;
    }

    if (frame.type === 'joinAccept') {
      const rootKey = version === '1.1' ? keys.nwkKey : keys.appKey;
      if (rootKey && lastJoin) {
        const root: RootKeys = {
          devEui: lastJoin.devEui,
          joinEui: lastJoin.joinEui,
          appKey: keys.appKey ?? rootKey,
        };
        if (keys.nwkKey) root.nwkKey = keys.nwkKey;
        const r = openJoinAccept(version, root, lastJoin.devNonce, f.phyPayload);
        report.mic = r ? 'ok' : 'bad';
        if (!r) {
          flag('mic', f.line, 'Join-Accept: no valid MIC for the last Join-Request');
        }
        else {
          report.devAddr = r.session.devAddr.toString(16).padStart(8, '0');
          devices.set(r.session.devAddr, {
            session: r.session,
            lastFCnt: -1,
            lastDownFCnt: -1,
            pendingRequests: [],
          });
        }
      }
      continue;
    }

    if (frame.type !== 'data') continue;
    const data = frame as DataFrame;
    const devAddr = data.fhdr.devAddr;
    const st = stateOf(devAddr);
    report.devAddr = devAddr.toString(16).padStart(8, '0');
    report.fPort = data.fPort;

    // 32-bit counter from the 16 bits on air, nearest to the last one seen.
    const last = data.uplink ? st.lastFCnt : st.lastDownFCnt;
    let fCnt = extendFCnt(last, data.fhdr.fCnt);
    // An ABP device met mid-life may be past FCnt 65535, and its first frame shows only the 16
    // low bits (TS001-1.0.4 §4.3.1.5): find the high bits that make the MIC match.
    // The search costs up to 65,536 CMACs (tens of milliseconds), so it is asked for, not
    // done on every trace whose first MIC is bad.
    const s10 = st.session?.version === '1.0' ? st.session : undefined;
    if (data.uplink && last < 0 && s10 !== undefined && options.searchFCnt === true) {
      const message = f.phyPayload.subarray(0, data.micOffset);
      const full = recoverFCntHigh(s10.fNwkSIntKey, devAddr, message, data);
      if (full !== undefined && full > 0xffff) {
        fCnt = full;
        notes.add(`DevAddr ${report.devAddr}: FCnt ${full} on line ${f.line} found from the MIC ` +
          `(the frame carries its 16 low bits, ${data.fhdr.fCnt})`);
      }
    }
    report.fCnt = fCnt;

    if (data.uplink) {
      // Size: MACPayload (everything between MHDR and MIC) against M of the DR.
      if (dr !== undefined) {
        const max = region.maxPayload(dr, { repeater: options.repeater !== false });
        const m = f.phyPayload.length - 5;
        if (max !== undefined && m > max.m) {
          flag('payload-size', f.line, `MACPayload of ${m} bytes exceeds M = ${max.m} at DR${dr}`);
        }
        if (max === undefined) {
          flag('payload-size', f.line, `DR${dr} carries no uplink in ${region.id}`);
        }
      }
      checkFCnt(st, fCnt, bytesToHex(f.phyPayload.subarray(0, data.micOffset)), f.line, report);
    } else {
      st.lastDownFCnt = Math.max(st.lastDownFCnt, fCnt);
      if (data.confirmed) st.confirmedDownFCnt = fCnt;
    }

    // MIC.
    const s = st.session;
    if (s) {
      const message = f.phyPayload.subarray(0, data.micOffset);
      let ok: boolean;
      if (data.uplink) {
        if (s.version === '1.0') {
          ok = verifyUplinkMic10(s.fNwkSIntKey, { devAddr, fCnt, message }, data.mic);
        }
        else {
          // TxCh is not in a trace: accept the MIC if any channel index gives it.
          const confFCnt = data.fhdr.fCtrl.ack ? st.confirmedDownFCnt ?? 0 : 0;
          ok = false;
          for (let ch = 0; ch < region.maxChannels && !ok; ch++) {
            const input = { devAddr, fCnt, message, confFCnt, txDr: dr ?? 0, txCh: ch };
            const mic = computeUplinkMic11(s.sNwkSIntKey, s.fNwkSIntKey, input);
            ok = constantTimeEqual(mic, data.mic);
          }
        }
      } else {
        ok = s.version === '1.0'
          ? verifyDownlinkMic10(s.sNwkSIntKey, { devAddr, fCnt, message }, data.mic)
          : verifyDownlinkMic11(s.sNwkSIntKey, { devAddr, fCnt, message, confFCnt: 0 }, data.mic);
      }
      report.mic = ok ? 'ok' : 'bad';
      if (!ok) {
        flag('mic', f.line, `${data.uplink ? 'uplink' : 'downlink'} MIC does not match ` +
          `(DevAddr ${report.devAddr}, FCnt ${fCnt})`);
      }
    } else {
      notes.add(`DevAddr ${report.devAddr}: no session keys, MICs unchecked`);
    }

    // MAC commands: FOpts (clear in 1.0, NwkSEncKey in 1.1) or the FPort 0 payload.
    let mac: Uint8Array | undefined;
    if (data.fPort === 0) {
      if (s) {
        const direction = data.uplink ? 'up' : 'down';
        const payload = data.frmPayload;
        mac = decryptFrmPayload(s.nwkSEncKey, { direction, devAddr, fCnt, payload });
      }
    } else if (data.fhdr.fOpts.length > 0) {
      if (version === '1.0') mac = data.fhdr.fOpts;
      else if (s) {
        mac = decryptFOpts(s.nwkSEncKey, {
          direction: data.uplink ? 'up' : 'down', devAddr, fCnt, fOpts: data.fhdr.fOpts,
          aFCntDown: !data.uplink && data.fPort !== null && data.fPort > 0,
        });
      }
    } else mac = new Uint8Array(0);
    let cids: number[] | undefined;
    if (mac !== undefined) {
      try {
        const cmds = splitMacCommands(mac, data.uplink);
        cids = cmds.map((c) => c.cid);
        if (cmds.length > 0) {
          report.macCommands = cmds.map((c) => macCommandName(c.cid, data.uplink));
        }
      } catch (e) {
        flag('malformed', f.line, (e as Error).message);
      }
    }
    if (!data.uplink && cids) {
      for (const cid of cids) {
        if (!NEEDS_ANSWER.has(cid)) continue;
        if (cid === 0x09 && !region.txParamSetup) continue;
        if ((cid === 0x07 || cid === 0x0a) && region.cfListType !== 0) continue;
        st.pendingRequests.push({ cid, line: f.line });
      }
    } else if (data.uplink) {
      if (cids) {
        for (const r of st.pendingRequests) {
          if (!cids.includes(r.cid)) {
            flag('mac-unanswered', f.line,
              `${macCommandName(r.cid, false)} of line ${r.line} is not answered in this uplink`);
          }
        }
      } else if (st.pendingRequests.length > 0) {
        notes.add(`line ${f.line}: MAC answers unreadable without NwkSEncKey`);
      }
      st.pendingRequests = [];
    }

    // Application payload.
    if (s && options.decode && data.uplink && data.fPort !== null && data.fPort > 0) {
      const payload = data.frmPayload;
      const clear = decryptFrmPayload(s.appSKey, { direction: 'up', devAddr, fCnt, payload });
      report.decoded = safeDecode(options.decode, data.fPort, clear);
    }
  }
  if (options.onProgress) options.onProgress(sorted.length, sorted.length);

  for (const st of devices.values()) {
    for (const r of st.pendingRequests) {
      notes.add(`${macCommandName(r.cid, false)} of line ${r.line}: no later uplink in the trace`);
    }
  }

  function checkFCnt(
    st: DeviceState,
    fCnt: number,
    body: string,
    line: number,
    report: FrameReport,
  ): void {
    if (st.lastUp !== undefined && fCnt === st.lastUp.fCnt) {
      // A repetition (NbTrans, or a confirmed retry) repeats the frame; in 1.1 only the MIC
      // differs (TxCh), and the body before the MIC is what is compared.
      if (body === st.lastUp.body) {
        report.retransmission = true;
        counts.retrans++;
      } else flag('fcnt-replay', line, `FCnt ${fCnt} reused with different content`);
      return;
    }
    if (st.lastFCnt >= 0 && fCnt < st.lastFCnt) {
      if (fCnt <= 1) {
        flag('fcnt-reset', line,
          `FCnt went back from ${st.lastFCnt} to ${fCnt} without a new join`);
      }
      else flag('fcnt-replay', line, `FCnt ${fCnt} is below the last ${st.lastFCnt}`);
      return;
    }
    if (st.lastFCnt >= 0 && fCnt > st.lastFCnt + 1) {
      counts.gaps++;
      if (fCnt - st.lastFCnt > region.maxFCntGap) {
        const jump = fCnt - st.lastFCnt;
        flag('fcnt-gap', line, `FCnt jumped by ${jump}, beyond MAX_FCNT_GAP ${region.maxFCntGap}`);
      }
    }
    st.lastFCnt = fCnt;
    st.lastUp = { fCnt, body };
  }

  const byRule: Record<string, number> = {};
  for (const v of violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
  violations.sort((a, b) => a.line - b.line);
  return {
    frames: reports,
    violations,
    summary: {
      frames: reports.length,
      uplinks: counts.up,
      downlinks: counts.down,
      joinRequests: counts.join,
      micOk: reports.filter((r) => r.mic === 'ok').length,
      micBad: reports.filter((r) => r.mic === 'bad').length,
      micUnchecked: reports.filter((r) => r.mic === 'unchecked').length,
      fCntGaps: counts.gaps,
      retransmissions: counts.retrans,
      duplicates: counts.dup,
      airtimeMs: Math.round(counts.airtime * 1000) / 1000,
      violationsByRule: byRule,
    },
    notes: [...notes],
  };
}

/**
 * The 32-bit FCnt whose 16 low bits are on air and for which the 1.0 uplink MIC matches, or
 * undefined. Trying all 65,536 high halves costs one CMAC each, once per device; a false match
 * has odds of about 1.5e-5 (65,535 tries of a 32-bit MIC). LoRaWAN 1.1 uplinks are not
 * searched (times the unknown TxCh it would be a million CMACs).
 */
function recoverFCntHigh(
  key: Parameters<typeof verifyUplinkMic10>[0],
  devAddr: number,
  message: Uint8Array,
  data: DataFrame,
): number | undefined {
  const low = data.fhdr.fCnt;
  for (let high = 0; high <= 0xffff; high++) {
    const fCnt = high * 0x10000 + low;
    if (verifyUplinkMic10(key, { devAddr, fCnt, message }, data.mic)) return fCnt;
  }
  return undefined;
}

/** The 32-bit counter whose low 16 bits are `fCnt16`, nearest to `last`. */
function extendFCnt(last: number, fCnt16: number): number {
  if (last < 0) return fCnt16;
  const diff = (fCnt16 - (last & 0xffff) + 0x10000) % 0x10000;
  // Forward within half the 16-bit space, otherwise a step back (replay or reset).
  return diff < 0x8000 ? last + diff : last - (0x10000 - diff);
}

function safeDecode(
  decode: (fPort: number, bytes: Uint8Array) => unknown,
  fPort: number,
  bytes: Uint8Array,
): unknown {
  try {
    return decode(fPort, bytes);
  } catch (e) {
    return { error: (e as Error).message ?? String(e) };
  }
}
