import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { encodeOmsRecords, type OmsRecordInput } from '../../../codecs/formats/oms/index.js';
import { flowIq2200Codec as flowIq, kamstrupCodecs }
  from '../../../codecs/vendors/kamstrup/index.js';
import { checkVector, hexBytes, onlyCodecErrors, runDecode, vectorsOf } from './vectors.js';

const decode = (bytes: number[]): ReturnType<typeof flowIq.decodeUplink> =>
  flowIq.decodeUplink({ bytes, fPort: 1, variables: {} });

/** flowIQ-like frames: date/time, volume, optional profile, info code, min and max flow. */
const frames = fc.record({
  minute: fc.integer({ min: 0, max: 2 ** 24 }),
  volume: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  profile: fc.option(fc.array(fc.integer({ min: 0, max: 0xfffe }), { minLength: 1,
    maxLength: 24 })),
  infocode: fc.option(fc.integer({ min: 0, max: 255 })),
  flows: fc.option(fc.tuple(fc.integer({ min: 0, max: 32767 }), fc.integer({ min: 0,
    max: 32767 }))),
}).map((f) => {
  const time = new Date(Date.UTC(2000, 0, 1) + f.minute * 60000).toISOString();
  const recs: OmsRecordInput[] = [
    { dataField: 4, function: 'instantaneous', storage: 1, vib: [0x6d], value: time },
    { dataField: 4, function: 'instantaneous', storage: 1, vib: [0x13], value: f.volume },
  ];
  if (f.profile) {
    recs.push({ dataField: 13, function: 'instantaneous', storage: 1, vib: [0x93, 0x13],
      value: null, profile: { kind: 'inverse', incrementMode: 'increments',
        spacingUnit: 'hours', spacingValue: 1, elementCoding: 2, elements: f.profile } });
  }
  if (f.infocode !== null) {
    recs.push({ dataField: 2, function: 'instantaneous', storage: 1, vib: [0xff, 0x25],
      value: f.infocode });
  }
  if (f.flows) {
    recs.push({ dataField: 2, function: 'minimum', storage: 1, vib: [0x3b], value: f.flows[0] });
    recs.push({ dataField: 2, function: 'maximum', storage: 1, vib: [0x3b], value: f.flows[1] });
  }
  return [0x78].concat(encodeOmsRecords(recs));
});

describe('kamstrup/flowiq-2200', () => {
  const vs = vectorsOf('kamstrup/flowiq-2200');
  test('has its codecs.json example', () => {
    expect(vs.length).toBe(1);
  });
  for (const v of vs) test(`reproduces ${v.id}`, () => checkVector(flowIq, v));

  test('is exported in kamstrupCodecs', () => {
    expect(kamstrupCodecs).toContain(flowIq);
  });

  // actility/device-catalog vendors/kamstrup/drivers/generic/examples.json, "Data from
  // midnight log of water meter with invalid temperatures": info code bit 4 (tamper), ALD 5,
  // flow temperatures invalid.
  test('decodes the midnight log example of the reference driver', () => {
    const r = decode(hexBytes('78446D0020F32A4413EC00000052FF25100042FF1C0500623B0000523B0000' +
      '615B80515B80'));
    const t = '2023-10-19T00:00:00.000Z';
    const values = (r.data as { values: unknown[] }).values;
    expect(values).toHaveLength(14);
    expect(values[5]).toEqual({ Type: 'Tamper', Value: true, Unit: 'NA', Timestamp: t });
    expect(values[9]).toEqual({ Type: 'ALD last day', Value: 5, Unit: 'NA', Timestamp: t });
    expect(values[12]).toEqual({ Type: 'Min Flow temperature', Value: null, Unit: 'Invalid',
      Timestamp: t });
    expect(r.warnings).toEqual(['Invalid value among data', 'Invalid value among data']);
  });

  // Same source, "Missing Base value": a profile without its base record is an error.
  test('rejects a profile without its base value, as the reference does', () => {
    const got = runDecode(flowIq, { ...vs[0]!, bytesHex: '78446D003318374D931322610100000003' +
      '00000000000000000000000000000000000000000000000000000000', expected: {} });
    expect(got.errors).toEqual(['Invalid uplink payload: Could not find base value for ' +
      'profile data']);
  });

  test.prop([frames])('decode(encode(data)) = data', (bytes) => {
    const first = decode(bytes);
    const enc = flowIq.encodeUplink!({ data: first.data, variables: {} });
    expect(decode(enc.bytes)).toEqual(first);
  });

  test.prop([fc.uint8Array({ maxLength: 64 })])('is total on arbitrary bytes', (b) => {
    onlyCodecErrors(() => decode(Array.from(b)));
  });

  test('normalizes the latest volume and its time', () => {
    expect(flowIq.normalizeUplink!(vs[0]!.expected)).toEqual({ category: 'water',
      volumeM3: 7842.497, readingTime: '2023-08-29T12:00:00.000Z' });
  });
});
