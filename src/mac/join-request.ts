/**
 * Join-Request (TS001-1.0.4 §6.2.4; TS001-1.1 §6.2.2):
 * MHDR | JoinEUI(8, LE) | DevEUI(8, LE) | DevNonce(2, LE) | MIC(4). Always 23 bytes.
 */
import { LoireError } from '../errors.js';
import { beHexToWire, checkBytes, checkUint, need, readUintLE, wireToBeHex } from './_bytes.js';
import { decodeMhdr, encodeMhdr, MType } from './mhdr.js';
import type { Mhdr } from './mhdr.js';

/** Length of a Join-Request PHYPayload. */
export const JOIN_REQUEST_LENGTH = 23;

/** The fields of a Join-Request. EUIs are big-endian lowercase hex, as people read them. */
export interface JoinRequestFields {
  type: 'joinRequest';
  mhdr: Mhdr;
  /** JoinEUI (AppEUI in 1.0.x), 16 hex digits, big-endian. */
  joinEui: string;
  /** DevEUI, 16 hex digits, big-endian. */
  devEui: string;
  /** DevNonce as an integer (sent little-endian). */
  devNonce: number;
  /** The 4 MIC bytes as on air. */
  mic: Uint8Array;
}

/** A decoded Join-Request with the input it came from. */
export interface JoinRequestFrame extends JoinRequestFields {
  /** The whole PHYPayload (the decoder's input, not a copy). */
  bytes: Uint8Array;
  /** Offset of the MIC; the MIC covers `bytes.subarray(0, micOffset)`. */
  micOffset: number;
}

/**
 * Decodes a Join-Request PHYPayload.
 *
 * @param bytes - the 23-byte PHYPayload
 * @returns its fields; `mic` and `bytes` are views into the input
 * @throws {LoireError} `TRUNCATED`/`TOO_LONG` for a wrong length, `INVALID_VALUE` for
 *   another MType
 * @example decodeJoinRequest(hexToBytes('0039363463...')).devEui
 */
export function decodeJoinRequest(bytes: Uint8Array): JoinRequestFrame {
  checkBytes('bytes', bytes);
  need(bytes, 0, JOIN_REQUEST_LENGTH, 'JoinRequest');
  if (bytes.length > JOIN_REQUEST_LENGTH) {
    throw new LoireError(
      'TOO_LONG',
      `JoinRequest: must be ${JOIN_REQUEST_LENGTH} bytes, got ${bytes.length}`,
      { offset: JOIN_REQUEST_LENGTH, field: 'JoinRequest' },
    );
  }
  const mhdr = decodeMhdr(bytes[0]!);
  if (mhdr.mType !== MType.JoinRequest) {
    throw new LoireError('INVALID_VALUE', `MHDR: MType ${mhdr.mType} is not a Join-Request`, {
      offset: 0,
      field: 'MType',
    });
  }
  return {
    type: 'joinRequest',
    mhdr,
    joinEui: wireToBeHex(bytes, 1, 8),
    devEui: wireToBeHex(bytes, 9, 8),
    devNonce: readUintLE(bytes, 17, 2),
    mic: bytes.subarray(19, 23),
    bytes,
    micOffset: 19,
  };
}

/**
 * Encodes a Join-Request PHYPayload.
 *
 * @param f - the fields (the MIC is computed elsewhere and passed in)
 * @returns 23 bytes
 * @throws {RangeError}/{TypeError} naming the bad field
 * @example encodeJoinRequest({ type: 'joinRequest', mhdr: { mType: 0, rfu: 0, major: 0 },
 *   joinEui: '0102030401020304', devEui: '0203040502030405', devNonce: 4141, mic })
 */
export function encodeJoinRequest(f: JoinRequestFields): Uint8Array {
  const out = new Uint8Array(JOIN_REQUEST_LENGTH);
  out[0] = encodeMhdr(f.mhdr);
  if (f.mhdr.mType !== MType.JoinRequest) throw new RangeError('mhdr.mType: expected 0');
  beHexToWire(out, 1, 8, f.joinEui, 'joinEui');
  beHexToWire(out, 9, 8, f.devEui, 'devEui');
  const devNonce = checkUint('devNonce', f.devNonce, 0xffff);
  out[17] = devNonce & 0xff;
  out[18] = devNonce >> 8;
  out.set(checkBytes('mic', f.mic, 4), 19);
  return out;
}
