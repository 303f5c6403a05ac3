import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { cmac as nobleCmac } from '@noble/ciphers/aes.js';
import { cmac, createCmac } from '../../src/crypto/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { cmacOracle, hex, toHex } from './oracle.js';

const vectors = loadVectors<MacVector[]>('mac.json').filter((v) => v.kind === 'cmac');
const key = fc.uint8Array({ minLength: 16, maxLength: 16 });
const message = fc.uint8Array({ minLength: 0, maxLength: 100 });

describe('CMAC known answers (RFC 4493 §4)', () => {
  it('has vectors to check', () => expect(vectors.length).toBeGreaterThanOrEqual(3));
  for (const v of vectors) {
    it(v.id, () => {
      const k = hex(v.inputs.key as string);
      const m = hex(v.inputs.message as string);
      expect(toHex(cmac(k, m))).toBe(v.expected.cmac);
      expect(toHex(createCmac(k).mac(m))).toBe(v.expected.cmac);
    });
  }
});

describe('CMAC agrees with independent implementations', () => {
  test.prop([key, message])('equals the RFC 4493 oracle on node:crypto AES-CBC', (k, m) => {
    expect(cmac(k, m)).toEqual(cmacOracle(k, m));
  });
  test.prop([key, message])("equals @noble/ciphers' cmac", (k, m) => {
    expect(cmac(k, m)).toEqual(nobleCmac(m, k));
  });
  test.prop([key, fc.array(message, { minLength: 1, maxLength: 5 })])(
    'a reused keyed object gives the same tag as a fresh one',
    (k, ms) => {
      const c = createCmac(k);
      for (const m of ms) expect(c.mac(m)).toEqual(cmacOracle(k, m));
    },
  );
  test.prop([key, fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(63), fc.nat(63)])(
    'MACs a subarray without reading outside it',
    (k, buf, a, b) => {
      const from = Math.min(a, b) % buf.length;
      const to = Math.max(a, b) % (buf.length + 1);
      fc.pre(from <= to);
      const part = buf.subarray(from, to);
      expect(cmac(k, part)).toEqual(cmacOracle(k, buf.slice(from, to)));
    },
  );
});

describe('CMAC argument errors', () => {
  it('rejects a 17-byte key naming key', () => {
    expect(() => createCmac(new Uint8Array(17))).toThrow(/key: expected 16 bytes, got 17/);
  });
  it('rejects a message that is not a Uint8Array', () => {
    expect(() => createCmac(new Uint8Array(16)).mac([1, 2] as unknown as Uint8Array)).toThrow(
      TypeError,
    );
  });
});
