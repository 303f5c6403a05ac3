import { describe, expect, test } from 'vitest';
import { toTtsNormalized } from '../../../codecs/index.js';

// Field names and their only homes (air.*, time) are those The Things Stack accepts:
// lorawan-stack pkg/messageprocessors/normalizedpayload/uplink.go, which rejects unknown fields.
describe("The Things Stack's normalized payload from the harmonised view", () => {
  test('maps air quality fields into air', () => {
    expect(toTtsNormalized({
      category: 'air', readingTime: '2024-01-15T10:00:00Z', temperatureC: 21.5,
      humidityPercent: 40, co2Ppm: 612, pressureHPa: 1013.2, tvoc: 80, tvocUnit: 'ppb',
    })).toEqual({
      data: [{
        time: '2024-01-15T10:00:00Z',
        air: { temperature: 21.5, relativeHumidity: 40, co2: 612, pressure: 1013.2 },
      }],
      warnings: [],
    });
  });

  test('maps an HVAC room temperature and humidity, not its setpoint', () => {
    expect(toTtsNormalized({ category: 'hvac', temperatureC: 19, setpointC: 20 }).data).toEqual([
      { air: { temperature: 19 } },
    ]);
  });

  test('leaves water readings out, with a warning', () => {
    expect(toTtsNormalized({ category: 'water', volumeM3: 12.5, batteryV: 3.6 })).toEqual({
      data: [{ battery: 3.6 }],
      warnings: ['no field of this water reading exists in the normalized payload'],
    });
  });

  test('maps a generic quantity only when one channel measures it', () => {
    expect(toTtsNormalized({
      category: 'generic', values: { temperature_1: 20, humidity_2: 50, illuminance_4: 300 },
    }).data).toEqual([{ air: { temperature: 20, relativeHumidity: 50, lightIntensity: 300 } }]);
  });
});
