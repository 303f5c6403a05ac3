import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { aradCodecs, sonataCodec } from '../../../codecs/vendors/arad/index.js';
import { checkVector, onlyCodecErrors, vectorsOf } from './vectors.js';

const recvTime = new Date('2024-11-12T18:51:44.085Z');
const decode = (bytes: number[]): unknown =>
  sonataCodec.decodeUplink({ bytes, fPort: 1, recvTime, variables: {} }).data;
const encode = (data: unknown): number[] =>
  sonataCodec.encodeUplink!({ data, variables: { recvTime } }).bytes;

const byte = fc.integer({ min: 0, max: 255 });
const bytesOf = (n: number): fc.Arbitrary<number[]> =>
  fc.array(byte, { minLength: n, maxLength: n });

describe('arad/sonata', () => {
  const vs = vectorsOf('arad/sonata');
  test('has its codecs.json examples', () => {
    expect(vs.length).toBeGreaterThan(0);
  });
  for (const v of vs) {
    test(`reproduces ${v.id} (${v.source.split(',')[0]})`, () => checkVector(sonataCodec, v));
  }

  test('is exported in aradCodecs', () => {
    expect(aradCodecs).toContain(sonataCodec);
  });

  test.prop([fc.constantFrom(0x9d, 0x9b), bytesOf(9), fc.integer({ min: 0, max: 15 })])(
    'standard and alarm burst round-trip', (type, body, nib) => {
      const data = decode([type, ...body, nib]);
      expect(decode(encode(data))).toEqual(data);
    });

  // Factors 10^-4 to 10^3 (nibbles 3 to 10): beyond them the decoder's own float sums lose
  // the deltas, and an exact re-encoding may not exist.
  test.prop([bytesOf(16), fc.integer({ min: 3, max: 10 }), fc.integer({ min: 3, max: 10 }),
    fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 96 })])(
    'data log round-trips', (head, volNib, nib, deltas) => {
      head[7] = volNib;
      const bytes = [0x06, ...head, nib];
      for (const d of deltas) bytes.push(d >> 8, d & 0xff);
      const data = decode(bytes);
      expect(decode(encode(data))).toEqual(data);
    });

  test.prop([bytesOf(49)])('WT log beacon round-trips', (body) => {
    const data = decode([0x80, ...body]);
    expect(decode(encode(data))).toEqual(data);
  });

  test('rejects an 11-byte type with a wrong length', () => {
    expect(() => decode([0x9d, 1, 2])).toThrow(expect.objectContaining(
      { message: 'Standard: length must be 11 bytes, got 3' }));
  });

  test.prop([fc.uint8Array({ maxLength: 60 }), fc.integer({ min: 0, max: 255 })])(
    'is total on arbitrary bytes and ports', (b, fPort) => {
      onlyCodecErrors(() => sonataCodec.decodeUplink({ bytes: Array.from(b), fPort, recvTime,
        variables: {} }));
    });

  test('normalizes to the harmonised water view', () => {
    const data = decode([0x9d, 0x59, 0x0c, 0x88, 0, 4, 0, 0x1a, 0xa9, 0x46, 0x07]);
    expect(sonataCodec.normalizeUplink!(data)).toEqual({ category: 'water', volumeM3: 1747.27,
      readingTime: recvTime.toISOString(), leak: true, backflow: false, tamper: false,
      lowBattery: false });
  });
});
