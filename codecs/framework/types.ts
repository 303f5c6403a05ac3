/**
 * The shape of a codec description. A codec is described once, as a {@link CodecDefinition};
 * the framework turns it into the LoRa Alliance TS013-1.0.0 functions (`decodeUplink`,
 * `encodeDownlink`, `decodeDownlink`), plus `encodeUplink` for the simulator and firmware teams,
 * and into self-contained ES5 scripts for network servers.
 *
 * Codec code runs in ES5 engines once built into a script, so inside a codec: bytes are plain
 * `number[]`, and only ES5 built-ins are used at run time (no typed arrays, DataView, Map, Set,
 * Symbol, Object.assign, Array.from, String#padStart, Number.isInteger, Math.trunc/fround/sign,
 * TextDecoder, Buffer). Syntax may be modern TypeScript: the build lowers it to ES5.
 */

/** A byte array as codecs see it: integers 0 to 255. */
export type Bytes = number[];

/** The kind of equipment a codec serves. */
export type Category = 'water' | 'lighting' | 'hvac' | 'air' | 'waste' | 'generic';

/** Input of an uplink (or downlink) decoder, after the framework has normalised it. */
export interface DecodeInput {
  /** The FRMPayload, decrypted. */
  bytes: Bytes;
  /** The LoRaWAN FPort. */
  fPort: number;
  /** When the network received the frame, if known. */
  recvTime?: Date;
  /** Per-device variables set by the operator (TS013 `variables`). */
  variables: Record<string, unknown>;
}

/** Input of an encoder: the object to encode. */
export interface EncodeInput {
  data: unknown;
  variables: Record<string, unknown>;
  /**
   * The FPort the caller asks for, when it names one (as Actility-style inputs do); a codec
   * whose format fixes the port may ignore it. Added by the framework; optional.
   */
  fPort?: number;
}

/** What a codec's decoder returns when it succeeds. */
export interface Decoded {
  data: unknown;
  /** Non-fatal notes: unknown records skipped, alarms a vendor reports as warnings. */
  warnings?: string[];
}

/** What a codec's encoder returns. */
export interface Encoded {
  bytes: Bytes;
  fPort: number;
  warnings?: string[];
}

/** One message type a device documents. */
export interface MessageType {
  /** Short name, such as `status`, `usage`, `set_report_interval`. */
  name: string;
  direction: 'uplink' | 'downlink';
  /** FPorts it travels on, when the format fixes them. */
  fPorts?: number[];
  description: string;
}

/** A JSON Schema (draft-07) document, as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** A worked example: bytes and what they decode to (or the data that encodes to them). */
export interface CodecExample {
  description: string;
  /** `decodeUplink`, `decodeDownlink` or `encodeDownlink`. */
  operation: 'decodeUplink' | 'decodeDownlink' | 'encodeDownlink';
  fPort: number;
  bytesHex: string;
  /** Decoded data, or for `encodeDownlink` the input data. */
  data: unknown;
  recvTime?: string;
  warnings?: string[];
  errors?: string[];
  /** Where the example comes from (vendor document, reference decoder), for traceability. */
  source: string;
  /** TS013 `variables` the example needs, such as `{ style: 'tts' }` (added by the framework). */
  variables?: Record<string, unknown>;
}

/**
 * One output style of a codec whose decoded shape is chosen by `variables.style` (Cayenne LPP
 * prints as The Things Stack, as ChirpStack, or neutrally). Added by the framework; optional.
 */
export interface CodecStyle {
  /** The value of `variables.style` that selects it, such as `tts`. */
  name: string;
  description: string;
  /** JSON Schema (draft-07) of the uplink `data` in this style. */
  uplinkSchema: JsonSchema;
}

/**
 * A codec, described once.
 *
 * Decoders and encoders signal bad input by throwing a {@link CodecError}
 * (see `codecs/framework/codec-error.ts`); the framework turns it into TS013 `errors`.
 * They never return a partial object as if it were valid.
 */
export interface CodecDefinition {
  /** `vendor/model`, lowercase, such as `milesight/em300-di`. */
  id: string;
  vendor: string;
  model: string;
  category: Category;
  description: string;
  uplinkFPorts: number[];
  downlinkFPorts: number[];
  messageTypes: MessageType[];
  /** Decodes an uplink's FRMPayload; throws a CodecError for bytes it cannot decode. */
  decodeUplink(input: DecodeInput): Decoded;
  /** What the device itself would send for `data` (used by the simulator). */
  encodeUplink?(input: EncodeInput): Encoded;
  /** Encodes a downlink command from `input.data`; throws a CodecError for bad data. */
  encodeDownlink?(input: EncodeInput): Encoded;
  /** Decodes a downlink as sent to the device (the inverse of `encodeDownlink`). */
  decodeDownlink?(input: DecodeInput): Decoded;
  /** The vendor-neutral view of a decoded uplink's `data`; see `harmonised.ts`. */
  normalizeUplink?(data: unknown): import('./harmonised.js').Harmonised;
  /**
   * Device states that `normalizeUplink` reports as warnings, in the vendor's wording, where
   * the vendor's own normalizer does (MClimate Vicki: `'childLock: true'`).
   */
  normalizeWarnings?(data: unknown): string[];
  uplinkSchema: JsonSchema;
  downlinkSchema?: JsonSchema;
  examples: CodecExample[];
  /**
   * Output styles selected by `variables.style`, the first being the default (optional, added by
   * the framework). Codecs without styles ignore `variables.style`.
   */
  styles?: CodecStyle[];
}
