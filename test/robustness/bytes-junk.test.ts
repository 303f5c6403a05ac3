/**
 * Hex and base64 as people paste them: with a typo, a lost digit, broken padding. A paste
 * that cannot be read exactly is an error naming what is wrong, never a silent other value.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToHex, parseBytes } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof LoireError ? e.code : `not a LoireError: ${String(e)}`;
  }
  return 'accepted';
}

describe('parseBytes', () => {
  test('a 0x prefix means hex: an odd digit count is an error, not base64 of the rest', () => {
    expect(code(() => parseBytes('0xabc'))).toBe('BAD_ENCODING');
    expect(() => parseBytes('0x40f17'))
      .toThrowError(/hex: odd number of digits \(5\)/);
  });

  test('hex digits only with one digit lost is an error, not a 2-byte base64 value', () => {
    // '40f17dbe4' is the lora-packet frame's start with its last digit lost.
    expect(code(() => parseBytes('40f17dbe4'))).toBe('BAD_ENCODING');
    expect(code(() => parseBytes('abc'))).toBe('BAD_ENCODING');
  });

  test('padded base64 made of hex letters is still base64', () => {
    // Buffer.from([0x69, 0xb7]).toString('base64') === 'abc='
    expect(bytesToHex(parseBytes('abc='))).toBe('69b7');
  });

  test('still reads the frames people paste', () => {
    expect(bytesToHex(parseBytes('0x40F1 7D:BE-49'))).toBe('40f17dbe49');
    expect(bytesToHex(parseBytes('QPF9vkkAAgABlUN4disR/w0='))).toBe(
      '40f17dbe4900020001954378762b11ff0d',
    );
  });
});

describe('base64ToBytes', () => {
  test('padding alone is not a payload', () => {
    expect(code(() => base64ToBytes('===='))).toBe('BAD_ENCODING');
    expect(code(() => base64ToBytes('='))).toBe('BAD_ENCODING');
  });

  test('padding must complete the last group of four', () => {
    expect(code(() => base64ToBytes('AQ='))).toBe('BAD_ENCODING');
    expect(code(() => base64ToBytes('AQI=='))).toBe('BAD_ENCODING');
    expect(code(() => base64ToBytes('AQ==='))).toBe('BAD_ENCODING');
  });

  test('a last character whose unused bits are set is refused (RFC 4648 §3.5)', () => {
    // 'zz' would silently read as 0xcf, dropping four set bits: a truncated paste.
    expect(code(() => base64ToBytes('zz'))).toBe('BAD_ENCODING');
    expect(code(() => base64ToBytes('AR=='))).toBe('BAD_ENCODING');
    expect(bytesToHex(base64ToBytes('AQ'))).toBe('01');
  });

  test.prop([fc.uint8Array({ maxLength: 40 })])(
    'every canonical encoding, padded or not, still decodes (node Buffer as oracle)',
    (bytes) => {
      const b64 = Buffer.from(bytes).toString('base64');
      expect(base64ToBytes(b64)).toEqual(bytes);
      expect(base64ToBytes(b64.replace(/=+$/, ''))).toEqual(bytes);
      expect(base64ToBytes(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
      expect(bytesToBase64(bytes)).toBe(b64);
    },
  );
});
