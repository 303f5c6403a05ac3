/**
 * Turns an Adeunis product table into a {@link CodecDefinition}. Decoded data has the
 * vendor's shape: `{ bytes: { type, status, ...fields } }`.
 */
import { fail } from '../../../framework/codec-error.js';
import type { Harmonised } from '../../../framework/harmonised.js';
import type {
  Category, CodecDefinition, CodecExample, Decoded, JsonSchema, MessageType,
} from '../../../framework/types.js';
import { decodeAdeunisDownlink, encodeAdeunisDownlink } from './downlinks.js';
import type { AdeunisProduct } from './frame.js';
import { decodeStatus, encodeStatus, type AdeunisStatus } from './status-byte.js';

/** Everything needed to describe one Adeunis device. */
export interface AdeunisDevice extends AdeunisProduct {
  id: string;
  model: string;
  category: Category;
  description: string;
  /** Adeunis products send and receive on FPort 1 by default. */
  fPort: number;
  normalize(bytes: Record<string, unknown>): Harmonised;
  examples: CodecExample[];
}

function hex2(v: number): string {
  return '0x' + (v < 16 ? '0' : '') + v.toString(16);
}

function decodeUplink(device: AdeunisDevice, bytes: number[]): Decoded {
  if (bytes.length < 2) fail(`uplink: need a frame code and a status byte, got ${bytes.length}`);
  const code = bytes[0]!;
  for (const frame of device.frames) {
    if (frame.code !== code) continue;
    const status = decodeStatus(bytes[1]!, device.statusExtras);
    const body = frame.decode(bytes, status);
    const out: Record<string, unknown> = { type: frame.type, status };
    for (const k in body) out[k] = body[k];
    return { data: { bytes: out }, warnings: [] };
  }
  // The vendor's codec returns `{type: 'Unsupported'}` here; an error says more.
  fail(`uplink: frame code ${hex2(code)} is not one ${device.id} sends`, 0);
}

function encodeUplink(device: AdeunisDevice, data: unknown): number[] {
  const inner = typeof data === 'object' && data !== null
    ? (data as { bytes?: unknown }).bytes : undefined;
  if (typeof inner !== 'object' || inner === null) fail('uplink: data.bytes must be an object');
  const fields = inner as Record<string, unknown>;
  for (const frame of device.frames) {
    if (frame.type !== fields['type']) continue;
    const status = (fields['status'] || {}) as AdeunisStatus;
    return [frame.code, encodeStatus(status)].concat(frame.encode(fields, status));
  }
  fail(`uplink: unknown frame type ${String(fields['type'])}`);
}

function messageTypes(device: AdeunisDevice): MessageType[] {
  const types: MessageType[] = device.frames.map((f) => ({
    name: f.type, direction: 'uplink', fPorts: [device.fPort], description: f.description,
  }));
  const down = (name: string, description: string): MessageType =>
    ({ name, direction: 'downlink', fPorts: [device.fPort], description });
  types.push(
    down('getAppConfig', '0x01: ask for the application configuration (answer 0x10)'),
    down('getNetworkConfig', '0x02: ask for the network configuration (answer 0x20)'),
    down('getRegisters', '0x40: read registers'),
    down('setRegisters', '0x41: write registers (answer 0x33)'),
  );
  return types;
}

function uplinkSchema(device: AdeunisDevice): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${device.id} decoded uplink`,
    type: 'object',
    required: ['bytes'],
    properties: {
      bytes: {
        type: 'object',
        required: ['type', 'status'],
        properties: {
          type: { enum: device.frames.map((f) => f.type) },
          status: {
            type: 'object',
            required: ['frameCounter', 'hardwareError', 'lowBattery', 'configurationDone'],
            properties: {
              frameCounter: { type: 'integer', minimum: 0, maximum: 7 },
              hardwareError: { type: 'boolean' },
              lowBattery: { type: 'boolean' },
              configurationDone: { type: 'boolean' },
              configurationInconsistency: { type: 'boolean' },
              timestamp: { type: 'boolean' },
            },
          },
          timestamp: {
            type: 'string',
            pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$',
          },
        },
      },
    },
  };
}

const DOWNLINK_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Adeunis downlink command',
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    getAppConfig: { const: true },
    getNetworkConfig: { const: true },
    getRegisters: {
      type: 'array', minItems: 1, items: { type: 'integer', minimum: 300, maximum: 555 },
    },
    setRegisters: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['register', 'value', 'size'],
        properties: {
          register: { type: 'integer', minimum: 300, maximum: 555 },
          value: { type: 'integer', minimum: 0 },
          size: { enum: [1, 2, 4] },
        },
      },
    },
  },
};

/** Builds the codec of an Adeunis device from its table. */
export function adeunisCodec(device: AdeunisDevice): CodecDefinition {
  return {
    id: device.id,
    vendor: 'Adeunis',
    model: device.model,
    category: device.category,
    description: device.description,
    uplinkFPorts: [device.fPort],
    downlinkFPorts: [device.fPort],
    messageTypes: messageTypes(device),
    decodeUplink: (input) => decodeUplink(device, input.bytes),
    encodeUplink: (input) => ({ bytes: encodeUplink(device, input.data), fPort: device.fPort }),
    encodeDownlink: (input) => ({ bytes: encodeAdeunisDownlink(input.data), fPort: device.fPort }),
    decodeDownlink: (input) => {
      const sizes = input.variables['registerSizes'];
      return {
        data: decodeAdeunisDownlink(input.bytes,
          typeof sizes === 'object' && sizes !== null ? sizes as Record<number, number> : {}),
      };
    },
    normalizeUplink: (data) =>
      device.normalize(((data as { bytes?: unknown }).bytes || {}) as Record<string, unknown>),
    uplinkSchema: uplinkSchema(device),
    downlinkSchema: DOWNLINK_SCHEMA,
    examples: device.examples,
  };
}
