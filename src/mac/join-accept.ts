/**
 * Join-Accept (TS001-1.0.4 §6.2.5; TS001-1.1 §6.2.3). On air it is MHDR followed by 16 or 32
 * bytes encrypted together with the MIC, so nothing past the MHDR can be read without the key:
 * {@link decodeJoinAccept} returns the opaque part. Once decrypted (by `src/crypto`),
 * {@link decodeJoinAcceptPayload} reads JoinNonce(3) | Home_NetID(3) | DevAddr(4) |
 * DLSettings(1) | RxDelay(1) | CFList(0 or 16), all little-endian.
 */
import { LoireError } from '../errors.js';
import {
  beHexToWire,
  checkBytes,
  checkUint,
  need,
  readUintLE,
  wireToBeHex,
  writeUintLE,
} from './_bytes.js';
import { CF_LIST_LENGTH, decodeCfList, encodeCfList } from './cf-list.js';
import type { CfList } from './cf-list.js';
import { decodeDlSettings, encodeDlSettings } from './dl-settings.js';
import type { DlSettings } from './dl-settings.js';
import { decodeMhdr, encodeMhdr, MType } from './mhdr.js';
import type { Mhdr } from './mhdr.js';

/** The encrypted Join-Accept as on air. */
export interface JoinAcceptFields {
  type: 'joinAccept';
  mhdr: Mhdr;
  /**
   * The 16 or 32 bytes after the MHDR: the encrypted payload and, in its last 4 bytes, the
   * encrypted MIC (TS001-1.0.4 §6.2.5).
   */
  encryptedPayload: Uint8Array;
}

/** A decoded (still encrypted) Join-Accept with its input. */
export interface JoinAcceptFrame extends JoinAcceptFields {
  bytes: Uint8Array;
}

/** The decrypted Join-Accept payload fields. */
export interface JoinAcceptPayload {
  /** JoinNonce (AppNonce in 1.0.x), 24-bit integer. */
  joinNonce: number;
  /** Home_NetID (NetID in 1.0.x), 6 hex digits, big-endian. */
  homeNetId: string;
  /** DevAddr as a uint32. */
  devAddr: number;
  dlSettings: DlSettings;
  /** RxDelay bits 3..0 (0 and 1 both mean 1 s, TS001-1.0.4 §5.7). */
  rxDelay: number;
  /** Present only in the 28-byte form. */
  cfList?: CfList;
}

/**
 * Decodes an encrypted Join-Accept PHYPayload (17 or 33 bytes).
 *
 * @param bytes - MHDR and the encrypted 16 or 32 bytes
 * @returns the MHDR and the opaque encrypted part (a view into the input)
 * @throws {LoireError} `TRUNCATED` (e.g. a 4-byte "Join-Accept"), `INVALID_VALUE` for a length
 *   other than 17 or 33 or another MType
 * @example decodeJoinAccept(bytes).encryptedPayload.length // 16
 */
export function decodeJoinAccept(bytes: Uint8Array): JoinAcceptFrame {
  checkBytes('bytes', bytes);
  need(bytes, 0, 17, 'JoinAccept');
  const mhdr = decodeMhdr(bytes[0]!);
  if (mhdr.mType !== MType.JoinAccept) {
    throw new LoireError('INVALID_VALUE', `MHDR: MType ${mhdr.mType} is not a Join-Accept`, {
      offset: 0,
      field: 'MType',
    });
  }
  if (bytes.length !== 17 && bytes.length !== 33) {
    throw new LoireError(
      'INVALID_VALUE',
      `JoinAccept: must be 17 or 33 bytes (with CFList), got ${bytes.length}`,
      { offset: 17, field: 'JoinAccept' },
    );
  }
  return { type: 'joinAccept', mhdr, encryptedPayload: bytes.subarray(1), bytes };
}

/**
 * Encodes an encrypted Join-Accept PHYPayload.
 *
 * @param f - MHDR and the 16 or 32 encrypted bytes
 * @returns 17 or 33 bytes
 * @throws {RangeError} for another MType or length
 * @example
 * encodeJoinAccept({ type: 'joinAccept', mhdr: { mType: 1, rfu: 0, major: 0 }, encryptedPayload })
 */
export function encodeJoinAccept(f: JoinAcceptFields): Uint8Array {
  if (f.mhdr.mType !== MType.JoinAccept) throw new RangeError('mhdr.mType: expected 1');
  const enc = checkBytes('encryptedPayload', f.encryptedPayload);
  if (enc.length !== 16 && enc.length !== 32) {
    throw new RangeError(`encryptedPayload: expected 16 or 32 bytes, got ${enc.length}`);
  }
  const out = new Uint8Array(1 + enc.length);
  out[0] = encodeMhdr(f.mhdr);
  out.set(enc, 1);
  return out;
}

