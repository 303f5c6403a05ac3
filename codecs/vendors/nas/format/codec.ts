/**
 * Turns a NAS device table (its packets) into a {@link CodecDefinition}. Decoded data has the
 * vendor's shape: `{ packet_type, ...fields }`, field names carrying their units after a
 * double underscore (`mcu_temperature__C`), as the vendor's reference decoders write them.
 */
import { fail } from '../../../framework/codec-error.js';
import type { Harmonised } from '../../../framework/harmonised.js';
import type {
  Category, CodecDefinition, CodecExample, Decoded, Encoded, JsonSchema, MessageType,
} from '../../../framework/types.js';
import { left, reader, writer } from './io.js';
import type { NasPacket } from './packet.js';
import { asFields, type Fields } from './values.js';

/** One NAS device: its packets, harmonised view and examples. */
export interface NasDevice {
  id: string;
  model: string;
  category: Category;
  description: string;
  packets: NasPacket[];
  normalize(data: Fields): Harmonised;
  examples: CodecExample[];
}

type Dir = 'uplink' | 'downlink';

function hex2(v: number): string {
  return '0x' + (v < 16 ? '0' : '') + v.toString(16);
}

function travels(p: NasPacket, dir: Dir): boolean {
  return p.direction === 'both' || p.direction === dir;
}

/** Decodes one frame with the packets that travel in `dir`. */
export function decodeNasFrame(packets: NasPacket[], bytes: number[], fPort: number,
  dir: Dir): Decoded {
  if (bytes.length === 0) fail(`${dir}: empty payload on fPort ${fPort}`, 0);
  const header = bytes[0]!;
  let onOtherPort: NasPacket | undefined;
  let portKnown = false;
  for (const p of packets) {
    if (!travels(p, dir)) continue;
    if (p.fPort === fPort) portKnown = true;
    if (p.header !== header || (p.matchesFrame !== undefined && !p.matchesFrame(bytes))) continue;
    if (p.fPort !== fPort) {
      onOtherPort = onOtherPort || p;
      continue;
    }
    const out: Fields = { packet_type: p.name };
    const warnings: string[] = [];
    const r = reader(bytes, p.name);
    p.decode(r, out, warnings);
    // The vendor reports leftover bytes as an error (invalid_payload_length_long).
    if (left(r) > 0) {
      fail(`${p.name}: ${left(r)} unexpected byte${left(r) === 1 ? '' : 's'} at offset ` +
        `${r.offset}, frame is ${bytes.length} bytes`, r.offset);
    }
    return { data: out, warnings };
  }
  if (onOtherPort !== undefined) {
    fail(`${onOtherPort.name}: header ${hex2(header)} travels on fPort ${onOtherPort.fPort}, ` +
      `got fPort ${fPort}`, 0);
  }
  if (portKnown) fail(`${dir} fPort ${fPort}: unknown packet header ${hex2(header)}`, 0);
  fail(`${dir}: fPort ${fPort} carries no ${dir} packet of this device`);
}

/** Encodes `data` (`{ packet_type, ... }`) with the packets that travel in `dir`. */
export function encodeNasPacket(packets: NasPacket[], data: unknown, dir: Dir): Encoded {
  const fields = asFields(data, dir);
  const name = fields['packet_type'];
  let known = false;
  for (const p of packets) {
    if (p.name !== name || !travels(p, dir)) continue;
    known = true;
    if (p.accepts !== undefined && !p.accepts(fields)) continue;
    const w = writer(p.header, p.name);
    const encode = p.direction === 'uplink' ? p.encodeUplink : p.encode;
    // A script for a network server has no uplink encoders (see NasPacket.encodeUplink).
    if (encode === undefined) fail(`${p.name}: no encoder in this build`);
    encode(fields, w);
    return { bytes: w.bytes, fPort: p.fPort };
  }
  if (known) fail(`${String(name)}: fields match no form of this packet`);
  const names: string[] = [];
  for (const p of packets) if (travels(p, dir) && names.indexOf(p.name) < 0) names.push(p.name);
  fail(`${dir}: packet_type must be one of ${names.join(', ')}, got ${JSON.stringify(name)}`);
}

function schemaOf(device: NasDevice, dir: Dir): JsonSchema {
  const variants: JsonSchema[] = [];
  for (const p of device.packets) {
    if (!travels(p, dir)) continue;
    const properties: Record<string, JsonSchema> = { packet_type: { const: p.name } };
    for (const k in p.packetSchema) properties[k] = p.packetSchema[k]!;
    variants.push({ type: 'object', required: ['packet_type'], properties,
      additionalProperties: p.additional !== undefined ? p.additional : false });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${device.id} ${dir} data`,
    anyOf: variants,
  };
}

function ports(device: NasDevice, dir: Dir): number[] {
  const out: number[] = [];
  for (const p of device.packets) {
    if (travels(p, dir) && out.indexOf(p.fPort) < 0) out.push(p.fPort);
  }
  return out.sort((a, b) => a - b);
}

function messageTypes(device: NasDevice): MessageType[] {
  const out: MessageType[] = [];
  for (const p of device.packets) {
    const dirs: Dir[] = p.direction === 'both' ? ['uplink', 'downlink'] : [p.direction];
    for (const d of dirs) {
      const seen = out.some((m) => m.name === p.name && m.direction === d &&
        m.fPorts![0] === p.fPort);
      if (!seen) out.push({ name: p.name, direction: d, fPorts: [p.fPort],
        description: p.packetDescription });
    }
  }
  return out;
}

/**
 * The codec of a NAS device table.
 *
 * @param device - the device's packets, harmonised view and examples
 * @returns a {@link CodecDefinition} decoding and encoding both directions
 * @example
 * ```ts
 * const def = nasCodec(UL20XX);
 * def.decodeUplink({ bytes: [0x01, 0xfe, 0x64], fPort: 60, variables: {} }).data;
 * // { packet_type: 'manual_dimming', destination: [...] }
 * ```
 */
export function nasCodec(device: NasDevice): CodecDefinition {
  const packets = device.packets;
  return {
    id: device.id,
    vendor: 'nas',
    model: device.model,
    category: device.category,
    description: device.description,
    uplinkFPorts: ports(device, 'uplink'),
    downlinkFPorts: ports(device, 'downlink'),
    messageTypes: messageTypes(device),
    decodeUplink: (input) => decodeNasFrame(packets, input.bytes, input.fPort, 'uplink'),
    encodeUplink: (input) => encodeNasPacket(packets, input.data, 'uplink'),
    encodeDownlink: (input) => encodeNasPacket(packets, input.data, 'downlink'),
    decodeDownlink: (input) => decodeNasFrame(packets, input.bytes, input.fPort, 'downlink'),
    normalizeUplink: (data) => device.normalize(asFields(data, 'normalizeUplink')),
    uplinkSchema: schemaOf(device, 'uplink'),
    downlinkSchema: schemaOf(device, 'downlink'),
    examples: device.examples,
  };
}
