/**
 * The harmonised air view of an AM300-family uplink. TVOC is left out: its unit depends on a
 * device setting (`tvoc_unit`) that the uplink does not carry.
 */
import type { HarmonisedAir } from '../../../framework/harmonised.js';
import { numberAt, withDefined } from './normalize.js';

/** Harmonised view of decoded AM300-family data. */
export function normalizeAir(data: Record<string, unknown>): HarmonisedAir {
  return withDefined<HarmonisedAir>(
    { category: 'air' },
    {
      batteryPercent: numberAt(data, 'battery'),
      temperatureC: numberAt(data, 'temperature'),
      humidityPercent: numberAt(data, 'humidity'),
      co2Ppm: numberAt(data, 'co2'),
      pm25UgM3: numberAt(data, 'pm2_5'),
      pm10UgM3: numberAt(data, 'pm10'),
      pressureHPa: numberAt(data, 'pressure'),
    },
  );
}