/**
 * Decodes the decrypted Join-Accept payload, without MHDR and MIC (12 or 28 bytes).
 *
 * @param bytes - the plaintext payload
 * @param offset - where it starts (default 0)
 * @param length - its length, 12 or 28 (default: the rest of `bytes`)
 * @returns the fields
 * @throws {LoireError} `INVALID_VALUE` for a length other than 12 or 28, `UNSUPPORTED` for an
 *   unknown CFListType
 * @example decodeJoinAcceptPayload(hexToBytes('010101020202040302016709...')).rxDelay // 9
 */
export function decodeJoinAcceptPayload(
  bytes: Uint8Array,
  offset = 0,
  length = bytes.length - offset,
): JoinAcceptPayload {
  checkBytes('bytes', bytes);
  need(bytes, offset, 12, 'JoinAcceptPayload');
  if (length !== 12 && length !== 28) {
    throw new LoireError(
      'INVALID_VALUE',
      `JoinAcceptPayload: must be 12 or 28 bytes (with CFList), got ${length}`,
      { offset: offset + Math.min(length, 12), field: 'CFList' },
    );
  }
  need(bytes, offset, length, 'JoinAcceptPayload');
  const payload: JoinAcceptPayload = {
    joinNonce: readUintLE(bytes, offset, 3),
    homeNetId: wireToBeHex(bytes, offset + 3, 3),
    devAddr: readUintLE(bytes, offset + 6, 4),
    dlSettings: decodeDlSettings(bytes[offset + 10]!),
    rxDelay: bytes[offset + 11]! & 0x0f,
  };
  if (length === 28) payload.cfList = decodeCfList(bytes, offset + 12);
  return payload;
}

/**
 * Encodes a decrypted Join-Accept payload (without MHDR and MIC).
 *
 * @param p - the fields
 * @returns 12 bytes, or 28 with a CFList
 * @throws {RangeError} naming the bad field
 * @example encodeJoinAcceptPayload({ joinNonce: 65793, homeNetId: '020202', devAddr: 0x01020304,
 *   dlSettings: { optNeg: false, rx1DrOffset: 0, rx2DataRate: 0 }, rxDelay: 0 })
 */
export function encodeJoinAcceptPayload(p: JoinAcceptPayload): Uint8Array {
  const out = new Uint8Array(p.cfList ? 12 + CF_LIST_LENGTH : 12);
  writeUintLE(out, 0, 3, checkUint('joinNonce', p.joinNonce, 0xffffff));
  beHexToWire(out, 3, 3, p.homeNetId, 'homeNetId');
  writeUintLE(out, 6, 4, checkUint('devAddr', p.devAddr, 0xffffffff));
  out[10] = encodeDlSettings(p.dlSettings);
  out[11] = checkUint('rxDelay', p.rxDelay, 15);
  if (p.cfList) out.set(encodeCfList(p.cfList), 12);
  return out;
}

/** A decrypted Join-Accept PHYPayload: MHDR | payload | MIC in clear. */
export interface DecryptedJoinAccept {
  mhdr: Mhdr;
  payload: JoinAcceptPayload;
  mic: Uint8Array;
}

/**
 * Decodes a decrypted Join-Accept PHYPayload (17 or 33 bytes: MHDR, payload, MIC in clear).
 *
 * @param bytes - the plaintext PHYPayload
 * @returns MHDR, payload, MIC (a view) and the MIC offset
 * @throws {LoireError} as {@link decodeJoinAccept} and {@link decodeJoinAcceptPayload}
 * @example decodeDecryptedJoinAccept(plain).payload.devAddr
 */
export function decodeDecryptedJoinAccept(
  bytes: Uint8Array,
): DecryptedJoinAccept & { micOffset: number; bytes: Uint8Array } {
  const frame = decodeJoinAccept(bytes);
  const micOffset = bytes.length - 4;
  return {
    mhdr: frame.mhdr,
    payload: decodeJoinAcceptPayload(bytes, 1, micOffset - 1),
    mic: bytes.subarray(micOffset),
    micOffset,
    bytes,
  };
}

/**
 * Encodes a decrypted Join-Accept PHYPayload (before encryption).
 *
 * @param ja - MHDR, payload, MIC (4 bytes)
 * @returns 17 or 33 bytes
 * @throws {RangeError} naming the bad field
 * @example encodeDecryptedJoinAccept({ mhdr: { mType: 1, rfu: 0, major: 0 }, payload, mic })
 */
export function encodeDecryptedJoinAccept(ja: DecryptedJoinAccept): Uint8Array {
  if (ja.mhdr.mType !== MType.JoinAccept) throw new RangeError('mhdr.mType: expected 1');
  const payload = encodeJoinAcceptPayload(ja.payload);
  const out = new Uint8Array(1 + payload.length + 4);
  out[0] = encodeMhdr(ja.mhdr);
  out.set(payload, 1);
  out.set(checkBytes('mic', ja.mic, 4), 1 + payload.length);
  return out;
}

