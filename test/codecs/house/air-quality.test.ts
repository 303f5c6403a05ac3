import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { airQualityCodec as def, AIR_UPLINKS } from '../../../codecs/house/air-quality.js';
import { checkBothWays, houseData, uplinkPair } from './arbitrary.js';
import { hexBytes } from '../vendors/vectors.js';

// Known answers: the worked examples of docs/house-formats.md, computed by hand from its tables.
describe('loire/air-quality', () => {
  const [encodeUp, decodeUp] = uplinkPair(def);
  test('measurement without TVOC', () => {
    const bytes = hexBytes('11fdf37d0264ffff007b00c8279400');
    const data = { messageType: 'measurement', temperatureC: -5.25, humidityPercent: 62.5,
      co2Ppm: 612, pm25UgM3: 12.3, pm10UgM3: 20, pressureHPa: 1013.2,
      flags: { lowBattery: false, sensorFault: false } };
    expect(decodeUp(bytes)).toEqual(data);
    expect(encodeUp(data)).toEqual(bytes);
    expect(def.normalizeUplink!(data)).toEqual({ category: 'air', temperatureC: -5.25,
      humidityPercent: 62.5, co2Ppm: 612, pm25UgM3: 12.3, pm10UgM3: 20, pressureHPa: 1013.2,
      lowBattery: false });
  });
  test.prop([houseData(AIR_UPLINKS)], { numRuns: 200 })('uplinks round-trip', (data) => {
    checkBothWays(encodeUp, decodeUp, data);
  });

});
