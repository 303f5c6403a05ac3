/**
 * One NAS packet type. NAS devices put one packet per frame: the FPort says the family
 * (status, usage, configuration, command, alert, system) and the first byte, the header,
 * says which packet it is (NAS "UL2030 LoRaWAN application payload" and "CM3xxx/UM3xxx
 * payload" documents). A device is a table of these.
 */
import type { JsonSchema } from '../../../framework/types.js';
import type { Reader, Writer } from './io.js';
import type { Fields } from './values.js';

/** A NAS packet: its place (FPort, header), direction, and its two directions of coding. */
export interface NasPacket {
  /** The vendor's `packet_type`. */
  name: string;
  fPort: number;
  header: number;
  direction: 'uplink' | 'downlink' | 'both';
  packetDescription: string;
  /** When two packets share FPort and header, whether `bytes` is this one (by length). */
  matchesFrame?(bytes: number[]): boolean;
  /** When two packets share a name, whether `data` is this one. */
  accepts?(data: Fields): boolean;
  /** Reads the body (the cursor is after the header) into `out`; alarms go to `warnings`. */
  decode(r: Reader, out: Fields, warnings: string[]): void;
  /**
   * Appends the body for `data` (the header is already written), for a packet that travels
   * downlink (or both ways).
   */
  encode?(data: Fields, w: Writer): void;
  /**
   * The same, for a packet that only travels uplink: used only by the codec's `encodeUplink`
   * (simulators), so network-server scripts, which never encode uplinks, leave it out (see
   * scripts/build-codec-scripts.mjs).
   */
  encodeUplink?(data: Fields, w: Writer): void;
  /** JSON Schema of the decoded fields other than `packet_type`. */
  packetSchema: Record<string, JsonSchema>;
  /** Schema of fields with names known only at run time (default: none allowed). */
  additional?: JsonSchema;
}

/** Schema shorthands. */
export const S = {
  int: { type: 'integer' } as JsonSchema,
  num: { type: 'number' } as JsonSchema,
  bool: { type: 'boolean' } as JsonSchema,
  str: { type: 'string' } as JsonSchema,
  /** A number or one of the named special values. */
  intOr: (...names: string[]): JsonSchema => ({ oneOf: [{ type: 'integer' }, { enum: names }] }),
  numOr: (...names: string[]): JsonSchema => ({ oneOf: [{ type: 'number' }, { enum: names }] }),
  enum: (...names: string[]): JsonSchema => ({ enum: names }),
  obj: (properties: Record<string, JsonSchema>): JsonSchema =>
    ({ type: 'object', properties, additionalProperties: false }),
  list: (items: JsonSchema): JsonSchema => ({ type: 'array', items }),
};
