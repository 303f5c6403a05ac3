/**
 * Builds a {@link CodecDefinition} from house-format message tables (see `layout.ts`), so each
 * house codec is only its tables and its harmonised view.
 */
import type { Harmonised } from '../framework/harmonised.js';
import type {
  Category, CodecDefinition, CodecExample, DecodeInput, EncodeInput, JsonSchema, MessageType,
} from '../framework/types.js';
import { decodeHouse, encodeHouse, type Field, type MessageLayout } from './layout.js';

/** What a house codec declares. */
export interface HouseSpec {
  model: string;
  category: Category;
  description: string;
  fPort: number;
  uplinks: MessageLayout[];
  downlinks?: MessageLayout[];
  /** One-line description per message name. */
  docs: Record<string, string>;
  normalize(data: Record<string, unknown>): Harmonised;
  /** Worked examples of docs/house-formats.md: [operation, hex, data]. */
  examples: [CodecExample['operation'], string, Record<string, unknown>][];
}

function schemaOf(fields: Field[]): JsonSchema {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.type === 'flags') {
      const b: Record<string, unknown> = {};
      for (let k = 0; k < f.bits.length; k++) b[f.bits[k]!] = { type: 'boolean' };
      props[f.name] = { type: 'object', properties: b };
    } else if (f.type === 'enum') props[f.name] = { type: 'string', enum: f.values };
    else if (f.type === 'list') {
      props[f.name] = { type: 'array', maxItems: f.maxCount,
        items: f.item ? { type: ['number', 'null'] } : schemaOf(f.fields!) };
    } else props[f.name] = { type: 'number' };
  }
  return { type: 'object', properties: props };
}

function schemaOfAll(layouts: MessageLayout[]): JsonSchema {
  return { oneOf: layouts.map((l) => {
    const s = schemaOf(l.fields);
    (s.properties as Record<string, unknown>).messageType = { const: l.name };
    s.required = ['messageType'];
    return s;
  }) };
}

/** The codec of one house format. */
export function defineHouseCodec(spec: HouseSpec): CodecDefinition {
  const id = `loire/${spec.model}`;
  const types: MessageType[] = [];
  const add = (ls: MessageLayout[], direction: 'uplink' | 'downlink'): void => {
    for (let i = 0; i < ls.length; i++) {
      types.push({ name: ls[i]!.name, direction, fPorts: [spec.fPort],
        description: spec.docs[ls[i]!.name] ?? ls[i]!.name });
    }
  };
  add(spec.uplinks, 'uplink');
  if (spec.downlinks) add(spec.downlinks, 'downlink');
  const def: CodecDefinition = {
    id,
    vendor: 'loire',
    model: spec.model,
    category: spec.category,
    description: spec.description,
    uplinkFPorts: [spec.fPort],
    downlinkFPorts: spec.downlinks ? [spec.fPort] : [],
    messageTypes: types,
    decodeUplink(input: DecodeInput) {
      return decodeHouse(input.bytes, spec.uplinks, id);
    },
    encodeUplink(input: EncodeInput) {
      const r = encodeHouse(input.data, spec.uplinks, id);
      return r.warnings ? { bytes: r.bytes, fPort: spec.fPort, warnings: r.warnings }
        : { bytes: r.bytes, fPort: spec.fPort };
    },
    normalizeUplink(data: unknown) {
      return spec.normalize(data as Record<string, unknown>);
    },
    uplinkSchema: schemaOfAll(spec.uplinks),
    examples: spec.examples.map(([operation, bytesHex, data]) => ({
      description: `${String(data.messageType)} example of docs/house-formats.md`,
      operation, fPort: spec.fPort, bytesHex, data, source: 'loire docs/house-formats.md',
    })),
  };
  const downlinks = spec.downlinks;
  if (downlinks) {
    def.encodeDownlink = (input: EncodeInput) => {
      const r = encodeHouse(input.data, downlinks, id);
      return r.warnings ? { bytes: r.bytes, fPort: spec.fPort, warnings: r.warnings }
        : { bytes: r.bytes, fPort: spec.fPort };
    };
    def.decodeDownlink = (input: DecodeInput) => decodeHouse(input.bytes, downlinks, id);
    def.downlinkSchema = schemaOfAll(downlinks);
  }
  return def;
}
