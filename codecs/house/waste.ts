/**
 * `loire/waste`: house format of loire's bin sensor (FPort 14): fill level, distance, tilt,
 * temperature and alarms. Byte table in docs/house-formats.md.
 */
import type { HarmonisedWaste } from '../framework/harmonised.js';
import { defineHouseCodec } from './define.js';
import type { Field, MessageLayout } from './layout.js';

const FIELDS: Field[] = [
  { name: 'fillLevelPercent', type: 'u8', maxRaw: 100, missing: 0xff },
  { name: 'distanceMm', type: 'u16', missing: 0xffff },
  { name: 'tiltDeg', type: 'u8', maxRaw: 180, missing: 0xff },
  { name: 'temperatureC', type: 'i8', missing: -128 },
  { name: 'alarms', type: 'flags', bits: ['fire', 'tilt', 'temperature', 'lowBattery', 'full'] },
];

/** Uplink messages. */
export const WASTE_UPLINKS: MessageLayout[] = [
  { code: 1, name: 'level', fields: FIELDS },
  { code: 2, name: 'alarm', fields: FIELDS },
];

/** The `loire/waste` codec. */
export const wasteCodec = defineHouseCodec({
  model: 'waste',
  category: 'waste',
  description: 'loire house format for bin sensors: fill level, distance, tilt, fire alarm.',
  fPort: 14,
  uplinks: WASTE_UPLINKS,
  docs: {
    level: 'Periodic fill level, distance, tilt, temperature, alarms (7 bytes)',
    alarm: 'Same layout, sent at once when an alarm rises',
  },
  examples: [
    ['decodeUplink', '114b01a4fffd10', { messageType: 'level', fillLevelPercent: 75,
      distanceMm: 420, temperatureC: -3, alarms: { fire: false, tilt: false,
        temperature: false, lowBattery: false, full: true } }],
  ],
  normalize(d): HarmonisedWaste {
    const out: HarmonisedWaste = { category: 'waste' };
    if (typeof d.fillLevelPercent === 'number') out.fillLevelPercent = d.fillLevelPercent;
    if (typeof d.distanceMm === 'number') out.distanceMm = d.distanceMm;
    if (typeof d.tiltDeg === 'number') out.tiltDeg = d.tiltDeg;
    if (typeof d.temperatureC === 'number') out.temperatureC = d.temperatureC;
    const a = d.alarms as Record<string, boolean> | undefined;
    if (a) {
      out.fireAlarm = a.fire === true;
      out.temperatureAlarm = a.temperature === true;
      out.lowBattery = a.lowBattery === true;
    }
    return out;
  },
});
