import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hvacCodec as def, HVAC_UPLINKS, HVAC_DOWNLINKS } from '../../../codecs/house/hvac.js';
import { checkBothWays, downlinkPair, houseData, uplinkPair } from './arbitrary.js';
import { hexBytes } from '../vendors/vectors.js';

// Known answers: the worked examples of docs/house-formats.md, computed by hand from its tables.
describe('loire/hvac', () => {
  const [encodeUp, decodeUp] = uplinkPair(def);
  test('status', () => {
    const data = { messageType: 'status', temperatureC: 21.5, setpointC: 20.5, valvePercent: 35,
      mode: 'comfort', flags: { windowOpen: false, lowBattery: true, valveFault: false,
        sensorFault: false }, humidityPercent: 45 };
    expect(encodeUp(data)).toEqual(hexBytes('110866292301022d'));
    expect(def.normalizeUplink!(data)).toEqual({ category: 'hvac', temperatureC: 21.5,
      setpointC: 20.5, valvePercent: 35, mode: 'comfort', humidityPercent: 45,
      lowBattery: true });
  });

  test('setpoint and mode downlinks', () => {
    expect(def.encodeDownlink!({ data: { messageType: 'set_setpoint', setpointC: 19 },
      variables: {} }).bytes).toEqual([0x11, 0x26]);
    expect(def.decodeDownlink!({ bytes: [0x12, 0x02], fPort: 12, variables: {} }).data)
      .toEqual({ messageType: 'set_mode', mode: 'eco' });
  });

  test('rounds a setpoint to 0.5 °C with a warning', () => {
    const r = def.encodeDownlink!({ data: { messageType: 'set_setpoint', setpointC: 19.3 },
      variables: {} });
    expect(r.bytes).toEqual([0x11, 39]);
    expect(r.warnings).toEqual(['loire/hvac set_setpoint: setpointC rounded to 19.5']);
  });
  test.prop([houseData(HVAC_UPLINKS)], { numRuns: 200 })('uplinks round-trip', (data) => {
    checkBothWays(encodeUp, decodeUp, data);
  });

  test.prop([houseData(HVAC_DOWNLINKS)], { numRuns: 200 })('downlinks round-trip', (data) => {
    const [encodeDown, decodeDown] = downlinkPair(def);
    checkBothWays(encodeDown, decodeDown, data);
  });
});
