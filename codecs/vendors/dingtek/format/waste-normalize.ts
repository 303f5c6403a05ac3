/**
 * The harmonised waste view of a DF70x report, from raw values, so both devices' naming styles
 * give the same view. Fill level needs the bin depth, which the device does not send.
 */
import type { HarmonisedWaste } from '../../../framework/harmonised.js';

/** Harmonised view from the shown values of a report (`undefined` for a parameter report). */
export function normalizeDf70x(v: {
  levelMm?: number;
  angleDeg?: number;
  temperatureC?: number;
  fire?: boolean;
  lowBattery?: boolean;
}): HarmonisedWaste {
  const out: HarmonisedWaste = { category: 'waste' };
  // The level is the distance from the sensor to the waste (protocol V2.8, "Height").
  if (v.levelMm !== undefined) out.distanceMm = v.levelMm;
  if (v.angleDeg !== undefined) out.tiltDeg = v.angleDeg;
  if (v.temperatureC !== undefined) out.temperatureC = v.temperatureC;
  if (v.fire !== undefined) out.fireAlarm = v.fire;
  if (v.lowBattery !== undefined) out.lowBattery = v.lowBattery;
  return out;
}

/** The integer in a DF702 string such as `"2000 mm"`, if it is one. */
export function leadingInt(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(-?\d+) /.exec(v);
  return m === null ? undefined : Number(m[1]);
}
