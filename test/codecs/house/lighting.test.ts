import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lightingCodec as def, LIGHTING_UPLINKS, LIGHTING_DOWNLINKS }
  from '../../../codecs/house/lighting.js';
import { checkBothWays, downlinkPair, houseData, uplinkPair } from './arbitrary.js';
import { hexBytes } from '../vendors/vectors.js';

// Known answers: the worked examples of docs/house-formats.md, computed by hand from its tables.
describe('loire/lighting', () => {
  const [encodeUp, decodeUp] = uplinkPair(def);
  test('status', () => {
    const data = { messageType: 'status', state: { on: true, lampFault: false, driverFault: true,
      voltageFault: false, temperatureFault: false, scheduleActive: true }, dimLevelPercent: 80,
    powerW: 65.5, energyWh: 1234567 };
    expect(encodeUp(data)).toEqual(hexBytes('112550028f0012d687'));
    expect(def.normalizeUplink!(data)).toEqual({ category: 'lighting', on: true,
      lampFault: false, driverFault: true, dimLevelPercent: 80, powerW: 65.5,
      energyKWh: 1234.567 });
  });

  test('set_schedule and set_dim downlinks', () => {
    const sched = { messageType: 'set_schedule', steps: [{ minuteOfDay: 1200,
      dimLevelPercent: 100 }, { minuteOfDay: 60, dimLevelPercent: 30 }] };
    expect(def.encodeDownlink!({ data: sched, variables: {} })).toEqual(
      { bytes: hexBytes('120204b064003c1e'), fPort: 11 });
    expect(def.decodeDownlink!({ bytes: hexBytes('11320078'), fPort: 11, variables: {} }).data)
      .toEqual({ messageType: 'set_dim', dimLevelPercent: 50, durationMin: 120 });
  });

  test('rejects a dim level above 100', () => {
    expect(() => def.encodeDownlink!({ data: { messageType: 'set_dim', dimLevelPercent: 101,
      durationMin: 0 }, variables: {} })).toThrow(expect.objectContaining({
      message: 'loire/lighting set_dim: dimLevelPercent 101 is out of range' }));
  });
  test.prop([houseData(LIGHTING_UPLINKS)], { numRuns: 200 })('uplinks round-trip', (data) => {
    checkBothWays(encodeUp, decodeUp, data);
  });

  test.prop([houseData(LIGHTING_DOWNLINKS)], { numRuns: 200 })('downlinks round-trip', (data) => {
    const [encodeDown, decodeDown] = downlinkPair(def);
    checkBothWays(encodeDown, decodeDown, data);
  });
});
