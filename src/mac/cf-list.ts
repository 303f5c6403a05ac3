/**
 * CFList, the optional 16-byte channel list of a Join-Accept (RP002-1.0.4 §2.2.5 and per
 * region; TS001-1.0.4 §6.2.5). The last byte is CFListType: 0 carries five frequencies of
 * 3 bytes each (×100 Hz, little-endian); 1 carries ChMask blocks of 2 bytes (five in US915
 * and AU915: ChMask0..ChMask4, then 5 RFU bytes).
 */
import { LoireError } from '../errors.js';
import { checkUint, need, readUintLE, writeUintLE } from './_bytes.js';

/** CFList type 0: up to five extra channel frequencies (0 means "no channel"). */
export interface CfListFrequencies {
  cfListType: 0;
  /** Five frequencies in Hz, each a multiple of 100. */
  frequenciesHz: number[];
}

/** CFList type 1: channel-mask blocks. */
export interface CfListChMask {
  cfListType: 1;
  /** Five 16-bit masks, bit i enabling channel 16·block + i. */
  chMasks: number[];
}

/** A decoded CFList. */
export type CfList = CfListFrequencies | CfListChMask;

/** Size of a CFList. */
export const CF_LIST_LENGTH = 16;

/**
 * Decodes the 16-byte CFList at `offset`.
 *
 * @param bytes - buffer holding it
 * @param offset - where it starts
 * @returns type 0 with frequencies or type 1 with channel masks
 * @throws {LoireError} `TRUNCATED` if short, `UNSUPPORTED` for a CFListType other than 0 or 1
 * @example decodeCfList(bytes, 12).cfListType
 */
export function decodeCfList(bytes: Uint8Array, offset = 0): CfList {
  need(bytes, offset, CF_LIST_LENGTH, 'CFList');
  const type = bytes[offset + 15]!;
  if (type === 0) {
    const frequenciesHz: number[] = [];
    for (let i = 0; i < 5; i++) frequenciesHz.push(readUintLE(bytes, offset + 3 * i, 3) * 100);
    return { cfListType: 0, frequenciesHz };
  }
  if (type === 1) {
    const chMasks: number[] = [];
    for (let i = 0; i < 5; i++) chMasks.push(readUintLE(bytes, offset + 2 * i, 2));
    return { cfListType: 1, chMasks };
  }
  throw new LoireError('UNSUPPORTED', `CFList: CFListType ${type} is not defined (0 or 1)`, {
    offset: offset + 15,
    field: 'CFListType',
  });
}

/**
 * Encodes a CFList.
 *
 * @param cfList - type 0 (five frequencies, multiples of 100 Hz below 1.6777216 GHz) or
 *   type 1 (five 16-bit masks)
 * @returns 16 bytes (RFU bytes zero)
 * @throws {RangeError} for a wrong count or value
 * @example encodeCfList({ cfListType: 0, frequenciesHz: [867100000, 867300000, 867500000,
 *   867700000, 867900000] })
 */
export function encodeCfList(cfList: CfList): Uint8Array {
  const out = new Uint8Array(CF_LIST_LENGTH);
  if (cfList.cfListType === 0) {
    const list = cfList.frequenciesHz;
    if (!Array.isArray(list) || list.length !== 5) {
      throw new RangeError('cfList.frequenciesHz: expected 5 frequencies');
    }
    list.forEach((f, i) => {
      const units = checkUint(`cfList.frequenciesHz[${i}]`, f, 0xffffff * 100);
      if (units % 100 !== 0) {
        throw new RangeError(`cfList.frequenciesHz[${i}]: must be a multiple of 100 Hz`);
      }
      writeUintLE(out, 3 * i, 3, units / 100);
    });
  } else if (cfList.cfListType === 1) {
    const masks = cfList.chMasks;
    if (!Array.isArray(masks) || masks.length !== 5) {
      throw new RangeError('cfList.chMasks: expected 5 masks');
    }
    masks.forEach((m, i) => {
      writeUintLE(out, 2 * i, 2, checkUint(`cfList.chMasks[${i}]`, m, 0xffff));
    });
  } else {
    throw new RangeError(`cfList.cfListType: expected 0 or 1`);
  }
  out[15] = cfList.cfListType;
  return out;
}
