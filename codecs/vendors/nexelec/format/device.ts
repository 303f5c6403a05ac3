/**
 * Builds a {@link CodecDefinition} from a Nexelec product table: the product byte, the
 * message byte, then the message's fields. A new Nexelec product is a table.
 */
import { fail } from '../../../framework/codec-error.js';
import type { Harmonised } from '../../../framework/harmonised.js';
import type {
  Category, CodecDefinition, CodecExample, JsonSchema, MessageType,
} from '../../../framework/types.js';
import {
  decodeFields, encodeFields, fieldSchema, lengthFor, type NexelecMessage,
} from './fields.js';

/** A Nexelec product family served by one codec. */
export interface NexelecTable {
  id: string;
  model: string;
  category: Category;
  description: string;
  /** Product codes (first byte) and their labels, e.g. `0xAE: "Air+ LoRa"`. */
  products: Record<number, string>;
  messages: NexelecMessage[];
  uplinkFPort: number;
  normalize(data: Record<string, unknown>): Harmonised;
  examples: CodecExample[];
}

function messageOf(t: NexelecTable, type: number): NexelecMessage | undefined {
  for (let i = 0; i < t.messages.length; i++) {
    if (t.messages[i]!.type === type) return t.messages[i];
  }
  return undefined;
}

/**
 * Makes the codec of a Nexelec product family.
 *
 * @param t - The product table.
 * @returns The codec definition (uplinks only: the products' downlink frames are not in
 *   the public reference decoders this codec follows).
 * @example const airPlus = makeNexelecCodec(airPlusTable);
 */
export function makeNexelecCodec(t: NexelecTable): CodecDefinition {
  const messageTypes: MessageType[] = t.messages.map((m) => ({
    name: m.name,
    direction: 'uplink' as const,
    description: `${m.label} (message type ${m.type}, ${m.minLength} bytes or more)`,
  }));
  const oneOf: JsonSchema[] = t.messages.map((m) => {
    const properties: Record<string, JsonSchema> = {
      typeOfProduct: { type: 'string' },
      typeOfMessage: { const: m.label },
    };
    for (let i = 0; i < m.fields.length; i++) {
      properties[m.fields[i]!.name] = fieldSchema(m.fields[i]!);
    }
    return { type: 'object', properties, required: Object.keys(properties) };
  });
  return {
    id: t.id,
    vendor: 'nexelec',
    model: t.model,
    category: t.category,
    description: t.description,
    uplinkFPorts: [],
    downlinkFPorts: [],
    messageTypes,
    decodeUplink(input) {
      const b = input.bytes;
      if (b.length < 2) fail(`Payload too short: ${b.length} bytes, at least 2 expected`, 0);
      const m = messageOf(t, b[1]!);
      if (!m) fail(`Unknown message type ${b[1]} at offset 1`, 1);
      if (b.length < m!.minLength) {
        fail(`${m!.name}: payload too short for message type ${b[1]}: ${b.length} bytes, ` +
          `${m!.minLength} expected`, b.length);
      }
      const product = t.products[b[0]!];
      const data: Record<string, unknown> = {
        typeOfProduct: product ?? 'Unknown',
        typeOfMessage: m!.label,
      };
      decodeFields(m!, b, data);
      const warnings: string[] = [];
      if (product === undefined) {
        warnings.push(`unknown product code 0x${b[0]!.toString(16)} at offset 0`);
      }
      // Bytes past the message's last field are not silently dropped: the data is complete,
      // but a newer firmware may have appended fields this table does not know.
      const used = lengthFor(m!, data);
      if (b.length > used) {
        warnings.push(`${b.length - used} trailing byte${b.length - used === 1 ? '' : 's'} ` +
          `at offset ${used} not decoded (${m!.name} is ${used} bytes)`);
      }
      return warnings.length > 0 ? { data, warnings } : { data };
    },
    encodeUplink(input) {
      const d = input.data as Record<string, unknown>;
      if (typeof d !== 'object' || d === null) fail('uplink: expected an object');
      let product = -1;
      for (const k in t.products) if (t.products[+k] === d.typeOfProduct) product = +k;
      if (product < 0) fail(`uplink: unknown typeOfProduct ${String(d.typeOfProduct)}`);
      let m: NexelecMessage | undefined;
      for (let i = 0; i < t.messages.length; i++) {
        if (t.messages[i]!.label === d.typeOfMessage) m = t.messages[i];
      }
      if (!m) fail(`uplink: unknown typeOfMessage ${String(d.typeOfMessage)}`);
      const out: number[] = [];
      const len = lengthFor(m!, d);
      for (let i = 0; i < len; i++) out.push(0);
      out[0] = product;
      out[1] = m!.type;
      encodeFields(m!, d, out);
      return { bytes: out, fPort: t.uplinkFPort };
    },
    normalizeUplink: (data) => t.normalize(data as Record<string, unknown>),
    uplinkSchema: { $schema: 'http://json-schema.org/draft-07/schema#', oneOf },
    examples: t.examples,
  };
}

/** The number inside a `{ value, unit }` measurement, if it is one. */
export function valueOf(v: unknown): number | undefined {
  const value = v !== null && typeof v === 'object' ? (v as { value?: unknown }).value : undefined;
  if (typeof value === 'number') return value;
  return undefined;
}
