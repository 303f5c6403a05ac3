/**
 * Frame counter reconstruction. Data frames carry only the 16 low bits of the 32-bit FCnt
 * (TS001-1.0.4 §4.3.1.5); the receiver restores the high bits from the counter it expects next.
 */
import { checkUint } from './_bytes.js';

/** Result of {@link reconstructFCnt32}. */
export interface FCnt32 {
  /** The full 32-bit counter of the received frame. */
  fCnt32: number;
  /** True when the frame repeats the last counter seen (a retransmission, §4.3.1.5). */
  retransmission: boolean;
}

/**
 * Restores the 32-bit FCnt of a frame from its 16 bits on air.
 *
 * `nextExpected` is the counter expected next (last accepted + 1), as held by ChirpStack. A
 * 16-bit value equal to the low bits of `nextExpected - 1` is the last frame again; any other
 * value is taken as the first counter at or after `nextExpected` with those low bits, modulo
 * 2^32. With `nextExpected` 0 there is no previous frame, so nothing counts as a repeat.
 * The caller still decides whether a jump is too large (MAX_FCNT_GAP in 1.0.x).
 *
 * @param nextExpected - the next expected 32-bit counter (0..2^32-1)
 * @param fCnt16 - the FCnt field from the frame (0..65535)
 * @returns the full counter and whether it is a retransmission
 * @throws {RangeError} if an argument is out of range
 * @example reconstructFCnt32(65537, 2) // { fCnt32: 65538, retransmission: false }
 */
export function reconstructFCnt32(nextExpected: number, fCnt16: number): FCnt32 {
  checkUint('nextExpected', nextExpected, 0xffffffff);
  checkUint('fCnt16', fCnt16, 0xffff);
  if (nextExpected > 0 && fCnt16 === (nextExpected - 1) % 0x10000) {
    return { fCnt32: nextExpected - 1, retransmission: true };
  }
  const gap = (fCnt16 - (nextExpected % 0x10000) + 0x10000) % 0x10000;
  return { fCnt32: (nextExpected + gap) % 0x100000000, retransmission: false };
}
