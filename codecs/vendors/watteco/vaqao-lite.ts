/**
 * Watteco Vaqa'O Lite: indoor air quality (CO2, IAQ index, temperature, humidity, light,
 * pressure, occupancy) in standard and batch reports (Watteco Codec-API-LoRaWAN
 * `devices/vaqa'o_lite`).
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedAir } from '../../framework/harmonised.js';
import {
  BINARY_INPUT_ATTRIBUTES, COMMON_ATTRIBUTES, CONCENTRATION, HUMIDITY_ATTRIBUTES, ILLUMINANCE,
  OCCUPANCY, PRESSURE, TEMPERATURE_ATTRIBUTES,
} from './format/clusters.js';
import { ST_I16, ST_U16, ST_U8 } from './format/batch-report.js';
import { wattecoCodec } from './format/codec.js';
import type { WattecoDevice } from './format/device.js';

const SOURCE = "Watteco/Codec-API-LoRaWAN, file devices/vaqa'o_lite/examples.json";
const SOURCE_NEW = `${SOURCE} (commit 42c0f10e09acafda8fc28ba1221cfe94a6f44f38)`;
// The batch examples come from an earlier version whose output had neither units nor
// batch_counter; both are added here as the later version's output format has them.
const SOURCE_OLD = `${SOURCE} (commit 2151656c5904adb08ba36c0e3eb5e677079e9144), ` +
  'with units and batch_counter added';

/** The Vaqa'O Lite table. */
export const VAQAO_LITE: WattecoDevice = {
  id: 'watteco/vaqao-lite',
  model: "Vaqa'O Lite",
  category: 'air',
  description: 'Indoor air quality sensor: CO2, IAQ, temperature, humidity, light, pressure',
  attributes: COMMON_ATTRIBUTES.concat(TEMPERATURE_ATTRIBUTES, HUMIDITY_ATTRIBUTES,
    [CONCENTRATION, ILLUMINANCE, PRESSURE, OCCUPANCY, BINARY_INPUT_ATTRIBUTES[0]!]),
  endpoints: {
    temperature: ['temperature_1', 'temperature_2'],
    humidity: ['humidity_1', 'humidity_2'],
    concentration: ['IAQ', 'CO2'],
    pin_state: ['violation_detection'],
  },
  batch: {
    tagBits: 3,
    series: [
      { tag: 0, resolution: 1, sampleType: ST_U8, name: 'occupancy', divide: 1 },
      { tag: 1, resolution: 10, sampleType: ST_I16, name: 'temperature_1', divide: 100 },
      { tag: 2, resolution: 100, sampleType: ST_U16, name: 'humidity_1', divide: 100 },
      { tag: 3, resolution: 10, sampleType: ST_U16, name: 'CO2', divide: 1 },
      { tag: 4, resolution: 10, sampleType: ST_U16, name: 'IAQ', divide: 1 },
      { tag: 5, resolution: 10, sampleType: ST_U16, name: 'illuminance', divide: 1 },
      { tag: 6, resolution: 10, sampleType: ST_U16, name: 'pressure', divide: 10 },
    ],
  },
  units: {
    disposable_battery_voltage: 'V', illuminance: 'lx', temperature_1: 'Cel',
    temperature_2: 'Cel', pressure: 'hPa', humidity_1: '%RH', humidity_2: '%RH', CO2: 'ppm',
  },
  downlinks: [],
  normalize(data): HarmonisedAir {
    const out: HarmonisedAir = { category: 'air' };
    if (typeof data['temperature_1'] === 'number') out.temperatureC = data['temperature_1'];
    if (typeof data['humidity_1'] === 'number') out.humidityPercent = data['humidity_1'];
    if (typeof data['CO2'] === 'number') out.co2Ppm = data['CO2'];
    if (typeof data['pressure'] === 'number') out.pressureHPa = data['pressure'];
    if (typeof data['disposable_battery_voltage'] === 'number') {
      out.batteryV = data['disposable_battery_voltage'];
    }
    return out;
  },
  examples: [
    {
      description: 'standard report: temperature', operation: 'decodeUplink', fPort: 125,
      bytesHex: '110a04020000290b89', recvTime: '2023-07-19T07:51:31.598Z',
      data: {
        samples: [{ variable: 'temperature_1', value: 29.53, date: '2023-07-19T07:51:31.598Z',
          unit: 'Cel' }],
        temperature_1: 29.53, temperature_1_unit: 'Cel',
      },
      source: SOURCE_NEW,
    },
    {
      description: 'batch report: temperature, humidity and CO2', operation: 'decodeUplink',
      fPort: 125, recvTime: '2023-07-19T07:51:25.508Z',
      bytesHex: '30b200b6e7c7004d8887202fda75b914b4b28276cbf26e59bb5bd6ed96e5ddb2948076cb9200f6',
      data: {
        batch_counter: 2,
        samples: [
          { variable: 'temperature_1', value: 22.9, date: '2023-07-19T07:01:25.508Z',
            unit: 'Cel' },
          { variable: 'temperature_1', value: 22.8, date: '2023-07-19T07:11:25.508Z',
            unit: 'Cel' },
          { variable: 'humidity_1', value: 53, date: '2023-07-19T07:51:25.508Z', unit: '%RH' },
          { variable: 'CO2', value: 410, date: '2023-07-19T07:01:15.508Z', unit: 'ppm' },
          { variable: 'CO2', value: 420, date: '2023-07-19T07:11:15.508Z', unit: 'ppm' },
          { variable: 'CO2', value: 440, date: '2023-07-19T07:21:15.508Z', unit: 'ppm' },
          { variable: 'CO2', value: 420, date: '2023-07-19T07:31:15.508Z', unit: 'ppm' },
          { variable: 'CO2', value: 430, date: '2023-07-19T07:41:15.508Z', unit: 'ppm' },
          { variable: 'CO2', value: 420, date: '2023-07-19T07:51:15.508Z', unit: 'ppm' },
        ],
        temperature_1: 22.8, humidity_1: 53, CO2: 420,
        temperature_1_unit: 'Cel', humidity_1_unit: '%RH', CO2_unit: 'ppm',
      },
      source: SOURCE_OLD,
    },
    {
      description: 'batch report: seven series', operation: 'decodeUplink', fPort: 125,
      recvTime: '2024-12-27T18:35:54.000Z',
      bytesHex: '70060000e2760090cfc0015b028423fb03272919804c121c003ebc5bd6895f0040000b68b72c' +
        '27a0ddb4dc8076db920c68b72c19605b04',
      data: {
        batch_counter: 6,
        samples: [
          { variable: 'occupancy', value: 0, date: '2024-12-27T18:15:38.000Z' },
          { variable: 'temperature_1', value: 18.7, date: '2024-12-27T18:15:53.000Z',
            unit: 'Cel' },
          { variable: 'temperature_1', value: 18.5, date: '2024-12-27T18:25:54.000Z',
            unit: 'Cel' },
          { variable: 'humidity_1', value: 31, date: '2024-12-27T18:15:52.000Z', unit: '%RH' },
          { variable: 'CO2', value: 450, date: '2024-12-27T18:15:53.000Z', unit: 'ppm' },
          { variable: 'CO2', value: 470, date: '2024-12-27T18:25:53.000Z', unit: 'ppm' },
          { variable: 'IAQ', value: 240, date: '2024-12-27T18:19:20.000Z' },
          { variable: 'IAQ', value: 250, date: '2024-12-27T18:29:20.000Z' },
          { variable: 'illuminance', value: 50, date: '2024-12-27T18:17:21.000Z', unit: 'lx' },
          { variable: 'illuminance', value: 160, date: '2024-12-27T18:27:23.000Z', unit: 'lx' },
          { variable: 'pressure', value: 1011, date: '2024-12-27T18:29:20.000Z', unit: 'hPa' },
        ],
        occupancy: 0, temperature_1: 18.5, humidity_1: 31, CO2: 470, IAQ: 250,
        illuminance: 160, pressure: 1011,
        temperature_1_unit: 'Cel', humidity_1_unit: '%RH', CO2_unit: 'ppm',
        illuminance_unit: 'lx', pressure_unit: 'hPa',
      },
      source: SOURCE_OLD,
    },
  ],
};

/** Codec of the Watteco Vaqa'O Lite. */
export const vaqaoLiteCodec: CodecDefinition = wattecoCodec(VAQAO_LITE);
