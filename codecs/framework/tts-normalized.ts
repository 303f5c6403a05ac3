/**
 * The Things Stack's "normalized payload" from loire's harmonised view. The Things Stack checks
 * the output of `normalizeUplink` against its own schema and rejects the whole result for any
 * field it does not know (lorawan-stack, pkg/messageprocessors/normalizedpayload; the Device
 * Repository schema lib/payload.json: an array of measurements with `time`, `air.temperature`,
 * `air.relativeHumidity`, `air.pressure`, `air.co2`, `air.lightIntensity`, ...), so a TTS script
 * cannot return the harmonised view as is. `battery` (volts) is carried as the vendors' own
 * Device Repository normalizers do (MClimate Vicki: `{ air: {...}, battery: 3.5 }`).
 *
 * Known limits: only those fields exist there; water, lighting and waste readings have no TTS
 * equivalent and are left out (with a warning), so they reach TTS users through `decodeUplink`
 * only. A The Things Stack older than its `battery` field rejects a measurement carrying one.
 */
import type { Harmonised } from './harmonised.js';

/** A measurement in The Things Stack's normalized payload schema. */
export interface TtsMeasurement {
  time?: string;
  /** Battery voltage, V. */
  battery?: number;
  air?: {
    temperature?: number;
    relativeHumidity?: number;
    pressure?: number;
    co2?: number;
    lightIntensity?: number;
  };
}

/**
 * Maps a harmonised reading to The Things Stack's normalized payload.
 *
 * @param h - the harmonised view of one uplink.
 * @returns the payload (an array of one measurement, as the schema has it) and warnings naming
 *   what could not be carried over.
 * @example toTtsNormalized({ category: 'air', co2Ppm: 600 }).data // [{ air: { co2: 600 } }]
 */
export function toTtsNormalized(h: Harmonised): { data: TtsMeasurement[]; warnings: string[] } {
  const warnings: string[] = [];
  const air: NonNullable<TtsMeasurement['air']> = {};
  const data: TtsMeasurement = {};
  if (typeof h.readingTime === 'string') data.time = h.readingTime;

  if (h.category === 'air' || h.category === 'hvac') {
    if (typeof h.temperatureC === 'number') air.temperature = h.temperatureC;
    if (typeof h.humidityPercent === 'number') air.relativeHumidity = h.humidityPercent;
  }
  if (h.category === 'air') {
    if (typeof h.pressureHPa === 'number') air.pressure = h.pressureHPa;
    if (typeof h.co2Ppm === 'number') air.co2 = h.co2Ppm;
  }
  if (h.category === 'generic') {
    // Generic formats carry channels; a quantity maps only when one channel measures it.
    const kinds: [string, keyof typeof air][] = [
      ['temperature', 'temperature'],
      ['humidity', 'relativeHumidity'],
      ['barometer', 'pressure'],
      ['illuminance', 'lightIntensity'],
    ];
    for (let i = 0; i < kinds.length; i++) {
      const prefix = kinds[i]![0] + '_';
      const found: number[] = [];
      for (const k in h.values) {
        if (Object.prototype.hasOwnProperty.call(h.values, k) && k.indexOf(prefix) === 0 &&
          /^\d+$/.test(k.slice(prefix.length))) {
          found.push(h.values[k]!);
        }
      }
      if (found.length === 1) air[kinds[i]![1]] = found[0];
      else if (found.length > 1) {
        warnings.push(kinds[i]![0] + ' on several channels: left out of the normalized payload');
      }
    }
  }

  let any = false;
  for (const k in air) if (Object.prototype.hasOwnProperty.call(air, k)) any = true;
  if (any) data.air = air;
  else if (h.category !== 'generic') {
    warnings.push('no field of this ' + h.category + ' reading exists in the normalized payload');
  }
  if (typeof h.batteryV === 'number') data.battery = h.batteryV;
  return { data: [data], warnings };
}
