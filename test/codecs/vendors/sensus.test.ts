import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { encodeOmsHeader, encodeOmsRecords } from '../../../codecs/formats/oms/index.js';
import { iperlCodec, sensusCodecs } from '../../../codecs/vendors/sensus/index.js';
import { checkVector, onlyCodecErrors, vectorsOf } from './vectors.js';

const decode = (bytes: number[]): unknown =>
  iperlCodec.decodeUplink({ bytes, fPort: 20, variables: {} }).data;

/** An iPERL-like frame: short header, volume, date/time and an inverse compact profile. */
const frames = fc.record({
  accessNo: fc.integer({ min: 0, max: 255 }),
  status: fc.integer({ min: 0, max: 255 }),
  storage: fc.integer({ min: 0, max: 100 }),
  volume: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  minute: fc.integer({ min: 0, max: 2 ** 24 }),
  spacing: fc.integer({ min: 1, max: 250 }),
  unit: fc.constantFrom('seconds', 'minutes', 'hours', 'days'),
  elements: fc.array(fc.integer({ min: -32767, max: 32767 }), { minLength: 1, maxLength: 20 }),
}).map((f) => {
  const out: number[] = [];
  encodeOmsHeader(out, { ci: 0x7a, kind: 'short', accessNo: f.accessNo, status: f.status,
    configuration: 0 });
  const time = new Date(Date.UTC(2000, 0, 1) + f.minute * 60000).toISOString();
  return out.concat(encodeOmsRecords([
    { dataField: 4, function: 'instantaneous', storage: f.storage, vib: [0x13], value: f.volume },
    { dataField: 4, function: 'instantaneous', storage: f.storage, vib: [0x6d], value: time },
    { dataField: 13, function: 'instantaneous', storage: f.storage, vib: [0x93, 0x13],
      value: null, profile: { kind: 'inverse', incrementMode: 'signedDifference',
        spacingUnit: f.unit as 'hours', spacingValue: f.spacing, elementCoding: 2,
        elements: f.elements } },
  ]));
});

describe('sensus/iperl', () => {
  const vs = vectorsOf('sensus/iperl');
  test('has its codecs.json example', () => {
    expect(vs.length).toBe(1);
  });
  for (const v of vs) test(`reproduces ${v.id} (SND-ALARM)`, () => checkVector(iperlCodec, v));

  test('is exported in sensusCodecs', () => {
    expect(sensusCodecs).toContain(iperlCodec);
  });

  test('re-encodes the SND-ALARM example byte for byte', () => {
    const v = vs[0]!;
    const bytes = Buffer.from(v.bytesHex, 'hex').toJSON().data;
    expect(iperlCodec.encodeUplink!({ data: v.expected, variables: {} }))
      .toEqual({ bytes, fPort: 20 });
  });

  test.prop([frames])('decode(encode(data)) = data', (bytes) => {
    const data = decode(bytes);
    const enc = iperlCodec.encodeUplink!({ data, variables: {} });
    expect(decode(enc.bytes)).toEqual(data);
  });

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.constantFrom(1, 20, 100)])(
    'is total on arbitrary bytes', (b, fPort) => {
      onlyCodecErrors(() => iperlCodec.decodeUplink({ bytes: Array.from(b), fPort,
        variables: {} }));
    });

  test('normalizes volume, reading time and battery', () => {
    expect(iperlCodec.normalizeUplink!(vs[0]!.expected)).toEqual({ category: 'water',
      volumeM3: 25041.978, readingTime: '2024-06-19T13:42:00.000Z', lowBattery: true });
  });
});
