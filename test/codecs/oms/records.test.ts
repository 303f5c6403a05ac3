import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import {
  CODINGS, decodeOmsHeader, decodeOmsRecords, encodeOmsRecords, resolveProfile,
  type OmsRecordInput,
} from '../../../codecs/formats/oms/index.js';
import { hexBytes } from '../vendors/vectors.js';

/** Structure fields, the part of a record that encoding reads. */
function structure(r: Record<string, unknown>): Record<string, unknown> {
  const keys = ['dataField', 'function', 'storage', 'tariff', 'subUnit', 'vib', 'value',
    'plainTextUnit', 'summerTime', 'lvar', 'profile', 'invalid', 'dataHex'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

function throwsOnlyCodecErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCodecError(e)) throw e;
  }
}

describe('known answers', () => {
  // Sensus iPERL SND-ALARM frame and the values of its reference decoder
  // (TheThingsNetwork/lorawan-devices vendor/sensus/iperl-codec.yaml, codecs.json water-03).
  const iperl = hexBytes('7a060400008404133a1c7e0184046d2a2d13368d04931318d23c34002e0034002e00' +
    '39002e0034002e00340033003400');

  test('decodes the iPERL short header', () => {
    const h = decodeOmsHeader(iperl, 0);
    expect(h.header).toEqual({ ci: 0x7a, kind: 'short', accessNo: 6, status: 4,
      configuration: 0 });
    expect(h.offset).toBe(5);
  });

  test('decodes volume, type F date and the inverse compact profile of iPERL', () => {
    const { records } = decodeOmsRecords(iperl, 5);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ storage: 8, quantity: 'volume', unit: 'm3',
      exponent: -3, value: 25041978, scaledValue: 25041.978 });
    expect(records[1]).toMatchObject({ storage: 8, quantity: 'dateTime',
      value: '2024-06-19T13:42:00.000Z' });
    expect(records[2]!.profile).toMatchObject({ kind: 'inverse',
      incrementMode: 'signedDifference', spacingUnit: 'minutes', spacingValue: 60 });
    const pts = resolveProfile(records, 2);
    // Reference: storage 19 holds 25041426 at 1718764920 s.
    expect(pts[pts.length - 1]).toEqual({ storage: 19, value: 25041426,
      time: new Date(1718764920 * 1000).toISOString() });
  });

  // Kamstrup "midnight log" example, actility/device-catalog vendors/kamstrup/drivers/generic/
  // examples.json: volume 0.236 m3, min/max flow 0, flow temperatures invalid (0x80).
  test('decodes function fields and type B invalid values of a Kamstrup frame', () => {
    const b = hexBytes('78446D0020F32A4413EC00000052FF25100042FF1C0500623B0000523B0000' +
      '615B80515B80');
    const { records } = decodeOmsRecords(b, 1);
    expect(records[0]).toMatchObject({ value: '2023-10-19T00:00:00.000Z', storage: 1 });
    expect(records[1]).toMatchObject({ scaledValue: 0.236 });
    expect(records[4]).toMatchObject({ function: 'minimum', quantity: 'volumeFlow', value: 0 });
    expect(records[6]).toMatchObject({ function: 'minimum', quantity: 'flowTemperature',
      value: null, invalid: true, dataHex: '80' });
  });

  // wmbusmeters test data (tests/test_supercom587.sh in wmbusmeters/wmbusmeters): a Sontex
  // Supercom 587 T1 telegram, unencrypted, shown by wmbusmeters as total_m3 5.548. From the CI
  // field on: BCD volume, type G dates, a BCD compact profile with register numbers (monthly
  // spacing 254), FD-table records, a sub-unit and tariffs.
  test('decodes a Supercom 587 telegram: BCD, dates, BCD profile, FD records', () => {
    const b = hexBytes('7A8F000000' +
      '0C1348550000426CE1F14C130000000082046C21298C0413330000008D04931E3A3CFE33000000330000' +
      '0033000000330000003300000033000000330000003300000033000000330000003300000033000000' +
      '4300000034180000046D0D0B5C2B03FD6C5E150082206C5C290BFD0F0200018C40796788852383' +
      '10FD3100000082106C01018110FD610002FD66020002FD170000');
    const h = decodeOmsHeader(b, 0);
    expect(h.header).toMatchObject({ accessNo: 0x8f, status: 0, configuration: 0 });
    const { records } = decodeOmsRecords(b, h.offset);
    expect(records[0]).toMatchObject({ coding: 'bcd8', quantity: 'volume', scaledValue: 5.548 });
    const profile = records.find((r) => r.profile)!;
    expect(profile.storage).toBe(8);
    expect(profile.profile).toMatchObject({ kind: 'compactWithRegisters',
      incrementMode: 'absolute', spacingUnit: 'days', spacingValue: 254, elementCoding: 0x0c });
    expect(profile.profile!.elements).toHaveLength(14);
    expect(records.find((r) => r.quantity === 'enhancedId')).toMatchObject({ subUnit: 1 });
    expect(records[records.length - 1]).toMatchObject({ quantity: 'errorFlags', value: 0 });
    expect(encodeOmsRecords(records)).toEqual(b.slice(h.offset));
  });

  test('keeps manufacturer data after DIF 0x0F and skips idle fillers', () => {
    const r = decodeOmsRecords([0x2f, 0x01, 0xfd, 0x17, 0x05, 0x2f, 0x0f, 0xaa, 0xbb], 0);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ vifTable: 'fd', quantity: 'errorFlags', value: 5 });
    expect(r.manufacturerData).toBe('aabb');
  });

  test('rejects a truncated record naming offset and length', () => {
    expect(() => decodeOmsRecords([0x04, 0x13, 0x01], 0)).toThrow(
      expect.objectContaining({ message: 'oms record 0 at offset 0: int32 data: need 4 bytes ' +
        'at offset 2, got 1' }));
  });

  test('refuses an encrypted frame instead of reading ciphertext', () => {
    expect(() => decodeOmsHeader([0x7a, 1, 0, 0x00, 0x05], 0)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('security mode 5') }));
  });
});

