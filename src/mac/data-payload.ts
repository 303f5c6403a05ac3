/**
 * MACPayload of a data message (TS001-1.0.4 §4.3): FHDR | FPort(0..1) | FRMPayload(0..N).
 * FPort is absent when nothing follows the FHDR; a frame may carry only FOpts.
 * This layer does not enforce TS001-1.0.4 §4.3.1.6 (MAC commands never in both FOpts and an
 * FPort 0 payload): such a frame still decodes, and the MAC layer above must reject it.
 */
import { checkBytes, checkUint } from './_bytes.js';
import { decodeFhdr, encodeFhdr } from './fhdr.js';
import type { Fhdr } from './fhdr.js';

/** A decoded MACPayload of a data message. */
export interface MacPayload<F = Fhdr> {
  fhdr: F;
  /** FPort 0..255, or `null` when the frame has no FPort (TS001-1.0.4 §4.3.2). */
  fPort: number | null;
  /** FRMPayload as on air (encrypted); a view into the input. Empty when `fPort` is null. */
  frmPayload: Uint8Array;
}

/**
 * Decodes a MACPayload occupying `bytes[offset..end)`.
 *
 * @param bytes - buffer holding the frame
 * @param offset - start of the FHDR
 * @param end - end of the MACPayload (exclusive; the MIC offset in a PHYPayload)
 * @param uplink - direction (decides the FCtrl layout)
 * @returns the payload and the offset of FRMPayload (equal to `end` when there is none)
 * @throws {LoireError} `TRUNCATED` for an FHDR or FOpts that does not fit
 * @example decodeMacPayload(bytes, 1, bytes.length - 4, true).macPayload.fPort
 */
export function decodeMacPayload(
  bytes: Uint8Array,
  offset: number,
  end: number,
  uplink: boolean,
): { macPayload: MacPayload; frmPayloadOffset: number } {
  const { fhdr, length } = decodeFhdr(bytes, offset, end, uplink);
  let at = offset + length;
  let fPort: number | null = null;
  if (at < end) {
    fPort = bytes[at]!;
    at += 1;
  }
  return {
    macPayload: { fhdr, fPort, frmPayload: bytes.subarray(at, end) },
    frmPayloadOffset: at,
  };
}

/**
 * Encodes a MACPayload.
 *
 * @param macPayload - FHDR, FPort (null for none) and FRMPayload as it goes on air
 * @param uplink - direction (decides the FCtrl layout)
 * @returns the MACPayload bytes
 * @throws {RangeError} for a FRMPayload without FPort, or out-of-range fields
 * @example encodeMacPayload({ fhdr, fPort: 1, frmPayload }, true)
 */
export function encodeMacPayload(macPayload: MacPayload, uplink: boolean): Uint8Array {
  const fhdr = encodeFhdr(macPayload.fhdr, uplink);
  const frm = checkBytes('frmPayload', macPayload.frmPayload);
  const fPort = macPayload.fPort;
  if (fPort === null || fPort === undefined) {
    // TS001-1.0.4 §4.3.2: a non-empty FRMPayload needs an FPort.
    if (frm.length > 0) throw new RangeError('fPort: required when frmPayload is not empty');
    return fhdr;
  }
  checkUint('fPort', fPort, 255);
  const out = new Uint8Array(fhdr.length + 1 + frm.length);
  out.set(fhdr, 0);
  out[fhdr.length] = fPort;
  out.set(frm, fhdr.length + 1);
  return out;
}
