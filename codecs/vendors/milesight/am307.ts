/**
 * Milesight AM307: indoor ambience sensor (temperature, humidity, PIR, light, CO2, TVOC,
 * pressure). Records: {@link AM300_RECORDS}; commands: {@link AM300_COMMANDS}.
 * Not decoded: the historical-data record 0x20 0xCE, whose layout the vendor's README gives
 * with lengths that do not add up (16 bytes declared, 15 or 21 listed) and which the vendor's
 * decoder does not read; such a record ends decoding with a warning.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { AM300_COMMANDS, AM300_MESSAGE_TYPES } from './format/am300-commands.js';
import { AM300_RECORDS, TVOC_RAW } from './format/am300-records.js';
import { normalizeAir } from './format/air-normalize.js';
import { defineMilesight } from './format/define.js';
import { withEntries } from './format/normalize.js';

/** The AM307 table. */
export const AM307 = {
  model: 'am307',
  category: 'air' as const,
  description: 'Milesight AM307 indoor ambience monitoring sensor (7 in 1)',
  uplink: AM300_RECORDS.concat([TVOC_RAW]),
  downlink: AM300_COMMANDS,
  messageTypes: withEntries(AM300_MESSAGE_TYPES, {
    status:
      'Battery (%), temperature (°C), humidity (%), PIR, light level (0-5), CO2 (ppm), TVOC, ' +
      'pressure (hPa), buzzer',
  }),
  normalize: normalizeAir,
  examples: [
    {
      description: 'Ambience Monitoring Sensors (example 3) - Milesgiht IoT',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '077de704087d070009733f27',
      data: { co2: 1255, tvoc: 7, pressure: 1004.7 },
      source:
        'TheThingsNetwork/lorawan-devices vendor/milesight-iot/am307-codec.yaml ' +
        '(commit 238cd90d1863a2a2838c59c0a5a9cd631f94e191)',
    },
    {
      description: 'AM300 series sample (records shared by AM307 and AM319)',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '0367ee0004687c05000106cb02077da803087d25000973662' + '70a7d04000b7d20000c7d3000',
      data: {
        temperature: 23.8,
        humidity: 62,
        pir: 'trigger',
        light_level: 2,
        co2: 936,
        tvoc: 37,
        pressure: 1008.6,
        hcho: 0.04,
        pm2_5: 32,
        pm10: 48,
      },
      source: 'Milesight-IoT/SensorDecoders AM_Series/AM300_Series/README.md, "Example"',
    },
  ],
};

/** Codec of the Milesight AM307. */
export const am307: CodecDefinition = defineMilesight(AM307);
