import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createAes128 } from '../../src/crypto/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { aesEcbDecrypt, aesEcbEncrypt, hex, toHex } from './oracle.js';

const vectors = loadVectors<MacVector[]>('mac.json').filter((v) => v.kind === 'aes-ecb');
const block = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('AES-128 known answers (FIPS-197, SP 800-38A)', () => {
  it('has vectors to check', () => expect(vectors.length).toBeGreaterThanOrEqual(4));
  for (const v of vectors) {
    it(v.id, () => {
      const aes = createAes128(hex(v.inputs.key as string));
      const ct = aes.encryptBlock(hex(v.inputs.plaintext as string));
      expect(toHex(ct)).toBe(v.expected.ciphertext);
      expect(toHex(aes.decryptBlock(ct))).toBe(v.inputs.plaintext);
    });
  }
});

describe('AES-128 agrees with node:crypto', () => {
  test.prop([block, block])('encryptBlock equals AES-128-ECB', (key, pt) => {
    expect(createAes128(key).encryptBlock(pt)).toEqual(aesEcbEncrypt(key, pt));
  });
  test.prop([block, block])('decryptBlock equals AES-128-ECB decipher', (key, ct) => {
    expect(createAes128(key).decryptBlock(ct)).toEqual(aesEcbDecrypt(key, ct));
  });
  test.prop([block, fc.uint8Array({ minLength: 16, maxLength: 64 }), fc.nat(48), fc.nat(48)])(
    'reads and writes at offsets, in place too',
    (key, buf, inOff, outOff) => {
      fc.pre(inOff + 16 <= buf.length && outOff + 16 <= buf.length);
      const expected = aesEcbEncrypt(key, buf.slice(inOff, inOff + 16));
      const copy = buf.slice();
      createAes128(key).encryptBlock(copy, copy, inOff, outOff);
      expect(copy.subarray(outOff, outOff + 16)).toEqual(expected);
    },
  );
});

describe('AES-128 argument errors', () => {
  it('rejects a 15-byte key naming key, 16 and 15', () => {
    expect(() => createAes128(new Uint8Array(15))).toThrow(RangeError);
    expect(() => createAes128(new Uint8Array(15))).toThrow(/key: expected 16 bytes, got 15/);
  });
  it('rejects a 32-byte key (AES-256 is not LoRaWAN)', () => {
    expect(() => createAes128(new Uint8Array(32))).toThrow(/key: expected 16 bytes, got 32/);
  });
  it('rejects a key that is not a Uint8Array', () => {
    expect(() => createAes128('00' as unknown as Uint8Array)).toThrow(TypeError);
  });
  it('rejects a short input block and a bad offset', () => {
    const aes = createAes128(new Uint8Array(16));
    expect(() => aes.encryptBlock(new Uint8Array(15))).toThrow(/input: expected 16 bytes/);
    expect(() => aes.encryptBlock(new Uint8Array(16), undefined, 1)).toThrow(RangeError);
    expect(() => aes.decryptBlock(new Uint8Array(16), new Uint8Array(8))).toThrow(/output/);
  });
});
