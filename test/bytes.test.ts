import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  hexToBytes,
  parseBytes,
} from '../src/bytes/hex.js';
import { LoireError } from '../src/errors.js';

describe('hex and base64', () => {
  test.prop([fc.uint8Array({ maxLength: 64 })])('hex round-trips', (bytes) => {
    expect(hexToBytes(bytesToHex(bytes))).toEqual(bytes);
  });

  test.prop([fc.uint8Array({ maxLength: 64 })])('base64 agrees with node Buffer', (bytes) => {
    const b64 = Buffer.from(bytes).toString('base64');
    expect(bytesToBase64(bytes)).toBe(b64);
    expect(base64ToBytes(b64)).toEqual(bytes);
  });

  test('names the bad hex digit and its position', () => {
    expect(() => hexToBytes('40zz')).toThrowError(/invalid digit 'z' at position 2/);
    expect(() => hexToBytes('40zz')).toThrowError(LoireError);
  });

  test('parseBytes reads a frame as hex first, then base64', () => {
    expect(bytesToHex(parseBytes('40F17DBE49'))).toBe('40f17dbe49');
    expect(bytesToHex(parseBytes('QPF9vkkAAgABlUN4disR/w0='))).toBe(
      '40f17dbe4900020001954378762b11ff0d',
    );
  });
});
