/**
 * The one-shot frame calls: `decodeFrame` and its inverse `encodeFrame`, and the builders by
 * message type. Each makes a {@link FrameSession} for one frame; a server decoding many frames
 * of a device should keep the session from `createSession` instead.
 */
import type {
  DataFrameInput,
  FrameInput,
  JoinAcceptInput,
  JoinRequestInput,
  RejoinRequestInput,
} from './build-types.js';
import type { FrameKeys } from './keys.js';
import { createSession, type SessionOptions } from './session.js';
import type { DecodedFrame, FrameDecodeOptions } from './types.js';

/** Options of the one-shot calls: the keys, the version, and for decoding the counters. */
export interface FrameOptions extends SessionOptions, FrameDecodeOptions {
  /** Whatever keys the caller has; each 16 bytes or 32 hex digits. */
  keys?: FrameKeys;
}

/** Options of the one-shot builders. */
export interface BuildOptions extends SessionOptions {
  keys: FrameKeys;
}

/**
 * Decodes a LoRaWAN frame and does everything the given keys allow: the fields, the MIC check
 * (`micValid`), FOpts decryption (1.1, NwkSEncKey), FRMPayload decryption (`payload`), MAC
 * commands from FOpts or an FPort 0 payload, and for a Join-Accept its decryption and fields.
 *
 * @param bytes - the PHYPayload
 * @param options - `keys`, `lorawan` ('1.0' default or '1.1'), `fCnt` (full 32-bit counter or
 *   the next expected), `confFCnt`, `txDr`, `txCh`, `joinRequest` (1.1 Join-Accept MIC)
 * @returns a {@link DecodedFrame}; switch on `type`
 * @throws {LoireError} for a frame that does not decode: `code`, byte `offset`, `field`
 * @throws {TypeError|RangeError} naming a wrong key or option
 * @example
 * ```ts
 * // lora-packet's test uplink (anthonykirby/lora-packet __tests__/decrypt_test.ts)
 * const f = decodeFrame(hexToBytes('40F17DBE4900020001954378762B11FF0D'), {
 *   keys: { nwkSKey: '44024241ed4ce9a68c6a8bc055233fd3',
 *           appSKey: 'ec925802ae430ca77fd3dd73cb2cc588' } });
 * if (f.type === 'data') bytesToHex(f.payload!); // '74657374' ("test"), f.micValid true
 * ```
 */
export function decodeFrame(bytes: Uint8Array, options: FrameOptions = {}): DecodedFrame {
  return createSession(options.keys ?? {}, options).decode(bytes, options);
}

/**
 * Builds any frame from its fields in clear, encrypting and signing it; the inverse of
 * {@link decodeFrame}. `input.type` picks the message: 'data', 'joinRequest', 'joinAccept',
 * 'rejoinRequest'.
 *
 * @param input - the fields (see {@link DataFrameInput} and the others)
 * @param options - `keys` and `lorawan`
 * @returns the PHYPayload ready for the air
 * @throws {LoireError} `MISSING_KEY` naming the key the frame needs
 * @throws {TypeError|RangeError} naming a wrong field
 * @example
 * ```ts
 * encodeFrame({ type: 'joinRequest', joinEui: '0102030401020304',
 *   devEui: '0203040502030405', devNonce: 4141 },
 *   { keys: { appKey: '01010101010101010101010101010101' } });
 * // 00 04 03 02 01 04 03 02 01 05 04 03 02 05 04 03 02 2d 10 6a 99 0e 12
 * ```
 */
export function encodeFrame(input: FrameInput, options: BuildOptions): Uint8Array {
  return createSession(options.keys, options).encode(input);
}

