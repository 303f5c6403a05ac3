/**
 * Cayenne LPP (`generic/cayenne-lpp`): myDevices' Low Power Payload, official and ElectronicCats
 * extended types, decoded and encoded in three output styles chosen by `variables.style`
 * (`neutral` by default, `tts`, `chirpstack`; see `styles.ts`).
 *
 * Known limits: LPP does not fix an FPort, so the encoders send on the port asked for (input
 * `fPort`, else `variables.fPort`), or else 1.
 * The polyline (240) and other vendor-specific types are not supported: they fail as unknown.
 */
import { fail } from '../../framework/codec-error.js';
import type { CodecDefinition, DecodeInput, EncodeInput } from '../../framework/types.js';
import { anyStyleSchema, chirpstackSchema, neutralSchema, ttsSchema } from './schema.js';
import { formatLpp, LPP_STYLES, parseLpp, type LppStyle } from './styles.js';
import { decodeLppRecords, encodeLppRecords } from './wire.js';

export { LPP_TYPES, lppTypeById, type LppEntry, type LppField, type LppType } from './types.js';
export { formatLpp, parseLpp, LPP_STYLES, type LppStyle } from './styles.js';
export { decodeLppRecords, encodeLppRecords } from './wire.js';

function styleOf(variables: Record<string, unknown>): LppStyle {
  const s = variables['style'];
  if (s === undefined || s === null) return LPP_STYLES[0];
  for (let i = 0; i < LPP_STYLES.length; i++) if (LPP_STYLES[i] === s) return LPP_STYLES[i]!;
  return fail('variables.style: expected one of ' + LPP_STYLES.join(', ') + ', got ' + String(s));
}

/** The port asked for in the input, else in `variables.fPort`, else 1: LPP fixes none. */
function fPortOf(input: EncodeInput): number {
  if (typeof input.fPort === 'number') return input.fPort;
  const p = input.variables['fPort'];
  if (p === undefined || p === null) return 1;
  if (typeof p !== 'number' || p !== Math.floor(p) || p < 1 || p > 223) {
    fail('variables.fPort: expected an integer 1 to 223, got ' + String(p));
  }
  return p;
}

function decode(input: DecodeInput): { data: unknown; warnings: string[] } {
  const style = styleOf(input.variables);
  return formatLpp(decodeLppRecords(input.bytes), style);
}

function encode(input: EncodeInput): { bytes: number[]; fPort: number } {
  const fPort = fPortOf(input);
  return { bytes: encodeLppRecords(parseLpp(input.data)), fPort };
}

const MYDEVICES_DOC =
  'myDevices, "Cayenne Low Power Payload" (cayenne-docs, docs/LORA.md), payload example ';

/** The Cayenne LPP codec. */
export const cayenneLpp: CodecDefinition = {
  id: 'generic/cayenne-lpp',
  vendor: 'generic',
  model: 'cayenne-lpp',
  category: 'generic',
  description:
    'Cayenne Low Power Payload: channel, type and value records; official myDevices types and ' +
    'the ElectronicCats extended types. Output style by variables.style: neutral, tts, ' +
    'chirpstack.',
  uplinkFPorts: [],
  downlinkFPorts: [],
  messageTypes: [
    { name: 'records', direction: 'uplink', description: 'Any sequence of LPP records.' },
    {
      name: 'records',
      direction: 'downlink',
      description: 'LPP records sent to the device (as ChirpStack encodes them), e.g. outputs.',
    },
  ],
  decodeUplink: decode,
  encodeUplink: encode,
  encodeDownlink: encode,
  decodeDownlink: decode,
  normalizeUplink(data) {
    const values: Record<string, number> = {};
    const entries = parseLpp(data);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      for (let j = 0; j < e.type.fields.length; j++) {
        values[e.type.fields[j]!.neutralKey + '_' + e.channel] = e.values[j]!;
      }
    }
    return { category: 'generic', values };
  },
  uplinkSchema: anyStyleSchema(),
  downlinkSchema: anyStyleSchema(),
  styles: [
    {
      name: 'neutral',
      description: 'Array of { channel, name: value }.',
      uplinkSchema: neutralSchema(),
    },
    {
      name: 'tts',
      description: "The Things Stack's built-in formatter: name_channel, float32 values.",
      uplinkSchema: ttsSchema(),
    },
    {
      name: 'chirpstack',
      description: "ChirpStack v4's built-in codec: name: { channel: value }.",
      uplinkSchema: chirpstackSchema(),
    },
  ],
  examples: [
    {
      description: 'Two temperature sensors, neutral style',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '03670110056700ff',
      data: [
        { channel: 3, temperature: 27.2 },
        { channel: 5, temperature: 25.5 },
      ],
      variables: { style: 'neutral' },
      source: MYDEVICES_DOC + '"Device with 2 temperature sensors"',
    },
    {
      description: 'Two temperature sensors, The Things Stack style (float32 as TTS prints it)',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '03670110056700ff',
      data: { temperature_3: 27.200000762939453, temperature_5: 25.5 },
      variables: { style: 'tts' },
      source: 'The Things Stack documentation, "Cayenne LPP" payload formatter page',
    },
    {
      description: 'Temperature and accelerometer, neutral style',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '0167ffd7067104d2fb2e0000',
      data: [
        { channel: 1, temperature: -4.1 },
        { channel: 6, accelerometer_x: 1.234, accelerometer_y: -1.234, accelerometer_z: 0 },
      ],
      variables: { style: 'neutral' },
      source: MYDEVICES_DOC + '"Device with temperature and acceleration sensors"',
    },
    {
      description: 'GPS position, ChirpStack style',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '018806765ff2960a0003e8',
      data: { gpsLocation: { '1': { latitude: 42.3519, longitude: -87.9094, altitude: 10 } } },
      variables: { style: 'chirpstack' },
      source: MYDEVICES_DOC + '"Device with GPS"',
    },
    {
      description: 'Truncated temperature record: an error, no data',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '036701',
      data: {},
      errors: ['temperature on channel 3: need 2 bytes at offset 2, got 1'],
      variables: { style: 'neutral' },
      source: 'loire: the first record of the myDevices two-temperature example, cut short',
    },
  ],
};

/** Every codec of this folder, for the registry. */
export const cayenneLppCodecs: CodecDefinition[] = [cayenneLpp];
