/**
 * Join-Accept encryption (TS001-1.0.4 §6.2.6, TS001-1.1 §6.2.3): everything after MHDR,
 * MIC included, is ECB-processed with AES *decrypt* by the network so that the end-device
 * only needs AES encrypt to read it.
 */
import { LoireError } from '../errors.js';
import { toAes, type KeyInput } from './key-input.js';
import { checkBytes, outputFor } from './params.js';

function joinAcceptCipher(
  key: KeyInput,
  phyPayload: Uint8Array,
  output: Uint8Array | undefined,
  encrypt: boolean,
): Uint8Array {
  const aes = toAes(key, 'key');
  const p = checkBytes(phyPayload, 'phyPayload');
  // MHDR + 16 bytes (no CFList) or + 32 bytes (16-byte CFList) (TS001-1.0.4 §6.2.6).
  if (p.length !== 17 && p.length !== 33) {
    throw new LoireError(
      p.length < 17 ? 'TRUNCATED' : 'TOO_LONG',
      `phyPayload: a Join-Accept is 17 or 33 bytes with MHDR and MIC, got ${p.length}`,
      { offset: Math.min(p.length, 33), field: 'JoinAccept' },
    );
  }
  const out = outputFor(output, p.length);
  out[0] = p[0]!;
  for (let off = 1; off < p.length; off += 16) {
    if (encrypt) aes.decryptBlock(p, out, off, off);
    else aes.encryptBlock(p, out, off, off);
  }
  return out;
}

/**
 * Encrypts a Join-Accept given in clear with its MIC: bytes 1.. are AES-decrypted block by
 * block (TS001-1.0.4 §6.2.6), MHDR is kept.
 *
 * @param key - AppKey (1.0); NwkKey (1.1, answer to a Join-Request); JSEncKey (1.1, answer to
 *   a Rejoin-Request). 16 bytes or a `createAes128` / `createCmac` object.
 * @param phyPayload - MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay | [CFList] |
 *   MIC, in clear: 17 or 33 bytes
 * @param output - where to write (may be `phyPayload`); a new array when omitted
 * @returns the frame as sent on air
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` / `TOO_LONG` when not 17 or 33 bytes
 * @example encryptJoinAccept(appKey, clearWithMic) // 17 bytes ready to send
 */
export function encryptJoinAccept(
  key: KeyInput,
  phyPayload: Uint8Array,
  output?: Uint8Array,
): Uint8Array {
  return joinAcceptCipher(key, phyPayload, output, true);
}

/**
 * Decrypts a received Join-Accept: bytes 1.. are AES-encrypted block by block, giving the
 * clear fields and MIC (TS001-1.0.4 §6.2.6). Check the MIC afterwards with
 * `verifyJoinAcceptMic10` or `verifyJoinAcceptMic11`.
 *
 * @param key - as for {@link encryptJoinAccept}
 * @param phyPayload - the frame as received: 17 or 33 bytes
 * @param output - where to write (may be `phyPayload`); a new array when omitted
 * @returns the frame in clear, MHDR and MIC included
 * @throws {TypeError|RangeError} naming a wrong argument
 * @throws {LoireError} `TRUNCATED` / `TOO_LONG` when not 17 or 33 bytes
 * @example decryptJoinAccept(appKey, hexToBytes('20e3de108795f776b8037610ef7869b5b3'))
 */
export function decryptJoinAccept(
  key: KeyInput,
  phyPayload: Uint8Array,
  output?: Uint8Array,
): Uint8Array {
  return joinAcceptCipher(key, phyPayload, output, false);
}
