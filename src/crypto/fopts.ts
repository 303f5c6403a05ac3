/**
 * LoRaWAN 1.1 FOpts encryption with NwkSEncKey (TS001-1.1 §4.3.1.6), in the block layout of
 * the LoRaWAN 1.1 errata ("FOpts Encryption, Usage of FCntDwn"), which ChirpStack, The Things
 * Stack and LoRaMac-node implement. LoRaWAN 1.0.x sends FOpts in clear.
 */
import { LoireError } from '../errors.js';
import { toAes, type KeyInput } from './key-input.js';
import { checkBytes, checkUint, dirBit, outputFor, type Direction } from './params.js';

/** What {@link encryptFOpts} and {@link decryptFOpts} need besides NwkSEncKey. */
export interface FOptsCipherInput {
  /** `up` for frames from the end-device, `down` for frames to it. */
  direction: Direction;
  /** DevAddr as people read it (big-endian), e.g. `0x01020304`; the block carries it LE. */
  devAddr: number;
  /** The full 32-bit frame counter of this frame (FCntUp, NFCntDown or AFCntDown). */
  fCnt: number;
  /** The FOpts bytes, 0 to 15. */
  fOpts: Uint8Array;
  /**
   * Downlinks only: true when the frame counts with AFCntDown, i.e. it carries an FPort > 0;
   * false (the default) for NFCntDown (no FPort, or FPort 0). The errata sets A byte 4 to 0x02
   * for AFCntDown and 0x01 otherwise. Ignored for uplinks (always 0x01).
   */
  aFCntDown?: boolean;
  /**
   * `errata` (default, interoperable): A = 01 | 00 00 00 | 01 or 02 | Dir | DevAddr | FCnt |
   * 00 | 01. `original`: the pre-errata text of TS001-1.1 (A = 01 | 4 x 00 | Dir | DevAddr |
   * FCnt | 00 | 00), kept only to recognise frames from old implementations.
   */
  layout?: 'errata' | 'original';
}

/** One A block, shared by the calls (single-threaded, never re-entered). */
const A = new Int32Array(4);

function fOptsCipher(
  nwkSEncKey: KeyInput,
  input: FOptsCipherInput,
  output: Uint8Array | undefined,
): Uint8Array {
  const aes = toAes(nwkSEncKey, 'nwkSEncKey');
  const dir = dirBit(input.direction);
  const devAddr = checkUint(input.devAddr, 'devAddr', 32);
  const fCnt = checkUint(input.fCnt, 'fCnt', 32);
  const fOpts = checkBytes(input.fOpts, 'fOpts');
  if (fOpts.length > 15) {
    throw new LoireError('TOO_LONG', `FOpts: ${fOpts.length} bytes, at most 15 allowed`, {
      field: 'FOpts',
    });
  }
  const layout = input.layout ?? 'errata';
  if (layout !== 'errata' && layout !== 'original') {
    throw new TypeError(`layout: expected 'errata' or 'original', got ${String(layout)}`);
  }
  const out = outputFor(output, fOpts.length);
  const errata = layout === 'errata';
  const flag = errata ? (dir === 1 && input.aFCntDown === true ? 0x02 : 0x01) : 0x00;
  A[0] = 0x01000000;
  A[1] = (flag << 24) | (dir << 16) | ((devAddr & 0xff) << 8) | ((devAddr >>> 8) & 0xff);
  A[2] = (((devAddr >>> 16) & 0xff) << 24) | ((devAddr >>> 24) << 16) | ((fCnt & 0xff) << 8) |
    ((fCnt >>> 8) & 0xff);
  A[3] = (((fCnt >>> 16) & 0xff) << 24) | ((fCnt >>> 24) << 16) | (errata ? 0x01 : 0x00);
  aes.encryptWords(A);
  for (let j = 0; j < fOpts.length; j++) {
    out[j] = fOpts[j]! ^ ((A[j >> 2]! >>> (24 - 8 * (j & 3))) & 0xff);
  }
  return out;
}

/**
 * Encrypts LoRaWAN 1.1 FOpts with NwkSEncKey (TS001-1.1 §4.3.1.6 and its errata).
 *
 * @param nwkSEncKey - 16 bytes, or the key expanded by `createAes128` / `createCmac`
 * @param input - direction, devAddr, full fCnt, the FOpts and, for downlinks, `aFCntDown`
 * @param output - where to write (may be `input.fOpts`); a new array when omitted
 * @returns the encrypted FOpts, same length
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TOO_LONG` for more than 15 bytes
 * @example
 * ```ts
 * encryptFOpts(nwkSEncKey, { direction: 'down', devAddr: 0x01020304, fCnt: 0, fOpts });
 * ```
 */
export function encryptFOpts(
  nwkSEncKey: KeyInput,
  input: FOptsCipherInput,
  output?: Uint8Array,
): Uint8Array {
  return fOptsCipher(nwkSEncKey, input, output);
}

/**
 * Decrypts LoRaWAN 1.1 FOpts; the inverse of {@link encryptFOpts} (the same key stream XOR).
 *
 * @param nwkSEncKey - 16 bytes, or the key expanded by `createAes128` / `createCmac`
 * @param input - as for {@link encryptFOpts}, with the encrypted FOpts
 * @param output - where to write (may be `input.fOpts`); a new array when omitted
 * @returns the clear FOpts (MAC commands)
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TOO_LONG` for more than 15 bytes
 * @example
 * ```ts
 * decryptFOpts(nwkSEncKey, { direction: 'up', devAddr, fCnt, fOpts: frame.subarray(8, 11) });
 * ```
 */
export function decryptFOpts(
  nwkSEncKey: KeyInput,
  input: FOptsCipherInput,
  output?: Uint8Array,
): Uint8Array {
  return fOptsCipher(nwkSEncKey, input, output);
}
