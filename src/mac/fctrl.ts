/**
 * FCtrl, the frame control octet of the FHDR (TS001-1.0.4 §4.3.1). Its bits differ by
 * direction: bit 6 is ADRACKReq up and RFU down; bit 4 is ClassB up and FPending down.
 */
import { checkUint } from './_bytes.js';

/** FCtrl of an uplink (TS001-1.0.4 §4.3.1, figure 10). */
export interface FCtrlUplink {
  adr: boolean;
  adrAckReq: boolean;
  ack: boolean;
  /** Set by a device that has switched to Class B (TS001-1.0.4 §10.1). */
  classB: boolean;
  /** Number of FOpts bytes, 0..15. Optional on encode (then taken from the FOpts). */
  fOptsLen: number;
}

/** FCtrl of a downlink (TS001-1.0.4 §4.3.1, figure 11). */
export interface FCtrlDownlink {
  adr: boolean;
  /** Bit 6, reserved; kept so the byte re-encodes exactly. */
  rfu: boolean;
  ack: boolean;
  fPending: boolean;
  /** Number of FOpts bytes, 0..15. Optional on encode (then taken from the FOpts). */
  fOptsLen: number;
}

/**
 * Decodes an uplink FCtrl byte.
 *
 * @param byte - the FCtrl octet
 * @returns its flags and FOptsLen
 * @throws {RangeError} if `byte` is not 0..255
 * @example decodeFCtrlUplink(0x82)
 *   // { adr: true, adrAckReq: false, ack: false, classB: false, fOptsLen: 2 }
 */
export function decodeFCtrlUplink(byte: number): FCtrlUplink {
  checkUint('byte', byte, 255);
  return {
    adr: (byte & 0x80) !== 0,
    adrAckReq: (byte & 0x40) !== 0,
    ack: (byte & 0x20) !== 0,
    classB: (byte & 0x10) !== 0,
    fOptsLen: byte & 0x0f,
  };
}

/**
 * Decodes a downlink FCtrl byte.
 *
 * @param byte - the FCtrl octet
 * @returns its flags and FOptsLen
 * @throws {RangeError} if `byte` is not 0..255
 * @example decodeFCtrlDownlink(0x15).fPending // true
 */
export function decodeFCtrlDownlink(byte: number): FCtrlDownlink {
  checkUint('byte', byte, 255);
  return {
    adr: (byte & 0x80) !== 0,
    rfu: (byte & 0x40) !== 0,
    ack: (byte & 0x20) !== 0,
    fPending: (byte & 0x10) !== 0,
    fOptsLen: byte & 0x0f,
  };
}

/**
 * Encodes an uplink FCtrl.
 *
 * @param fCtrl - flags and FOptsLen (0..15)
 * @returns the FCtrl octet
 * @throws {RangeError} if fOptsLen is out of range
 * @example
 * encodeFCtrlUplink({ adr: true, adrAckReq: false, ack: false, classB: false, fOptsLen: 2 })
 * // 0x82
 */
export function encodeFCtrlUplink(fCtrl: FCtrlUplink): number {
  const len = checkUint('fCtrl.fOptsLen', fCtrl.fOptsLen, 15);
  return (
    (fCtrl.adr ? 0x80 : 0) |
    (fCtrl.adrAckReq ? 0x40 : 0) |
    (fCtrl.ack ? 0x20 : 0) |
    (fCtrl.classB ? 0x10 : 0) |
    len
  );
}

/**
 * Encodes a downlink FCtrl.
 *
 * @param fCtrl - flags and FOptsLen (0..15)
 * @returns the FCtrl octet
 * @throws {RangeError} if fOptsLen is out of range
 * @example
 * encodeFCtrlDownlink({ adr: false, rfu: false, ack: true, fPending: true, fOptsLen: 0 })
 * // 0x30
 */
export function encodeFCtrlDownlink(fCtrl: FCtrlDownlink): number {
  const len = checkUint('fCtrl.fOptsLen', fCtrl.fOptsLen, 15);
  return (
    (fCtrl.adr ? 0x80 : 0) |
    (fCtrl.rfu ? 0x40 : 0) |
    (fCtrl.ack ? 0x20 : 0) |
    (fCtrl.fPending ? 0x10 : 0) |
    len
  );
}
