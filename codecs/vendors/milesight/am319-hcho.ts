/**
 * Milesight AM319-HCHO: indoor air sensor with formaldehyde (HCHO) and particulate matter.
 * Records: {@link AM300_RECORDS} with TVOC in hundredths; commands: {@link AM300_COMMANDS}.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { AM300_COMMANDS, AM300_MESSAGE_TYPES } from './format/am300-commands.js';
import { AM300_RECORDS, TVOC_HUNDREDTHS } from './format/am300-records.js';
import { normalizeAir } from './format/air-normalize.js';
import { defineMilesight } from './format/define.js';
import { withEntries } from './format/normalize.js';

/** The AM319-HCHO table. */
export const AM319_HCHO = {
  model: 'am319-hcho',
  category: 'air' as const,
  description: 'Milesight AM319-HCHO indoor air quality sensor (9 in 1, formaldehyde)',
  uplink: AM300_RECORDS.concat([TVOC_HUNDREDTHS]),
  downlink: AM300_COMMANDS,
  messageTypes: withEntries(AM300_MESSAGE_TYPES, {
    status:
      'Battery (%), temperature (°C), humidity (%), PIR, light level, CO2 (ppm), TVOC, ' +
      'pressure (hPa), HCHO (mg/m³), PM2.5 and PM10 (µg/m³), O3, buzzer',
  }),
  normalize: normalizeAir,
  examples: [
    {
      description: 'Uplink example for AM319-HCHO',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '03670a0104685805000106cb01077dff02087de3000973fe270b7d07000c7d0800017562',
      data: {
        temperature: 26.6,
        humidity: 44,
        pir: 'trigger',
        light_level: 1,
        co2: 767,
        tvoc: 2.27,
        pressure: 1023.8,
        pm2_5: 7,
        pm10: 8,
        battery: 98,
      },
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/am319-hcho/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
  ],
};

/** Codec of the Milesight AM319-HCHO. */
export const am319Hcho: CodecDefinition = defineMilesight(AM319_HCHO);
