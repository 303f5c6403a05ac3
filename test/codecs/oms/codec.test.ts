import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { omsCodec, omsCodecs, omsStatusAlarms } from '../../../codecs/formats/oms/index.js';
import { hexBytes, onlyCodecErrors } from '../vendors/vectors.js';

// The Sensus iPERL SND-ALARM frame (TheThingsNetwork/lorawan-devices vendor/sensus/
// iperl-codec.yaml) read as a generic OMS frame.
const iperl = hexBytes('7a060400008404133a1c7e0184046d2a2d13368d04931318d23c34002e0034002e00' +
  '39002e0034002e00340033003400');

describe('generic/oms', () => {
  test('is the one codec of omsCodecs', () => {
    expect(omsCodecs.map((c) => c.id)).toEqual(['generic/oms']);
  });

  test('decodes and re-encodes the iPERL frame byte for byte', () => {
    const r = omsCodec.decodeUplink({ bytes: iperl, fPort: 20, variables: {} });
    expect(omsCodec.encodeUplink!({ data: r.data, variables: {} }).bytes).toEqual(iperl);
  });

  test('normalizes the iPERL frame: volume of storage 8 and its time, low battery', () => {
    const r = omsCodec.decodeUplink({ bytes: iperl, fPort: 20, variables: {} });
    expect(omsCodec.normalizeUplink!(r.data)).toEqual({ category: 'water',
      volumeM3: 25041.978, readingTime: '2024-06-19T13:42:00.000Z', lowBattery: true });
  });

  test('names the status bits of EN 13757-7', () => {
    expect(omsStatusAlarms(0x04)).toEqual(['LOW_BATTERY']);
    expect(omsStatusAlarms(0x1b)).toEqual(['ABNORMAL_CONDITION', 'PERMANENT_ERROR',
      'TEMPORARY_ERROR']);
  });

  test('keeps manufacturer data and the more-records flag through a round trip', () => {
    const bytes = [0x78, 0x01, 0xfd, 0x17, 0x01, 0x1f, 0x12, 0x34];
    const r = omsCodec.decodeUplink({ bytes, fPort: 1, variables: {} });
    expect(r.data).toMatchObject({ manufacturerData: '1234', moreRecordsFollow: true });
    expect(omsCodec.encodeUplink!({ data: r.data, variables: {} }).bytes).toEqual(bytes);
  });

  test.prop([fc.uint8Array({ maxLength: 80 })])('is total on arbitrary bytes', (b) => {
    onlyCodecErrors(() => omsCodec.decodeUplink({ bytes: Array.from(b), fPort: 1,
      variables: {} }));
  });
});
