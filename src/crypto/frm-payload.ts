/**
 * FRMPayload encryption (TS001-1.0.4 §4.3.3, TS001-1.1 §4.3.3): AES-128 in counter mode with
 * the A_i blocks. Encryption and decryption are the same operation.
 */
import { LoireError } from '../errors.js';
import type { Aes128Core } from './aes.js';
import { toAes, type KeyInput } from './key-input.js';
import { checkBytes, checkUint, dirBit, outputFor, type Direction } from './params.js';

/** What {@link encryptFrmPayload} and {@link decryptFrmPayload} need besides the key. */
export interface FrmPayloadCipherInput {
  /** `up` for frames from the end-device, `down` for frames to it. */
  direction: Direction;
  /** DevAddr as people read it (big-endian), e.g. `0x49be7df1`; the block carries it LE. */
  devAddr: number;
  /** The full 32-bit frame counter, not only the 16 bits on the wire. */
  fCnt: number;
  /** FRMPayload bytes (any length up to 4080 bytes, 255 blocks); a subarray avoids a copy. */
  payload: Uint8Array;
}

/** Largest payload the one-byte block counter i can cover. */
const MAX_PAYLOAD = 255 * 16;

/** A_i as words, shared by the calls (single-threaded, never re-entered). */
const A = new Int32Array(4);

/**
 * XORs `input` with the key stream E(K, A_i), i = 1, 2, ..., where A_i is made of the given
 * first twelve bytes (as three words `w0..w2`) and the word `w3` whose low byte is the counter.
 * @internal
 */
export function xorKeystream(
  aes: Aes128Core,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  input: Uint8Array,
  output: Uint8Array,
): void {
  const n = input.length;
  for (let p = 0, i = 1; p < n; p += 16, i++) {
    A[0] = w0;
    A[1] = w1;
    A[2] = w2;
    A[3] = (w3 & ~0xff) | i;
    aes.encryptWords(A);
    const end = n - p < 16 ? n - p : 16;
    for (let j = 0; j < end; j++) {
      output[p + j] = input[p + j]! ^ ((A[j >> 2]! >>> (24 - 8 * (j & 3))) & 0xff);
    }
  }
}

function frmPayloadCipher(
  key: KeyInput,
  input: FrmPayloadCipherInput,
  output: Uint8Array | undefined,
): Uint8Array {
  const aes = toAes(key, 'key');
  const dir = dirBit(input.direction);
  const devAddr = checkUint(input.devAddr, 'devAddr', 32);
  const fCnt = checkUint(input.fCnt, 'fCnt', 32);
  const payload = checkBytes(input.payload, 'payload');
  if (payload.length > MAX_PAYLOAD) {
    throw new LoireError(
      'TOO_LONG',
      `FRMPayload: ${payload.length} bytes exceed the ${MAX_PAYLOAD} the block counter covers`,
      { field: 'FRMPayload' },
    );
  }
  const out = outputFor(output, payload.length);
  // A_i = 0x01 | 4 x 0x00 | Dir | DevAddr (LE) | FCnt (LE, 32 bits) | 0x00 | i (§4.3.3.1).
  xorKeystream(
    aes,
    0x01000000,
    (dir << 16) | ((devAddr & 0xff) << 8) | ((devAddr >>> 8) & 0xff),
    (((devAddr >>> 16) & 0xff) << 24) | ((devAddr >>> 24) << 16) | ((fCnt & 0xff) << 8) |
      ((fCnt >>> 8) & 0xff),
    (((fCnt >>> 16) & 0xff) << 24) | ((fCnt >>> 24) << 16),
    payload,
    out,
  );
  return out;
}

/**
 * Encrypts an FRMPayload (TS001-1.0.4 §4.3.3.1): AppSKey for FPort > 0; for FPort 0 the
 * NwkSKey (1.0) or NwkSEncKey (1.1).
 *
 * @param key - the 16-byte key, or one expanded by `createAes128` / `createCmac`
 * @param input - direction, devAddr (big-endian number), full 32-bit fCnt and the payload
 * @param output - where to write (may be `input.payload` itself); a new array when omitted
 * @returns the ciphertext, same length as the payload
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TOO_LONG` beyond 4080 bytes
 * @example
 * ```ts
 * encryptFrmPayload(appSKey, { direction: 'up', devAddr: 0x49be7df1, fCnt: 2, payload });
 * ```
 */
export function encryptFrmPayload(
  key: KeyInput,
  input: FrmPayloadCipherInput,
  output?: Uint8Array,
): Uint8Array {
  return frmPayloadCipher(key, input, output);
}

/**
 * Decrypts an FRMPayload; the counter-mode inverse of {@link encryptFrmPayload} (the same
 * operation, TS001-1.0.4 §4.3.3.1).
 *
 * @param key - the 16-byte key, or one expanded by `createAes128` / `createCmac`
 * @param input - direction, devAddr (big-endian number), full 32-bit fCnt and the ciphertext
 * @param output - where to write (may be `input.payload` itself); a new array when omitted
 * @returns the plaintext
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example
 * ```ts
 * decryptFrmPayload(appSKey, { direction: 'up', devAddr: 0x49be7df1, fCnt: 2, payload });
 * ```
 */
export function decryptFrmPayload(
  key: KeyInput,
  input: FrmPayloadCipherInput,
  output?: Uint8Array,
): Uint8Array {
  return frmPayloadCipher(key, input, output);
}
