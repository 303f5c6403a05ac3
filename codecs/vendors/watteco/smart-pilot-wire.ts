/**
 * Watteco Smart Pilot Wire: drives a French "fil pilote" heater input; its multistate output
 * (cluster 0x0013) holds the current order (Watteco Codec-API-LoRaWAN
 * `devices/smartpilot_wire`).
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedHvac } from '../../framework/harmonised.js';
import { COMMON_ATTRIBUTES, MULTISTATE_OUTPUT } from './format/clusters.js';
import { wattecoCodec } from './format/codec.js';
import type { WattecoDevice } from './format/device.js';

const SOURCE = 'Watteco/Codec-API-LoRaWAN, file devices/smartpilot_wire/examples.json ' +
  '(commit 42c0f10e09acafda8fc28ba1221cfe94a6f44f38)';
const RECV = '2023-07-19T07:51:25.508Z';

/** The Smart Pilot Wire table. */
export const SMART_PILOT_WIRE: WattecoDevice = {
  id: 'watteco/smart-pilot-wire',
  model: 'Smart Pilot Wire',
  category: 'hvac',
  description: 'Fil pilote heating controller (multistate output of the heater order)',
  attributes: COMMON_ATTRIBUTES.concat([MULTISTATE_OUTPUT]),
  endpoints: {},
  units: {},
  downlinks: [
    // The vendor's downlink schema allows orders 0 to 5. It also names `sendMSORelay`, for
    // which the vendor's codec defines no frame: it is not offered here.
    { name: 'sendMSOMode', prefix: [0x11, 0x05, 0x00, 0x13, 0x00, 0x55, 0x20], param: 'U8',
      min: 0, max: 5, description: 'Write the multistate output: the fil pilote order 0 to 5' },
  ],
  normalize(data): HarmonisedHvac {
    const out: HarmonisedHvac = { category: 'hvac' };
    // The vendor's codec gives the order as a number and names no modes: it is passed on
    // as text rather than guessed into comfort/eco labels.
    if (typeof data['output_value'] === 'number') out.mode = String(data['output_value']);
    return out;
  },
  examples: [
    {
      description: 'standard report: multistate value', operation: 'decodeUplink', fPort: 125,
      bytesHex: '110a001300552002', recvTime: RECV,
      data: { samples: [{ variable: 'output_value', value: 2, date: RECV }], output_value: 2 },
      source: SOURCE,
    },
    {
      description: 'read attribute response: multistate value', operation: 'decodeUplink',
      fPort: 125, bytesHex: '110100130055002001', recvTime: RECV,
      data: { samples: [{ variable: 'output_value', value: 1, date: RECV }], output_value: 1 },
      source: SOURCE,
    },
    {
      description: 'set MSO mode to 1', operation: 'encodeDownlink', fPort: 125,
      bytesHex: '1105001300552001', data: { sendMSOMode: 1 }, source: SOURCE,
    },
  ],
};

/** Codec of the Watteco Smart Pilot Wire. */
export const smartPilotWireCodec: CodecDefinition = wattecoCodec(SMART_PILOT_WIRE);
