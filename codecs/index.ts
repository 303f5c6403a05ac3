/**
 * loire/codecs: sensor payload codecs with LoRa Alliance TS013 shapes, their registry, and the
 * vendor-neutral harmonised view.
 *
 * @packageDocumentation
 */
export type {
  Bytes,
  Category,
  CodecDefinition,
  CodecExample,
  DecodeInput,
  Decoded,
  EncodeInput,
  Encoded,
  JsonSchema,
  MessageType,
} from './framework/types.js';
export type {
  Harmonised,
  HarmonisedAir,
  HarmonisedCommon,
  HarmonisedGeneric,
  HarmonisedHvac,
  HarmonisedLighting,
  HarmonisedWaste,
  HarmonisedWater,
} from './framework/harmonised.js';
export type { CodecError } from './framework/codec-error.js';
export type { CodecStyle } from './framework/types.js';
export { fail, isCodecError } from './framework/codec-error.js';
export { roundToFloat32 } from './framework/float32.js';
export { toTtsNormalized, type TtsMeasurement } from './framework/tts-normalized.js';
export {
  bindTs013,
  decodeDownlink,
  decodeUplink,
  encodeDownlink,
  encodeUplink,
  normalizeUplink,
} from './framework/ts013.js';
export type {
  Ts013Codec,
  Ts013DecodeInput,
  Ts013DecodeOutput,
  Ts013EncodeInput,
  Ts013EncodeOutput,
  Ts013NormalizeInput,
  Ts013Options,
} from './framework/ts013.js';
export { codecIds, describeCodec, getCodec, listCodecs, type CodecInfo } from './registry.js';
export { cayenneLpp, LPP_STYLES, LPP_TYPES, type LppStyle } from './formats/cayenne-lpp/index.js';
export * from './catalog.js';
