/**
 * MICs of the join procedure: Join-Request (TS001-1.0.4 §6.2.5, TS001-1.1 §6.2.2),
 * Join-Accept 1.0 and 1.1 (TS001-1.0.4 §6.2.6, TS001-1.1 §6.2.3) and Rejoin-Request types
 * 0, 1, 2 (TS001-1.1 §6.2.4.1, §6.2.4.2). Each is the first 4 bytes of a CMAC.
 */
import { LoireError } from '../errors.js';
import { micEqualsWord, wordToMic } from './compare.js';
import { toCmac, type KeyInput } from './key-input.js';
import { checkBytes, checkUint, euiBytes } from './params.js';

const S = new Int32Array(4);

function cmacWord(key: KeyInput, keyName: string, message: Uint8Array): number {
  const c = toCmac(key, keyName);
  c.macWords(null, message, 0, message.length, S);
  return S[0]!;
}

function checkLength(m: Uint8Array, allowed: readonly number[], field: string): void {
  if (allowed.includes(m.length)) return;
  const want = allowed.join(' or ');
  const code = m.length < allowed[0]! ? 'TRUNCATED' : 'TOO_LONG';
  throw new LoireError(code, `message: a ${field} without MIC is ${want} bytes, got ${m.length}`, {
    offset: Math.min(m.length, allowed[allowed.length - 1]!),
    field,
  });
}

function checkMic(mic: unknown): Uint8Array {
  return checkBytes(mic, 'mic', 4);
}

/**
 * The MIC of a Join-Request: CMAC(key, MHDR | JoinEUI | DevEUI | DevNonce)[0..3]
 * (TS001-1.0.4 §6.2.5; TS001-1.1 §6.2.2). The key is AppKey for 1.0 devices, NwkKey for 1.1.
 *
 * @param key - AppKey (1.0) or NwkKey (1.1): 16 bytes or a `createCmac` object
 * @param message - the 19 bytes MHDR .. DevNonce (the frame without its MIC)
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` / `TOO_LONG` when `message` is not 19 bytes
 * @example computeJoinRequestMic(appKey, frame.subarray(0, 19))
 */
export function computeJoinRequestMic(key: KeyInput, message: Uint8Array): Uint8Array {
  checkLength(checkBytes(message, 'message'), [19], 'Join-Request');
  return wordToMic(cmacWord(key, 'key', message));
}

/**
 * Checks a Join-Request MIC in constant time (TS001-1.0.4 §6.2.5).
 *
 * @param key - AppKey (1.0) or NwkKey (1.1)
 * @param message - the 19 bytes MHDR .. DevNonce
 * @param mic - the 4 MIC bytes of the frame
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyJoinRequestMic(appKey, frame.subarray(0, 19), frame.subarray(19))
 */
export function verifyJoinRequestMic(
  key: KeyInput,
  message: Uint8Array,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  checkLength(checkBytes(message, 'message'), [19], 'Join-Request');
  return micEqualsWord(cmacWord(key, 'key', message), mic);
}

/**
 * The MIC of a LoRaWAN 1.0.x Join-Accept, and of a 1.1 Join-Accept whose OptNeg bit is unset:
 * CMAC(key, MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay | CFList)[0..3]
 * (TS001-1.0.4 §6.2.6), computed on the clear text before encryption.
 *
 * @param key - AppKey (1.0) or NwkKey (1.1 with OptNeg unset)
 * @param message - MHDR .. CFList in clear: 13 bytes, or 29 with a CFList
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` / `TOO_LONG` for any other length
 * @example computeJoinAcceptMic10(appKey, clearJoinAccept.subarray(0, 13))
 */
export function computeJoinAcceptMic10(key: KeyInput, message: Uint8Array): Uint8Array {
  checkLength(checkBytes(message, 'message'), [13, 29], 'Join-Accept');
  return wordToMic(cmacWord(key, 'key', message));
}

/**
 * Checks a LoRaWAN 1.0.x Join-Accept MIC in constant time (TS001-1.0.4 §6.2.6).
 *
 * @param key - AppKey (1.0) or NwkKey (1.1 with OptNeg unset)
 * @param message - MHDR .. CFList in clear (13 or 29 bytes)
 * @param mic - the 4 MIC bytes (decrypted)
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyJoinAcceptMic10(appKey, clear.subarray(0, -4), clear.subarray(-4))
 */
export function verifyJoinAcceptMic10(
  key: KeyInput,
  message: Uint8Array,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  checkLength(checkBytes(message, 'message'), [13, 29], 'Join-Accept');
  return micEqualsWord(cmacWord(key, 'key', message), mic);
}

/** What a LoRaWAN 1.1 Join-Accept MIC (OptNeg set) covers besides the frame. */
export interface JoinAcceptMicInput11 {
  /**
   * The request answered: 0xFF for a Join-Request, 0x00, 0x01 or 0x02 for a Rejoin-Request
   * of that type (TS001-1.1 §6.2.3).
   */
  joinReqType: number;
  /** JoinEUI, big-endian as people write it: 8 bytes or 16 hex digits (carried LE). */
  joinEui: Uint8Array | string;
  /** DevNonce (or RJcount0/1 for a rejoin) as a number, e.g. 0x0201; carried LE. */
  devNonce: number;
  /** MHDR .. CFList in clear: 13 bytes, or 29 with a CFList. */
  message: Uint8Array;
}

