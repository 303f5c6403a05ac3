/**
 * Checks a device's recorded traffic against the rules a Class A device must keep: MICs,
 * frame counters, DevNonce, payload size, duty cycle (both policies), join back-off and MAC
 * answers. This file walks the frames in time order; each rule lives in its own module.
 */
import { bytesToHex } from '../../src/bytes/hex.js';
import { decryptFrmPayload } from '../../src/crypto/index.js';
import { decodePhyPayload } from '../../src/mac/index.js';
import type { DataFrame } from '../../src/mac/index.js';
import { drOf } from '../../src/region/lookup.js';
import { createDeviceSession, type LorawanVersion, type Session } from '../device/frames.js';
import { RadioChecks, traceAirtimeMs } from './airtime.js';
import { type Checking, type DeviceState, newDeviceState } from './checking.js';
import { checkDataMic } from './data-mic.js';
import { checkFCnt, extendFCnt, recoverFCntHigh } from './fcnt.js';
import { JoinChecks } from './join.js';
import { checkMacAnswers, noteUnanswered } from './mac-answers.js';
import { directionOnAir, type TraceFrame } from './parse.js';
import type {
  FrameReport, ValidateOptions, ValidationKeys, ValidationReport, Violation,
} from './report.js';

/** The ABP session the keys give a device, if they give one. */
function abpSession(version: LorawanVersion, keys: ValidationKeys,
  devAddr: number): Session | undefined {
  try {
    if (version === '1.0' && keys.nwkSKey && keys.appSKey) {
      const { nwkSKey, appSKey } = keys;
      return createDeviceSession('1.0', { devAddr, nwkSKey, appSKey });
    }
    const { fNwkSIntKey, sNwkSIntKey, nwkSEncKey, appSKey } = keys;
    if (version === '1.1' && fNwkSIntKey && sNwkSIntKey && nwkSEncKey && appSKey) {
      return createDeviceSession('1.1',
        { devAddr, fNwkSIntKey, sNwkSIntKey, nwkSEncKey, appSKey });
    }
  } catch {
    return undefined;
  }
  return undefined;
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

/**
 * Validates frames in time order.
 *
 * @param frames - the trace, as {@link parseTrace} reads it
 * @param options - region, LoRaWAN version, keys and which checks to run
 * @returns a report per frame, the broken rules, a summary, and the checks that could not run
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
  const ctx: Checking = {
    region,
    flag: (rule, line, message) => { violations.push({ rule, line, message }); },
    notes: new Set<string>(),
    counts: { up: 0, down: 0, join: 0, gaps: 0, retrans: 0, airtime: 0, dup: 0 },
  };
  const { counts, notes } = ctx;
  const sorted = [...frames].sort((a, b) => a.timeMs - b.timeMs || a.line - b.line);
  const radio = new RadioChecks(ctx, options.dutyCyclePolicy);
  const joins = new JoinChecks(ctx, options, options.powerOnMs ?? sorted[0]?.timeMs ?? 0);
  const devices = new Map<number, DeviceState>();
  // Copies of one transmission from several gateways arrive within a few ms of each other;
  // a repetition by the device comes seconds later (after RX2), so 500 ms separates them.
  const recent = new Map<string, number>();
  // Lines whose frame states neither a data rate nor a modulation (said once, at the end).
  const noRate: number[] = [];

  const stateOf = (devAddr: number): DeviceState => {
    let s = devices.get(devAddr);
    if (s === undefined) {
      s = newDeviceState(abpSession(version, keys, devAddr));
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
    if (f.timeFromTmst) {
      notes.add('times given by tmst alone (a gateway\'s microsecond counter) are counted ' +
        'forward from the line before: right for one gateway\'s log in file order only');
    }
    // A frame whose stated direction contradicts its MHDR would be checked against the wrong
    // rules (an uplink's duty cycle, a downlink's counter): it is refused instead.
    const onAir = f.phyPayload ? directionOnAir(f.phyPayload) : undefined;
    if (onAir !== undefined && onAir !== f.direction) {
      ctx.flag('malformed', f.line, `the trace says ${f.direction}link, but the MHDR's MType ` +
        `(${f.phyPayload![0]! >> 5}) is a ${onAir}link frame`);
      continue;
    }
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
      toaMs = traceAirtimeMs(ctx, f, dr, length);
      report.bytes = length;
    }
    if (toaMs !== undefined) report.toaMs = toaMs;
    else if (dr === undefined && !f.fsk && f.sf === undefined && length !== undefined) {
      noRate.push(f.line);
    }
    if (f.phyPayload === undefined) {
      notes.add(`line ${f.line}: ${f.source} event without the raw frame: MIC and MAC ` +
        'checks skipped, length estimated without FOpts');
    }
    if (f.direction === 'up' && toaMs !== undefined) radio.uplink(f, toaMs);

    // Events without the raw frame: counters only.
    if (f.phyPayload === undefined) {
      report.type = 'data';
      const ev = f.event!;
      if (ev.devAddr !== undefined && ev.fCnt !== undefined) {
        report.devAddr = ev.devAddr.toString(16).padStart(8, '0');
        report.fCnt = ev.fCnt;
        const body = String(ev.fCnt) + bytesToHex(ev.frmPayload ?? new Uint8Array(0));
        checkFCnt(ctx, stateOf(ev.devAddr), ev.fCnt, body, f.line, report);
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
      ctx.flag('malformed', f.line, (e as Error).message);
      continue;
    }
    report.type = frame.type;

    if (frame.type === 'joinRequest') {
      joins.request(frame, f.phyPayload, f.line, f.timeMs, toaMs, report);
      continue;
    }
    if (frame.type === 'joinAccept') {
      const session = joins.accept(f.phyPayload, f.line, report);
      if (report.mic === 'unchecked') {
        notes.add(`line ${f.line}: Join-Accept not opened: it needs the root key (AppKey in ` +
          '1.0, NwkKey in 1.1) and a Join-Request before it in the trace');
      }
      if (session) devices.set(session.devAddr, newDeviceState(session));
      continue;
    }
    if (frame.type !== 'data') continue;
    const data = frame as DataFrame;
    const devAddr = data.fhdr.devAddr;
    if (data.fPort === 0 && data.fhdr.fOpts.length > 0) {
      // The frame layer decodes it (docs/limitations.md); a receiver must drop it.
      ctx.flag('malformed', f.line, 'MAC commands both in FOpts and in an FPort 0 payload: ' +
        'the frame must be ignored (TS001-1.0.4 §4.3.1.6)');
    }
    const st = stateOf(devAddr);
    report.devAddr = devAddr.toString(16).padStart(8, '0');
    report.fPort = data.fPort;

    // 32-bit counter from the 16 bits on air, nearest to the last one seen.
    // LoRaWAN 1.1 counts downlinks twice: AFCntDown for FPort > 0, NFCntDown for the others.
    const appDown = !data.uplink && version === '1.1' && data.fPort !== null && data.fPort > 0;
    const last = data.uplink ? st.lastFCnt : appDown ? st.lastAppDownFCnt : st.lastDownFCnt;
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
    const firstUp = data.uplink && last < 0 && s10 !== undefined && options.searchFCnt !== true;

    if (data.uplink) {
      // Size: MACPayload (everything between MHDR and MIC) against M of the DR.
      if (dr !== undefined) {
        const max = region.maxPayload(dr, { repeater: options.repeater !== false });
        const m = f.phyPayload.length - 5;
        if (max !== undefined && m > max.m) {
          ctx.flag('payload-size', f.line,
            `MACPayload of ${m} bytes exceeds M = ${max.m} at DR${dr}`);
        }
        if (max === undefined) {
          ctx.flag('payload-size', f.line, `DR${dr} carries no uplink in ${region.id}`);
        }
      }
      const body = bytesToHex(f.phyPayload.subarray(0, data.micOffset));
      checkFCnt(ctx, st, fCnt, body, f.line, report);
      if (data.confirmed) st.confirmedUpFCnt = fCnt;
    } else {
      if (appDown) st.lastAppDownFCnt = Math.max(st.lastAppDownFCnt, fCnt);
      else st.lastDownFCnt = Math.max(st.lastDownFCnt, fCnt);
      if (data.confirmed) st.confirmedDownFCnt = fCnt;
    }

    checkDataMic(ctx, st, data, f.phyPayload, fCnt, dr, f.line, report);
    if (firstUp && report.mic === 'bad') {
      notes.add(`DevAddr ${report.devAddr}: the first uplink's MIC fails; a device past FCnt ` +
        '65535 shows only its 16 low bits: searchFCnt (--search-fcnt) finds the high ones');
    }
    const cmds = checkMacAnswers(ctx, version, st, data, fCnt, f.line, report);
    // DutyCycleReq (CID 0x04): MaxDCycle in the low 4 bits of its one byte (TS001-1.0.4 §5.4).
    const dutyCycleReq = data.uplink ? undefined : cmds?.find((c) => c.cid === 0x04);
    if (dutyCycleReq !== undefined && dutyCycleReq.payload.length >= 1) {
      radio.setMaxDutyCycle(dutyCycleReq.payload[0]! & 0x0f);
    }

    // Application payload.
    const s = st.session;
    if (s && options.decode && data.uplink && data.fPort !== null && data.fPort > 0) {
      const payload = data.frmPayload;
      const clear = decryptFrmPayload(s.appSKey, { direction: 'up', devAddr, fCnt, payload });
      report.decoded = safeDecode(options.decode, data.fPort, clear);
    }
  }
  if (options.onProgress) options.onProgress(sorted.length, sorted.length);
  noteUnanswered(ctx, devices.values());
  if (sorted.length === 0) notes.add('the trace holds no frame: nothing was checked');
  if (noRate.length > 0) {
    const first = noRate.reduce((a, b) => Math.min(a, b));
    notes.add(`${noRate.length} frame(s) without data rate or modulation (first on line ` +
      `${first}): time on air, duty cycle and payload size not checked for them`);
  }

  const byRule: Record<string, number> = {};
  for (const v of violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
  violations.sort((a, b) => a.line - b.line);
  let micOk = 0;
  let micBad = 0;
  for (const r of reports) {
    if (r.mic === 'ok') micOk++;
    else if (r.mic === 'bad') micBad++;
  }
  return {
    frames: reports,
    violations,
    summary: {
      frames: reports.length,
      uplinks: counts.up,
      downlinks: counts.down,
      joinRequests: counts.join,
      micOk,
      micBad,
      micUnchecked: reports.length - micOk - micBad,
      fCntGaps: counts.gaps,
      retransmissions: counts.retrans,
      duplicates: counts.dup,
      airtimeMs: Math.round(counts.airtime * 1000) / 1000,
      violationsByRule: byRule,
    },
    notes: [...notes],
  };
}
