/**
 * `loire/hvac`: house format of loire's HVAC zone controller (FPort 12): status uplink;
 * setpoint, mode and status-request downlinks. Byte tables in docs/house-formats.md.
 */
import type { HarmonisedHvac } from '../framework/harmonised.js';
import { defineHouseCodec } from './define.js';
import type { Field, MessageLayout } from './layout.js';

/** Operating modes, by code. */
export const HVAC_MODES = ['off', 'comfort', 'eco', 'frostProtection', 'boost', 'auto'];

const SETPOINT: Field = { name: 'setpointC', type: 'u8', div: 2 };
const MODE: Field = { name: 'mode', type: 'enum', values: HVAC_MODES };

/** Uplink messages. */
export const HVAC_UPLINKS: MessageLayout[] = [
  { code: 1, name: 'status', fields: [
    { name: 'temperatureC', type: 'i16', div: 100, missing: -32768 },
    SETPOINT,
    { name: 'valvePercent', type: 'u8', maxRaw: 100 },
    MODE,
    { name: 'flags', type: 'flags', bits: ['windowOpen', 'lowBattery', 'valveFault',
      'sensorFault'] },
    { name: 'humidityPercent', type: 'u8', maxRaw: 100, missing: 0xff },
  ] },
];

/** Downlink messages. */
export const HVAC_DOWNLINKS: MessageLayout[] = [
  { code: 1, name: 'set_setpoint', fields: [SETPOINT] },
  { code: 2, name: 'set_mode', fields: [MODE] },
  { code: 3, name: 'request_status', fields: [] },
];

/** The `loire/hvac` codec. */
export const hvacCodec = defineHouseCodec({
  model: 'hvac',
  category: 'hvac',
  description: 'loire house format for HVAC zone controllers: temperatures, setpoint, ' +
    'valve, mode.',
  fPort: 12,
  uplinks: HVAC_UPLINKS,
  downlinks: HVAC_DOWNLINKS,
  docs: {
    status: 'Room temperature (0.01 °C), setpoint (0.5 °C), valve, mode, flags, humidity; ' +
      '8 bytes',
    set_setpoint: 'New setpoint in 0.5 °C steps',
    set_mode: 'New operating mode',
    request_status: 'Ask for a status uplink',
  },
  examples: [
    ['decodeUplink', '110866292301022d', { messageType: 'status', temperatureC: 21.5,
      setpointC: 20.5, valvePercent: 35, mode: 'comfort', flags: { windowOpen: false,
        lowBattery: true, valveFault: false, sensorFault: false }, humidityPercent: 45 }],
    ['encodeDownlink', '1202', { messageType: 'set_mode', mode: 'eco' }],
  ],
  normalize(d): HarmonisedHvac {
    const out: HarmonisedHvac = { category: 'hvac' };
    if (typeof d.temperatureC === 'number') out.temperatureC = d.temperatureC;
    if (typeof d.setpointC === 'number') out.setpointC = d.setpointC;
    if (typeof d.valvePercent === 'number') out.valvePercent = d.valvePercent;
    if (typeof d.mode === 'string') out.mode = d.mode.toLowerCase();
    if (typeof d.humidityPercent === 'number') out.humidityPercent = d.humidityPercent;
    const f = d.flags as Record<string, boolean> | undefined;
    if (f) out.lowBattery = f.lowBattery === true;
    return out;
  },
});
