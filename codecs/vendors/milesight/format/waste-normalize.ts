/**
 * The harmonised waste view of a Milesight distance sensor. Fill level is not given: it needs
 * the bin depth, which the device does not send.
 */
import type { HarmonisedWaste } from '../../../framework/harmonised.js';
import { numberAt, withDefined } from './normalize.js';

/** Harmonised view of decoded EM310-UDL / EM400-MUD data (distance in mm). */
export function normalizeWaste(data: Record<string, unknown>): HarmonisedWaste {
  return withDefined<HarmonisedWaste>(
    { category: 'waste' },
    {
      batteryPercent: numberAt(data, 'battery'),
      distanceMm: numberAt(data, 'distance'),
      temperatureC: numberAt(data, 'temperature'),
      temperatureAlarm:
        typeof data.temperature_abnormal === 'boolean' ? data.temperature_abnormal : undefined,
      // The device reports tilt as a state, not an angle; tiltDeg stays unset.
    },
  );
}
