/**
 * AES-CMAC (RFC 4493), the message authentication code behind every LoRaWAN MIC
 * (TS001-1.0.4 §4.4, §6.2.5, §6.2.6; TS001-1.1 §4.4, §6.2.2 to §6.2.4).
 */
import { Aes128Core, checkKey16, storeWords, type Aes128 } from './aes.js';

/** A CMAC key with its AES expansion and subkeys K1, K2 computed once. */
export interface Cmac {
  /** The expanded AES-128 key underneath, usable for block operations with the same key. */
  readonly aes: Aes128;
  /**
   * The 16-byte CMAC of `message` (RFC 4493 §2.4).
   *
   * @param message - any length, including 0; pass a `subarray` to MAC part of a frame
   * @param output - where to write the 16-byte tag (a new array when omitted)
   * @returns the tag
   */
  mac(message: Uint8Array, output?: Uint8Array): Uint8Array;
}

/** @internal The word-level CMAC used by the MIC functions. */
export class CmacCore implements Cmac {
  readonly aes: Aes128Core;
  private readonly k1 = new Int32Array(4);
  private readonly k2 = new Int32Array(4);

  constructor(aes: Aes128Core) {
    this.aes = aes;
    // Subkeys (RFC 4493 §2.3): L = AES-K(0^128), K1 = L << 1 (xor Rb), K2 = K1 << 1 (xor Rb).
    const l = new Int32Array(4);
    aes.encryptWords(l);
    doubleBlock(l, this.k1);
    doubleBlock(this.k1, this.k2);
  }

  mac(message: Uint8Array, output?: Uint8Array): Uint8Array {
    if (!(message instanceof Uint8Array)) {
      throw new TypeError(`message: expected a Uint8Array, got ${typeof message}`);
    }
    const out = output ?? new Uint8Array(16);
    if (!(out instanceof Uint8Array) || out.length < 16) {
      throw new RangeError(`output: expected at least 16 bytes, got ${out.length}`);
    }
    const s = STATE;
    this.macWords(null, message, 0, message.length, s);
    storeWords(s, out, 0);
    return out;
  }

  /**
   * CMAC of `prefix || message[off .. off+len)`, leaving the tag as four big-endian words in
   * `s`. `prefix` (four words, a whole block, or null) is how the MIC code passes its B0/B1
   * block without concatenating it to the frame.
   */
  macWords(
    prefix: Int32Array | null,
    message: Uint8Array,
    off: number,
    len: number,
    s: Int32Array,
  ): void {
    const aes = this.aes;
    s[0] = 0;
    s[1] = 0;
    s[2] = 0;
    s[3] = 0;
    if (prefix !== null) {
      s[0] = prefix[0]!;
      s[1] = prefix[1]!;
      s[2] = prefix[2]!;
      s[3] = prefix[3]!;
      if (len === 0) {
        // The prefix is the last, complete block: xor K1 (RFC 4493 §2.4 step 4).
        xorInto(s, this.k1);
      }
      aes.encryptWords(s);
      if (len === 0) return;
    }
    let p = off;
    const end = off + len;
    // Every block but the last is chained plainly (CBC-MAC, RFC 4493 §2.4 step 6).
    while (end - p > 16) {
      s[0] ^= (message[p]! << 24) | (message[p + 1]! << 16) | (message[p + 2]! << 8) |
        message[p + 3]!;
      s[1] ^= (message[p + 4]! << 24) | (message[p + 5]! << 16) | (message[p + 6]! << 8) |
        message[p + 7]!;
      s[2] ^= (message[p + 8]! << 24) | (message[p + 9]! << 16) | (message[p + 10]! << 8) |
        message[p + 11]!;
      s[3] ^= (message[p + 12]! << 24) | (message[p + 13]! << 16) | (message[p + 14]! << 8) |
        message[p + 15]!;
      aes.encryptWords(s);
      p += 16;
    }
    const rem = end - p;
    for (let i = 0; i < rem; i++) s[i >> 2] ^= message[p + i]! << (24 - 8 * (i & 3));
    if (rem === 16) {
      xorInto(s, this.k1);
    } else {
      // Incomplete (or empty) last block: pad with 10* and use K2 (RFC 4493 §2.4 step 4).
      s[rem >> 2] ^= 0x80 << (24 - 8 * (rem & 3));
      xorInto(s, this.k2);
    }
    aes.encryptWords(s);
  }
}

const STATE = new Int32Array(4);

function xorInto(s: Int32Array, k: Int32Array): void {
  s[0] ^= k[0]!;
  s[1] ^= k[1]!;
  s[2] ^= k[2]!;
  s[3] ^= k[3]!;
}

/** Left shift by one bit of a 128-bit big-endian value, reduced by Rb = 0x87 (RFC 4493 §2.3). */
function doubleBlock(a: Int32Array, out: Int32Array): void {
  const carry = a[0]! >>> 31;
  out[0] = (a[0]! << 1) | (a[1]! >>> 31);
  out[1] = (a[1]! << 1) | (a[2]! >>> 31);
  out[2] = (a[2]! << 1) | (a[3]! >>> 31);
  out[3] = (a[3]! << 1) ^ (carry ? 0x87 : 0);
}

/**
 * Prepares a CMAC key: expands AES-128 and computes subkeys K1 and K2 once, so each later
 * `mac` costs only the message blocks.
 *
 * @param key - 16-byte AES key
 * @returns a keyed object with `mac(message)`
 * @throws {TypeError} when `key` is not a Uint8Array
 * @throws {RangeError} when `key` is not 16 bytes long
 * @example
 * ```ts
 * const c = createCmac(hexToBytes('2b7e151628aed2a6abf7158809cf4f3c'));
 * bytesToHex(c.mac(new Uint8Array(0))); // 'bb1d6929e95937287fa37d129b756746' (RFC 4493 §4)
 * ```
 */
export function createCmac(key: Uint8Array): Cmac {
  checkKey16(key, 'key');
  return new CmacCore(new Aes128Core(key));
}

/**
 * One-shot CMAC: `createCmac(key).mac(message)`. Prefer {@link createCmac} when the key is
 * reused.
 *
 * @param key - 16-byte AES key
 * @param message - any length
 * @returns the 16-byte tag
 * @throws {RangeError} when `key` is not 16 bytes long
 * @example cmac(appKey, joinRequestWithoutMic).subarray(0, 4) // the Join-Request MIC
 */
export function cmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  return createCmac(key).mac(message);
}
