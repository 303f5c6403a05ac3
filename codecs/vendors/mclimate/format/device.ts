/**
 * Builds a {@link CodecDefinition} from an MClimate device table, so that a new MClimate
 * device is a table (keep-alive layout, answer codes, downlink commands), not a new decoder.
 */
import { fail } from '../../../framework/codec-error.js';
import type {
  Category,
  CodecDefinition,
  CodecExample,
  MessageType,
} from '../../../framework/types.js';
import type { Harmonised } from '../../../framework/harmonised.js';
import { commandsSchema, decodeCommands, encodeCommands, type CommandSpec } from './commands.js';
import { decodeMclimateUplink, encodeMclimateUplink, uplinkSchemaOf } from './uplink.js';
import type { MclimateUplinkTable } from './uplink.js';

/** Everything that differs between two MClimate devices. */
export interface MclimateDeviceTable extends MclimateUplinkTable {
  id: string;
  model: string;
  category: Category;
  description: string;
  downlinks: CommandSpec[];
  /** FPort the device sends on (used by `encodeUplink`). */
  uplinkFPort: number;
  /** FPort the vendor's encoder puts downlinks on. */
  downlinkFPort: number;
  normalize(data: Record<string, unknown>): Harmonised;
  /** Flags the vendor's normalizer reports as warnings when true, in its order. */
  warnFlags?: string[];
  examples: CodecExample[];
}

/**
 * Makes the codec of one MClimate device.
 *
 * `decodeDownlink` returns `{ bytes }` as MClimate's own reference decoders do (they echo the
 * downlink); with the variable `decodeCommands: true` it returns the commands instead, the
 * inverse of `encodeDownlink`.
 *
 * @param t - The device table.
 * @returns The codec definition.
 * @example const vicki = makeMclimateCodec(vickiTable);
 */
export function makeMclimateCodec(t: MclimateDeviceTable): CodecDefinition {
  const messageTypes: MessageType[] = [];
  for (let i = 0; i < t.keepalives.length; i++) {
    const r = t.keepalives[i]!.reason;
    messageTypes.push({
      name: r === 1 ? 'keepalive' : `keepalive_0x${r.toString(16)}`,
      direction: 'uplink',
      description: `Periodic status (reason byte 0x${r.toString(16)}, ` +
        `${t.keepalives[i]!.length} bytes)`,
    });
  }
  for (let i = 0; i < t.responses.length; i++) {
    const s = t.responses[i]!;
    messageTypes.push({
      name: `response_0x${(s.code < 16 ? '0' : '') + s.code.toString(16)}_${s.name}`,
      direction: 'uplink',
      description: s.description,
    });
  }
  for (let i = 0; i < t.downlinks.length; i++) {
    const s = t.downlinks[i]!;
    messageTypes.push({
      name: s.name,
      direction: 'downlink',
      fPorts: [t.downlinkFPort],
      description: s.description,
    });
  }
  return {
    id: t.id,
    vendor: 'mclimate',
    model: t.model,
    category: t.category,
    description: t.description,
    uplinkFPorts: [],
    downlinkFPorts: [t.downlinkFPort],
    messageTypes,
    decodeUplink: (input) => decodeMclimateUplink(t, input.bytes),
    encodeUplink: (input) => ({
      bytes: encodeMclimateUplink(t, input.data),
      fPort: t.uplinkFPort,
    }),
    encodeDownlink: (input) => ({
      bytes: encodeCommands(t.downlinks, input.data),
      fPort: t.downlinkFPort,
    }),
    decodeDownlink(input) {
      if (input.bytes.length === 0) fail('downlink: empty payload');
      if (input.variables.decodeCommands === true) {
        return { data: decodeCommands(t.downlinks, input.bytes) };
      }
      return { data: { bytes: input.bytes.slice() } };
    },
    normalizeUplink: (data) => t.normalize(data as Record<string, unknown>),
    ...(t.warnFlags ? { normalizeWarnings: (data: unknown) => flagWarnings(t.warnFlags!, data) }
      : {}),
    uplinkSchema: uplinkSchemaOf(t),
    // Downlink data is either a set of commands (what encodeDownlink takes, and what
    // decodeDownlink gives with `variables.decodeCommands`) or, by default, the vendor's echo of
    // the bytes (vector hvac-06).
    downlinkSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      anyOf: [
        {
          type: 'object',
          properties: commandsSchema(t.downlinks, {
            sendCustomHexCommand: { type: 'string', pattern: '^([0-9a-fA-F]{2})+$' },
          }),
          additionalProperties: false,
          minProperties: 1,
        },
        {
          type: 'object',
          properties: {
            bytes: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 255 } },
          },
          required: ['bytes'],
          additionalProperties: false,
        },
      ],
    },
    examples: t.examples,
  };
}

/** Copies numeric fields into a harmonised view, leaving out those absent. */
export function pick(
  data: Record<string, unknown>,
  out: Record<string, unknown>,
  map: Record<string, string>,
): void {
  for (const from in map) {
    if (typeof data[from] === 'number') out[map[from]!] = data[from];
  }
}

/** `'<flag>: true'` for each flag set in a decoded uplink, as MClimate's normalizers word it. */
function flagWarnings(flags: string[], data: unknown): string[] {
  const out: string[] = [];
  if (data === null || typeof data !== 'object') return out;
  const d = data as Record<string, unknown>;
  for (let i = 0; i < flags.length; i++) if (d[flags[i]!] === true) out.push(flags[i] + ': true');
  return out;
}
