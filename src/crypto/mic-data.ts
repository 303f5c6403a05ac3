/**
 * MICs of data frames: LoRaWAN 1.0.x (TS001-1.0.4 §4.4, one CMAC over B0 | msg) and 1.1
 * (TS001-1.1 §4.4: uplink MIC made of two CMAC halves, downlink with ConfFCnt).
 *
 * `message` is always the frame from MHDR to the end of FRMPayload, without the MIC. Pass
 * `phyPayload.subarray(0, phyPayload.length - 4)` to avoid a copy.
 */
import { LoireError } from '../errors.js';
import { micEqualsWord, wordToMic } from './compare.js';
import { toCmac, type KeyInput } from './key-input.js';
import { checkBytes, checkUint } from './params.js';

/** What a LoRaWAN 1.0.x data MIC needs besides NwkSKey. */
export interface DataMicInput10 {
  /** DevAddr as people read it (big-endian), e.g. `0x49be7df1`; B0 carries it LE. */
  devAddr: number;
  /** The full 32-bit frame counter (the wire carries only its 16 low bits). */
  fCnt: number;
  /** MHDR .. end of FRMPayload, without the MIC (8 to 255 bytes). */
  message: Uint8Array;
}

/** What a LoRaWAN 1.1 uplink MIC needs besides SNwkSIntKey and FNwkSIntKey. */
export interface UplinkMicInput11 extends DataMicInput10 {
  /**
   * The counter of the confirmed downlink this uplink acknowledges (its 16 low bits are used).
   * The ACK bit of the message's FCtrl decides: without it ConfFCnt is taken as 0 (§4.4).
   */
  confFCnt: number;
  /** Data rate index of the transmission (TxDr, 0..255). */
  txDr: number;
  /** Channel index of the transmission (TxCh, 0..255). */
  txCh: number;
}

/** What a LoRaWAN 1.1 downlink MIC needs besides SNwkSIntKey. */
export interface DownlinkMicInput11 extends DataMicInput10 {
  /**
   * The counter of the confirmed uplink this downlink acknowledges (16 low bits used); taken
   * as 0 when the message's FCtrl has no ACK bit (§4.4).
   */
  confFCnt: number;
}

/** B0/B1 block words and the CMAC state, shared (single-threaded, never re-entered). */
const B = new Int32Array(4);
const S = new Int32Array(4);

/** FCtrl follows MHDR (1) and DevAddr (4); ACK is its bit 5 (TS001-1.1 §4.3.1). */
const FCTRL_OFFSET = 5;
const ACK = 0x20;

function checkMessage(message: unknown): Uint8Array {
  const m = checkBytes(message, 'message');
  if (m.length < 8) {
    throw new LoireError(
      'TRUNCATED',
      `message: a data frame needs MHDR and FHDR (8 bytes) before its MIC, got ${m.length}`,
      { offset: m.length, field: 'FHDR' },
    );
  }
  if (m.length > 255) {
    throw new LoireError('TOO_LONG', `message: ${m.length} bytes, B0 can state at most 255`, {
      field: 'MACPayload',
    });
  }
  return m;
}

function checkMic(mic: unknown): Uint8Array {
  return checkBytes(mic, 'mic', 4);
}

/** Fills B with B0 (TS001-1.0.4 §4.4): 0x49 | 4 x 0x00 | Dir | DevAddr | FCnt | 0x00 | len. */
function setB0(dir: number, devAddr: number, fCnt: number, len: number): void {
  B[0] = 0x49000000;
  B[1] = (dir << 16) | ((devAddr & 0xff) << 8) | ((devAddr >>> 8) & 0xff);
  B[2] = (((devAddr >>> 16) & 0xff) << 24) | ((devAddr >>> 24) << 16) | ((fCnt & 0xff) << 8) |
    ((fCnt >>> 8) & 0xff);
  B[3] = (((fCnt >>> 16) & 0xff) << 24) | ((fCnt >>> 24) << 16) | len;
}

function mic10Word(key: KeyInput, input: DataMicInput10, dir: number): number {
  const c = toCmac(key, 'nwkSKey');
  const devAddr = checkUint(input.devAddr, 'devAddr', 32);
  const fCnt = checkUint(input.fCnt, 'fCnt', 32);
  const m = checkMessage(input.message);
  setB0(dir, devAddr, fCnt, m.length);
  c.macWords(B, m, 0, m.length, S);
  return S[0]!;
}

