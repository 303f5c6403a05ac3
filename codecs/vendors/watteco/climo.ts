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
// Earlier examples, published before units were added to the output: units added here.
const TTN = 'TheThingsNetwork/lorawan-devices, file vendor/watteco/climo-codec.yaml ' +
  '(commit 15e94021100a3f7c979ac8dc441e7ddf4c960940), with units added';
const temperature = (value: number) => ({
  samples: [{ variable: 'temperature', value, date: RECV, unit: 'Cel' }],
  temperature: value, temperature_unit: 'Cel',
});

/** The Clim'O table. */
export const CLIMO: WattecoDevice = {
  id: 'watteco/climo',
  model: "Clim'O",
  category: 'hvac',
  description: 'Indoor temperature and humidity sensor with tamper contact',
  attributes: COMMON_ATTRIBUTES.concat(TEMPERATURE_ATTRIBUTES, HUMIDITY_ATTRIBUTES,
    // The case contact (pin state) and its pulse index, as the vendor's examples show.
    [BINARY_INPUT_ATTRIBUTES[0]!, BINARY_INPUT_ATTRIBUTES[4]!]),
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
    {
      description: 'alarm report: temperature with 3 long threshold causes',
      operation: 'decodeUplink', fPort: 125, recvTime: RECV,
      bytesHex: '118a0402000029010ea0b008fc000001b10834000001b207d0000001',
      data: temperature(2.7),
      warnings: [
        'alarm triggered',
        'cause:{alarm:true, criterion_index: 0, mode: threshold, crossing: fall, value: 23, ' +
          'gap: 0, occurences: 1}',
        'cause:{alarm:true, criterion_index: 1, mode: threshold, crossing: fall, value: 21, ' +
          'gap: 0, occurences: 1}',
        'cause:{alarm:true, criterion_index: 2, mode: threshold, crossing: fall, value: 20, ' +
          'gap: 0, occurences: 1}',
      ],
      source: TTN,
    },
    {
      description: 'alarm report: temperature with a long delta cause', operation: 'decodeUplink',
      fPort: 125, recvTime: RECV, bytesHex: '118a04020000290b35a0c80014',
      data: temperature(28.69),
      warnings: ['alarm triggered',
        'cause:{alarm:true, criterion_index: 0, mode: delta, value: 0.2}'],
      source: TTN,
    },
    {
      description: 'standard report: humidity', operation: 'decodeUplink', fPort: 125,
      recvTime: RECV, bytesHex: '110a04050000210e89',
      data: { samples: [{ variable: 'humidity', value: 37.21, date: RECV, unit: '%RH' }],
        humidity: 37.21, humidity_unit: '%RH' },
      warnings: [], source: TTN,
    },
    {
      description: 'standard report: case state', operation: 'decodeUplink', fPort: 125,
      recvTime: RECV, bytesHex: '110a000f00551001',
      data: { samples: [{ variable: 'violation_detection', value: true, date: RECV }],
        violation_detection: true },
      warnings: [], source: TTN,
    },
    {
      description: 'standard report: pulse index of the input', operation: 'decodeUplink',
      fPort: 125, recvTime: RECV, bytesHex: '110a000f04022300000000',
      data: { samples: [{ variable: 'index', value: 0, date: RECV }], index: 0 },
      warnings: [], source: TTN,
    },
    {
      description: 'configure reporting response for the temperature cluster',
      operation: 'decodeUplink', fPort: 125, recvTime: RECV, bytesHex: '1107040200800000',
      data: {
        report: 'standard', endpoint: 0, cmdID: '0x07', clustID: '0x0402', attID: '0x0000',
        status: 0,
        report_parameters: { new_mode_configuration: '1', cause_request: 'none',
          secured_if_alarm: '0', secured: '0', no_hearde_port: '0', batch: '0' },
      },
      warnings: [], source: TTN,
    },
    {
      description: 'read attribute response: temperature', operation: 'decodeUplink',
      fPort: 125, recvTime: RECV, bytesHex: '11010402000000290992',
      data: temperature(24.5), warnings: [], source: TTN,
    },
    {
      description: 'batch report: temperature, humidity, battery', operation: 'decodeUplink',
      fPort: 125, recvTime: '2023-07-18T12:19:53.243Z',
      bytesHex: '362100808098c31ecb824d7b07ba3d',
      data: {
        batch_counter: 1,
        samples: [
          { variable: 'temperature', value: 28.7, date: '2023-07-18T12:19:53.243Z', unit: 'Cel' },
          { variable: 'humidity', value: 37, date: '2023-07-18T12:19:53.243Z', unit: '%RH' },
          { variable: 'battery_voltage', value: 3.707, date: '2023-07-18T12:19:52.243Z' },
        ],
        temperature: 28.7, humidity: 37, battery_voltage: 3.707,
        temperature_unit: 'Cel', humidity_unit: '%RH',
      },
      warnings: [], source: TTN.replace('units added', 'units and batch_counter added'),
    },
  ],
};

/** Codec of the Watteco Clim'O. */
export const climoCodec: CodecDefinition = wattecoCodec(CLIMO);
