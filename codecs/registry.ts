/**
 * Every codec of loire by id (`vendor/model`, lowercase), with its metadata, JSON Schemas and
 * examples. The families come from `catalog.ts` (one line per family); the registry is built and
 * checked on first use, so a family with a malformed or duplicate id fails loudly then.
 */
import * as catalog from './catalog.js';
import type {
  Category,
  CodecDefinition,
  CodecExample,
  JsonSchema,
  MessageType,
} from './framework/types.js';

/** What `listCodecs` tells about one codec. */
export interface CodecInfo {
  id: string;
  vendor: string;
  model: string;
  category: Category;
  description: string;
  /** FPorts of its uplinks; empty when any port may carry them. */
  uplinkFPorts: number[];
  downlinkFPorts: number[];
  messageTypes: MessageType[];
  /** The TS013 operations it implements, such as `decodeUplink`, `encodeDownlink`. */
  operations: string[];
  /** Output styles (`variables.style`), default first; empty when it has one shape. */
  styles: string[];
  /** JSON Schema (draft-07) of `data` of decoded uplinks. */
  uplinkSchema: JsonSchema;
  /** JSON Schema (draft-07) of downlink `data` (encoder input, downlink decoder output). */
  downlinkSchema?: JsonSchema;
  examples: CodecExample[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._+-]*$/;
const CATEGORIES: Category[] = ['water', 'lighting', 'hvac', 'air', 'waste', 'generic'];
const OPERATIONS = [
  'decodeUplink',
  'encodeUplink',
  'encodeDownlink',
  'decodeDownlink',
  'normalizeUplink',
] as const;

let byId: Map<string, CodecDefinition> | undefined;

function registry(): Map<string, CodecDefinition> {
  if (byId) return byId;
  const map = new Map<string, CodecDefinition>();
  for (const [family, list] of Object.entries(catalog as Record<string, unknown>)) {
    if (!Array.isArray(list)) {
      throw new TypeError(`codecs/catalog.ts: ${family} is not an array of CodecDefinition`);
    }
    for (const codec of list as CodecDefinition[]) {
      const where = `codecs/catalog.ts: ${family}`;
      if (typeof codec?.id !== 'string' || !ID_PATTERN.test(codec.id)) {
        const id = String(codec?.id);
        throw new TypeError(`${where}: codec id '${id}' is not lowercase vendor/model`);
      }
      if (map.has(codec.id)) throw new TypeError(`${where}: duplicate codec id '${codec.id}'`);
      if (!CATEGORIES.includes(codec.category)) {
        throw new TypeError(`${where}: ${codec.id} has unknown category '${codec.category}'`);
      }
      if (typeof codec.decodeUplink !== 'function') {
        throw new TypeError(`${where}: ${codec.id} has no decodeUplink`);
      }
      map.set(codec.id, codec);
    }
  }
  byId = map;
  return map;
}

/**
 * The codec with this id, or `undefined` when none is registered.
 *
 * @param id - `vendor/model`, such as `generic/cayenne-lpp` (case-insensitive).
 * @example
 * ```ts
 * decodeUplink(getCodec('generic/cayenne-lpp')!, { bytes: [1, 0x67, 0xff, 0xd7], fPort: 1 });
 * ```
 */
export function getCodec(id: string): CodecDefinition | undefined {
  if (typeof id !== 'string') throw new TypeError(`id: expected a string, got ${typeof id}`);
  return registry().get(id.toLowerCase());
}

/** Ids of every registered codec, sorted. */
export function codecIds(): string[] {
  return [...registry().keys()].sort();
}

/**
 * Metadata, schemas and examples of every registered codec, sorted by id.
 *
 * @example listCodecs().filter((c) => c.category === 'water').map((c) => c.id)
 */
export function listCodecs(): CodecInfo[] {
  return codecIds().map((id) => describeCodec(registry().get(id)!));
}

/** The {@link CodecInfo} of one definition. */
export function describeCodec(codec: CodecDefinition): CodecInfo {
  const info: CodecInfo = {
    id: codec.id,
    vendor: codec.vendor,
    model: codec.model,
    category: codec.category,
    description: codec.description,
    uplinkFPorts: codec.uplinkFPorts,
    downlinkFPorts: codec.downlinkFPorts,
    messageTypes: codec.messageTypes,
    operations: OPERATIONS.filter((op) => typeof codec[op] === 'function'),
    styles: (codec.styles ?? []).map((s) => s.name),
    uplinkSchema: codec.uplinkSchema,
    examples: codec.examples,
  };
  if (codec.downlinkSchema) info.downlinkSchema = codec.downlinkSchema;
  return info;
}