// Arbitraries: one per coding, over the VIFs that decode each coding differently.
const dib = {
  function: fc.constantFrom('instantaneous', 'maximum', 'minimum', 'error') as
    fc.Arbitrary<OmsRecordInput['function']>,
  storage: fc.integer({ min: 0, max: 2 ** 41 - 1 }),
  tariff: fc.integer({ min: 0, max: 2 ** 20 - 1 }),
  subUnit: fc.integer({ min: 0, max: 1023 }),
};
const volumeVib = fc.integer({ min: 0x10, max: 0x17 }).map((v) => [v]);
const vibs: fc.Arbitrary<number[]> = fc.oneof(volumeVib,
  fc.constantFrom<number[]>([0x3b], [0xfd, 0x17], [0x93, 0x3c], [0xfb, 0x10], [0xff, 0x25]));

function intRecord(df: number, n: number): fc.Arbitrary<OmsRecordInput> {
  const half = 2n ** BigInt(8 * n - 1);
  return fc.record({ ...dib, vib: fc.constantFrom([0x13], [0x5b], [0x93, 0x3c]),
    value: fc.bigInt({ min: -half + 1n, max: half - 1n }).map((b) =>
      b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n ? Number(b) : b.toString()),
    dataField: fc.constant(df) });
}

const records = [
  ...[1, 2, 3, 4, 6, 7].map((df) => intRecord(df, [0, 1, 2, 3, 4, 4, 6, 8][df]!)),
  fc.record({ ...dib, dataField: fc.constant(0), vib: vibs, value: fc.constant(null) }),
  fc.record({ ...dib, dataField: fc.constant(8), vib: vibs, value: fc.constant(null) }),
  fc.record({ ...dib, dataField: fc.constant(5), vib: vibs,
    value: fc.float({ noNaN: true, noDefaultInfinity: true }).map((f) => (f === 0 ? 0 : f)) }),
  ...[[9, 1], [10, 2], [11, 3], [12, 4], [14, 6]].map(([df, n]) => fc.record({ ...dib,
    dataField: fc.constant(df!), vib: vibs,
    value: fc.integer({ min: -(10 ** (2 * n! - 1) - 1), max: 10 ** (2 * n!) - 1 })
      .filter((v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER) })),
  fc.record({ ...dib, dataField: fc.constant(4), vib: fc.constant([0x6d]),
    value: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2299-12-31T23:59:00Z'),
      noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 60000) * 60000)
      .toISOString()), summerTime: fc.constantFrom(undefined, true) }),
  fc.record({ ...dib, dataField: fc.constant(2), vib: fc.constant([0x6c]),
    value: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2127-12-31T00:00:00Z'),
      noInvalidDate: true }).map((d) => d.toISOString().substr(0, 10)) }),
  fc.record({ ...dib, dataField: fc.constant(2), vib: fc.constant([0x5a]),
    value: fc.constant(null),
    invalid: fc.constant(true), dataHex: fc.constant('0080') }),
  fc.record({ ...dib, dataField: fc.constant(13), vib: vibs,
    value: fc.string({ maxLength: 20, unit: fc.integer({ min: 32, max: 126 })
      .map((c) => String.fromCharCode(c)) }) }).map((r) => ({ ...r, lvar: r.value.length })),
  fc.record({ ...dib, dataField: fc.constant(13), vib: vibs,
    value: fc.uint8Array({ minLength: 0, maxLength: 15 })
      .map((b) => Buffer.from(b).toString('hex')) })
    .map((r) => ({ ...r, lvar: 0xe0 + r.value.length / 2 })),
  fc.record({ ...dib, dataField: fc.constant(13), vib: vibs, n: fc.integer({ min: 1, max: 7 }),
    neg: fc.boolean() }).chain((r) => fc.integer({ min: 0, max: 10 ** (2 * r.n) - 1 }).map((v) => {
    const { n, neg, ...rest } = r;
    return { ...rest, lvar: (neg ? 0xd0 : 0xc0) + n, value: neg && v !== 0 ? -v : v };
  })),
  fc.record({ ...dib, dataField: fc.constant(13), vib: fc.constantFrom([0x93, 0x13], [0x93, 0x1f]),
    value: fc.constant(null),
    profile: fc.record({ incrementMode: fc.constantFrom('increments', 'signedDifference'),
      spacingUnit: fc.constantFrom('seconds', 'minutes', 'hours', 'days'),
      spacingValue: fc.integer({ min: 0, max: 255 }),
      elementCoding: fc.constantFrom(2, 0x0a),
      elements: fc.array(fc.integer({ min: 0, max: 9999 }), { maxLength: 40 }) }) })
    .map((r) => ({ ...r, profile: { kind: r.vib[1] === 0x13 ? 'inverse' : 'compact',
      ...r.profile } as never })),
];

describe('round trips', () => {
  test.prop([fc.array(fc.oneof(...(records as fc.Arbitrary<OmsRecordInput>[])),
    { maxLength: 8 })], { numRuns: 300 })(
    'decodeOmsRecords(encodeOmsRecords(r)) keeps every coding', (input) => {
      const bytes = encodeOmsRecords(input);
      const back = decodeOmsRecords(bytes, 0).records;
      // The encoder computes a profile's LVAR, so the input has none to compare.
      const want = input.map((r, i) => structure({ tariff: 0, subUnit: 0, ...r,
        ...(r.profile ? { lvar: back[i]!.lvar } : {}) }));
      expect(back.map((r) => structure(r as never))).toEqual(want);
      expect(encodeOmsRecords(back)).toEqual(bytes);
      for (const r of back) expect(r.coding).toBe(CODINGS[r.dataField]);
    });

  test.prop([fc.uint8Array({ maxLength: 64 })])('is total on arbitrary bytes', (b) => {
    throwsOnlyCodecErrors(() => decodeOmsRecords(Array.from(b), 0));
    throwsOnlyCodecErrors(() => decodeOmsHeader(Array.from(b), 0));
  });
});
