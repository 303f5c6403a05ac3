/**
 * MClimate command records: a code byte and its fixed-size arguments. The same layout serves
 * the server's downlinks (`setKeepAlive`, `getKeepAliveTime`, ...) and the device's answers to
 * "get" commands, which precede the keep-alive in an uplink (docs.mclimate.eu, each device's
 * "Communication concepts": responses are sent together with the next keep-alive).
 */
import { fail } from '../../../framework/codec-error.js';
import type { Bytes, JsonSchema } from '../../../framework/types.js';
import type { ValueCodec } from './values.js';

/** One command of a device's table. */
export interface CommandSpec {
  code: number;
  /** Key in the decoded object, as the vendor names it. */
  name: string;
  value: ValueCodec;
  description: string;
  /** Merge the decoded object's fields into the message instead of nesting them. */
  flat?: boolean;
  /** For a flat answer: the fields it carries, and `[copy, source]` when one repeats another. */
  flatKeys?: string[];
  flatEcho?: [string, string];
}

/** Looks a command up by code; `undefined` when the table does not have it. */
export function byCode(table: CommandSpec[], code: number): CommandSpec | undefined {
  for (let i = 0; i < table.length; i++) if (table[i]!.code === code) return table[i];
  return undefined;
}

/** The first command of the table with this name (the one used to encode it). */
export function byName(table: CommandSpec[], name: string): CommandSpec | undefined {
  for (let i = 0; i < table.length; i++) if (table[i]!.name === name) return table[i];
  return undefined;
}

/** Hex of one byte, `0x0e`, for messages. */
export function hex2(b: number): string {
  return '0x' + (b < 16 ? '0' : '') + b.toString(16);
}

/**
 * Decodes one record at `offset` into `out`.
 *
 * @returns The offset after the record.
 * @throws CodecError when the arguments run past the frame.
 */
export function decodeRecord(
  spec: CommandSpec,
  bytes: Bytes,
  offset: number,
  out: Record<string, unknown>,
): number {
  const have = bytes.length - offset - 1;
  if (have < spec.value.size) {
    fail(`${spec.name}: need ${spec.value.size} argument bytes after command ` +
      `${hex2(spec.code)} at offset ${offset}, got ${have}`, offset);
  }
  const v = spec.value.read(bytes, offset + 1, spec.name);
  if (spec.flat) {
    const obj = v as Record<string, unknown>;
    for (const k in obj) out[k] = obj[k];
  } else out[spec.name] = v;
  return offset + 1 + spec.value.size;
}

/** Appends a record: code then arguments. */
export function encodeRecord(spec: CommandSpec, value: unknown, out: Bytes): void {
  out.push(spec.code);
  spec.value.write(value, out, spec.name);
}

/**
 * Encodes an object of commands, in the object's key order (the order the device will run
 * them), to one downlink.
 *
 * @throws CodecError for a key the table does not know or a value out of range.
 */
export function encodeCommands(table: CommandSpec[], data: unknown): Bytes {
  if (typeof data !== 'object' || data === null) fail('downlink: expected an object of commands');
  const out: Bytes = [];
  const obj = data as Record<string, unknown>;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (key === 'sendCustomHexCommand') {
      appendHex(obj[key], out);
      continue;
    }
    const spec = byName(table, key);
    if (!spec) fail(`downlink: unknown command '${key}'`);
    encodeRecord(spec!, obj[key], out);
  }
  if (out.length === 0) fail('downlink: no command given');
  return out;
}

function appendHex(v: unknown, out: Bytes): void {
  if (typeof v !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(v)) {
    fail(`sendCustomHexCommand: expected an even number of hex digits, got ${String(v)}`);
  }
  const s = v as string;
  for (let i = 0; i < s.length; i += 2) out.push(parseInt(s.substr(i, 2), 16));
}

/**
 * Decodes a downlink into its commands, the inverse of {@link encodeCommands}.
 *
 * @throws CodecError for an unknown command code (its argument length is unknown, so the
 *   rest cannot be read) or truncated arguments.
 */
export function decodeCommands(table: CommandSpec[], bytes: Bytes): Record<string, unknown> {
  if (bytes.length === 0) fail('downlink: empty payload');
  const out: Record<string, unknown> = {};
  let o = 0;
  while (o < bytes.length) {
    const spec = byCode(table, bytes[o]!);
    if (!spec) fail(`downlink: unknown command ${hex2(bytes[o]!)} at offset ${o}`, o);
    o = decodeRecord(spec!, bytes, o, out);
  }
  return out;
}

/** JSON Schema of an object whose keys are the table's command names. */
export function commandsSchema(table: CommandSpec[], extra: Record<string, JsonSchema> = {}) {
  const properties: Record<string, JsonSchema> = {};
  for (let i = 0; i < table.length; i++) {
    const s = table[i]!;
    if (!(s.name in properties)) {
      const schema: JsonSchema = { description: s.description };
      for (const k in s.value.schema) schema[k] = s.value.schema[k];
      properties[s.name] = schema;
    }
  }
  for (const k in extra) properties[k] = extra[k]!;
  return properties;
}
