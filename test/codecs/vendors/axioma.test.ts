import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { axiomaCodecs, qalcosonicW1Codec as w1 } from '../../../codecs/vendors/axioma/index.js';
import { checkVector, onlyCodecErrors, vectorsOf } from './vectors.js';

describe('axioma/qalcosonic-w1', () => {
  const vs = vectorsOf('axioma/qalcosonic-w1');
  test('has its codecs.json examples', () => {
    expect(vs.length).toBe(3);
  });
  for (const v of vs) test(`reproduces ${v.id}`, () => checkVector(w1, v));

  test('is exported in axiomaCodecs', () => {
    expect(axiomaCodecs).toContain(w1);
  });

  test.prop([fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 255 }),
    fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 3, maxLength: 3 }),
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 })])(
    'basic frames round-trip', (last, status, [v1, t1, v2], deltas) => {
      const le32 = (x: number): number[] =>
        [0, 1, 2, 3].map((i) => Math.floor(x / 256 ** i) % 256);
      const bytes = [...le32(last), status, ...le32(v1!), ...le32(t1!), ...le32(v2!)];
      for (const d of deltas) bytes.push(d & 0xff, d >> 8);
      const recvTime = new Date(last * 1000);
      const data = w1.decodeUplink({ bytes, fPort: 100, recvTime, variables: {} }).data;
      const enc = w1.encodeUplink!({ data, variables: {} });
      expect(enc.fPort).toBe(100);
      // The temporary-error kind is only kept when bit 4 is set; compare the decoded views.
      expect(w1.decodeUplink({ bytes: enc.bytes, fPort: 100, recvTime, variables: {} }).data)
        .toEqual(data);
    });

  test.prop([fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 5, maxLength: 5 })])(
    'alarm frames round-trip byte for byte', (bytes) => {
      const data = w1.decodeUplink({ bytes, fPort: 103, variables: {} }).data;
      expect(w1.encodeUplink!({ data, variables: {} })).toEqual({ bytes, fPort: 103 });
    });

  test.prop([fc.uint8Array({ maxLength: 60 }), fc.constantFrom(1, 100, 101, 103, 200),
    fc.option(fc.date({ noInvalidDate: true }))])('is total on arbitrary bytes', (b, fPort, t) => {
    onlyCodecErrors(() => w1.decodeUplink({ bytes: Array.from(b), fPort,
      recvTime: t ?? undefined, variables: {} }));
  });

  test('normalizes litres to cubic metres', () => {
    const v = vs.find((x) => x.id === 'water-06')!;
    const data = w1.decodeUplink({ bytes: Buffer.from(v.bytesHex, 'hex').toJSON().data,
      fPort: 100, variables: {} }).data;
    expect(w1.normalizeUplink!(data)).toEqual({ category: 'water', volumeM3: 103.72,
      readingTime: '2021-07-09T03:51:27.000Z', lowBattery: false, leak: false, backflow: false });
  });
});
