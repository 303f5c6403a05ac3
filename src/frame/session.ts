/**
 * A keyed frame session: the keys of one device expanded once (AES key schedules and CMAC
 * subkeys), then any number of frames decoded, checked, decrypted or built with them. This is
 * what a network server holds per device; the one-shot calls in `frame.ts` make a session for
 * a single frame.
 */
import {
  buildData,
  buildJoinAcc,
  buildJoinReq,
  buildRejoin,
} from './build.js';
import type {
  DataFrameInput,
  FrameInput,
  JoinAcceptInput,
  JoinRequestInput,
  RejoinRequestInput,
} from './build-types.js';
import { decodeWithKeys } from './decode.js';
import { expandKeys, type ExpandedKeys, type FrameKeys, type LorawanVersion } from './keys.js';
import type { DecodedFrame, FrameDecodeOptions } from './types.js';

/** Options of {@link createSession}. */
export interface SessionOptions {
  /** The device's LoRaWAN version: decides which key plays which role. Default `'1.0'`. */
  lorawan?: LorawanVersion;
}

/** The keys of one device, expanded once; see {@link createSession}. */
export interface FrameSession {
  /** The LoRaWAN version the session was made for. */
  readonly lorawan: LorawanVersion;
  /**
   * Decodes a frame and does everything the keys allow: MIC check, FOpts and FRMPayload
   * decryption, Join-Accept decryption, MAC commands.
   *
   * @param bytes - the PHYPayload
   * @param options - counters and transmission parameters (see {@link FrameDecodeOptions})
   * @returns the typed result; `micValid` and `payload` are present when a key allowed them
   * @throws {LoireError} for a frame that does not decode (code, offset, field)
   * @throws {TypeError|RangeError} naming a wrong option
   */
  decode(bytes: Uint8Array, options?: FrameDecodeOptions): DecodedFrame;
  /** Builds any frame, told apart by `input.type`; see {@link encodeFrame}. */
  encode(input: FrameInput): Uint8Array;
  /** Builds, encrypts and signs a data frame; see {@link buildDataFrame}. */
  buildDataFrame(input: DataFrameInput): Uint8Array;
  /** Builds and signs a Join-Request; see {@link buildJoinRequest}. */
  buildJoinRequest(input: JoinRequestInput): Uint8Array;
  /** Builds, signs and encrypts a Join-Accept; see {@link buildJoinAccept}. */
  buildJoinAccept(input: JoinAcceptInput): Uint8Array;
  /** Builds and signs a 1.1 Rejoin-Request; see {@link buildRejoinRequest}. */
  buildRejoinRequest(input: RejoinRequestInput): Uint8Array;
}

/**
 * Expands a device's keys once for many frames (key once, frames many).
 *
 * In LoRaWAN 1.0.x NwkSKey serves as the three 1.1 network keys; in 1.1 the split keys are
 * used. A key of the other version is refused, so a mix-up is reported, not silently ignored.
 *
 * @param keys - any subset of {@link FrameKeys}, each 16 bytes or 32 hex digits
 * @param options - `{ lorawan: '1.0' | '1.1' }` (default 1.0)
 * @returns a {@link FrameSession}
 * @throws {TypeError|RangeError} naming a key that is malformed, unknown or of the other version
 * @example
 * ```ts
 * const s = createSession({ nwkSKey: '44024241ed4ce9a68c6a8bc055233fd3',
 *   appSKey: 'ec925802ae430ca77fd3dd73cb2cc588' });
 * const f = s.decode(hexToBytes('40F17DBE4900020001954378762B11FF0D'));
 * // f.type === 'data', f.micValid === true, f.payload = 74 65 73 74 ("test")
 * ```
 */
export function createSession(keys: FrameKeys, options: SessionOptions = {}): FrameSession {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options: expected { lorawan }');
  }
  const lorawan = options.lorawan ?? '1.0';
  return new KeyedSession(expandKeys(keys, lorawan), lorawan);
}

/** The session as a class: methods on the prototype, so a one-shot call allocates little. */
class KeyedSession implements FrameSession {
  constructor(
    private readonly keys: ExpandedKeys,
    readonly lorawan: LorawanVersion,
  ) {}

  decode(bytes: Uint8Array, options?: FrameDecodeOptions): DecodedFrame {
    return decodeWithKeys(bytes, this.keys, this.lorawan, options);
  }

  encode(input: FrameInput): Uint8Array {
    switch (input?.type) {
      case 'data':
        return buildData(input, this.keys, this.lorawan);
      case 'joinRequest':
        return buildJoinReq(input, this.keys, this.lorawan);
      case 'joinAccept':
        return buildJoinAcc(input, this.keys, this.lorawan);
      case 'rejoinRequest':
        return buildRejoin(input, this.keys, this.lorawan);
      default:
        throw new TypeError(
          "input.type: expected 'data', 'joinRequest', 'joinAccept' or 'rejoinRequest', got " +
            String((input as { type?: unknown } | undefined)?.type),
        );
    }
  }

  buildDataFrame(input: DataFrameInput): Uint8Array {
    return buildData(input, this.keys, this.lorawan);
  }

  buildJoinRequest(input: JoinRequestInput): Uint8Array {
    return buildJoinReq(input, this.keys, this.lorawan);
  }

  buildJoinAccept(input: JoinAcceptInput): Uint8Array {
    return buildJoinAcc(input, this.keys, this.lorawan);
  }

  buildRejoinRequest(input: RejoinRequestInput): Uint8Array {
    return buildRejoin(input, this.keys, this.lorawan);
  }
}