/**
 * Builds a data frame: encrypts the payload (AppSKey, or the network key on FPort 0), in 1.1
 * the FOpts (NwkSEncKey), lays out the frame and computes its MIC (TS001-1.0.4 §4.3, §4.4;
 * TS001-1.1 §4.3, §4.4). The wire carries the 16 low bits of `fCnt`; the MIC and the ciphers
 * use all 32.
 *
 * @param input - direction, devAddr, full fCnt, flags, FOpts, FPort, payload in clear; in 1.1
 *   uplinks also txDr and txCh
 * @param options - `keys` (1.0: nwkSKey, appSKey; 1.1: fNwkSIntKey, sNwkSIntKey, nwkSEncKey,
 *   appSKey) and `lorawan`
 * @returns the PHYPayload
 * @throws {LoireError} `MISSING_KEY` naming the key needed
 * @throws {TypeError|RangeError} naming a wrong field
 * @example
 * ```ts
 * // brocaar/lorawan ExamplePHYPayload_lorawan10Encode
 * buildDataFrame({ uplink: true, confirmed: true, devAddr: '01020304', fCnt: 0,
 *   fOpts: hexToBytes('067307'), fPort: 10, payload: hexToBytes('01020304') },
 *   { keys: { nwkSKey: '0102030405060708090a0b0c0d0e0f10',
 *             appSKey: '100f0e0d0c0b0a090807060504030201' } });
 * // 80040302010300000673070ae264d4f7e117d2c0
 * ```
 */
export function buildDataFrame(input: DataFrameInput, options: BuildOptions): Uint8Array {
  return createSession(options.keys, options).buildDataFrame(input);
}

/**
 * Builds and signs a Join-Request (AppKey in 1.0.x, NwkKey in 1.1; TS001-1.0.4 §6.2.5).
 *
 * @param input - joinEui, devEui (16 hex digits, big-endian), devNonce
 * @param options - `keys` (appKey or nwkKey) and `lorawan`
 * @returns the 23-byte PHYPayload
 * @throws {LoireError} `MISSING_KEY`
 * @throws {TypeError|RangeError} naming a wrong field
 * @example buildJoinRequest({ joinEui, devEui, devNonce: 4141 }, { keys: { appKey } })
 */
export function buildJoinRequest(input: JoinRequestInput, options: BuildOptions): Uint8Array {
  return createSession(options.keys, options).buildJoinRequest(input);
}

/**
 * Builds, signs and encrypts a Join-Accept (TS001-1.0.4 §6.2.6, TS001-1.1 §6.2.3). In 1.1
 * with OptNeg (the default there) the MIC uses JSIntKey over the request's JoinEUI and
 * DevNonce, so `input.joinRequest` is required; JSIntKey is derived from NwkKey when
 * `joinRequest.devEui` is given.
 *
 * @param input - joinNonce, netId, devAddr, dlSettings, rxDelay, cfList, joinRequest
 * @param options - `keys` (appKey in 1.0; nwkKey and jsIntKey in 1.1) and `lorawan`
 * @returns the encrypted PHYPayload, 17 or 33 bytes
 * @throws {LoireError} `MISSING_KEY`
 * @throws {TypeError|RangeError} naming a wrong field
 * @example
 * ```ts
 * // brocaar/lorawan ExamplePHYPayload_joinAcceptSend
 * buildJoinAccept({ joinNonce: 65793, netId: '020202', devAddr: '01020304', rxDelay: 0 },
 *   { keys: { appKey: '0102030405060708090a0b0c0d0e0f10' } });
 * // 2023cf335489aae3183c0be0baa8dee5f3
 * ```
 */
export function buildJoinAccept(input: JoinAcceptInput, options: BuildOptions): Uint8Array {
  return createSession(options.keys, options).buildJoinAccept(input);
}

/**
 * Builds and signs a LoRaWAN 1.1 Rejoin-Request (TS001-1.1 §6.2.4): SNwkSIntKey for types 0
 * and 2, JSIntKey for type 1.
 *
 * @param input - rejoinType, netId (0, 2) or joinEui (1), devEui, rjCount
 * @param options - `keys` and `lorawan: '1.1'`
 * @returns 19 bytes (types 0, 2) or 24 (type 1)
 * @throws {LoireError} `MISSING_KEY`
 * @throws {TypeError|RangeError} naming a wrong field
 * @example buildRejoinRequest({ rejoinType: 0, netId: '010203', devEui, rjCount: 219 },
 *   { keys: { sNwkSIntKey }, lorawan: '1.1' })
 */
export function buildRejoinRequest(input: RejoinRequestInput, options: BuildOptions): Uint8Array {
  return createSession(options.keys, options).buildRejoinRequest(input);
}
