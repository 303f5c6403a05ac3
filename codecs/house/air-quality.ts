/**
 * `loire/air-quality`: house format of loire's air-quality sensor (FPort 13). Byte table in
 * docs/house-formats.md. A sensor that lacks a measurement sends its "missing" marker and the
 * field is left out of the data.
 */
import type { HarmonisedAir } from '../framework/harmonised.js';
import { defineHouseCodec } from './define.js';
import type { MessageLayout } from './layout.js';

/** Uplink messages. */
export const AIR_UPLINKS: MessageLayout[] = [
  { code: 1, name: 'measurement', fields: [
    { name: 'temperatureC', type: 'i16', div: 100, missing: -32768 },
    { name: 'humidityPercent', type: 'u8', div: 2, maxRaw: 200, missing: 0xff },
    { name: 'co2Ppm', type: 'u16', missing: 0xffff },
    { name: 'tvocPpb', type: 'u16', missing: 0xffff },
    { name: 'pm25UgM3', type: 'u16', div: 10, missing: 0xffff },
    { name: 'pm10UgM3', type: 'u16', div: 10, missing: 0xffff },
    { name: 'pressureHPa', type: 'u16', div: 10, missing: 0xffff },
    { name: 'flags', type: 'flags', bits: ['lowBattery', 'sensorFault'] },
  ] },
];

/** The `loire/air-quality` codec. */
export const airQualityCodec = defineHouseCodec({
  model: 'air-quality',
  category: 'air',
  description: 'loire house format for air sensors: temperature, humidity, CO2, TVOC, PM, ' +
    'pressure.',
  fPort: 13,
  uplinks: AIR_UPLINKS,
  docs: { measurement: 'All measurements in one 15-byte frame' },
  examples: [
    ['decodeUplink', '11fdf37d0264ffff007b00c8279400', { messageType: 'measurement',
      temperatureC: -5.25, humidityPercent: 62.5, co2Ppm: 612, pm25UgM3: 12.3, pm10UgM3: 20,
      pressureHPa: 1013.2, flags: { lowBattery: false, sensorFault: false } }],
  ],
  normalize(d): HarmonisedAir {
    const out: HarmonisedAir = { category: 'air' };
    if (typeof d.temperatureC === 'number') out.temperatureC = d.temperatureC;
    if (typeof d.humidityPercent === 'number') out.humidityPercent = d.humidityPercent;
    if (typeof d.co2Ppm === 'number') out.co2Ppm = d.co2Ppm;
    if (typeof d.tvocPpb === 'number') {
      out.tvoc = d.tvocPpb;
      out.tvocUnit = 'ppb';
    }
    if (typeof d.pm25UgM3 === 'number') out.pm25UgM3 = d.pm25UgM3;
    if (typeof d.pm10UgM3 === 'number') out.pm10UgM3 = d.pm10UgM3;
    if (typeof d.pressureHPa === 'number') out.pressureHPa = d.pressureHPa;
    const f = d.flags as Record<string, boolean> | undefined;
    if (f) out.lowBattery = f.lowBattery === true;
    return out;
  },
});
