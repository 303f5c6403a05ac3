/**
 * Turns an Elsys device table into a {@link CodecDefinition}: type records up, settings down.
 */
import type { Harmonised } from '../../../framework/harmonised.js';
import type {
  Category, CodecDefinition, CodecExample, JsonSchema, MessageType,
} from '../../../framework/types.js';
import { ELSYS_RECORDS, decodeRecords, encodeRecords } from './records.js';
import { ELSYS_SETTINGS, decodeSettings, encodeSettings } from './settings.js';

/** An Elsys device: the record types it sends. */
export interface ElsysDevice {
  id: string;
  model: string;
  category: Category;
  description: string;
  /** Record types the model sends (every known record still decodes). */
  sends: number[];
  normalize(data: Record<string, unknown>): Harmonised;
  examples: CodecExample[];
}

/** Elsys default uplink port. */
export const ELSYS_FPORT = 5;
/** Elsys settings downlink port: the uplink port + 1. */
export const ELSYS_SETTINGS_FPORT = 6;

function uplinkSchema(device: ElsysDevice): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (const r of ELSYS_RECORDS) {
    for (const k of r.keys) {
      properties[k] = k === 'grideye' ? { type: 'array', items: { type: 'number' } }
        : k === 'externalTemperature2'
          ? { oneOf: [{ type: 'number' }, { type: 'array', items: { type: 'number' } }] }
          : { type: 'number' };
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${device.id} decoded uplink`,
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

function downlinkSchema(): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (const st of ELSYS_SETTINGS) {
    properties[st.name] = st.kind === 'request' ? { const: true }
      : st.kind === 'bool' ? { type: 'boolean' }
        : { type: 'integer', minimum: 0, maximum: Math.pow(256, st.size) - 1 };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Elsys settings downlink',
    type: 'object',
    properties,
    additionalProperties: false,
    minProperties: 1,
  };
}

function messageTypes(device: ElsysDevice): MessageType[] {
  const types: MessageType[] = [];
  for (const r of ELSYS_RECORDS) {
    if (device.sends.indexOf(r.type) < 0) continue;
    types.push({ name: r.keys.join('+'), direction: 'uplink', fPorts: [ELSYS_FPORT],
      description: `Record 0x${(r.type < 16 ? '0' : '') + r.type.toString(16)}` });
  }
  for (const st of ELSYS_SETTINGS) {
    types.push({ name: st.name, direction: 'downlink', fPorts: [ELSYS_SETTINGS_FPORT],
      description: `Setting 0x${st.id.toString(16)} in a 0x3e settings frame` });
  }
  return types;
}

/** Builds the codec of an Elsys device from its table. */
export function elsysCodec(device: ElsysDevice): CodecDefinition {
  return {
    id: device.id,
    vendor: 'Elsys',
    model: device.model,
    category: device.category,
    description: device.description,
    // Port 5 is the factory default; the vendor's examples also use 1. Records decode the
    // same on any port.
    uplinkFPorts: [ELSYS_FPORT, 1],
    downlinkFPorts: [ELSYS_SETTINGS_FPORT],
    messageTypes: messageTypes(device),
    decodeUplink: (input) => decodeRecords(input.bytes),
    encodeUplink: (input) => ({
      bytes: encodeRecords(input.data as Record<string, unknown>), fPort: ELSYS_FPORT,
    }),
    encodeDownlink: (input) => ({
      bytes: encodeSettings(input.data), fPort: ELSYS_SETTINGS_FPORT,
    }),
    decodeDownlink: (input) => ({ data: decodeSettings(input.bytes) }),
    normalizeUplink: (data) => device.normalize(data as Record<string, unknown>),
    uplinkSchema: uplinkSchema(device),
    downlinkSchema: downlinkSchema(),
    examples: device.examples,
  };
}
