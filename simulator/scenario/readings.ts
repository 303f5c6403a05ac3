/**
 * What simulated sensors measure: small seeded generators that produce plausible readings for
 * loire's house codecs (values at each field's resolution, so a decode gives them back), and a
 * generator that replays a codec's own published uplink examples.
 */
import type { CodecDefinition } from '../../codecs/framework/types.js';

/** A uniform source in [0, 1). */
export interface Uniform {
  /** The next draw, in [0, 1). */
  next(): number;
}

/** Makes the reading of report `index` at `atMs` (epoch milliseconds). */
export type ReadingGenerator = (index: number, atMs: number) => unknown;

// Divide by the inverse step, so that 41.4 stays 41.4 rather than 41.400000000000006.
const round = (v: number, step: number): number => Math.round(v / step) / Math.round(1 / step);
// Paris in winter. The UTC hour by arithmetic, as Date computes it (time values are whole
// milliseconds without leap seconds, ECMA-262 §21.4.1), without a Date per reading.
const hourOf = (epochMs: number): number =>
  ((Math.floor(Math.trunc(epochMs) / 3_600_000) % 24) + 24) % 24 + 1;

function flags(names: string[], on: string[] = []): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const n of names) out[n] = on.includes(n);
  return out;
}

/** Water consumption of a household in litres in a given local hour: low at night. */
function litresInHour(hour: number, rng: Uniform): number {
  const base = hour >= 6 && hour <= 9 ? 30 : hour >= 18 && hour <= 22 ? 25 : hour < 5 ? 1 : 8;
  return Math.round(base * (0.4 + 1.2 * rng.next()));
}

/** Deep equality of JSON values, object keys in any order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string,
      unknown>)[k])) return false;
  }
  return true;
}

function roundTrips(codec: CodecDefinition, data: unknown): boolean {
  try {
    const enc = codec.encodeUplink!({ data, variables: {} });
    const dec = codec.decodeUplink({ bytes: enc.bytes, fPort: enc.fPort, variables: {} });
    return sameJson(dec.data, data);
  } catch {
    return false;
  }
}

/**
 * The built-in generators by name.
 *
 * @param name generator name
 * @param rng the device's own random stream
 * @param periodMinutes the device's reporting period (a water profile covers it)
 * @throws {RangeError} for an unknown name
 */
export function createReadingGenerator(
  name: string,
  rng: Uniform,
  periodMinutes: number,
  codec?: CodecDefinition,
): ReadingGenerator {
  switch (name) {
    case 'water-profile': {
      let indexL = Math.round(rng.next() * 900_000);
      // One delta per hour of the period, up to the format's 24.
      const n = Math.max(1, Math.min(24, Math.round(periodMinutes / 60)));
      return (_i, atMs) => {
        const deltasL: number[] = [];
        for (let k = n - 1; k >= 0; k--) {
          const d = litresInHour(hourOf(atMs - k * 3_600_000) % 24, rng);
          deltasL.push(d);
          indexL += d;
        }
        return { messageType: 'profile',
          alarms: flags(['leak', 'backflow', 'tamper', 'lowBattery', 'burst']),
          indexL, intervalMin: 60, deltasL };
      };
    }
    case 'lighting-status': {
      let energyWh = Math.round(rng.next() * 2_000_000);
      const ratedW = 40 + Math.round(rng.next() * 8) * 10;
      return (_i, atMs) => {
        const h = hourOf(atMs) % 24;
        const on = h >= 17 || h < 8;
        // Dimmed to half in the middle of the night, as many communes do.
        const dim = on ? (h >= 0 && h < 5 ? 50 : 100) : 0;
        const powerW = round((ratedW * dim) / 100 + (on ? rng.next() * 2 : 0), 0.1);
        energyWh += Math.round((powerW * periodMinutes) / 60);
        return { messageType: 'status', state: flags(['on', 'lampFault', 'driverFault',
          'voltageFault', 'temperatureFault', 'scheduleActive'], on ? ['on', 'scheduleActive']
            : []),
        dimLevelPercent: dim, powerW, energyWh };
      };
    }
    case 'hvac-status': {
      const setpoint = 19 + Math.round(rng.next() * 4) * 0.5;
      return (_i, atMs) => {
        const h = hourOf(atMs) % 24;
        const occupied = h >= 7 && h < 19;
        const sp = occupied ? setpoint : 16;
        const temperatureC = round(sp - 1 + rng.next() * 2, 0.01);
        const valvePercent = Math.max(0, Math.min(100, Math.round((sp - temperatureC) * 40 + 30)));
        return { messageType: 'status', temperatureC, setpointC: sp, valvePercent,
          mode: occupied ? 'comfort' : 'eco',
          flags: flags(['windowOpen', 'lowBattery', 'valveFault', 'sensorFault']),
          humidityPercent: Math.round(35 + rng.next() * 20) };
      };
    }
    case 'air-measurement':
      return (_i, atMs) => {
        const h = hourOf(atMs) % 24;
        const traffic = h >= 7 && h <= 9 ? 1.6 : h >= 17 && h <= 19 ? 1.4 : 1;
        return { messageType: 'measurement',
          temperatureC: round(6 + rng.next() * 8, 0.01),
          humidityPercent: round(60 + rng.next() * 30, 0.5),
          co2Ppm: Math.round(410 + rng.next() * 80 * traffic),
          tvocPpb: Math.round(50 + rng.next() * 150),
          pm25UgM3: round((8 + rng.next() * 10) * traffic, 0.1),
          pm10UgM3: round((15 + rng.next() * 15) * traffic, 0.1),
          pressureHPa: round(1005 + rng.next() * 20, 0.1),
          flags: flags(['lowBattery', 'sensorFault']) };
      };
    case 'waste-level': {
      let fill = Math.round(rng.next() * 60);
      return () => {
        fill = fill >= 95 ? 5 : Math.min(100, fill + Math.round(rng.next() * 4));
        return { messageType: 'level', fillLevelPercent: fill,
          distanceMm: Math.round(1500 - fill * 13), tiltDeg: Math.round(rng.next() * 3),
          temperatureC: Math.round(4 + rng.next() * 8),
          alarms: flags(['fire', 'tilt', 'temperature', 'lowBattery', 'full'], fill >= 90
            ? ['full'] : []) };
      };
    }
    case 'codec-examples': {
      // Only examples the codec gives back unchanged through encodeUplink then decodeUplink:
      // the simulation promises that every delivered reading is what the device encoded.
      const examples = (codec?.examples ?? []).filter((e) => e.operation === 'decodeUplink'
        && (e.errors === undefined || e.errors.length === 0) && roundTrips(codec!, e.data));
      if (examples.length === 0) {
        throw new RangeError(`reading 'codec-examples': codec ${codec?.id ?? '?'} has no uplink `
          + 'example that its encodeUplink and decodeUplink give back unchanged');
      }
      const start = Math.floor(rng.next() * examples.length);
      return (i) => examples[(start + i) % examples.length]!.data;
    }
    default:
      throw new RangeError(`reading: unknown generator '${name}' (expected water-profile, `
        + 'lighting-status, hvac-status, air-measurement, waste-level or codec-examples)');
  }
}