/**
 * The MIC of a LoRaWAN 1.0.x uplink data frame: CMAC(NwkSKey, B0 | msg)[0..3]
 * (TS001-1.0.4 §4.4).
 *
 * @param nwkSKey - 16 bytes, or the key expanded once by `createCmac`
 * @param input - devAddr (big-endian number), full 32-bit fCnt, message without MIC
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` below 8 bytes, `TOO_LONG` above 255
 * @example
 * ```ts
 * const mic = computeUplinkMic10(nwkSKey, {
 *   devAddr: 0x49be7df1, fCnt: 2, message: frame.subarray(0, frame.length - 4) });
 * ```
 */
export function computeUplinkMic10(nwkSKey: KeyInput, input: DataMicInput10): Uint8Array {
  return wordToMic(mic10Word(nwkSKey, input, 0));
}

/**
 * Checks the MIC of a LoRaWAN 1.0.x uplink in constant time (TS001-1.0.4 §4.4).
 *
 * @param nwkSKey - 16 bytes, or the key expanded once by `createCmac`
 * @param input - devAddr, full 32-bit fCnt, message without MIC
 * @param mic - the 4 MIC bytes of the frame (a subarray is fine)
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` below 8 bytes, `TOO_LONG` above 255
 * @example verifyUplinkMic10(key, { devAddr, fCnt, message }, frame.subarray(-4))
 */
export function verifyUplinkMic10(
  nwkSKey: KeyInput,
  input: DataMicInput10,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  return micEqualsWord(mic10Word(nwkSKey, input, 0), mic);
}

/**
 * The MIC of a LoRaWAN 1.0.x downlink data frame (TS001-1.0.4 §4.4, Dir = 1).
 *
 * @param nwkSKey - 16 bytes, or the key expanded once by `createCmac`
 * @param input - devAddr, full 32-bit FCntDown, message without MIC
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` below 8 bytes, `TOO_LONG` above 255
 * @example computeDownlinkMic10(nwkSKey, { devAddr: 0x01020304, fCnt: 1, message })
 */
export function computeDownlinkMic10(nwkSKey: KeyInput, input: DataMicInput10): Uint8Array {
  return wordToMic(mic10Word(nwkSKey, input, 1));
}

/**
 * Checks the MIC of a LoRaWAN 1.0.x downlink in constant time (TS001-1.0.4 §4.4).
 *
 * @param nwkSKey - 16 bytes, or the key expanded once by `createCmac`
 * @param input - devAddr, full 32-bit FCntDown, message without MIC
 * @param mic - the 4 MIC bytes of the frame
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyDownlinkMic10(key, { devAddr, fCnt, message }, frame.subarray(-4))
 */
export function verifyDownlinkMic10(
  nwkSKey: KeyInput,
  input: DataMicInput10,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  return micEqualsWord(mic10Word(nwkSKey, input, 1), mic);
}

function uplink11Word(
  sNwkSIntKey: KeyInput,
  fNwkSIntKey: KeyInput,
  input: UplinkMicInput11,
): number {
  const cs = toCmac(sNwkSIntKey, 'sNwkSIntKey');
  const cf = toCmac(fNwkSIntKey, 'fNwkSIntKey');
  const devAddr = checkUint(input.devAddr, 'devAddr', 32);
  const fCnt = checkUint(input.fCnt, 'fCnt', 32);
  const txDr = checkUint(input.txDr, 'txDr', 8);
  const txCh = checkUint(input.txCh, 'txCh', 8);
  const confIn = checkUint(input.confFCnt, 'confFCnt', 32);
  const m = checkMessage(input.message);
  const conf = m[FCTRL_OFFSET]! & ACK ? confIn & 0xffff : 0;

  // cmacF = CMAC(FNwkSIntKey, B0 | msg), B0 as in 1.0 (TS001-1.1 §4.4).
  setB0(0, devAddr, fCnt, m.length);
  cf.macWords(B, m, 0, m.length, S);
  const f = S[0]!;

  // cmacS = CMAC(SNwkSIntKey, B1 | msg), B1 = 0x49 | ConfFCnt (LE) | TxDr | TxCh | Dir | ...
  B[0] = 0x49000000 | ((conf & 0xff) << 16) | ((conf >>> 8) << 8) | txDr;
  B[1] = (B[1]! & 0x00ffffff) | (txCh << 24);
  cs.macWords(B, m, 0, m.length, S);
  const s = S[0]!;

  // MIC = cmacS[0..1] | cmacF[0..1].
  return (s & 0xffff0000) | (f >>> 16);
}

