/**
 * Watteco Clim'O: indoor temperature and humidity, with a case-opening contact; threshold
 * alarms arrive as alarm reports whose causes the vendor puts in warnings (Watteco
 * Codec-API-LoRaWAN `devices/clim'o`).
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedHvac } from '../../framework/harmonised.js';
import {
  BINARY_INPUT_ATTRIBUTES, COMMON_ATTRIBUTES, HUMIDITY_ATTRIBUTES, TEMPERATURE_ATTRIBUTES,
} from './format/clusters.js';
import { ST_BOOLEAN, ST_I16, ST_U16 } from './format/batch-report.js';
import { wattecoCodec } from './format/codec.js';
import type { WattecoDevice } from './format/device.js';

const SOURCE = "Watteco/Codec-API-LoRaWAN, file devices/clim'o/examples.json " +
  '(commit 42c0f10e09acafda8fc28ba1221cfe94a6f44f38)';
const RECV = '2023-07-19T07:51:25.508Z';

/** The Clim'O table. */
export const CLIMO: WattecoDevice = {
  id: 'watteco/climo',
  model: "Clim'O",
  category: 'hvac',
  description: 'Indoor temperature and humidity sensor with tamper contact',
  attributes: COMMON_ATTRIBUTES.concat(TEMPERATURE_ATTRIBUTES, HUMIDITY_ATTRIBUTES,
    [BINARY_INPUT_ATTRIBUTES[0]!]),
  endpoints: { pin_state: ['violation_detection'] },
  batch: {
    tagBits: 2,
    series: [
      { tag: 0, resolution: 10, sampleType: ST_I16, name: 'temperature', divide: 100 },
      { tag: 1, resolution: 100, sampleType: ST_U16, name: 'humidity', divide: 100 },
      { tag: 2, resolution: 1, sampleType: ST_U16, name: 'battery_voltage', divide: 1000 },
      { tag: 3, resolution: 1, sampleType: ST_BOOLEAN, name: 'violation_detection', divide: 1 },
    ],
  },
  units: { temperature: 'Cel', humidity: '%RH', disposable_battery_voltage: 'V' },
  downlinks: [],
  normalize(data): HarmonisedHvac {
    const out: HarmonisedHvac = { category: 'hvac' };
    if (typeof data['temperature'] === 'number') out.temperatureC = data['temperature'];
    if (typeof data['humidity'] === 'number') out.humidityPercent = data['humidity'];
    if (typeof data['disposable_battery_voltage'] === 'number') {
      out.batteryV = data['disposable_battery_voltage'];
    }
    return out;
  },
  examples: [
    {
      description: 'alarm report: temperature with two short threshold causes',
      operation: 'decodeUplink', fPort: 125, bytesHex: '118a0402000029075590b0b1',
      recvTime: RECV,
      data: {
        samples: [{ variable: 'temperature', value: 18.77, date: RECV, unit: 'Cel' }],
        temperature: 18.77, temperature_unit: 'Cel',
      },
      warnings: [
        'alarm triggered',
        'cause:{alarm:true, criterion_index: 0, mode: threshold, crossing: fall}',
        'cause:{alarm:true, criterion_index: 1, mode: threshold, crossing: fall}',
      ],
      source: SOURCE,
    },
  ],
};

/** Codec of the Watteco Clim'O. */
export const climoCodec: CodecDefinition = wattecoCodec(CLIMO);
