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
export { milesightCodecs } from './vendors/milesight/index.js';
export { dingtekCodecs } from './vendors/dingtek/index.js';
export { mclimateCodecs } from './vendors/mclimate/index.js';
export { nexelecCodecs } from './vendors/nexelec/index.js';
export { nanosenseCodecs } from './vendors/nanosense/index.js';
export { nasCodecs } from './vendors/nas/index.js';