function joinAccept11Word(jsIntKey: KeyInput, input: JoinAcceptMicInput11): number {
  const c = toCmac(jsIntKey, 'jsIntKey');
  const type = checkUint(input.joinReqType, 'joinReqType', 8);
  if (type !== 0xff && type > 2) {
    throw new RangeError(`joinReqType: expected 0xff, 0, 1 or 2, got ${type}`);
  }
  const joinEui = euiBytes(input.joinEui, 'joinEui');
  const devNonce = checkUint(input.devNonce, 'devNonce', 16);
  const m = checkBytes(input.message, 'message');
  checkLength(m, [13, 29], 'Join-Accept');
  // JoinReqType | JoinEUI (LE) | DevNonce (LE) | MHDR | ... | CFList (TS001-1.1 §6.2.3).
  const buf = new Uint8Array(11 + m.length);
  buf[0] = type;
  for (let i = 0; i < 8; i++) buf[1 + i] = joinEui[7 - i]!;
  buf[9] = devNonce & 0xff;
  buf[10] = devNonce >>> 8;
  buf.set(m, 11);
  c.macWords(null, buf, 0, buf.length, S);
  return S[0]!;
}

/**
 * The MIC of a LoRaWAN 1.1 Join-Accept with OptNeg set: CMAC(JSIntKey, JoinReqType |
 * JoinEUI | DevNonce | MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay | CFList)
 * [0..3] (TS001-1.1 §6.2.3). With OptNeg unset use {@link computeJoinAcceptMic10} and NwkKey.
 *
 * @param jsIntKey - 16 bytes or a `createCmac` object
 * @param input - joinReqType, joinEui (big-endian bytes or hex), devNonce, message in clear
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` / `TOO_LONG` when `message` is not 13 or 29 bytes
 * @example
 * ```ts
 * computeJoinAcceptMic11(jsIntKey, { joinReqType: 0xff, joinEui, devNonce: 0x0201, message });
 * ```
 */
export function computeJoinAcceptMic11(
  jsIntKey: KeyInput,
  input: JoinAcceptMicInput11,
): Uint8Array {
  return wordToMic(joinAccept11Word(jsIntKey, input));
}

/**
 * Checks a LoRaWAN 1.1 Join-Accept MIC (OptNeg set) in constant time (TS001-1.1 §6.2.3).
 *
 * @param jsIntKey - 16 bytes or a `createCmac` object
 * @param input - as for {@link computeJoinAcceptMic11}
 * @param mic - the 4 MIC bytes (decrypted)
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyJoinAcceptMic11(jsIntKey, input, clear.subarray(-4))
 */
export function verifyJoinAcceptMic11(
  jsIntKey: KeyInput,
  input: JoinAcceptMicInput11,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  return micEqualsWord(joinAccept11Word(jsIntKey, input), mic);
}

function rejoinWord(key: KeyInput, message: unknown): number {
  const m = checkBytes(message, 'message');
  if (m.length < 2) {
    throw new LoireError('TRUNCATED', `message: a Rejoin-Request needs its RejoinType byte`, {
      offset: m.length,
      field: 'RejoinType',
    });
  }
  const type = m[1]!;
  if (type > 2) {
    throw new LoireError('INVALID_VALUE', `RejoinType: expected 0, 1 or 2, got ${type}`, {
      offset: 1,
      field: 'RejoinType',
    });
  }
  // Type 0/2: MHDR | type | NetID | DevEUI | RJcount0 = 15; type 1: MHDR | type | JoinEUI |
  // DevEUI | RJcount1 = 20 (TS001-1.1 §6.2.4.1, §6.2.4.2).
  checkLength(m, [type === 1 ? 20 : 15], `Rejoin-Request type ${type}`);
  return cmacWord(key, 'key', m);
}

/**
 * The MIC of a Rejoin-Request: CMAC(key, MHDR .. RJcount)[0..3] with SNwkSIntKey for types 0
 * and 2, JSIntKey for type 1 (TS001-1.1 §6.2.4.1, §6.2.4.2). The type is read from the message.
 *
 * @param key - SNwkSIntKey (types 0, 2) or JSIntKey (type 1), raw or a `createCmac` object
 * @param message - the frame without its MIC (15 bytes for types 0 and 2, 20 for type 1)
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `INVALID_VALUE` for a RejoinType above 2; `TRUNCATED` / `TOO_LONG`
 * @example computeRejoinRequestMic(sNwkSIntKey, frame.subarray(0, 15))
 */
export function computeRejoinRequestMic(key: KeyInput, message: Uint8Array): Uint8Array {
  return wordToMic(rejoinWord(key, message));
}

/**
 * Checks a Rejoin-Request MIC in constant time (TS001-1.1 §6.2.4).
 *
 * @param key - SNwkSIntKey (types 0, 2) or JSIntKey (type 1)
 * @param message - the frame without its MIC
 * @param mic - the 4 MIC bytes of the frame
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyRejoinRequestMic(jsIntKey, frame.subarray(0, 20), frame.subarray(20))
 */
export function verifyRejoinRequestMic(
  key: KeyInput,
  message: Uint8Array,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  return micEqualsWord(rejoinWord(key, message), mic);
}
