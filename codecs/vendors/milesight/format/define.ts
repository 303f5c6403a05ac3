/**
 * Builds a {@link CodecDefinition} from a Milesight device table: one decoder, one encoder and
 * one schema builder serve every device of the family.
 */
import type { Harmonised } from '../../../framework/harmonised.js';
import type {
  Category,
  CodecDefinition,
  CodecExample,
  DecodeInput,
  Decoded,
  EncodeInput,
  Encoded,
  MessageType,
} from '../../../framework/types.js';
import { DEVICE_INFO } from './common.js';
import { decodeItems, encodeItems, type Item } from './item.js';
import { schemaOf } from './schema.js';

/** Milesight devices send and listen on FPort 85 (Milesight user guides, "Payload"). */
export const MILESIGHT_FPORT = 85;

/** What a Milesight device table holds. */
export interface MilesightDevice {
  model: string;
  category: Category;
  description: string;
  /** Uplink records measured by the device (device-information records are added). */
  uplink: Item[];
  /** Downlink commands; the device's echoes of them are also decoded in uplinks. */
  downlink: Item[];
  /** A description per message type name used in the tables. */
  messageTypes: Record<string, string>;
  normalize(data: Record<string, unknown>): Harmonised;
  examples: CodecExample[];
}

function messageTypesOf(dev: MilesightDevice, uplink: Item[]): MessageType[] {
  const out: MessageType[] = [];
  const seen: Record<string, boolean> = {};
  const add = (items: Item[], direction: 'uplink' | 'downlink'): void => {
    for (let i = 0; i < items.length; i++) {
      const name = items[i]!.messageType;
      if (seen[direction + name]) continue;
      seen[direction + name] = true;
      const description = dev.messageTypes[name];
      if (description === undefined) throw new Error(`${dev.model}: no description for ${name}`);
      out.push({ name, direction, fPorts: [MILESIGHT_FPORT], description });
    }
  };
  add(uplink, 'uplink');
  add(dev.downlink, 'downlink');
  return out;
}

/**
 * Makes the codec of one Milesight device.
 *
 * @param dev - the device table.
 * @returns the codec definition, id `milesight/<model>`.
 * @example
 * ```ts
 * const em300di = defineMilesight(EM300_DI);
 * em300di.decodeUplink({ bytes: [0x01, 0x75, 0x5c], fPort: 85, variables: {} });
 * // { data: { battery: 92 } }
 * ```
 */
export function defineMilesight(dev: MilesightDevice): CodecDefinition {
  // Echoes of accepted commands come back in uplinks, so uplinks know the commands too.
  // Only commands on channels 0xF8 to 0xFF are echoed; others (such as WS558's 0x08 switch
  // command) would shadow measurement records.
  const echoes: Item[] = [];
  for (let i = 0; i < dev.downlink.length; i++) {
    if (dev.downlink[i]!.prefix[0]! >= 0xf8) echoes.push(dev.downlink[i]!);
  }
  const uplink = DEVICE_INFO.concat(dev.uplink, echoes);
  const down = dev.downlink;
  const withWarnings = (r: { data: unknown; warnings: string[] }): Decoded =>
    r.warnings.length > 0 ? { data: r.data, warnings: r.warnings } : { data: r.data };
  const messageTypes = messageTypesOf(dev, uplink);
  return {
    id: `milesight/${dev.model}`,
    vendor: 'milesight',
    model: dev.model,
    category: dev.category,
    description: dev.description,
    uplinkFPorts: [MILESIGHT_FPORT],
    downlinkFPorts: [MILESIGHT_FPORT],
    messageTypes,
    // The vendor's decoders read any FPort; so does this one.
    decodeUplink: (input: DecodeInput): Decoded =>
      withWarnings(decodeItems(input.bytes, uplink, 'uplink', true)),
    encodeUplink: (input: EncodeInput): Encoded => ({
      bytes: encodeItems(input.data, uplink, 'uplink'),
      fPort: input.fPort ?? MILESIGHT_FPORT,
    }),
    encodeDownlink: (input: EncodeInput): Encoded => ({
      bytes: encodeItems(input.data, down, 'downlink'),
      // The devices read commands on any FPort; the port asked for is kept (Actility's examples
      // send on 100), else the vendor's default 85.
      fPort: input.fPort ?? MILESIGHT_FPORT,
    }),
    decodeDownlink: (input: DecodeInput): Decoded =>
      withWarnings(decodeItems(input.bytes, down, 'downlink', false)),
    normalizeUplink: (data: unknown) => dev.normalize(data as Record<string, unknown>),
    uplinkSchema: schemaOf(uplink, `${dev.model} uplink`),
    downlinkSchema: schemaOf(down, `${dev.model} downlink`),
    examples: dev.examples,
  };
}
