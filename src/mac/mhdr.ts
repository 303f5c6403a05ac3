/**
 * MHDR, the first byte of every PHYPayload (TS001-1.0.4 §4.2): MType in bits 7..5, RFU in bits
 * 4..2, Major in bits 1..0.
 */
import { checkUint } from './_bytes.js';

/**
 * Message types (TS001-1.0.4 §4.2.1, table 1; TS001-1.1 §4.2.1 adds RejoinRequest as 0b110).
 *
 * @example MType.UnconfirmedDataUp // 2
 */
export const MType = {
  JoinRequest: 0,
  JoinAccept: 1,
  UnconfirmedDataUp: 2,
  UnconfirmedDataDown: 3,
  ConfirmedDataUp: 4,
  ConfirmedDataDown: 5,
  RejoinRequest: 6,
  Proprietary: 7,
} as const;

/** One of the {@link MType} values (0..7). */
export type MTypeValue = (typeof MType)[keyof typeof MType];

/** The decoded MAC header. */
export interface Mhdr {
  /** Message type, see {@link MType}. */
  mType: MTypeValue;
  /** The three RFU bits (4..2), kept so a frame re-encodes byte for byte. */
  rfu: number;
  /** Major version of the frame format; 0 is "LoRaWAN R1" (TS001-1.0.4 §4.2.2). */
  major: number;
}

/**
 * Splits an MHDR byte into its fields.
 *
 * @param byte - the MHDR byte (0..255)
 * @returns MType, RFU and Major
 * @throws {RangeError} if `byte` is not an integer 0..255
 * @example decodeMhdr(0x40) // { mType: 2, rfu: 0, major: 0 }
 */
export function decodeMhdr(byte: number): Mhdr {
  checkUint('byte', byte, 255);
  return { mType: (byte >> 5) as MTypeValue, rfu: (byte >> 2) & 7, major: byte & 3 };
}

/**
 * Packs MHDR fields into one byte.
 *
 * @param mhdr - MType (0..7), RFU (0..7, default 0), Major (0..3, default 0)
 * @returns the MHDR byte
 * @throws {RangeError} naming the field out of range
 * @example encodeMhdr({ mType: MType.UnconfirmedDataUp, rfu: 0, major: 0 }) // 0x40
 */
export function encodeMhdr(mhdr: Mhdr): number {
  const mType = checkUint('mhdr.mType', mhdr.mType, 7);
  const rfu = checkUint('mhdr.rfu', mhdr.rfu ?? 0, 7);
  const major = checkUint('mhdr.major', mhdr.major ?? 0, 3);
  return (mType << 5) | (rfu << 2) | major;
}

/** True for the four data-message MTypes. */
export function isDataMType(mType: number): boolean {
  return mType >= 2 && mType <= 5;
}

/** True when the MType is sent by the end-device (uplink). */
export function isUplinkMType(mType: number): boolean {
  return mType === 0 || mType === 2 || mType === 4 || mType === 6;
}
