/**
 * Frame counters in a trace: the 32-bit value from the 16 bits on air, the rules on its
 * progress (TS001-1.0.4 §4.3.1.5: no replay, no reset without a join, gaps under
 * MAX_FCNT_GAP), and the search for the high half of an ABP device met mid-life.
 */
import { verifyUplinkMic10 } from '../../src/crypto/index.js';
import type { DataFrame } from '../../src/mac/index.js';
import type { Checking, DeviceState } from './checking.js';
import type { FrameReport } from './report.js';

/** The 32-bit counter whose low 16 bits are `fCnt16`, nearest to `last`. */
export function extendFCnt(last: number, fCnt16: number): number {
  if (last < 0) return fCnt16;
  const diff = (fCnt16 - (last & 0xffff) + 0x10000) % 0x10000;
  // Forward within half the 16-bit space, otherwise a step back (replay or reset). A step back
  // below 0 cannot be: counters start at 0 (TS001-1.0.4 §4.3.1.5), so it is a jump forward,
  // which checkFCnt then holds against MAX_FCNT_GAP.
  const back = last - (0x10000 - diff);
  return diff < 0x8000 || back < 0 ? last + diff : back;
}

/**
 * The 32-bit FCnt whose 16 low bits are on air and for which the 1.0 uplink MIC matches, or
 * undefined. Trying all 65,536 high halves costs one CMAC each, once per device; a false match
 * has odds of about 1.5e-5 (65,535 tries of a 32-bit MIC). LoRaWAN 1.1 uplinks are not
 * searched (times the unknown TxCh it would be a million CMACs).
 */
export function recoverFCntHigh(
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

/**
 * Checks an uplink counter against the device's last one and records it. `body` is what a
 * repetition repeats: the frame before its MIC (in 1.1 only the MIC differs, by TxCh).
 */
export function checkFCnt(
  ctx: Checking,
  st: DeviceState,
  fCnt: number,
  body: string,
  line: number,
  report: FrameReport,
): void {
  if (st.lastUp !== undefined && fCnt === st.lastUp.fCnt) {
    // A repetition (NbTrans, or a confirmed retry) repeats the frame.
    if (body === st.lastUp.body) {
      report.retransmission = true;
      ctx.counts.retrans++;
    } else ctx.flag('fcnt-replay', line, `FCnt ${fCnt} reused with different content`);
    return;
  }
  if (st.lastFCnt >= 0 && fCnt < st.lastFCnt) {
    if (fCnt <= 1) {
      ctx.flag('fcnt-reset', line,
        `FCnt went back from ${st.lastFCnt} to ${fCnt} without a new join`);
    } else ctx.flag('fcnt-replay', line, `FCnt ${fCnt} is below the last ${st.lastFCnt}`);
    return;
  }
  if (st.lastFCnt >= 0 && fCnt > st.lastFCnt + 1) {
    ctx.counts.gaps++;
    const maxGap = ctx.region.maxFCntGap;
    if (fCnt - st.lastFCnt > maxGap) {
      ctx.flag('fcnt-gap', line,
        `FCnt jumped by ${fCnt - st.lastFCnt}, beyond MAX_FCNT_GAP ${maxGap}`);
    }
  }
  st.lastFCnt = fCnt;
  st.lastUp = { fCnt, body };
}
