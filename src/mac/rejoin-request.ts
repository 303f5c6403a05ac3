/**
 * Rejoin-Request (TS001-1.1 §6.2.4). Types 0 and 2:
 * MHDR | RejoinType(1) | NetID(3) | DevEUI(8) | RJcount0(2) | MIC(4), 19 bytes.
 * Type 1: MHDR | RejoinType(1) | JoinEUI(8) | DevEUI(8) | RJcount1(2) | MIC(4), 24 bytes.
 * RJcount1 sits at offset 18, after the 8-byte JoinEUI; decoders that reuse the type 0
 * offsets read it from inside the DevEUI (see the regression test).
 */
import { LoireError } from '../errors.js';
import { beHexToWire, checkBytes, checkUint, need, readUintLE, wireToBeHex } from './_bytes.js';
import { decodeMhdr, encodeMhdr, MType } from './mhdr.js';
import type { Mhdr } from './mhdr.js';

/** Rejoin-Request type 0 or 2 (TS001-1.1 §6.2.4.1). */
export interface RejoinRequest02Fields {
  type: 'rejoinRequest';
  mhdr: Mhdr;
  rejoinType: 0 | 2;
  /** NetID, 6 hex digits, big-endian. */
  netId: string;
  /** DevEUI, 16 hex digits, big-endian. */
  devEui: string;
  rjCount0: number;
  mic: Uint8Array;
}

/** Rejoin-Request type 1 (TS001-1.1 §6.2.4.2). */
export interface RejoinRequest1Fields {
  type: 'rejoinRequest';
  mhdr: Mhdr;
  rejoinType: 1;
  /** JoinEUI, 16 hex digits, big-endian. */
  joinEui: string;
  devEui: string;
  rjCount1: number;
  mic: Uint8Array;
}

/** Fields of any Rejoin-Request. */
export type RejoinRequestFields = RejoinRequest02Fields | RejoinRequest1Fields;

/** A decoded Rejoin-Request with its input and MIC offset. */
export type RejoinRequestFrame = RejoinRequestFields & { bytes: Uint8Array; micOffset: number };

/**
 * Decodes a Rejoin-Request PHYPayload.
 *
 * @param bytes - 19 bytes (types 0 and 2) or 24 bytes (type 1)
 * @returns the typed fields
 * @throws {LoireError} `TRUNCATED`/`TOO_LONG` for a wrong length, `UNSUPPORTED` for a
 *   RejoinType other than 0, 1, 2, `INVALID_VALUE` for another MType
 * @example decodeRejoinRequest(bytes).rejoinType
 */
export function decodeRejoinRequest(bytes: Uint8Array): RejoinRequestFrame {
  checkBytes('bytes', bytes);
  need(bytes, 0, 2, 'RejoinType');
  const mhdr = decodeMhdr(bytes[0]!);
  if (mhdr.mType !== MType.RejoinRequest) {
    throw new LoireError('INVALID_VALUE', `MHDR: MType ${mhdr.mType} is not a Rejoin-Request`, {
      offset: 0,
      field: 'MType',
    });
  }
  const rejoinType = bytes[1]!;
  if (rejoinType > 2) {
    throw new LoireError('UNSUPPORTED', `RejoinType ${rejoinType} is not defined (0..2)`, {
      offset: 1,
      field: 'RejoinType',
    });
  }
  const length = rejoinType === 1 ? 24 : 19;
  need(bytes, 0, length, `RejoinRequest type ${rejoinType}`);
  if (bytes.length > length) {
    throw new LoireError(
      'TOO_LONG',
      `RejoinRequest type ${rejoinType}: must be ${length} bytes, got ${bytes.length}`,
      { offset: length, field: 'RejoinRequest' },
    );
  }
  const micOffset = length - 4;
  const mic = bytes.subarray(micOffset, length);
  if (rejoinType === 1) {
    return {
      type: 'rejoinRequest',
      mhdr,
      rejoinType,
      joinEui: wireToBeHex(bytes, 2, 8),
      devEui: wireToBeHex(bytes, 10, 8),
      rjCount1: readUintLE(bytes, 18, 2),
      mic,
      bytes,
      micOffset,
    };
  }
  return {
    type: 'rejoinRequest',
    mhdr,
    rejoinType: rejoinType as 0 | 2,
    netId: wireToBeHex(bytes, 2, 3),
    devEui: wireToBeHex(bytes, 5, 8),
    rjCount0: readUintLE(bytes, 13, 2),
    mic,
    bytes,
    micOffset,
  };
}

/**
 * Encodes a Rejoin-Request PHYPayload.
 *
 * @param f - the fields of type 0, 1 or 2 (MIC computed elsewhere)
 * @returns 19 or 24 bytes
 * @throws {RangeError}/{TypeError} naming the bad field
 * @example encodeRejoinRequest({ type: 'rejoinRequest', mhdr, rejoinType: 0, netId: '010203',
 *   devEui: '0102030405060708', rjCount0: 219, mic })
 */
export function encodeRejoinRequest(f: RejoinRequestFields): Uint8Array {
  if (f.mhdr.mType !== MType.RejoinRequest) throw new RangeError('mhdr.mType: expected 6');
  const one = f.rejoinType === 1;
  if (!one && f.rejoinType !== 0 && f.rejoinType !== 2) {
    throw new RangeError(`rejoinType: expected 0, 1 or 2, got ${String(f.rejoinType)}`);
  }
  const out = new Uint8Array(one ? 24 : 19);
  out[0] = encodeMhdr(f.mhdr);
  out[1] = f.rejoinType;
  let count: number;
  if (f.rejoinType === 1) {
    beHexToWire(out, 2, 8, f.joinEui, 'joinEui');
    beHexToWire(out, 10, 8, f.devEui, 'devEui');
    count = checkUint('rjCount1', f.rjCount1, 0xffff);
  } else {
    beHexToWire(out, 2, 3, f.netId, 'netId');
    beHexToWire(out, 5, 8, f.devEui, 'devEui');
    count = checkUint('rjCount0', f.rjCount0, 0xffff);
  }
  const at = out.length - 6;
  out[at] = count & 0xff;
  out[at + 1] = count >> 8;
  out.set(checkBytes('mic', f.mic, 4), out.length - 4);
  return out;
}
