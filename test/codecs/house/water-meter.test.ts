import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { waterMeterCodec as def, WATER_UPLINKS } from '../../../codecs/house/water-meter.js';
import { checkBothWays, houseData, uplinkPair } from './arbitrary.js';
import { hexBytes } from '../vendors/vectors.js';

// Known answers: the worked examples of docs/house-formats.md, computed by hand from its tables.
describe('loire/water-meter', () => {
  const [encodeUp, decodeUp] = uplinkPair(def);
  test('index with a leak', () => {
    const data = { messageType: 'index', alarms: { leak: true, backflow: false, tamper: false,
      lowBattery: false, burst: false }, indexL: 123456 };
    expect(encodeUp(data)).toEqual(hexBytes('11010001e240'));
    expect(decodeUp(hexBytes('11010001e240'))).toEqual(data);
  });

  test('profile with a missing interval', () => {
    const bytes = hexBytes('1200000003e83c03000affff0019');
    const data = decodeUp(bytes);
    expect(data).toEqual({ messageType: 'profile', alarms: { leak: false, backflow: false,
      tamper: false, lowBattery: false, burst: false }, indexL: 1000, intervalMin: 60,
    deltasL: [10, null, 25] });
    expect(def.normalizeUplink!(data)).toEqual({ category: 'water', volumeM3: 1, leak: false,
      backflow: false, tamper: false, lowBattery: false });
  });

  test('names the field of a cut frame', () => {
    expect(() => decodeUp(hexBytes('110100'))).toThrow(expect.objectContaining({
      message: 'loire/water-meter index: indexL: need 4 bytes at offset 2, got 1' }));
  });
  test.prop([houseData(WATER_UPLINKS)], { numRuns: 200 })('uplinks round-trip', (data) => {
    checkBothWays(encodeUp, decodeUp, data);
  });

});