/**
 * The MIC of a LoRaWAN 1.1 uplink data frame: cmacS[0..1] | cmacF[0..1] (TS001-1.1 §4.4).
 * The ACK bit of FCtrl in `message` decides whether `confFCnt` enters B1.
 *
 * @param sNwkSIntKey - serving network integrity key (16 bytes or `createCmac` object)
 * @param fNwkSIntKey - forwarding network integrity key (16 bytes or `createCmac` object)
 * @param input - devAddr, full 32-bit FCntUp, confFCnt, txDr, txCh, message without MIC
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` below 8 bytes, `TOO_LONG` above 255
 * @example
 * ```ts
 * computeUplinkMic11(sKey, fKey, { devAddr, fCnt, confFCnt: 0, txDr: 5, txCh: 2, message });
 * ```
 */
export function computeUplinkMic11(
  sNwkSIntKey: KeyInput,
  fNwkSIntKey: KeyInput,
  input: UplinkMicInput11,
): Uint8Array {
  return wordToMic(uplink11Word(sNwkSIntKey, fNwkSIntKey, input));
}

/**
 * Checks all four bytes of a LoRaWAN 1.1 uplink MIC in constant time (TS001-1.1 §4.4).
 *
 * @param sNwkSIntKey - 16 bytes or `createCmac` object
 * @param fNwkSIntKey - 16 bytes or `createCmac` object
 * @param input - as for {@link computeUplinkMic11}
 * @param mic - the 4 MIC bytes of the frame
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyUplinkMic11(sKey, fKey, input, frame.subarray(-4))
 */
export function verifyUplinkMic11(
  sNwkSIntKey: KeyInput,
  fNwkSIntKey: KeyInput,
  input: UplinkMicInput11,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  return micEqualsWord(uplink11Word(sNwkSIntKey, fNwkSIntKey, input), mic);
}

function downlink11Word(sNwkSIntKey: KeyInput, input: DownlinkMicInput11): number {
  const cs = toCmac(sNwkSIntKey, 'sNwkSIntKey');
  const devAddr = checkUint(input.devAddr, 'devAddr', 32);
  const fCnt = checkUint(input.fCnt, 'fCnt', 32);
  const confIn = checkUint(input.confFCnt, 'confFCnt', 32);
  const m = checkMessage(input.message);
  const conf = m[FCTRL_OFFSET]! & ACK ? confIn & 0xffff : 0;
  // B0 = 0x49 | ConfFCnt (LE) | 2 x 0x00 | Dir = 1 | DevAddr | FCnt | 0x00 | len (§4.4).
  setB0(1, devAddr, fCnt, m.length);
  B[0] = 0x49000000 | ((conf & 0xff) << 16) | ((conf >>> 8) << 8);
  cs.macWords(B, m, 0, m.length, S);
  return S[0]!;
}

/**
 * The MIC of a LoRaWAN 1.1 downlink data frame: CMAC(SNwkSIntKey, B0 | msg)[0..3] with
 * ConfFCnt in B0 when the ACK bit is set (TS001-1.1 §4.4).
 *
 * @param sNwkSIntKey - 16 bytes or `createCmac` object
 * @param input - devAddr, full 32-bit NFCntDown or AFCntDown, confFCnt, message without MIC
 * @returns the 4 MIC bytes in wire order
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` below 8 bytes, `TOO_LONG` above 255
 * @example computeDownlinkMic11(sKey, { devAddr, fCnt: 7, confFCnt: 12, message })
 */
export function computeDownlinkMic11(
  sNwkSIntKey: KeyInput,
  input: DownlinkMicInput11,
): Uint8Array {
  return wordToMic(downlink11Word(sNwkSIntKey, input));
}

/**
 * Checks a LoRaWAN 1.1 downlink MIC in constant time (TS001-1.1 §4.4).
 *
 * @param sNwkSIntKey - 16 bytes or `createCmac` object
 * @param input - as for {@link computeDownlinkMic11}
 * @param mic - the 4 MIC bytes of the frame
 * @returns true when the MIC matches
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example verifyDownlinkMic11(sKey, input, frame.subarray(-4))
 */
export function verifyDownlinkMic11(
  sNwkSIntKey: KeyInput,
  input: DownlinkMicInput11,
  mic: Uint8Array,
): boolean {
  checkMic(mic);
  return micEqualsWord(downlink11Word(sNwkSIntKey, input), mic);
}
