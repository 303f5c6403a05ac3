/**
 * `loire/lighting`: house format of loire's street-light controller (FPort 11): status uplink;
 * dimming, schedule and status-request downlinks. Byte tables in docs/house-formats.md.
 */
import type { HarmonisedLighting } from '../framework/harmonised.js';
import { defineHouseCodec } from './define.js';
import type { Field, MessageLayout } from './layout.js';

const DIM: Field = { name: 'dimLevelPercent', type: 'u8', maxRaw: 100 };

/** Uplink messages. */
export const LIGHTING_UPLINKS: MessageLayout[] = [
  { code: 1, name: 'status', fields: [
    { name: 'state', type: 'flags', bits: ['on', 'lampFault', 'driverFault', 'voltageFault',
      'temperatureFault', 'scheduleActive'] },
    DIM,
    { name: 'powerW', type: 'u16', div: 10 },
    { name: 'energyWh', type: 'u32' },
  ] },
];

/** Downlink messages. */
export const LIGHTING_DOWNLINKS: MessageLayout[] = [
  { code: 1, name: 'set_dim', fields: [DIM, { name: 'durationMin', type: 'u16' }] },
  { code: 2, name: 'set_schedule', fields: [{ name: 'steps', type: 'list', maxCount: 12,
    fields: [{ name: 'minuteOfDay', type: 'u16', maxRaw: 1439 }, DIM] }] },
  { code: 3, name: 'request_status', fields: [] },
];

/** The `loire/lighting` codec. */
export const lightingCodec = defineHouseCodec({
  model: 'lighting',
  category: 'lighting',
  description: 'loire house format for street-light controllers: status, dimming, schedules.',
  fPort: 11,
  uplinks: LIGHTING_UPLINKS,
  downlinks: LIGHTING_DOWNLINKS,
  docs: {
    status: 'State and fault flags, dim level, power (0.1 W), energy (Wh); 9 bytes',
    set_dim: 'Dim to a level for durationMin minutes (0 = until the next command)',
    set_schedule: 'Up to 12 steps: from minuteOfDay (controller local time) dim to a level',
    request_status: 'Ask for a status uplink',
  },
  examples: [
    ['decodeUplink', '112550028f0012d687', { messageType: 'status', state: { on: true,
      lampFault: false, driverFault: true, voltageFault: false, temperatureFault: false,
      scheduleActive: true }, dimLevelPercent: 80, powerW: 65.5, energyWh: 1234567 }],
    ['encodeDownlink', '11320078', { messageType: 'set_dim', dimLevelPercent: 50,
      durationMin: 120 }],
  ],
  normalize(d): HarmonisedLighting {
    const out: HarmonisedLighting = { category: 'lighting' };
    const s = d.state as Record<string, boolean> | undefined;
    if (s) {
      out.on = s.on === true;
      out.lampFault = s.lampFault === true;
      out.driverFault = s.driverFault === true;
    }
    if (typeof d.dimLevelPercent === 'number') out.dimLevelPercent = d.dimLevelPercent;
    if (typeof d.powerW === 'number') out.powerW = d.powerW;
    if (typeof d.energyWh === 'number') out.energyKWh = d.energyWh / 1000;
    return out;
  },
});
