/**
 * FHDR, the frame header of a data message (TS001-1.0.4 §4.3.1):
 * DevAddr(4, LE) | FCtrl(1) | FCnt(2, LE) | FOpts(0..15).
 */
import { LoireError } from '../errors.js';
import { checkBytes, checkUint, need, readUintLE, writeUintLE } from './_bytes.js';
import {
  decodeFCtrlDownlink,
  decodeFCtrlUplink,
  encodeFCtrlDownlink,
  encodeFCtrlUplink,
} from './fctrl.js';
import type { FCtrlDownlink, FCtrlUplink } from './fctrl.js';

/** A decoded FHDR; `F` is the FCtrl shape of the direction. */
export interface Fhdr<F = FCtrlUplink | FCtrlDownlink> {
  /** DevAddr as a uint32, as people read it (the wire carries it little-endian). */
  devAddr: number;
  fCtrl: F;
  /** The 16 low bits of the frame counter, as on air (see `reconstructFCnt32`). */
  fCnt: number;
  /**
   * FOpts as on air: MAC commands in clear text in 1.0.x, encrypted with NwkSEncKey in 1.1
   * (TS001-1.1 §4.3.1.6). A view into the decoded input, not a copy.
   */
  fOpts: Uint8Array;
}

/** Size of the FHDR without FOpts. */
export const FHDR_MIN_LENGTH = 7;

/**
 * Decodes an FHDR starting at `offset`, reading no further than `end`.
 *
 * @param bytes - the buffer holding the frame
 * @param offset - where the FHDR starts (1 in a PHYPayload)
 * @param end - first byte not belonging to the MACPayload (the MIC offset in a PHYPayload)
 * @param uplink - direction, which decides the FCtrl layout
 * @returns the header, and its length in bytes
 * @throws {LoireError} `TRUNCATED` (field `FHDR` or `FOpts`) if the header does not fit
 * @example decodeFhdr(bytes, 1, bytes.length - 4, true).fhdr.devAddr
 */
export function decodeFhdr(
  bytes: Uint8Array,
  offset: number,
  end: number,
  uplink: boolean,
): { fhdr: Fhdr; length: number } {
  need(bytes, offset, FHDR_MIN_LENGTH, 'FHDR', end);
  const devAddr = readUintLE(bytes, offset, 4);
  const fCtrlByte = bytes[offset + 4]!;
  const fCtrl = uplink ? decodeFCtrlUplink(fCtrlByte) : decodeFCtrlDownlink(fCtrlByte);
  const fCnt = readUintLE(bytes, offset + 5, 2);
  const fOptsAt = offset + FHDR_MIN_LENGTH;

  // A common bug in other decoders is trusting FOptsLen and slicing past the frame.
  if (fOptsAt + fCtrl.fOptsLen > end) {
    throw new LoireError(
      'TRUNCATED',
      `FOpts: FOptsLen is ${fCtrl.fOptsLen} but only ${end - fOptsAt} byte(s) precede the MIC`,
      { offset: offset + 4, field: 'FOpts' },
    );
  }
  const fOpts = bytes.subarray(fOptsAt, fOptsAt + fCtrl.fOptsLen);
  return { fhdr: { devAddr, fCtrl, fCnt, fOpts }, length: FHDR_MIN_LENGTH + fCtrl.fOptsLen };
}

/**
 * Encodes an FHDR. FOptsLen is taken from `fhdr.fOpts`; a different `fCtrl.fOptsLen` is an
 * error rather than silently overridden.
 *
 * @param fhdr - the header fields
 * @param uplink - direction, which decides the FCtrl layout
 * @returns 7 to 22 bytes
 * @throws {RangeError} for out-of-range fields or more than 15 FOpts bytes
 * @example encodeFhdr({ devAddr: 0x49be7df1, fCtrl, fCnt: 2, fOpts: new Uint8Array() }, true)
 */
export function encodeFhdr(fhdr: Fhdr, uplink: boolean): Uint8Array {
  const devAddr = checkUint('fhdr.devAddr', fhdr.devAddr, 0xffffffff);
  const fCnt = checkUint('fhdr.fCnt', fhdr.fCnt, 0xffff);
  const fOpts = checkBytes('fhdr.fOpts', fhdr.fOpts);
  if (fOpts.length > 15) {
    throw new RangeError(`fhdr.fOpts: at most 15 bytes, got ${fOpts.length}`);
  }
  const given = fhdr.fCtrl.fOptsLen;
  if (given !== undefined && given !== fOpts.length) {
    throw new RangeError(
      `fhdr.fCtrl.fOptsLen: ${given} differs from fhdr.fOpts length ${fOpts.length}`,
    );
  }
  // A downlink FCtrl passed with an uplink MType (or the reverse) would lose its flags.
  const flags = uplink ? ['adr', 'adrAckReq', 'ack', 'classB'] : ['adr', 'rfu', 'ack', 'fPending'];
  const fc = fhdr.fCtrl as unknown as Record<string, unknown>;
  for (const flag of flags) {
    if (typeof fc[flag] !== 'boolean') {
      const dir = uplink ? 'an uplink' : 'a downlink';
      throw new TypeError(`fhdr.fCtrl.${flag}: expected a boolean in ${dir} FCtrl`);
    }
  }
  const fCtrl = { ...fhdr.fCtrl, fOptsLen: fOpts.length };
  const out = new Uint8Array(FHDR_MIN_LENGTH + fOpts.length);
  writeUintLE(out, 0, 4, devAddr);
  out[4] = uplink
    ? encodeFCtrlUplink(fCtrl as FCtrlUplink)
    : encodeFCtrlDownlink(fCtrl as FCtrlDownlink);
  writeUintLE(out, 5, 2, fCnt);
  out.set(fOpts, FHDR_MIN_LENGTH);
  return out;
}

