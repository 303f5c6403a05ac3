/**
 * How the LoRaWAN crypto functions accept keys: raw 16 bytes, or an object expanded once with
 * {@link createAes128} or {@link createCmac}, so a server checking many frames of one device
 * does the key schedule and the CMAC subkeys only once.
 */
import { Aes128Core, checkKey16, type Aes128 } from './aes.js';
import { CmacCore, type Cmac } from './cmac.js';

/** A 16-byte key, or the same key already expanded by `createAes128` or `createCmac`. */
export type KeyInput = Uint8Array | Aes128 | Cmac;

/** @internal The expanded AES key for `key`, naming `name` in errors. */
export function toAes(key: KeyInput, name: string): Aes128Core {
  if (key instanceof Aes128Core) return key;
  if (key instanceof CmacCore) return key.aes;
  checkKey16(key, name);
  return new Aes128Core(key);
}

/** @internal The CMAC keyed object for `key`, naming `name` in errors. */
export function toCmac(key: KeyInput, name: string): CmacCore {
  if (key instanceof CmacCore) return key;
  if (key instanceof Aes128Core) {
    // Remember the subkeys on the AES object so repeated calls with it stay cheap.
    let c = key.cmacCache as CmacCore | undefined;
    if (c === undefined) {
      c = new CmacCore(key);
      key.cmacCache = c;
    }
    return c;
  }
  checkKey16(key, name);
  return new CmacCore(new Aes128Core(key));
}
