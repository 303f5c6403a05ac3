/**
 * The MIC of a data frame in a trace (TS001-1.0.4 §4.4, TS001-1.1 §4.4). The validator calls
 * the crypto primitives rather than a frame session: it needs the 32-bit FCnt it reconstructed,
 * and for a 1.1 uplink it must try every TxCh, which a trace does not record.
 */
import {
  computeUplinkMic11,
  constantTimeEqual,
  verifyDownlinkMic10,
  verifyDownlinkMic11,
  verifyUplinkMic10,
} from '../../src/crypto/index.js';
import type { DataFrame } from '../../src/mac/index.js';
import type { Checking, DeviceState } from './checking.js';
import type { FrameReport } from './report.js';

/** Checks a data frame's MIC with the device's session keys, when they are known. */
export function checkDataMic(
  ctx: Checking,
  st: DeviceState,
  data: DataFrame,
  phy: Uint8Array,
  fCnt: number,
  dr: number | undefined,
  line: number,
  report: FrameReport,
): void {
  const s = st.session;
  if (!s) {
    ctx.notes.add(`DevAddr ${report.devAddr}: no session keys, MICs unchecked`);
    return;
  }
  const devAddr = data.fhdr.devAddr;
  const message = phy.subarray(0, data.micOffset);
  let ok: boolean;
  if (data.uplink) {
    if (s.version === '1.0') {
      ok = verifyUplinkMic10(s.fNwkSIntKey, { devAddr, fCnt, message }, data.mic);
    } else {
      // TxCh is not in a trace: accept the MIC if any channel index gives it.
      const confFCnt = data.fhdr.fCtrl.ack ? st.confirmedDownFCnt ?? 0 : 0;
      ok = false;
      for (let ch = 0; ch < ctx.region.maxChannels && !ok; ch++) {
        const input = { devAddr, fCnt, message, confFCnt, txDr: dr ?? 0, txCh: ch };
        const mic = computeUplinkMic11(s.sNwkSIntKey, s.fNwkSIntKey, input);
        ok = constantTimeEqual(mic, data.mic);
      }
    }
  } else {
    // A 1.1 downlink with ACK carries in its MIC the FCnt of the confirmed uplink it
    // acknowledges (TS001-1.1 §4.4); the crypto keeps its 16 low bits.
    const confFCnt = data.fhdr.fCtrl.ack ? st.confirmedUpFCnt ?? 0 : 0;
    ok = s.version === '1.0'
      ? verifyDownlinkMic10(s.sNwkSIntKey, { devAddr, fCnt, message }, data.mic)
      : verifyDownlinkMic11(s.sNwkSIntKey, { devAddr, fCnt, message, confFCnt }, data.mic);
  }
  report.mic = ok ? 'ok' : 'bad';
  if (!ok) {
    ctx.flag('mic', line, `${data.uplink ? 'uplink' : 'downlink'} MIC does not match ` +
      `(DevAddr ${report.devAddr}, FCnt ${fCnt})`);
  }
}
