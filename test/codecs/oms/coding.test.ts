import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { readFloat32LE } from '../../../codecs/framework/bytes.js';
import { float32Bits, readIntegerLE, writeFloat32LE, writeIntegerLE }
  from '../../../codecs/formats/oms/coding.js';
import { decodeTypeF, decodeTypeG, encodeTypeF, encodeTypeG }
  from '../../../codecs/formats/oms/date.js';
import { decodeOmsHeader, encodeOmsHeader, manufacturerCodeOf, manufacturerLetters }
  from '../../../codecs/formats/oms/index.js';

describe('binary codings against node oracles', () => {
  test.prop([fc.double()])('float32Bits agrees with DataView.setFloat32', (x) => {
    const dv = new DataView(new ArrayBuffer(4));
    dv.setFloat32(0, x);
    const want = dv.getUint32(0);
    // NaN payloads differ between engines; only the class matters.
    if (x !== x) expect(float32Bits(x) & 0x7f800000).toBe(0x7f800000);
    else expect(float32Bits(x)).toBe(want);
  });

  test.prop([fc.float({ noNaN: true })])('real32 round-trips through bytes', (x) => {
    const out: number[] = [];
    writeFloat32LE(out, x, 'x');
    expect(Object.is(readFloat32LE(out, 0, 'x'), x)).toBe(true);
  });

  test.prop([fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })])(
    'int64 agrees with BigInt64 in both directions', (b) => {
      const dv = new DataView(new ArrayBuffer(8));
      dv.setBigInt64(0, b, true);
      const bytes = Array.from(new Uint8Array(dv.buffer));
      const v = readIntegerLE(bytes, 0, 8, true, 'v');
      expect(BigInt(v)).toBe(b);
      const out: number[] = [];
      writeIntegerLE(out, v, 8, true, 'v');
      expect(out).toEqual(bytes);
    });

  test('rejects an integer that does not fit its coding', () => {
    expect(() => writeIntegerLE([], 128, 1, true, 'value')).toThrow(
      expect.objectContaining({ message: 'value: 128 does not fit in 1 signed bytes' }));
  });
});

describe('dates', () => {
  test('type F of the iPERL frame is 2024-06-19 13:42 UTC (reference strValue)', () => {
    expect(decodeTypeF([0x2a, 0x2d, 0x13, 0x36], 0, 'd')).toEqual(
      { iso: '2024-06-19T13:42:00.000Z', summerTime: false });
  });

  test('type F with the IV bit set is invalid', () => {
    expect(decodeTypeF([0xaa, 0x2d, 0x13, 0x36], 0, 'd')).toBeUndefined();
  });

  test('type G 0xFFFF is invalid', () => {
    expect(decodeTypeG([0xff, 0xff], 0, 'd')).toBeUndefined();
  });

  test.prop([fc.date({ min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2127-12-31T00:00:00Z'), noInvalidDate: true })])('type G round-trips', (d) => {
    const iso = d.toISOString().substr(0, 10);
    const out: number[] = [];
    encodeTypeG(out, iso, 'd');
    expect(decodeTypeG(out, 0, 'd')).toBe(iso);
  });

  test.prop([fc.date({ min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2299-12-31T23:59:00Z'), noInvalidDate: true }), fc.boolean()])(
    'type F round-trips in UTC', (d, su) => {
      const iso = new Date(Math.floor(d.getTime() / 60000) * 60000).toISOString();
      const out: number[] = [];
      encodeTypeF(out, iso, su, 'd');
      expect(decodeTypeF(out, 0, 'd')).toEqual({ iso, summerTime: su });
    });
});

describe('headers', () => {
  // EN 13757-7 manufacturer code: KAM (Kamstrup) is 0x2C2D.
  test('manufacturer letters', () => {
    expect(manufacturerCodeOf('KAM')).toBe(0x2c2d);
    expect(manufacturerLetters(0x2c2d)).toBe('KAM');
  });

  test.prop([fc.record({ identificationNo: fc.integer({ min: 0, max: 99999999 }),
    manufacturer: fc.stringMatching(/^[A-Z]{3}$/), version: fc.integer({ min: 0, max: 255 }),
    deviceType: fc.integer({ min: 0, max: 255 }), accessNo: fc.integer({ min: 0, max: 255 }),
    status: fc.integer({ min: 0, max: 255 }),
    configuration: fc.integer({ min: 0, max: 0xffff }).map((c) => c & 0xe0ff) })])(
    'the long header round-trips', (h) => {
      const out: number[] = [];
      encodeOmsHeader(out, { ci: 0x72, kind: 'long', ...h });
      const back = decodeOmsHeader(out, 0);
      expect(back.offset).toBe(13);
      expect(back.header).toMatchObject(h);
    });
});
