/**
 * DLSettings octet (TS001-1.1 §6.2.3; TS001-1.0.4 §6.2.5): OptNeg in bit 7 (RFU in 1.0.x),
 * RX1DRoffset in bits 6..4, RX2DataRate in bits 3..0. Also carried by RXParamSetupReq.
 */
import { checkUint } from './_bytes.js';

/** Decoded DLSettings. */
export interface DlSettings {
  /** 1.1: the server runs LoRaWAN 1.1 or later; 1.0.x: the RFU bit. */
  optNeg: boolean;
  rx1DrOffset: number;
  rx2DataRate: number;
}

/**
 * Decodes a DLSettings octet.
 *
 * @param byte - the octet
 * @returns OptNeg, RX1DRoffset and RX2DataRate
 * @throws {RangeError} if `byte` is not 0..255
 * @example decodeDlSettings(0x67) // { optNeg: false, rx1DrOffset: 6, rx2DataRate: 7 }
 */
export function decodeDlSettings(byte: number): DlSettings {
  checkUint('byte', byte, 255);
  return { optNeg: (byte & 0x80) !== 0, rx1DrOffset: (byte >> 4) & 7, rx2DataRate: byte & 15 };
}

/**
 * Encodes DLSettings.
 *
 * @param s - OptNeg, RX1DRoffset (0..7) and RX2DataRate (0..15)
 * @returns the octet
 * @throws {RangeError} naming the field out of range
 * @example encodeDlSettings({ optNeg: true, rx1DrOffset: 0, rx2DataRate: 0 }) // 0x80
 */
export function encodeDlSettings(s: DlSettings): number {
  const off = checkUint('dlSettings.rx1DrOffset', s.rx1DrOffset, 7);
  const dr = checkUint('dlSettings.rx2DataRate', s.rx2DataRate, 15);
  return (s.optNeg ? 0x80 : 0) | (off << 4) | dr;
}
