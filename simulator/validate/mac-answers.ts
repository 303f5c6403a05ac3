/**
 * MAC commands in a trace: read from FOpts (clear in 1.0, encrypted with NwkSEncKey in 1.1)
 * or from an FPort 0 payload, and the rule that a Class A device answers a network request in
 * its next uplink (TS001-1.0.4 §5, TS001-1.1 §5).
 */
import { decryptFOpts, decryptFrmPayload } from '../../src/crypto/index.js';
import type { DataFrame } from '../../src/mac/index.js';
import type { LorawanVersion } from '../device/frames.js';
import { macCommandName, splitMacCommands, type RawMacCommand } from '../device/mac-codec.js';
import type { Checking, DeviceState } from './checking.js';
import type { FrameReport } from './report.js';

// Requests a Class A device must answer in its next uplink (TS001-1.0.4 §5, TS001-1.1 §5).
const NEEDS_ANSWER = new Set([0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0c, 0x0f]);

/** The frame's MAC command bytes in clear, or undefined when the key to read them is missing. */
function clearMacBytes(version: LorawanVersion, st: DeviceState, data: DataFrame,
  fCnt: number): Uint8Array | undefined {
  const s = st.session;
  const devAddr = data.fhdr.devAddr;
  const direction = data.uplink ? 'up' : 'down';
  if (data.fPort === 0) {
    if (!s) return undefined;
    return decryptFrmPayload(s.nwkSEncKey, { direction, devAddr, fCnt,
      payload: data.frmPayload });
  }
  if (data.fhdr.fOpts.length === 0) return new Uint8Array(0);
  if (version === '1.0') return data.fhdr.fOpts;
  if (!s) return undefined;
  return decryptFOpts(s.nwkSEncKey, {
    direction, devAddr, fCnt, fOpts: data.fhdr.fOpts,
    aFCntDown: !data.uplink && data.fPort !== null && data.fPort > 0,
  });
}

/**
 * Names the frame's MAC commands in `report`; a downlink's requests become pending, an uplink
 * must answer every pending one.
 *
 * @returns the frame's MAC commands, or undefined when they cannot be read
 */
export function checkMacAnswers(
  ctx: Checking,
  version: LorawanVersion,
  st: DeviceState,
  data: DataFrame,
  fCnt: number,
  line: number,
  report: FrameReport,
): RawMacCommand[] | undefined {
  const mac = clearMacBytes(version, st, data, fCnt);
  let cids: number[] | undefined;
  let cmds: RawMacCommand[] | undefined;
  if (mac !== undefined) {
    try {
      cmds = splitMacCommands(mac, data.uplink);
      cids = cmds.map((c) => c.cid);
      if (cmds.length > 0) {
        report.macCommands = cmds.map((c) => macCommandName(c.cid, data.uplink));
      }
    } catch (e) {
      ctx.flag('malformed', line, (e as Error).message);
    }
  }
  const region = ctx.region;
  if (!data.uplink) {
    if (!cids) return cmds;
    for (const cid of cids) {
      if (!NEEDS_ANSWER.has(cid)) continue;
      if (cid === 0x09 && !region.txParamSetup) continue;
      if ((cid === 0x07 || cid === 0x0a) && region.cfListType !== 0) continue;
      st.pendingRequests.push({ cid, line });
    }
    return cmds;
  }
  if (cids) {
    for (const r of st.pendingRequests) {
      if (!cids.includes(r.cid)) {
        ctx.flag('mac-unanswered', line,
          `${macCommandName(r.cid, false)} of line ${r.line} is not answered in this uplink`);
      }
    }
  } else if (st.pendingRequests.length > 0) {
    ctx.notes.add(`line ${line}: MAC answers unreadable without NwkSEncKey`);
  }
  st.pendingRequests = [];
  return cmds;
}

/** Notes the requests still waiting when the trace ends. */
export function noteUnanswered(ctx: Checking, devices: Iterable<DeviceState>): void {
  for (const st of devices) {
    for (const r of st.pendingRequests) {
      ctx.notes.add(`${macCommandName(r.cid, false)} of line ${r.line}: no later uplink in the ` +
        'trace');
    }
  }
}
