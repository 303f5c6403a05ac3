/**
 * Watteco Pulse Sens'O: three pulse counters (water, gas, electricity meters) with their pin
 * states, in standard and batch reports (Watteco Codec-API-LoRaWAN `devices/pulse_sens'o`).
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import {
  BINARY_INPUT_ATTRIBUTES, COMMON_ATTRIBUTES, PIN_STATES,
} from './format/clusters.js';
import { ST_BOOLEAN, ST_U16, ST_U32 } from './format/batch-report.js';
import { wattecoCodec } from './format/codec.js';
import type { WattecoDevice } from './format/device.js';

const SOURCE = "Watteco/Codec-API-LoRaWAN, file devices/pulse_sens'o/examples.json " +
  '(commit 42c0f10e09acafda8fc28ba1221cfe94a6f44f38)';
const RECV = '2023-07-19T07:51:25.508Z';

/** The Pulse Sens'O table. */
export const PULSE_SENSO: WattecoDevice = {
  id: 'watteco/pulse-senso',
  model: "Pulse Sens'O",
  category: 'water',
  description: 'Three-input pulse reader for water, gas and electricity meters',
  attributes: COMMON_ATTRIBUTES.concat(BINARY_INPUT_ATTRIBUTES, [PIN_STATES]),
  endpoints: {
    index: ['index_1', 'index_2', 'index_3'],
    pin_state: ['pin_state_1', 'pin_state_2', 'pin_state_3'],
    // The multi-input cluster carries ten pins; this device wires three.
    pin_state_4: ['NA'], pin_state_5: ['NA'], pin_state_6: ['NA'], pin_state_7: ['NA'],
    pin_state_8: ['NA'], pin_state_9: ['NA'], pin_state_10: ['NA'],
  },
  batch: {
    tagBits: 4,
    series: [
      { tag: 0, resolution: 1, sampleType: ST_U32, name: 'index_1', divide: 1 },
      { tag: 1, resolution: 1, sampleType: ST_U32, name: 'index_2', divide: 1 },
      { tag: 2, resolution: 1, sampleType: ST_U32, name: 'index_3', divide: 1 },
      { tag: 3, resolution: 1, sampleType: ST_BOOLEAN, name: 'pin_state_1', divide: 1 },
      { tag: 4, resolution: 1, sampleType: ST_BOOLEAN, name: 'pin_state_2', divide: 1 },
      { tag: 5, resolution: 1, sampleType: ST_BOOLEAN, name: 'pin_state_3', divide: 1 },
      { tag: 6, resolution: 100, sampleType: ST_U16, name: 'battery_voltage', divide: 1000 },
      { tag: 7, resolution: 1, sampleType: ST_U16, name: 'multi_state', divide: 100 },
    ],
  },
  units: { disposable_battery_voltage: 'V' },
  downlinks: [],
  normalize(data): HarmonisedWater {
    const out: HarmonisedWater = { category: 'water' };
    // Pulses become a volume only with the meter's litres per pulse, which the frames do not
    // carry: volumeM3 is left out rather than guessed.
    if (typeof data['disposable_battery_voltage'] === 'number') {
      out.batteryV = data['disposable_battery_voltage'];
    }
    return out;
  },
  examples: [
    {
      description: 'standard report: pulse count of input 1', operation: 'decodeUplink',
      fPort: 125, bytesHex: '110a000f04022300000000', recvTime: RECV,
      data: { samples: [{ variable: 'index_1', value: 0, date: RECV }], index_1: 0 },
      source: SOURCE,
    },
    {
      description: 'standard report: three pin states', operation: 'decodeUplink', fPort: 125,
      bytesHex: '110a80050000190371', recvTime: RECV,
      data: {
        samples: [
          { variable: 'pin_state_1', value: true, date: RECV },
          { variable: 'pin_state_2', value: false, date: RECV },
          { variable: 'pin_state_3', value: false, date: RECV },
          { variable: 'NA', value: 'NA', date: RECV }, { variable: 'NA', value: 'NA', date: RECV },
          { variable: 'NA', value: 'NA', date: RECV }, { variable: 'NA', value: 'NA', date: RECV },
          { variable: 'NA', value: 'NA', date: RECV }, { variable: 'NA', value: 'NA', date: RECV },
          { variable: 'NA', value: 'NA', date: RECV },
        ],
        pin_state_1: true, pin_state_2: false, pin_state_3: false, NA: 'NA',
      },
      source: SOURCE,
    },
    {
      description: 'batch report: three indexes, four samples each', operation: 'decodeUplink',
      fPort: 125, recvTime: RECV,
      bytesHex: '3203032cd2dc00000000117b02000080903d005000401040801d11604704d8119024912492247b',
      data: {
        batch_counter: 3,
        samples: [
          { variable: 'index_1', value: 0, date: '2023-07-19T04:51:25.508Z' },
          { variable: 'index_1', value: 0, date: '2023-07-19T05:51:25.508Z' },
          { variable: 'index_1', value: 0, date: '2023-07-19T06:51:25.508Z' },
          { variable: 'index_1', value: 0, date: '2023-07-19T07:51:25.508Z' },
          { variable: 'index_2', value: 67108864, date: '2023-07-19T04:51:25.508Z' },
          { variable: 'index_2', value: 67108864, date: '2023-07-19T05:51:25.508Z' },
          { variable: 'index_2', value: 67108864, date: '2023-07-19T06:51:25.508Z' },
          { variable: 'index_2', value: 67108864, date: '2023-07-19T07:51:25.508Z' },
          { variable: 'index_3', value: 4194560, date: '2023-07-19T04:51:25.508Z' },
          { variable: 'index_3', value: 4194560, date: '2023-07-19T05:51:25.508Z' },
          { variable: 'index_3', value: 4194560, date: '2023-07-19T06:51:25.508Z' },
          { variable: 'index_3', value: 4194560, date: '2023-07-19T07:51:25.508Z' },
        ],
        index_1: 0, index_2: 67108864, index_3: 4194560,
      },
      source: SOURCE,
    },
    {
      description: 'reboot', operation: 'encodeDownlink', fPort: 125, bytesHex: '1150005000',
      data: { sendReboot: true }, source: SOURCE,
    },
  ],
};

/** Codec of the Watteco Pulse Sens'O. */
export const pulseSensoCodec: CodecDefinition = wattecoCodec(PULSE_SENSO);
