/**
 * `loire/water-meter`: house format of loire's water meter (FPort 10). Index in litres, hourly
 * consumption profile, alarms. Byte tables in docs/house-formats.md.
 */
import type { HarmonisedWater } from '../framework/harmonised.js';
import { defineHouseCodec } from './define.js';
import type { Field, MessageLayout } from './layout.js';

const ALARMS: Field = { name: 'alarms', type: 'flags',
  bits: ['leak', 'backflow', 'tamper', 'lowBattery', 'burst'] };
const INDEX: Field = { name: 'indexL', type: 'u32' };

/** Uplink messages. */
export const WATER_UPLINKS: MessageLayout[] = [
  { code: 1, name: 'index', fields: [ALARMS, INDEX] },
  { code: 2, name: 'profile', fields: [ALARMS, INDEX,
    { name: 'intervalMin', type: 'u8' },
    { name: 'deltasL', type: 'list', maxCount: 24,
      item: { name: 'deltaL', type: 'u16', missing: 0xffff } }] },
  { code: 3, name: 'alarm', fields: [ALARMS, INDEX] },
];

/** The `loire/water-meter` codec. */
export const waterMeterCodec = defineHouseCodec({
  model: 'water-meter',
  category: 'water',
  description: 'loire house format for water meters: index (litres), interval profile, alarms.',
  fPort: 10,
  uplinks: WATER_UPLINKS,
  docs: {
    index: 'Periodic index with alarm flags (6 bytes)',
    profile: 'Index and up to 24 interval consumptions ending at the index, oldest first',
    alarm: 'Sent at once when an alarm flag changes (6 bytes)',
  },
  examples: [
    ['decodeUplink', '11010001e240', { messageType: 'index', alarms: { leak: true,
      backflow: false, tamper: false, lowBattery: false, burst: false }, indexL: 123456 }],
  ],
  normalize(d): HarmonisedWater {
    const out: HarmonisedWater = { category: 'water' };
    if (typeof d.indexL === 'number') out.volumeM3 = d.indexL / 1000;
    const a = d.alarms as Record<string, boolean> | undefined;
    if (a) {
      out.leak = a.leak === true || a.burst === true;
      out.backflow = a.backflow === true;
      out.tamper = a.tamper === true;
      out.lowBattery = a.lowBattery === true;
    }
    return out;
  },
});
